"""1011: mail goes through the queue (the queued MailHost and its control panel)."""

from coordaction.policy.mailqueue.mailhost import use_queued_mailhost
from plone import api


def queue_mail(context):
    use_queued_mailhost(api.portal.get())
    context.runImportStepFromProfile("coordaction.policy:default", "controlpanel")
