"""Hostile text in every text field of every public type, read in Chromium: the
item pages, their edit forms, the listings and faceted pages, the project map's
popup and the widget of an association's site show it as text. No script runs,
no element is injected, no ``javascript:`` link exists; the text reads as typed.

The values are written past the schemas, as old data or a careless import would
have them (the forms and REST refuse the hostile addresses: see
tests/content/test_address_fields_http.py)."""

from datetime import datetime
from datetime import timedelta
from pathlib import Path
from playwright.sync_api import expect
from plone import api
from plone.app.textfield import RichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from tests import builders
from tests.acceptance.browser import log_in
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.acceptance.browser import serve_page
from tests.http import PASSWORD
from tests.http import commit
from tests.http import make_user
from tests.layers import content_layers
from zope import schema
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IURI
import pytz
import unittest


# Every vector marks what it would inject with data-xss and calls alert().
HOSTILE_TEXT = (
    '<script>alert("xss-script")</script>'
    '<img src=x data-xss onerror=alert("xss-img")>'
    '"><svg data-xss onload=alert("xss-svg")>'
    "'><b data-xss onmouseover=alert('xss-b')>gras</b>"
    " &lt;i&gt; &amp;amp; &#x3C;u&#x3E;"
)
HOSTILE_HTML = (
    HOSTILE_TEXT
    + "<a data-xss href=\"javascript:alert('xss-a')\">lien</a>"
    + "<iframe data-xss src=\"javascript:alert('xss-iframe')\"></iframe>"
)
HOSTILE_URL = "javascript:alert('xss-url')"
# What a visitor must read, as typed.
SHOWN = '<img src=x data-xss onerror=alert("xss-img")>'
SHOWN_ENTITIES = "&lt;i&gt; &amp;amp; &#x3C;u&#x3E;"
# Fields whose value drives the site (an id, a postal code checked against the
# département, a recurrence rule...): not free text.
NOT_FREE_TEXT = {"id", "changeNote", "postal_code", "contact_email", "recurrence"}

TYPES = ("Resource", "LegalTemplate", "ProjectSheet", "ClassifiedAd", "Event")


def outer_html(locator):
    return [element.evaluate("e => e.outerHTML")[:300] for element in locator.all()]


def hostile_value(field):
    if IURI.providedBy(field):
        return HOSTILE_URL
    if isinstance(field, RichText):
        return RichTextValue(HOSTILE_HTML, "text/html", "text/x-html-safe")
    if type(field) in (schema.TextLine, schema.Text):
        return HOSTILE_TEXT
    if (
        isinstance(field, (schema.List, schema.Tuple))
        and type(field.value_type) is schema.TextLine
        and field.__name__ not in ("subjects", "creators", "contributors")
    ):
        return [HOSTILE_TEXT] if isinstance(field, schema.List) else (HOSTILE_TEXT,)
    return None


def fill_with_hostile_text(item):
    """Every free text, rich text and address field of ``item``, past the schema."""
    filled = []
    for schema_ in iterSchemata(item):
        for name, field in getFieldsInOrder(schema_):
            value = hostile_value(field)
            if value is None or name in NOT_FREE_TEXT or field.readonly:
                continue
            field.set(schema_(item), value)
            filled.append(name)
    item.reindexObject()
    return filled


def build_hostile_items(portal):
    start = pytz.timezone("Europe/Paris").localize(
        datetime.now().replace(minute=0, second=0, microsecond=0)
    ) + timedelta(days=10)
    items = {
        "Resource": builders.resource(
            portal["centre-de-ressources"], title="ressource", file=None
        ),
        "LegalTemplate": builders.legal_template(portal["trames-types"], title="trame"),
        "ProjectSheet": builders.project_sheet(portal["projets"], title="projet"),
        # In Brittany (53), the region of the widget's example page.
        "ClassifiedAd": builders.classified_ad(
            portal["petites-annonces"], title="annonce", region="53", departement="35"
        ),
        "Event": api.content.create(
            container=portal["agenda"],
            type="Event",
            title="evenement",
            start=start,
            end=start + timedelta(hours=2),
            regions=["53"],
            themes=["foncier"],
        ),
    }
    for item in items.values():
        fill_with_hostile_text(item)
        builders.publish(item)
    return items


def build_hostile_items_and_administrator(portal):
    build_hostile_items(portal)
    make_user("administratrice", roles=("Member", "Manager"))


HOSTILE_CONTENT = content_layers(
    "HostileContent", build_hostile_items_and_administrator
)
HOSTILE_CONTENT_ACCEPTANCE_TESTING = HOSTILE_CONTENT.browser

# The example page of the documentation, as an association would paste it.
WIDGET_EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "widget-exemple.html"
EXAMPLE_PORTAL_URL = "http://localhost:8080/coordaction"


@requires_chromium
class TestHostileText(unittest.TestCase):
    layer = HOSTILE_CONTENT_ACCEPTANCE_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        catalog = api.portal.get_tool("portal_catalog")
        self.item_urls = [
            brain.getURL()
            for brain in catalog.unrestrictedSearchResults(portal_type=TYPES)
        ]
        self.assertEqual(len(self.item_urls), len(TYPES))

    def visitor(self, name, login_name=None):
        page = new_page(self.layer["browser"])
        page.dialogs = []

        def record(dialog):
            if dialog.type == "beforeunload":
                dialog.accept()  # Plone's edit forms ask before leaving: leave
                return
            page.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", record)
        self.addCleanup(page.context.close)
        if login_name:
            log_in(page, self.portal_url, login_name, PASSWORD)
        page.screenshot_name = name
        return page

    def assertInert(self, page, where, shows_text=True):
        """Nothing ran, nothing was injected, no link runs script; and the
        hostile text reads as it was typed."""
        page.wait_for_load_state("networkidle")
        self.assertEqual(page.dialogs, [], f"a script ran on {where}")
        injected = page.locator("[data-xss]")
        self.assertEqual(injected.count(), 0, f"{where}: {outer_html(injected)}")
        # Plone's select2 widget has its own inert "javascript:void(0)" links.
        unsafe_links = [
            html
            for html in outer_html(
                page.locator(
                    '[href^="javascript:" i], [href^="data:" i], [src^="javascript:" i]'
                )
            )
            if 'href="javascript:void(0)"' not in html
        ]
        self.assertEqual(unsafe_links, [], where)
        if shows_text:
            text = page.locator("body").inner_text()
            self.assertIn(SHOWN, text, where)
        self.assertEqual(page.errors, [], f"JavaScript errors on {where}")

    def test_item_pages_show_the_text_and_run_nothing(self):
        page = self.visitor("hostile-items")
        for url in self.item_urls:
            with self.subTest(url=url), screenshot_on_failure(page, "hostile-item"):
                page.goto(url)
                self.assertInert(page, url)
                self.assertIn(SHOWN_ENTITIES, page.locator("body").inner_text())

    def test_an_administrator_sees_the_pages_and_edit_forms_unharmed(self):
        page = self.visitor("hostile-admin", "administratrice")
        for url in self.item_urls:
            for view in ("", "/edit"):
                with (
                    self.subTest(url=url + view),
                    screenshot_on_failure(page, "hostile-admin"),
                ):
                    page.goto(url + view)
                    # An edit form shows the values in its inputs, not as text.
                    self.assertInert(page, url + view, shows_text=not view)

    def test_listings_and_faceted_pages_show_the_text_and_run_nothing(self):
        page = self.visitor("hostile-listings")
        for section in ("centre-de-ressources", "trames-types", "petites-annonces"):
            with self.subTest(section=section), screenshot_on_failure(page, section):
                page.goto(f"{self.portal_url}/{section}")
                page.wait_for_selector("#faceted-results .coordaction-result")
                self.assertInert(page, section)
        for path in ("", "agenda", "@@search?SearchableText=gras"):
            with self.subTest(path=path), screenshot_on_failure(page, "hostile-page"):
                page.goto(f"{self.portal_url}/{path}")
                self.assertInert(page, path or "home")

    def test_the_project_map_popup_shows_the_commune_as_text(self):
        page = self.visitor("hostile-map")
        with screenshot_on_failure(page, "hostile-map"):
            page.goto(f"{self.portal_url}/projets")
            page.wait_for_selector('#coordaction-project-map[data-count="1"]')
            page.locator(".coordaction-project-marker").click()
            popup = page.locator(".leaflet-popup-content")
            expect(popup).to_contain_text(SHOWN)
            self.assertEqual(popup.locator("a").count(), 1)
            self.assertTrue(
                popup.locator("a").get_attribute("href").startswith(self.portal_url)
            )
            self.assertInert(page, "the project map")
            # The same project in the list under the map (folded: read its text).
            listed = page.locator("#coordaction-project-list li")
            self.assertIn(SHOWN, listed.text_content())

    def test_the_widget_example_page_shows_the_titles_as_text(self):
        example = WIDGET_EXAMPLE.read_text(encoding="utf-8")
        self.assertIn(EXAMPLE_PORTAL_URL, example)
        address = serve_page(self, example.replace(EXAMPLE_PORTAL_URL, self.portal_url))
        origin = address.rsplit("/", 1)[0]
        api.portal.set_registry_record("coordaction.cors_allowed_origins", [origin])
        commit()
        page = self.visitor("hostile-widget")
        with screenshot_on_failure(page, "hostile-widget"):
            page.goto(address)
            for collection in ("ressources", "annonces", "agenda"):
                widget = page.locator(f"[data-collection={collection}]")
                widget.locator("li").first.wait_for()
                self.assertIn(SHOWN, widget.locator("li").inner_text())
            self.assertInert(page, "the widget")
