"""The shared agenda as one iCalendar feed, for calendar applications:

    /agenda.ics                    every published event to come
    /agenda.ics?regions=53         the events of a région
    /agenda.ics?themes=foncier     the events of a theme (repeat to combine)

Events that ended more than 30 days ago are left out."""

from coordaction.policy import _
from DateTime import DateTime
from plone import api
from plone.app.event.ical.exporter import construct_icalendar
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


FILTERS = {
    "regions": "coordaction.vocabularies.regions",
    "themes": "coordaction.vocabularies.themes",
}


class AgendaICalendar(BrowserView):
    def filters(self):
        query = {}
        for name, vocabulary_name in FILTERS.items():
            raw = self.request.form.get(name)
            if not raw:
                continue
            values = raw if isinstance(raw, list) else [raw]
            known = {
                term.value
                for term in getUtility(IVocabularyFactory, vocabulary_name)(
                    self.context
                )
            }
            wrong = [value for value in values if value not in known]
            if wrong:
                raise ValueError(
                    translate(
                        _(
                            "Valeur inconnue pour « ${name} » : ${values}.",
                            mapping={"name": name, "values": ", ".join(wrong)},
                        ),
                        target_language="fr",
                    )
                )
            query[name] = values
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
