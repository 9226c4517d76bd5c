"""The programme of an edition, made of its scheduled contributions: a page by
day and time (``@@programme``, printable) and an iCalendar file to import in a
diary (``@@programme.ics``). Each visitor sees what they may: scheduled
contributions are public, the others never appear."""

from coordaction.content.dates import day_title
from coordaction.content.dates import time_text
from coordaction.policy.meetings.pages import ProposalView
from coordaction.policy.meetings.pages import when
from datetime import datetime
from datetime import timedelta
from icalendar import Calendar
from icalendar import Event
from itertools import groupby
from plone import api
from plone.app.event.base import default_timezone
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zoneinfo import ZoneInfo


# A contribution without a duration lasts this long in the diary.
DEFAULT_MINUTES = 90


def scheduled(edition):
    """The scheduled contributions the visitor may see, by day, time and room."""
    brains = api.content.find(
        context=edition, portal_type="MeetingProposal", review_state="scheduled"
    )
    proposals = [brain.getObject() for brain in brains]
    return sorted(
        (p for p in proposals if p.slot_day and p.slot_time),
        key=lambda p: (p.slot_day, p.slot_time, p.slot_room or "", p.Title()),
    )


class ProgrammeView(BrowserView):
    template = ViewPageTemplateFile("templates/programme.pt")

    def __call__(self):
        return self.template()

    def when(self):
        return when(self.context, self.request)

    def days(self):
        """[{title, slots: [{time, room, title, url, format, speakers}]}]."""
        return [
            {
                "title": day_title(day, self.request),
                "slots": [
                    {
                        "time": time_text(p.slot_time, self.request),
                        "room": p.slot_room,
                        "title": p.Title(),
                        "url": p.absolute_url(),
                        "format": ProposalView(p, self.request).label(
                            "proposal_format"
                        ),
                        "organisation": p.organisation or "",
                    }
                    for p in proposals
                ],
            }
            for day, proposals in groupby(
                scheduled(self.context), key=lambda p: p.slot_day
            )
        ]


class ProgrammeCalendar(BrowserView):
    """``@@programme.ics``: one event per scheduled contribution."""

    def __call__(self):
        edition = self.context
        zone = ZoneInfo(default_timezone(edition))
        calendar = Calendar()
        calendar.add("prodid", "-//Coordin'action//Programme des RNHP//FR")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", edition.Title())
        calendar.add("x-wr-timezone", str(zone))
        host = self.request.get("SERVER_NAME", "coordaction")
        for proposal in scheduled(edition):
            start = datetime.combine(proposal.slot_day, proposal.slot_time, zone)
            minutes = proposal.duration_minutes or DEFAULT_MINUTES
            event = Event()
            event.add("uid", f"{proposal.UID()}@{host}")
            event.add("summary", proposal.Title())
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=minutes))
            event.add("dtstamp", datetime.now(zone))
            event.add("location", f"{proposal.slot_room}, {edition.place}")
            event.add("description", proposal.summary or "")
            event.add("url", proposal.absolute_url())
            calendar.add_component(event)
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="programme-{edition.getId()}.ics"',
        )
        return calendar.to_ical()
