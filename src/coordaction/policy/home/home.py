"""The home page of the portal (``accueil_view``, the site root's layout).

Everyone sees the public face of the portal here, logged in or not: the figures and
lists come from the catalog as an anonymous visitor finds it (published, within
its publication dates, viewable by anyone). A member's own drafts and groups are in
*Mon espace*, never on this page."""

from coordaction.content.sections import AGENDA
from coordaction.policy import _
from coordaction.policy.agenda.page import AgendaView
from coordaction.policy.home import settings
from coordaction.policy.resourcecentre.map_settings import ProjectMapPage
from coordaction.policy.site.public import public_brains
from DateTime import DateTime
from plone import api
from plone.app.event.base import localized_now
from plone.event.interfaces import IEventAccessor
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


def count_public(portal_type):
    return len(public_brains(portal_type=portal_type))


def french_number(number):
    """20000 → "20 000", with the narrow no-break space French typography uses."""
    return f"{number:,}".replace(",", "\u202f")


# (portal type, singular, plural): the live figures of the home page.
FIGURES = (
    ("ProjectSheet", _("listed project"), _("listed projects")),
    ("Resource", _("resource"), _("resources")),
)
ASSOCIATIONS = (_("member association"), _("member associations"))


class HomeView(BrowserView, ProjectMapPage):
    resources_shown = 5
    events_shown = 4
    ads_shown = 4

    def __call__(self):
        self.portal = api.portal.get()
        self.portal_url = self.portal.absolute_url()
        # No portlets beside the page: its own list of events to come would be
        # repeated by the "Upcoming events" portlet the other pages show.
        self.request.set("disable_plone.rightcolumn", True)
        return self.index()

    # --- What the administrator wrote ------------------------------------------------

    def welcome_title(self):
        return settings.setting("welcome_title") or self.portal.Title()

    def welcome_paragraphs(self):
        return settings.welcome_paragraphs()

    def entry_points(self):
        return settings.entry_points(self.portal_url)

    # --- Figures ---------------------------------------------------------------------

    def figure(self, number, singular, plural):
        return {
            "number": french_number(number),
            "label": translate(
                singular if number == 1 else plural, context=self.request
            ),
        }

    def figures(self):
        figures = [
            self.figure(count_public(portal_type), singular, plural)
            for portal_type, singular, plural in FIGURES
        ]
        associations = settings.setting("associations_count")
        if associations is not None:
            figures.append(self.figure(associations, *ASSOCIATIONS))
        return figures

    # --- Latest and next -------------------------------------------------------------

    def titles(self, vocabulary_name):
        cache = self.__dict__.setdefault("_titles", {})
        if vocabulary_name not in cache:
            vocabulary = getUtility(IVocabularyFactory, vocabulary_name)(self.context)
            cache[vocabulary_name] = {
                term.value: translate(term.title, context=self.request)
                for term in vocabulary
            }
        return cache[vocabulary_name]

    def date(self, value):
        return api.portal.get_localized_time(datetime=value)

    def latest_resources(self):
        kinds = self.titles("coordaction.vocabularies.resource_kinds")
        brains = public_brains(
            portal_type="Resource",
            sort_on="effective",
            sort_order="descending",
            sort_limit=self.resources_shown,
        )[: self.resources_shown]
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "kind": kinds.get(brain.resource_kind, ""),
                "date": self.date(brain.effective),
            }
            for brain in brains
        ]

    def latest_ads(self):
        kinds = self.titles("coordaction.vocabularies.ad_kinds")
        brains = public_brains(
            portal_type="ClassifiedAd",
            sort_on="effective",
            sort_order="descending",
            sort_limit=self.ads_shown,
        )[: self.ads_shown]
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "kind": kinds.get(brain.ad_kind, ""),
                "commune": brain.commune or "",
                "date": self.date(brain.effective),
            }
            for brain in brains
        ]

    def next_events(self):
        """The next published events of the Agenda, each at its next date."""
        agenda = self.portal.get(AGENDA)
        if agenda is None:
            return []
        page = AgendaView(agenda, self.request)
        page.now = localized_now(self.context)
        brains = public_brains(
            portal_type="Event",
            path="/".join(agenda.getPhysicalPath()),
            end={"query": DateTime(page.now), "range": "min"},
            sort_on="start",
        )
        # A recurring event shows at its next date, which may come after the first
        # date of the next ones: take a few more, then sort them by that date.
        occurrences = sorted(
            (
                page.next_occurrence(brain.getObject())
                for brain in brains[: self.events_shown * 3]
            ),
            key=lambda occurrence: IEventAccessor(occurrence).start,
        )
        return [
            page.event_details(occurrence)
            for occurrence in occurrences[: self.events_shown]
        ]

    # --- The small map (the project map's script, without facets) ---------------------

    def geojson_url(self):
        return f"{self.portal_url}/@projects-geojson"
