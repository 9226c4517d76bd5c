"""*Outils pour vos sites* in a real browser: the preview and the code follow the
form, the code copies, the page fits a phone, and the code it writes, pasted into
an association's page on another origin, shows the portal's content there."""

from playwright.sync_api import expect
from plone import api
from tests.acceptance.browser import PHONE
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.acceptance.browser import serve_page
from tests.http import commit
from tests.resourcecentre.layer import SAMPLE_CONTENT_BROWSER_TESTING
import unittest


PAGE = "outils-pour-vos-sites"


@requires_chromium
class TestSiteToolsInABrowser(unittest.TestCase):
    layer = SAMPLE_CONTENT_BROWSER_TESTING

    def setUp(self):
        self.portal_url = self.layer["portal"].absolute_url()

    def open(self, device=None, query=""):
        page = new_page(self.layer["browser"], device)
        self.addCleanup(page.context.close)
        page.goto(f"{self.portal_url}/{PAGE}{query}")
        return page

    def preview_titles(self, page):
        page.wait_for_selector("#site-tools-preview li")
        return page.locator("#site-tools-preview li a:first-child").all_inner_texts()

    def test_the_preview_and_the_code_follow_the_form(self):
        page = self.open()
        with screenshot_on_failure(page, "site-tools-form"):
            self.assertEqual(
                page.locator("#site-tools-preview h3").inner_text(),
                "Centre de ressources",
            )
            page.select_option("#site-tools-region", label="Bretagne")
            page.wait_for_function(
                "document.querySelector('#site-tools-preview h3')?.textContent"
                " === 'Centre de ressources — Bretagne'"
            )
            self.assertEqual(
                self.preview_titles(page),
                ["Guide du financement", "Guide du foncier"],
            )
            # Dates in words, as everywhere on the portal.
            self.assertRegex(
                page.locator("#site-tools-preview li").first.inner_text(),
                r" — \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|"
                r"septembre|octobre|novembre|décembre) \d{4}",
            )
            self.assertEqual(
                page.get_attribute("#site-tools-title", "placeholder"),
                "Centre de ressources — Bretagne",
            )
            self.assertIn(
                'data-regions="53"',
                page.locator("#site-tools-widget-code").inner_text(),
            )
            self.assertIn("region=53", page.url)
            # Said 50 ms after the swap (a new text, read again by screen readers).
            expect(page.locator("#site-tools-status")).to_have_text(
                "Aperçu et code mis à jour."
            )
            page.fill("#site-tools-title", "<b>Nos ressources</b>")
            page.wait_for_function(
                "document.querySelector('#site-tools-preview h3')?.textContent"
                " === '<b>Nos ressources</b>'"
            )
            self.assertEqual(page.locator("#site-tools-preview b").count(), 0)
            self.assertEqual(page.errors, [])

    def test_the_code_is_copied(self):
        page = self.open()
        page.context.grant_permissions(
            ["clipboard-read", "clipboard-write"],
            origin=self.portal_url.split("/plone")[0],
        )
        with screenshot_on_failure(page, "site-tools-copy"):
            page.get_by_role("button", name="Copier le code").click()
            page.wait_for_function(
                "document.getElementById('site-tools-status').textContent === 'Copié.'"
            )
            self.assertEqual(
                page.evaluate("navigator.clipboard.readText()"),
                page.locator("#site-tools-widget-code").inner_text(),
            )

    def test_the_page_fits_a_phone(self):
        page = self.open(PHONE, "?collection=agenda&region=53&theme=foncier&limit=20")
        with screenshot_on_failure(page, "site-tools-phone"):
            self.preview_titles(page)
            self.assertLessEqual(
                page.evaluate("document.documentElement.scrollWidth"),
                PHONE["viewport"]["width"],
            )

    def test_the_code_written_shows_the_content_on_an_association_page(self):
        page = self.open(query="?collection=agenda&region=53&limit=3")
        code = page.locator("#site-tools-widget-code").inner_text()
        address = serve_page(
            self,
            '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
            f"<title>Association</title></head><body>{code}</body></html>",
        )
        api.portal.set_registry_record(
            "coordaction.cors_allowed_origins", [address.rsplit("/", 1)[0]]
        )
        commit()
        with screenshot_on_failure(page, "site-tools-association"):
            page.goto(address)
            page.wait_for_selector("[data-coordaction-widget] li")
            self.assertEqual(
                page.locator("[data-coordaction-widget] h3").inner_text(),
                "Agenda — Bretagne",
            )
            self.assertEqual(
                page.locator(
                    "[data-coordaction-widget] li a:first-child"
                ).all_inner_texts(),
                ["Atelier foncier à Rennes"],
            )
            self.assertEqual(page.errors, [])
