"""Faceted pages in a real browser (headless Chromium, Playwright), as anonymous:
eea's JavaScript loads the results and the counts, and follows a click on a facet."""

from tests.acceptance.browser import FacetedPage
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.resourcecentre.test_faceted_pages import FACETED_RESOURCES_AND_TEMPLATES
from tests.resourcecentre.test_faceted_pages import PUBLISHED_RESOURCES
from tests.resourcecentre.test_faceted_pages import FacetedTestCase
import time


@requires_chromium
class TestFacetedPagesInABrowser(FacetedTestCase):
    layer = FACETED_RESOURCES_AND_TEMPLATES.browser

    def setUp(self):
        super().setUp()
        self.page = new_page(self.layer["browser"])
        self.addCleanup(self.page.context.close)
        # The address's fragment for eea (faceted-page.js) arrives last, as on a
        # slow network: eea's scripts must wait for it (registry/faceted-bundles.xml).
        self.page.route("**/faceted-page.js", self.slow_response)
        self.faceted = FacetedPage(self.page, self)
        self.requested = []
        self.page.on("request", lambda request: self.requested.append(request.url))

    @staticmethod
    def slow_response(route):
        time.sleep(0.5)
        route.continue_()

    def screenshot_on_failure(self):
        return screenshot_on_failure(self.page, self.id().rsplit(".", 1)[-1])

    def result_titles(self):
        return set(self.faceted.result_titles())

    def counter_requests(self):
        return [url for url in self.requested if "@@faceted_counter" in url]

    def test_anonymous_visitor_filters_resources(self):
        page = self.page
        with self.screenshot_on_failure():
            page.goto(f"{self.portal.absolute_url()}/centre-de-ressources")

            # eea's scripts load the results and the counts after the page.
            self.faceted.wait_for_first_counts(
                len(PUBLISHED_RESOURCES), "nature_option_nature_guide", 2
            )
            self.assertEqual(self.result_titles(), PUBLISHED_RESOURCES)
            self.assertEqual(
                page.locator("#nature_option_nature_guide label").inner_text(),
                "Guide (2)",
            )
            # A value without a result is hidden (hide zero counts).
            self.assertFalse(page.locator("#nature_option_nature_outil").is_visible())
            # The five counted facets in one request (faceted-page.js).
            self.assertEqual(len(self.counter_requests()), 1, self.counter_requests())

            self.faceted.click_facet("nature_guide")
            self.faceted.wait_for_results(2)
            self.assertEqual(
                self.result_titles(),
                {"Guide du foncier solidaire", "Guide du financement participatif"},
            )
            self.assertIn("nature=guide", page.url)
            # The counts of the other facets follow: both guides are from Bretagne.
            self.faceted.wait_for_count("region_option_region_53", 2)
            self.faceted.wait_for_count("region_option_region_84", 0)
            self.assertEqual(len(self.counter_requests()), 2, self.counter_requests())

            self.faceted.click_facet("nature_guide", checked=False)
            self.faceted.wait_for_results(len(PUBLISHED_RESOURCES))

            self.assertEqual(page.errors, [])
            # The signs of waiting are drawn by CSS, not fetched (phone.css).
            self.assertEqual([url for url in self.requested if ".gif" in url], [])

    def test_obsolete_templates_only_when_the_visitor_asks(self):
        page = self.page
        with self.screenshot_on_failure():
            page.goto(f"{self.portal.absolute_url()}/trames-types")
            self.faceted.wait_for_results(2)
            self.assertEqual(
                self.result_titles(),
                {"Statuts de coopérative d'habitants", "Budget prévisionnel type"},
            )
            self.assertIn("etat=published", page.url)
            self.faceted.wait_for_count("etat_option_etat_obsolete", 1)

            self.faceted.click_facet("etat_obsolete")
            self.faceted.wait_for_results(3)
            self.assertEqual(
                page.locator("#faceted-results .coordaction-result-obsolete").count(), 1
            )

            self.assertEqual(page.errors, [])
