"""The map of the Projets page follows the facets, in a real browser."""

from pathlib import Path
from tests.resourcecentre.layer import SAMPLE_CONTENT_FUNCTIONAL_TESTING
from urllib.parse import urlsplit
import os
import unittest


CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@unittest.skipUnless(
    os.path.exists(CHROMIUM), "no Chromium: `apt-get install chromium`"
)
class TestProjectMap(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def test_markers_follow_a_facet(self):
        from playwright.sync_api import sync_playwright

        portal_url = self.layer["portal"].absolute_url()
        server = "{0.scheme}://{0.netloc}/".format(urlsplit(portal_url))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(locale="fr-FR")
            page.set_default_timeout(60_000)
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            # No map tiles in tests: nothing leaves the test server.
            page.route(
                lambda url: not url.startswith(server), lambda route: route.abort()
            )
            try:
                page.goto(f"{portal_url}/projets")
                page.wait_for_selector('#coordaction-project-map[data-count="2"]')
                self.assertEqual(page.locator(".coordaction-project-marker").count(), 2)
                page.wait_for_selector(".faceted-lock-overlay", state="hidden")
                page.locator("#region_53").check()
                page.wait_for_selector('#coordaction-project-map[data-count="1"]')
                self.assertEqual(page.locator(".coordaction-project-marker").count(), 1)
                self.assertEqual(
                    page.locator("#coordaction-project-list li a").all_text_contents(),
                    ["Projet rennais"],
                )
                self.assertEqual(errors, [])
            except Exception:
                screenshots = (
                    Path(__file__).resolve().parents[2] / "var" / "screenshots"
                )
                screenshots.mkdir(parents=True, exist_ok=True)
                page.screenshot(
                    path=str(screenshots / "project-map.png"), full_page=True
                )
                raise
            finally:
                browser.close()
