"""A visitor looks for a legal template with the facets of the Trames-types page,
opens it and downloads the file to adapt."""

from pathlib import Path
from playwright.sync_api import expect
from tests.acceptance.browser import FacetedPage
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import RULES_FILENAME
from tests.acceptance.layer import RULES_ODT
from tests.acceptance.layer import TEMPLATES
from tests.acceptance.layer import JourneyTestCase


RULES = "Règlement intérieur d'une société d'attribution (SCIA)"
BUDGET = "Budget prévisionnel d'un projet en autopromotion"


@requires_chromium
class TestTemplatesJourney(JourneyTestCase):
    def test_visitor_filters_by_legal_form_and_downloads_the_template(self):
        with self.browsing() as page:
            self.click_section(page, "Trames-types")
            templates = FacetedPage(page, self)
            templates.wait_for_first_counts(
                len(TEMPLATES), "forme_option_forme_scia", 2
            )

            templates.click_facet("forme_scia")
            templates.wait_for_results(2)
            self.assertEqual(templates.result_titles(), [BUDGET, RULES])  # by title
            self.assertIn("forme=scia", page.url)

            page.get_by_role("link", name=RULES).click()
            expect(page.locator("h1")).to_have_text(RULES)
            expect(page.locator(".coordaction-fields")).to_contain_text(
                "Société civile immobilière d'attribution (SCIA)"
            )
            documentation_screenshot(page, "trame-type.png")
            with page.expect_download() as download_info:
                page.get_by_role("link", name="Télécharger ODT").click()
            download = download_info.value
            self.assertEqual(download.suggested_filename, RULES_FILENAME)
            self.assertEqual(Path(download.path()).read_bytes(), RULES_ODT)
