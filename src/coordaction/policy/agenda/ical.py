"""The shared agenda as one iCalendar feed, for calendar applications:

    /agenda.ics                    every published event to come
    /agenda.ics?regions=53         the events of a région
    /agenda.ics?themes=foncier     the events of a theme (repeat to combine)

Events that ended more than 30 days ago are left out. The Agenda page
(``browser/agenda.py``) reads the same filters and links to this feed."""

from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from DateTime import DateTime
from plone import api
from plone.app.event.ical.exporter import construct_icalendar
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


# request parameter and catalog index -> vocabulary of its values
FILTERS = {
    "regions": "coordaction.vocabularies.regions",
    "themes": "coordaction.vocabularies.themes",
}


def filter_terms(context, name):
    """{value: title} of the values a filter accepts, in vocabulary order."""
    vocabulary = getUtility(IVocabularyFactory, FILTERS[name])(context)
    return {term.value: term.title for term in vocabulary}


def read_filters(context, form):
    """The agenda filters of a request, as ``(query, unknown)``: the catalog query of
    the known values (``{"regions": ["53"]}``) and the values no vocabulary knows
    (``{"regions": ["99"]}``). Empty values (a select left on "all") are no filter."""
    query, unknown = {}, {}
    for name in FILTERS:
        raw = form.get(name)
        values = raw if isinstance(raw, (list, tuple)) else [raw]
        values = [str(value).strip() for value in values if value is not None]
        values = list(dict.fromkeys(value for value in values if value))
        if not values:
            continue
        known = filter_terms(context, name)
        if wrong := [value for value in values if value not in known]:
            unknown[name] = wrong
        if right := [value for value in values if value in known]:
            query[name] = right
    return query, unknown


class AgendaICalendar(BrowserView):
    def filters(self):
        query, unknown = read_filters(self.context, self.request.form)
        for name, wrong in unknown.items():
            raise ValueError(
                in_request_language(
                    _(
                        "Unknown value for “${name}”: ${values}.",
                        mapping={"name": name, "values": ", ".join(wrong)},
                    )
                )
            )
        return query

    def __call__(self):
        response = self.request.response
        try:
            query = self.filters()
        except ValueError as error:
            response.setStatus(400)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return str(error)
        events = [
            brain.getObject()
            for brain in api.content.find(
                portal_type="Event",
                review_state="published",
                end={"query": DateTime() - 30, "range": "min"},
                sort_on="start",
                **query,
            )
        ]
        calendar = construct_icalendar(self.context, events)
        data = calendar.to_ical()
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'inline; filename="agenda-coordaction.ics"'
        )
        return data
