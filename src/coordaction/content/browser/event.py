"""Plone's event summary (plone.app.event), without the link to the event's web
address when a stored one is not a web address (saved before the address rule):
it would be a live ``javascript:`` link on the event's page; and the start of an
event in the portlet of upcoming events, in words."""

from coordaction.content.addresses import safe_href
from coordaction.content.dates import event_start_text
from coordaction.content.dates import event_when
from html import escape
from plone.app.event.browser.event_summary import EventSummaryView
from plone.event.interfaces import IEventAccessor
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class SafeEventSummaryView(EventSummaryView):
    # plone.app.event 6.0.1's, without the time zone after the dates ("(Europe/Paris
    # / UTC100)"): the portal has only one.
    index = ViewPageTemplateFile("templates/event_summary.pt")

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
        accessor = self.accessor(occurrence)
        if accessor is None or accessor.start is None:
            return ""
        return (
            f'<time datetime="{escape(accessor.start.isoformat())}">'
            f"{escape(self.text(accessor))}</time>"
        )

    def text(self, accessor):
        return event_start_text(accessor, self.request)

    @staticmethod
    def accessor(occurrence):
        return (
            occurrence
            if IEventAccessor.providedBy(occurrence)
            else IEventAccessor(occurrence, None)
        )


class EventDates(EventStartDate):
    """When an event takes place, in a sentence, on its page and in Plone's event
    listings: "Vendredi 25 décembre 2026, de 14 h à 17 h" (plone.app.event's
    ``formatted_date`` provider writes "Le 25/12/2026, de 14:00 à 17:00")."""

    def text(self, accessor):
        return event_when(accessor, self.request)
