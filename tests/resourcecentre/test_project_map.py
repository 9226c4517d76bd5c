"""The map of the Projets page follows the facets, in a real browser."""

from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.resourcecentre.layer import SAMPLE_CONTENT_BROWSER_TESTING
import unittest


@requires_chromium
class TestProjectMap(unittest.TestCase):
    layer = SAMPLE_CONTENT_BROWSER_TESTING

    def test_markers_follow_a_facet(self):
        portal_url = self.layer["portal"].absolute_url()
        # No map tiles in tests: nothing leaves this machine.
        page = new_page(self.layer["browser"])
        self.addCleanup(page.context.close)
        with screenshot_on_failure(page, "project-map"):
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
            self.assertEqual(page.errors, [])
