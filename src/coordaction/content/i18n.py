"""Messages rendered in French outside of a request's language negotiation: the
portal speaks French, in e-mails, created content and form errors alike."""

from zope.i18n import translate


def in_french(message):
    """A message (a msgid with its mapping) translated into French."""
    return translate(message, target_language="fr")
