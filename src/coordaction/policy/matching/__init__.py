"""Mise en lien: putting future residents in touch with projects and ads.

- ``criteria``: what a future resident looks for, read from the page's form, and
  whether a project sheet or an ad matches it;
- ``subscriptions``: the e-mail alerts (double opt-in), stored in the portal, and the
  functions the scheduled job and the personal-data page call;
- ``mails``: the confirmation and alert messages;
- ``alerts``: the alert sent when a matching item is published;
- ``browser``: the pages ``@@mise-en-lien``, ``@@mise-en-lien-confirmer`` and
  ``@@mise-en-lien-desabonner``.
"""
