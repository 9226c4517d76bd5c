"""Plone's event summary (plone.app.event), without the link to the event's web
address when a stored one is not a web address (saved before the address rule):
it would be a live ``javascript:`` link on the event's page."""

from coordaction.content.addresses import safe_href
from pathlib import Path
from plone.app.event.browser import event_summary
from plone.app.event.browser.event_summary import EventSummaryView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class SafeEventSummaryView(EventSummaryView):
    index = ViewPageTemplateFile(Path(event_summary.__file__).with_suffix(".pt"))

    def __init__(self, context, request):
        super().__init__(context, request)
        if self.data.event_url and not safe_href(self.data.event_url):
            self.excludes = [*self.excludes, "event_url"]

    def __call__(self):
        return self.index()
