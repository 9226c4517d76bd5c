"""Start the mail queue processors with the server, so that messages queued
before a restart (or while the SMTP server was down) leave without waiting for
a new one; keep them on the SMTP settings of the control panel."""

from coordaction.policy.mailqueue.mailhost import QueuedMailHost
from coordaction.policy.mailqueue.mailhost import processing_enabled
from zope.component.hooks import getSite
from zope.component.hooks import setSite
import logging


logger = logging.getLogger(__name__)


def start_mail_queues(event):
    """On ProcessStarting: a processor for each site's queued MailHost."""
    if not processing_enabled():
        return
    try:
        import Zope2

        app = Zope2.app()
    except Exception:
        logger.exception("Mail queue: could not open the database")
        return
    previous = getSite()
    try:
        for site in app.objectValues():
            mailhost = getattr(site.aq_base, "MailHost", None)
            if not isinstance(mailhost, QueuedMailHost):
                continue
            setSite(site)  # Plone reads the SMTP settings from the registry
            try:
                site.MailHost._startQueueProcessorThread()
            except Exception:
                logger.exception("Mail queue of %s not started", site.getId())
    finally:
        setSite(previous)
        app._p_jar.close()


def smtp_settings_changed(event):
    """The SMTP settings changed in the control panel: the processor uses them."""
    if not (event.record.__name__ or "").startswith("plone.smtp_"):
        return
    from plone import api

    mailhost = api.portal.get_tool("MailHost")
    if isinstance(mailhost, QueuedMailHost) and mailhost.processor() is not None:
        mailhost._startQueueProcessorThread()
