"""Sending a notice by e-mail, in the site's language, without ever failing what it
tells of: the one way the workflows, the groups and the participation features
write to people."""

from coordaction.content.i18n import in_site_language
from plone import api
import logging


logger = logging.getLogger(__name__)


def send_notice(recipients, subject, body):
    """E-mail a notice, in French, to each recipient; return how many were sent.
    A notice never blocks what it tells of (a transition, a submission, the
    scheduled job): a failure is only logged."""
    sent = 0
    for recipient in recipients:
        try:
            api.portal.send_email(
                recipient=recipient,
                subject=in_site_language(subject),
                body=in_site_language(body),
            )
        except Exception:
            logger.exception("Could not send %r to %s", subject, recipient)
        else:
            sent += 1
    return sent
