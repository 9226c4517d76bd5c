"""An open-days campaign's page (``open_days_view``): the projects that open
their doors within its days, the public's sheets only, by date; on the project
map (``@@portes-ouvertes.geojson``, the features of ``@projects-geojson``) and
in an iCalendar feed (``@@portes-ouvertes.ics``)."""

from coordaction.content.dates import day_start
from coordaction.content.dates import day_title
from coordaction.content.dates import event_when
from coordaction.content.sections import PROJECTS
from coordaction.policy import _
from coordaction.policy.resourcecentre.facets.get import vocabulary_titles
from coordaction.policy.resourcecentre.geojson.get import first_photos
from coordaction.policy.resourcecentre.geojson.get import project_feature
from coordaction.policy.resourcecentre.map_settings import ProjectMapPage
from coordaction.policy.site.public import public_brains
from datetime import datetime
from datetime import timedelta
from icalendar import Calendar
from icalendar import Event
from plone import api
from plone.app.event.base import default_timezone
from Products.Five.browser import BrowserView
from types import SimpleNamespace
from zope.i18n import translate
import json


def participants(campaign):
    """The brains of the published project sheets whose open day starts within
    the campaign's days (in the portal's time zone), soonest first."""
    days = (
        day_start(campaign.first_day),
        day_start(campaign.last_day + timedelta(days=1)),
    )
    return public_brains(
        portal_type="ProjectSheet",
        open_day_start={"query": days, "range": "min:max"},
        sort_on="open_day_start",
    )


def when(brain, request):
    """« Samedi 12 juin 2027, de 10 h à 17 h », as an event's dates are written."""
    return event_when(
        SimpleNamespace(
            start=brain.open_day_start,
            end=brain.open_day_end,
            whole_day=False,
            open_end=False,
        ),
        request,
    )


class OpenDaysView(BrowserView, ProjectMapPage):
    def days(self):
        context = self.context
        return translate(
            _(
                "from ${start} to ${end}",
                mapping={
                    "start": day_title(context.first_day, self.request),
                    "end": day_title(context.last_day, self.request),
                },
            ),
            context=self.request,
        )

    def projects(self):
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "commune": brain.commune or "",
                "when": when(brain, self.request),
            }
            for brain in participants(self.context)
        ]

    def projects_url(self):
        return f"{api.portal.get().absolute_url()}/{PROJECTS}"

    def geojson_url(self):
        return f"{self.context.absolute_url()}/@@portes-ouvertes.geojson"

    def ics_url(self):
        return f"{self.context.absolute_url()}/@@portes-ouvertes.ics"


class OpenDaysGeoJSON(BrowserView):
    """The campaign's projects with a position, as the project map reads them."""

    def __call__(self):
        stages = vocabulary_titles(
            "coordaction.vocabularies.project_stages", self.context
        )
        catalog = api.portal.get_tool("portal_catalog")
        portal_path = "/".join(api.portal.get().getPhysicalPath())
        photos = first_photos(catalog, f"{portal_path}/{PROJECTS}")
        features = [
            project_feature(brain, stages, photos, open_day=when(brain, self.request))
            for brain in participants(self.context)
            if brain.latitude is not None and brain.longitude is not None
        ]
        response = self.request.response
        response.setHeader("Content-Type", "application/geo+json")
        return json.dumps({"type": "FeatureCollection", "features": features})


class OpenDaysICalendar(BrowserView):
    """The campaign's open days for calendar applications."""

    def __call__(self):
        calendar = Calendar()
        calendar.add("prodid", "-//Coordin'action//Portes ouvertes//FR")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", self.context.Title())
        label = translate(_("Open day"), context=self.request)
        for brain in participants(self.context):
            event = Event()
            event.add("uid", f"portes-ouvertes-{brain.UID}@coordaction")
            event.add("summary", f"{label} : {brain.Title}")
            event.add("dtstart", brain.open_day_start)
            event.add("dtend", brain.open_day_end or brain.open_day_start)
            event.add("dtstamp", datetime.now(default_timezone(self.context, True)))
            if brain.commune:
                event.add("location", brain.commune)
            event.add("url", brain.getURL())
            calendar.add_component(event)
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.context.getId()}.ics"'
        )
        return calendar.to_ical()
