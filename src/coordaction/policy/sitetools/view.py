"""The generator of *Outils pour vos sites*: a small form (section, région, theme,
number of items, title) whose choice is kept in the page's address, and what it
gives: the widget's code and its live preview, the feeds, the iCalendar agenda and
the REST addresses. Everything is written here, once: the page's script only asks
for the page again with the new choice (``static/site-tools.js``)."""

from coordaction.content.sections import AGENDA
from coordaction.content.sections import CONTRIBUTE
from coordaction.content.sections import PROJECTS
from coordaction.content.sections import SECTIONS_BY_ID
from coordaction.content.site_items import CONTACT_FORM
from coordaction.policy import _
from coordaction.policy.agenda.ical import filter_terms
from coordaction.policy.resourcecentre.facets.collections import COLLECTIONS
from coordaction.policy.resourcecentre.feeds import FEEDS
from coordaction.policy.security.cors_settings import allowed_origins
from html import escape
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate


# What the widget can show (@facets collections filtered by région), in this order.
WIDGET_COLLECTIONS = ("ressources", "annonces", "agenda", "projets", "observatoire")
LIMITS = (3, 5, 10, 15, 20)  # widget.js shows 20 items at most
DEFAULT_LIMIT = 5
TITLE_LENGTH = 80
WIDGET_SCRIPT = "++resource++coordaction/widget.js"


def _facet_indexes(collection):
    return {facet.index for facet in collection.facets}


class SiteToolsView(BrowserView):
    def __call__(self):
        self.choice = self.read_choice()
        return self.index()

    # The form

    def terms(self, name):
        """The values of the agenda filter ``name`` (regions, themes), as the
        agenda's iCalendar feed accepts them, with their titles."""
        return [
            {"value": value, "title": translate(title, context=self.request)}
            for value, title in filter_terms(self.context, name).items()
        ]

    @memoize
    def collections(self):
        return [
            {
                "value": name,
                "title": translate(
                    SECTIONS_BY_ID[COLLECTIONS[name].section].title,
                    context=self.request,
                ),
                "themes": "themes" in _facet_indexes(COLLECTIONS[name]),
            }
            for name in WIDGET_COLLECTIONS
        ]

    @memoize
    def regions(self):
        return self.terms("regions")

    @memoize
    def themes(self):
        return self.terms("themes")

    def limits(self):
        return LIMITS

    def read_choice(self):
        """The visitor's choice, each value checked against what exists; a value
        that is not one (an edited address) falls back to the default."""
        form = self.request.form

        def one(name):
            value = form.get(name, "")
            return value if isinstance(value, str) else ""

        collections = {item["value"]: item for item in self.collections()}
        collection = one("collection")
        if collection not in collections:
            collection = WIDGET_COLLECTIONS[0]
        regions = {term["value"]: term["title"] for term in self.regions()}
        region = one("region") if one("region") in regions else ""
        themes = {term["value"]: term["title"] for term in self.themes()}
        theme = one("theme") if one("theme") in themes else ""
        themes_apply = collections[collection]["themes"]
        try:
            limit = int(one("limit"))
        except ValueError:
            limit = DEFAULT_LIMIT
        if limit not in LIMITS:
            limit = DEFAULT_LIMIT
        default_title = " — ".join(
            part
            for part in (collections[collection]["title"], regions.get(region))
            if part
        )
        title = " ".join(one("title").split())[:TITLE_LENGTH]
        return {
            # The theme asked for (a known one), and the one the section applies.
            "asked_theme": theme,
            "collection": collection,
            "collection_title": collections[collection]["title"],
            "region": region,
            "theme": theme if themes_apply else "",
            "theme_ignored": bool(theme) and not themes_apply,
            "themes_apply": themes_apply,
            "limit": limit,
            # What the visitor typed (the field's value), else the default.
            "typed_title": title,
            "default_title": default_title,
            "title": title or default_title,
        }

    # What the choice gives

    @property
    def portal_url(self):
        return api.portal.get().absolute_url()

    def widget_attributes(self):
        """The widget element's data attributes, in the order the code shows them."""
        choice = self.choice
        attributes = [
            ("data-coordaction-widget", ""),
            ("data-collection", choice["collection"]),
        ]
        if choice["region"]:
            attributes.append(("data-regions", choice["region"]))
        if choice["theme"]:
            attributes.append(("data-themes", choice["theme"]))
        attributes += [
            ("data-limit", str(choice["limit"])),
            ("data-title", choice["title"]),
        ]
        return attributes

    def widget_code(self):
        attributes = "".join(
            f' {name}="{escape(value, quote=True)}"' if value else f" {name}"
            for name, value in self.widget_attributes()
        )
        return (
            f"<div{attributes}></div>\n"
            f'<script async src="{self.portal_url}/{WIDGET_SCRIPT}"></script>'
        )

    def letter_code(self):
        """The letter's sign-up form for the association's page, for the région
        chosen above (its visitors get what is local to it)."""
        region = self.choice["region"]
        attributes = f' data-region="{escape(region, quote=True)}"' if region else ""
        return (
            f"<div data-coordaction-letter{attributes}></div>\n"
            f'<script async src="{self.portal_url}/{WIDGET_SCRIPT}"></script>'
        )

    def widget_script(self):
        return f"{self.portal_url}/{WIDGET_SCRIPT}"

    def _filters(self):
        choice = self.choice
        return [
            (name, value)
            for name, value in (
                ("regions", choice["region"]),
                ("themes", choice["theme"]),
            )
            if value
        ]

    def rest_url(self):
        query = [("collection", self.choice["collection"]), *self._filters()]
        query.append(("b_size", str(self.choice["limit"])))
        return f"{self.portal_url}/@facets?{urlencode(query)}"

    def rest_command(self):
        return f"curl -H 'Accept: application/json' '{self.rest_url()}'"

    def geojson_url(self):
        """The projects as GeoJSON, for the Projets section only."""
        if COLLECTIONS[self.choice["collection"]].section != PROJECTS:
            return None
        query = urlencode(self._filters())
        return f"{self.portal_url}/@projects-geojson" + (f"?{query}" if query else "")

    def ical_url(self):
        """The agenda for calendar applications; its themes filter applies even
        when the chosen section has none (the agenda has)."""
        choice = self.choice
        query = [
            (name, value)
            for name, value in (
                ("regions", choice["region"]),
                ("themes", choice["asked_theme"]),
            )
            if value
        ]
        return f"{self.portal_url}/agenda.ics" + (
            f"?{urlencode(query)}" if query else ""
        )

    def agenda_url(self):
        return f"{self.portal_url}/{AGENDA}"

    def feeds(self):
        """[{title, rss, atom}] of the portal's feeds that exist."""
        portal = api.portal.get()
        feeds = []
        for feed_id, (title, _description, _type) in FEEDS.items():
            collection = portal.get(feed_id)
            if collection is None:
                continue
            url = collection.absolute_url()
            feeds.append(
                {
                    "title": translate(title, context=self.request),
                    "rss": f"{url}/rss.xml",
                    "atom": f"{url}/atom.xml",
                }
            )
        return feeds

    # Allowing a site

    def contact_url(self):
        return f"{self.portal_url}/{CONTRIBUTE}/{CONTACT_FORM}"

    def can_manage_sites(self):
        return api.user.has_permission("Plone Site Setup: Site", obj=api.portal.get())

    def control_panel_url(self):
        return f"{self.portal_url}/@@coordaction-sites-associations"

    def allowed_sites(self):
        return allowed_origins()

    def theme_ignored_message(self):
        return _(
            "${section} are not filtered by theme: the theme applies to the agenda "
            "only.",
            mapping={"section": self.choice["collection_title"]},
        )
