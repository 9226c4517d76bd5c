"""Plone's event summary (plone.app.event), without the link to the event's web
address when a stored one is not a web address (saved before the address rule):
it would be a live ``javascript:`` link on the event's page; and the start of an
event in the portlet of upcoming events, in words."""

from coordaction.content.addresses import safe_href
from coordaction.content.dates import event_start_text
from html import escape
from pathlib import Path
from plone.app.event.browser import event_summary
from plone.app.event.browser.event_summary import EventSummaryView
from plone.event.interfaces import IEventAccessor
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class SafeEventSummaryView(EventSummaryView):
    index = ViewPageTemplateFile(Path(event_summary.__file__).with_suffix(".pt"))

    def __init__(self, context, request):
        super().__init__(context, request)
        if self.data.event_url and not safe_href(self.data.event_url):
            self.excludes = [*self.excludes, "event_url"]

    def __call__(self):
        return self.index()


class EventStartDate:
    """The start of an event in the "Upcoming events" portlet, in words: "12
    décembre 2026 à 19 h" (plone.app.event's ``formatted_date`` provider for
    portlets writes "12/12/2026 19:00", or "Dec 12, 2026 07:00 PM")."""

    def __init__(self, context, request, view):
        self.context = context
        self.request = request
        self.__parent__ = view

    def __call__(self, occurrence):
        accessor = (
            occurrence
            if IEventAccessor.providedBy(occurrence)
            else IEventAccessor(occurrence, None)
        )
        if accessor is None or accessor.start is None:
            return ""
        return (
            f'<time datetime="{escape(accessor.start.isoformat())}">'
            f"{escape(event_start_text(accessor, self.request))}</time>"
        )
