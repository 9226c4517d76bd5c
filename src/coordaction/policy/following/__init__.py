"""Following the work: a member follows a working group, a chantier or a section,
and receives a digest by mail (daily or weekly, their choice) of what was
published or changed there that they may see.

- ``follows``: who follows what, and how often they want the digest;
- ``digest``: what changed for one member, read with their own rights, and the
  scheduled round that sends the digests;
- ``views``: the button "Suivre" (``@@suivre``) and the member's page of
  follows (``@@mes-suivis``).
"""
