"""The page of the Agenda section, its default view (``agenda_view``):

    /agenda                              the events to come, grouped by month
    /agenda?mode=mois&mois=2026-12       the calendar of a month, weeks from Monday
    /agenda?regions=53&themes=foncier    either of them, filtered

Events come from the catalog with the visitor's rights: anonymous visitors see the
published events only, authors and reviewers also the drafts they may read. The page
gives the iCalendar subscription address of the same filters (``agenda.ics``, which
holds the published events only). A wrong filter or month is said in French on the
page, which then shows what it can."""

from Acquisition import aq_parent
from calendar import Calendar
from calendar import monthrange
from coordaction.content import dates
from coordaction.content.sections import CONTRIBUTE
from coordaction.content.site_items import EVENT_FORM
from coordaction.policy import _
from coordaction.policy.agenda.ical import FILTERS
from coordaction.policy.agenda.ical import filter_terms
from coordaction.policy.agenda.ical import read_filters
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from itertools import groupby
from plone import api
from plone.app.event.base import RET_MODE_BRAINS
from plone.app.event.base import RET_MODE_OBJECTS
from plone.app.event.base import construct_calendar
from plone.app.event.base import default_timezone
from plone.app.event.base import first_weekday
from plone.app.event.base import get_events
from plone.app.event.base import localized_now
from plone.base.batch import Batch
from plone.event.interfaces import IEventAccessor
from plone.event.interfaces import IOccurrence
from plone.event.interfaces import IRecurrenceSupport
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate
import re


LIST, MONTH = "liste", "mois"
MONTH_PARAMETER = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
# The months the calendar shows: enough for any event, and always a month before
# and after for the navigation links.
YEARS = range(1900, 2101)

FILTER_LABELS = {
    "regions": (_("Region"), _("All regions")),
    "themes": (_("Theme"), _("All themes")),
}
UNKNOWN_FILTER = {
    "regions": _(
        "Unknown region: “${values}”. This filter is not applied: choose a "
        "region from the list."
    ),
    "themes": _(
        "Unknown theme: “${values}”. This filter is not applied: choose a "
        "theme from the list."
    ),
}


class AgendaView(BrowserView):
    """The list of the events to come, or the calendar of a month."""

    # Events per page of the list.
    page_size = 30

    def __call__(self):
        self.update()
        return self.index()

    # --- What the visitor asked ------------------------------------------------------

    def update(self):
        self.messages = []
        self.now = localized_now(self.context)
        self.filters, unknown = read_filters(self.context, self.request.form)
        for name, values in unknown.items():
            self.warn(_(UNKNOWN_FILTER[name], mapping={"values": ", ".join(values)}))
        self.mode = self.read_mode()
        self.month = self.read_month() if self.mode == MONTH else None

    def warn(self, message):
        """Tell the visitor, in French, what of the request the page could not use."""
        self.messages.append(translate(message, context=self.request))

    def parameter(self, name):
        """One value of a request parameter, as text ('' when absent)."""
        value = self.request.form.get(name)
        if isinstance(value, (list, tuple)):
            value = value[0] if value else ""
        return str(value).strip() if value is not None else ""

    def read_mode(self):
        mode = self.parameter("mode")
        if not mode:
            return MONTH if self.parameter("mois") else LIST
        if mode not in (LIST, MONTH):
            self.warn(
                _(
                    "Unknown display: “${value}”. Here is the list of upcoming events.",
                    mapping={"value": mode},
                )
            )
            return LIST
        return mode

    def read_month(self):
        """The first day of the month asked (``mois=2026-12``), or of this month."""
        this_month = self.now.date().replace(day=1)
        raw = self.parameter("mois")
        if not raw:
            return this_month
        match = MONTH_PARAMETER.match(raw)
        if match:
            year, month = int(match["year"]), int(match["month"])
            if year in YEARS and 1 <= month <= 12:
                return date(year, month, 1)
        self.warn(
            _(
                "Invalid month: “${value}”. Give the year then the month, like "
                "${example} for ${example_title}. Here is the current month.",
                mapping={
                    "value": raw,
                    "example": this_month.strftime("%Y-%m"),
                    "example_title": f"{self.month_name(this_month.month)} "
                    f"{this_month.year}",
                },
            )
        )
        return this_month

    # --- Addresses -------------------------------------------------------------------

    def base_url(self):
        """The address of this page: the section itself when it is its default view."""
        url = self.context.absolute_url()
        if self.context.getLayout() == self.__name__:
            return url
        return f"{url}/@@{self.__name__}"

    def url(self, mode=LIST, month=None, **filters):
        parameters = []
        if mode == MONTH:
            parameters.append(("mode", MONTH))
            if month is not None:
                parameters.append(("mois", month.strftime("%Y-%m")))
        for name in FILTERS:
            for value in filters.get(name, self.filters.get(name, ())):
                parameters.append((name, value))
        query = urlencode(parameters)
        return f"{self.base_url()}?{query}" if query else self.base_url()

    def propose_url(self):
        """The public form that proposes an event (reviewed before it shows)."""
        contribute = api.portal.get().get(CONTRIBUTE)
        form = contribute.get(EVENT_FORM) if contribute is not None else None
        return form.absolute_url() if form is not None else None

    def list_url(self):
        return self.url(LIST)

    def month_url(self):
        return self.url(MONTH, self.month)

    def reset_url(self):
        return self.url(self.mode, self.month, regions=(), themes=())

    def ics_url(self):
        """The iCalendar subscription address of the agenda with the same filters."""
        portal_url = api.portal.get().absolute_url()
        parameters = [
            (name, value) for name in FILTERS for value in self.filters.get(name, ())
        ]
        query = urlencode(parameters)
        return f"{portal_url}/agenda.ics" + (f"?{query}" if query else "")

    def webcal_url(self):
        return "webcal://" + self.ics_url().split("://", 1)[1]

    # --- The filter form -------------------------------------------------------------

    def filter_fields(self):
        fields = []
        for name in FILTERS:
            label, all_label = FILTER_LABELS[name]
            chosen = self.filters.get(name, ())
            fields.append(
                {
                    "name": name,
                    "id": f"coordaction-agenda-{name}",
                    "label": translate(label, context=self.request),
                    "all_label": translate(all_label, context=self.request),
                    "options": [
                        {
                            "value": value,
                            "title": translate(title, context=self.request),
                            "selected": value in chosen,
                        }
                        for value, title in self.terms(name).items()
                    ],
                }
            )
        return fields

    def chosen_filters(self):
        """The filters applied, in words: ["Région : Bretagne", …]."""
        chosen = []
        for name, values in self.filters.items():
            terms = self.terms(name)
            label = translate(FILTER_LABELS[name][0], context=self.request)
            titles = ", ".join(
                translate(terms[value], context=self.request) for value in values
            )
            chosen.append(f"{label} : {titles}")
        return chosen

    # --- The list of the events to come ----------------------------------------------

    def query(self):
        return {"path": "/".join(self.context.getPhysicalPath()), **self.filters}

    def batch(self):
        """The events that have not ended, by their next date, a page of them."""
        if "_batch" not in self.__dict__:
            brains = get_events(
                self.context, start=self.now, ret_mode=RET_MODE_BRAINS, **self.query()
            )
            try:
                start = max(int(self.parameter("b_start") or 0), 0)
            except ValueError:
                start = 0
            self._batch = Batch(brains, size=self.page_size, start=start)
        return self._batch

    def months(self):
        """The events of the current page, grouped by the month of their next date."""
        # (occurrence, the state the catalog knows: cheaper than the workflow's)
        occurrences = sorted(
            (
                (self.next_occurrence(brain.getObject()), brain.review_state)
                for brain in self.batch()
            ),
            key=lambda pair: IEventAccessor(pair[0]).start,
        )
        months = []
        for first_day, group in groupby(
            occurrences,
            key=lambda pair: IEventAccessor(pair[0]).start.date().replace(day=1),
        ):
            months.append(
                {
                    "id": first_day.strftime("%Y-%m"),
                    "title": self.month_title(first_day),
                    "events": [self.event_details(*pair) for pair in group],
                }
            )
        return months

    def next_occurrence(self, event):
        """The event itself, or for a recurring one its occurrence to come."""
        if getattr(event, "recurrence", None):
            occurrences = IRecurrenceSupport(event).occurrences(range_start=self.now)
            return next(occurrences, event)
        return event

    def event_details(self, occurrence, state=None):
        accessor = IEventAccessor(occurrence)
        event = event_of(occurrence)
        return {
            "title": event.Title(),
            "url": event.absolute_url(),
            "ics_url": f"{event.absolute_url()}/ics_view",
            "description": event.Description(),
            "when": self.when(accessor),
            "start_iso": accessor.start.isoformat(),
            "location": accessor.location,
            "regions": self.labels("regions", getattr(event, "regions", None)),
            "themes": self.labels("themes", getattr(event, "themes", None)),
            "recurring": bool(getattr(event, "recurrence", None)),
            "state": self.unpublished_state(event, state),
        }

    def terms(self, name):
        """{value: title} of a filter, read once a request."""
        cache = self.__dict__.setdefault("_terms", {})
        if name not in cache:
            cache[name] = filter_terms(self.context, name)
        return cache[name]

    def labels(self, name, values):
        terms = self.terms(name)
        return [
            translate(terms.get(value, value), context=self.request)
            for value in values or ()
        ]

    def unpublished_state(self, event, state=None):
        """The title of the workflow state of an event its author or a reviewer sees
        before it is published ("Brouillon"), None once published. ``state``: the
        state's id if known (from the catalog)."""
        if state is None:
            state = api.content.get_state(event, default=None)
        if state in (None, "published"):
            return None
        title = api.portal.get_tool("portal_workflow").getTitleForStateOnType(
            state, event.portal_type
        )
        return translate(title, domain="plone", context=self.request)

    def past_url(self):
        """The calendar of last month, where past events are."""
        last_month = (self.now.date().replace(day=1) - timedelta(days=1)).replace(day=1)
        return self.url(MONTH, last_month)

    # --- The calendar of a month -----------------------------------------------------

    def month_grid(self):
        first = self.month
        last = first.replace(day=monthrange(first.year, first.month)[1])
        zone = default_timezone(self.context, as_tzinfo=True)
        events = get_events(
            self.context,
            start=zone.localize(datetime.combine(first, time.min)),
            end=zone.localize(datetime.combine(last, time.max)),
            ret_mode=RET_MODE_OBJECTS,
            expand=True,
            **self.query(),
        )
        by_day = construct_calendar(events, start=first, end=last)
        today = self.now.date()
        weeks = [
            [
                {
                    "iso": day.isoformat(),
                    "number": day.day,
                    "label": self.day_title(day),
                    "in_month": day.month == first.month,
                    "today": day == today,
                    "css_class": " ".join(
                        name
                        for name, wanted in (
                            ("coordaction-agenda-day", True),
                            (
                                "coordaction-agenda-other-month text-muted",
                                day.month != first.month,
                            ),
                            ("coordaction-agenda-today table-info", day == today),
                        )
                        if wanted
                    ),
                    "events": [
                        self.grid_entry(occurrence, day)
                        for occurrence in by_day.get(day.isoformat(), ())
                    ]
                    if day.month == first.month
                    else [],
                }
                for day in week
            ]
            for week in Calendar(first_weekday()).monthdatescalendar(
                first.year, first.month
            )
        ]
        previous_month = (first - timedelta(days=1)).replace(day=1)
        next_month = last + timedelta(days=1)
        return {
            "title": self.month_title(first),
            "weekdays": [
                {"name": self.weekday_name(day), "abbr": self.weekday_abbr(day)}
                for day in Calendar(first_weekday()).iterweekdays()
            ],
            "weeks": weeks,
            "count": len(events),
            "previous_url": self.url(MONTH, previous_month)
            if previous_month.year in YEARS
            else None,
            "previous_title": self.month_title(previous_month),
            "next_url": self.url(MONTH, next_month)
            if next_month.year in YEARS
            else None,
            "next_title": self.month_title(next_month),
            "this_month_url": self.url(MONTH, today.replace(day=1)),
            "is_this_month": first == today.replace(day=1),
        }

    def grid_entry(self, occurrence, day):
        accessor = IEventAccessor(occurrence)
        starts_today = accessor.start.date() == day
        return {
            "title": accessor.title,
            "url": accessor.url,
            "time": self.time_text(accessor.start)
            if starts_today and not accessor.whole_day
            else "",
            "continued": not starts_today,
            "state": self.unpublished_state(event_of(occurrence)),
        }

    # --- Dates in French (coordaction.content.dates) ---------------------------------

    def month_name(self, month):
        return dates.month_name(month, self.request)

    def weekday_name(self, weekday):
        return dates.weekday_name(weekday, self.request)

    def weekday_abbr(self, weekday):
        return dates.weekday_abbr(weekday, self.request)

    def month_title(self, day):
        """Décembre 2026"""
        return dates.capitalized(f"{self.month_name(day.month)} {day.year}")

    def day_title(self, day):
        return dates.day_title(day, self.request)

    def time_text(self, moment):
        return dates.time_text(moment, self.request)

    def when(self, accessor):
        return dates.event_when(accessor, self.request)


def event_of(occurrence):
    """The event of an occurrence of a recurring event, or the event itself."""
    return aq_parent(occurrence) if IOccurrence.providedBy(occurrence) else occurrence
