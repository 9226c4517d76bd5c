"""@@file-des-courriels: what waits in the mail queue, what failed and why; send
a failed message again, or try the waiting ones now."""

from coordaction.policy import _
from coordaction.policy.mailqueue.outbox import Outbox
from datetime import datetime
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zoneinfo import ZoneInfo


def _when(timestamp):
    """A moment as the portal's readers tell the time (plone.portal_timezone)."""
    if not timestamp:
        return ""
    zone = ZoneInfo(
        api.portal.get_registry_record("plone.portal_timezone", default="UTC") or "UTC"
    )
    return datetime.fromtimestamp(timestamp, tz=zone).strftime("%d/%m/%Y %H:%M:%S")


class MailQueueView(BrowserView):
    message = None

    @property
    def mailhost(self):
        return api.portal.get_tool("MailHost")

    @property
    def outbox(self):
        directory = getattr(self.mailhost, "smtp_queue_directory", None)
        if not directory or not getattr(self.mailhost, "smtp_queue", False):
            return None
        return Outbox(directory)

    def __call__(self):
        outbox = self.outbox
        if outbox is not None and self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            if form.get("retry"):
                name = str(form["retry"])
                if outbox.retry(name):
                    self.message = _("The message is put back in the queue.")
                else:
                    self.message = _("This message is no longer in the queue.")
            elif form.get("now"):
                outbox.retry_all_now()
                self.message = _("Waiting messages leave on the next run.")
            processor = self.mailhost.processor()
            if processor is not None:
                processor.wake()
        return self.index()

    def server(self):
        host = api.portal.get_registry_record("plone.smtp_host", default="")
        port = api.portal.get_registry_record("plone.smtp_port", default=25)
        return f"{host}:{port}"

    def processor_running(self):
        return self.mailhost.processor() is not None

    def _rows(self, messages):
        return [
            {
                "name": message.name,
                "subject": message.subject,
                "recipients": message.recipients,
                "queued_at": _when(message.queued_at),
                "attempts": message.attempts,
                "last_error": message.last_error,
                "next_attempt": _when(message.next_attempt),
            }
            for message in messages
        ]

    def waiting(self):
        return self._rows(self.outbox.waiting()) if self.outbox else []

    def failed(self):
        return self._rows(self.outbox.failed()) if self.outbox else []
