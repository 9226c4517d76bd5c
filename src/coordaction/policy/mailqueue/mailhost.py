"""The portal's MailHost: Plone's, except that every message goes through the
queue, even those Plone asks to send "immediately" (the password reset), so that
no request ever waits for, or fails because of, the SMTP server.

Where the queue lies is the running instance's business, not the database's:
COORDACTION_MAIL_QUEUE, else ``mailqueue`` in the instance's data folder. Several
instances on one machine share it (each message is claimed before it is sent);
instances on several machines each drain their own.
"""

from AccessControl.class_init import InitializeClass
from coordaction.policy.mailqueue.outbox import queue_directory
from coordaction.policy.mailqueue.processor import MailQueueProcessor
from os.path import realpath
from Products.MailHost.MailHost import MailHost
from Products.MailHost.MailHost import queue_threads
from zope.sendmail.delivery import QueuedMailDelivery
import logging
import os


logger = logging.getLogger(__name__)


def processing_enabled():
    """Scripts (site creation, imports) only queue: the server sends."""
    return os.environ.get("COORDACTION_MAIL_PROCESSOR", "1") != "0" and not (
        os.environ.get("MAILHOST_QUEUE_ONLY")
    )


class QueuedMailHost(MailHost):
    """A MailHost whose messages always wait in the queue of the instance."""

    meta_type = "Mail Host"

    @property
    def smtp_queue(self):
        return True

    @smtp_queue.setter
    def smtp_queue(self, value):
        """Always queued: the ZMI's "use mail queue" box has no say."""

    @property
    def smtp_queue_directory(self):
        return queue_directory()

    @smtp_queue_directory.setter
    def smtp_queue_directory(self, value):
        """The ZMI form sets it: the instance's configuration decides instead."""

    def _getThreadKey(self):
        return realpath(self.smtp_queue_directory)

    def processor(self):
        """The processor thread draining this instance's queue, if running."""
        thread = queue_threads.get(self._getThreadKey())
        return thread if thread is not None and thread.is_alive() else None

    def _startQueueProcessorThread(self, **options):
        """Start the processor (once per queue and process), or give it the
        current SMTP settings if it runs already."""
        with self.lock:
            key = self._getThreadKey()
            thread = queue_threads.get(key)
            if thread is not None and thread.is_alive():
                if isinstance(thread, MailQueueProcessor):
                    thread.setMailer(self._makeMailer())
                return thread
            thread = MailQueueProcessor(
                self.smtp_queue_directory, self._makeMailer(), **options
            )
            thread.start()
            queue_threads[key] = thread
            logger.info("Mail queue processor started for %s", key)
            return thread

    def _send(self, mfrom, mto, messageText, immediate=False):
        directory = self.smtp_queue_directory
        if directory is None:
            # No data folder (an unusual set-up): Plone's direct delivery.
            logger.warning("No mail queue folder: sending directly")
            return super()._send(mfrom, mto, messageText, immediate)
        if isinstance(mto, str):
            mto = [mto]
        if processing_enabled():
            self._startQueueProcessorThread()
        QueuedMailDelivery(directory).send(mfrom, mto, messageText)


InitializeClass(QueuedMailHost)


# The settings a MailHost keeps, carried over when it is replaced.
_SETTINGS = ("title", "smtp_host", "smtp_port", "smtp_uid", "smtp_pwd", "force_tls")


def _replace_mailhost(site, factory):
    from Acquisition import aq_base
    from Products.MailHost.interfaces import IMailHost
    from zope.component import getSiteManager

    old = aq_base(site.MailHost)
    new = factory("MailHost")
    for name in _SETTINGS + ("implicit_tls",):
        if name in old.__dict__:
            setattr(new, name, old.__dict__[name])
    site._delObject("MailHost", suppress_events=True)
    site._setObject("MailHost", new, suppress_events=True)
    site_manager = getSiteManager(context=site)
    site_manager.unregisterUtility(provided=IMailHost)
    site_manager.registerUtility(aq_base(site.MailHost), provided=IMailHost)
    return site.MailHost


def use_queued_mailhost(site):
    """Install the queued MailHost (keeping the SMTP settings); idempotent."""
    if isinstance(site.MailHost, QueuedMailHost):
        return site.MailHost
    return _replace_mailhost(site, QueuedMailHost)


def use_plone_mailhost(site):
    """Give the site Plone's own MailHost back (on uninstall)."""
    if not isinstance(site.MailHost, QueuedMailHost):
        return site.MailHost
    return _replace_mailhost(site, MailHost)
