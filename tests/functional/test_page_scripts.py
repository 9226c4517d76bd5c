"""The scripts each page asks the browser to load (site/page_scripts.py and
resourcecentre/faceted/bundles.py), read from the HTML the test server sends."""

from lxml import html
from plone import api
from tests import builders
from tests.http import SiteTestCase
import requests


# The patterns Plone's bundle would start on a visitor's reading page, and what
# the page does without them: the search box sends to the search page, the login
# link opens the login page, accessibility.js marks the current section.
PATTERNS_READING_PAGES_DO_WITHOUT = {
    "pat-livesearch",
    "pat-plone-modal",
    "pat-navigationmarker",
}


def scripts(page):
    """[(bundle, deferred)] of the page's scripts, in their order."""
    return [
        (script.get("data-bundle"), script.get("defer") is not None)
        for script in html.fromstring(page.text).xpath("//script[@data-bundle]")
    ]


def bundles(page):
    return [name for name, _ in scripts(page)]


def patterns(page):
    tree = html.fromstring(page.text)
    return {
        name
        for classes in tree.xpath("//body//@class")
        for name in classes.split()
        if name.startswith("pat-")
    }


class TestPageScripts(SiteTestCase):
    users = {"membre": {}}

    def build(self):
        self.resource, self.template, self.sheet, self.ad = builders.published_samples(
            self.portal
        )
        self.event = builders.publish(
            api.content.create(
                container=self.portal["agenda"],
                type="Event",
                title="Visite d'un habitat groupé",
            )
        )

    def reading_pages(self):
        return [
            "",
            "agenda",
            "centre-de-ressources",
            "projets",
            "petites-annonces",
            self.resource.absolute_url(),
            self.template.absolute_url(),
            self.sheet.absolute_url(),
            self.ad.absolute_url(),
            self.event.absolute_url(),
        ]

    def page(self, client, path):
        page = client.page(path.removeprefix(f"{self.url}/"))
        self.assertEqual(page.status_code, 200, path)
        return page

    def test_a_visitor_reads_without_plones_bundle(self):
        for path in self.reading_pages():
            page = self.page(self.anonymous, path)
            loaded = bundles(page)
            self.assertNotIn("plone", loaded, path)
            # Bootstrap instead: the phone's menu opens.
            self.assertIn("coordaction-bootstrap", loaded, path)
            # Nothing on the page waits for a pattern of Plone's bundle.
            self.assertLessEqual(
                patterns(page), PATTERNS_READING_PAGES_DO_WITHOUT, path
            )

    def test_forms_and_members_keep_plones_bundle(self):
        for path in ("login", "contribuer/nous-contacter", "@@search"):
            loaded = bundles(self.page(self.anonymous, path))
            self.assertIn("plone", loaded, path)
            self.assertNotIn("coordaction-bootstrap", loaded, path)
        member = self.signed_in("membre")
        for path in ("", "centre-de-ressources", self.resource.absolute_url()):
            loaded = bundles(self.page(member, path))
            self.assertIn("plone", loaded, path)
            self.assertNotIn("coordaction-bootstrap", loaded, path)
            self.assertNotIn("coordaction-jquery", loaded, path)

    def test_the_zope_root_answers_outside_the_site(self):
        # HAProxy's health check asks the Zope root, where no Plone site is.
        root = requests.get(self.url.rsplit("/", 1)[0] + "/@@ok", timeout=30)
        self.assertEqual(root.status_code, 200)

    def test_a_visitors_faceted_page_brings_jquery_before_eea(self):
        page_scripts = scripts(self.page(self.anonymous, "centre-de-ressources"))
        names = [name for name, _ in page_scripts]
        deferred = dict(page_scripts)
        # jQuery runs as the page is read; eea's scripts after it, in this order.
        self.assertFalse(deferred["coordaction-jquery"])
        faceted = [n for n in names if n.startswith(("faceted", "coordaction-faceted"))]
        self.assertEqual(faceted, ["coordaction-faceted-page", "faceted.view"])
        self.assertTrue(all(deferred[name] for name in faceted))
        # Nor jQuery nor eea on a page without facets.
        for path in ("", "agenda", self.resource.absolute_url()):
            loaded = bundles(self.page(self.anonymous, path))
            self.assertNotIn("coordaction-jquery", loaded, path)
            self.assertNotIn("faceted.view", loaded, path)
