"""Chantiers: the needs of the federation, its working groups and member
associations, matched with the people who can help.

- ``carriers``: who carries a chantier (its author, the coordinators of the working
  group that carries it), and their addresses;
- ``offers``: the offers of help ("Je peux contribuer") and their answers;
- ``notices``: the mail of an offer and of its answer;
- ``skills``: the skills a member offers, and their alert (double opt-in);
- ``alerts``: the mails of that alert, its purge, its erasure on request;
- ``pages``, ``my_skills``: the pages (the chantier, the offer, the answers, the
  status; the member's skills and the links of the alert's mails);
- ``produced``: what a resource shows of the chantier it comes from.
"""
