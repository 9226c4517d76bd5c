"""The widget an association pastes into its own site: served by the portal, it
reads @facets from the association's page (another origin) in a real browser."""

from plone import api
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.acceptance.browser import serve_page
from tests.http import Client
from tests.http import commit
from tests.resourcecentre.layer import SAMPLE_CONTENT_BROWSER_TESTING
import unittest


PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Association</title></head>
<body>
  <div id="ressources" data-coordaction-widget data-collection="ressources"
       data-regions="53" data-limit="5" data-title="Ressources en Bretagne"></div>
  <div id="agenda" data-coordaction-widget data-collection="agenda" data-regions="53"></div>
  <script async src="{portal}/++resource++coordaction/widget.js"></script>
</body></html>
"""


class TestWidget(unittest.TestCase):
    layer = SAMPLE_CONTENT_BROWSER_TESTING

    def setUp(self):
        self.portal_url = self.layer["portal"].absolute_url()

    def test_the_script_is_served(self):
        response = Client(self.portal_url).page("++resource++coordaction/widget.js")
        self.assertEqual(response.status_code, 200)
        self.assertIn("javascript", response.headers["Content-Type"])
        self.assertIn("data-coordaction-widget", response.text)

    @requires_chromium
    def test_an_association_page_shows_the_latest_items_of_its_region(self):
        address = serve_page(self, PAGE.format(portal=self.portal_url))
        origin = address.rsplit("/", 1)[0]
        api.portal.set_registry_record("coordaction.cors_allowed_origins", [origin])
        commit()
        page = new_page(self.layer["browser"])
        self.addCleanup(page.context.close)
        with screenshot_on_failure(page, "widget"):
            page.goto(address)
            page.wait_for_selector("#ressources li", timeout=20_000)
            page.wait_for_selector("#agenda li", timeout=20_000)
            self.assertEqual(
                page.locator("#ressources li a:first-child").all_inner_texts(),
                ["Guide du financement", "Guide du foncier"],
            )
            self.assertEqual(
                page.locator("#ressources h3").inner_text(),
                "Ressources en Bretagne",
            )
            self.assertEqual(
                page.locator("#agenda li a:first-child").all_inner_texts(),
                ["Atelier foncier à Rennes"],
            )
            self.assertEqual(page.errors, [])

    @requires_chromium
    def test_the_widget_speaks_the_language_of_the_page(self):
        # A region without any item: the widget says so, in the page's language.
        empty = (
            '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            "<title>Network</title></head><body>"
            '<div id="w" data-coordaction-widget data-collection="annonces"'
            ' data-regions="94"></div>'
            '<script async src="{portal}/++resource++coordaction/widget.js"></script>'
            "</body></html>"
        )
        pages = {
            lang: serve_page(self, empty.format(lang=lang, portal=self.portal_url))
            for lang in ("en-GB", "fr")
        }
        origins = [address.rsplit("/", 1)[0] for address in pages.values()]
        api.portal.set_registry_record("coordaction.cors_allowed_origins", origins)
        commit()
        page = new_page(self.layer["browser"])
        self.addCleanup(page.context.close)
        with screenshot_on_failure(page, "widget-languages"):
            for lang, expected in (
                ("en-GB", "Nothing new for the moment."),
                ("fr", "Rien de nouveau pour le moment."),
            ):
                page.goto(pages[lang])
                page.wait_for_selector("#w .coordaction-widget-empty", timeout=20_000)
                self.assertEqual(
                    page.locator("#w .coordaction-widget-empty").inner_text(),
                    expected,
                )
            self.assertEqual(page.errors, [])
