"""A visitor finds a project on the map of the Projets page and opens its sheet.
(How the map follows a facet: tests/resourcecentre/test_project_map.py.)"""

from playwright.sync_api import expect
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import DRAFT_PROJECT
from tests.acceptance.layer import PROJECTS
from tests.acceptance.layer import JourneyTestCase


@requires_chromium
class TestProjectsJourney(JourneyTestCase):
    def test_visitor_finds_a_project_on_the_map_and_opens_its_sheet(self):
        with self.browsing() as page:
            self.click_section(page, "Projets")
            expect(page.locator("#coordaction-project-map")).to_have_attribute(
                "data-count", str(len(PROJECTS))
            )
            # Each project is drawn: a marker, or counted in a cluster of close
            # ones (Rennes and Nantes at the scale of France).
            page.wait_for_function(
                """count => {
                    const markers = document.querySelectorAll(
                        '.coordaction-project-marker').length;
                    const grouped = [...document.querySelectorAll('.marker-cluster')]
                        .reduce((sum, cluster) => sum + Number(cluster.innerText), 0);
                    return markers + grouped === count;
                }""",
                arg=len(PROJECTS),
            )
            documentation_screenshot(page, "projets-carte.png")

            # The same projects in a list, for who does not read the map.
            page.get_by_text("Les projets de la carte, en liste").click()
            listed = page.locator("#coordaction-project-list li a")
            expect(listed).to_have_count(len(PROJECTS))
            self.assertEqual(
                sorted(listed.all_inner_texts()),
                sorted(title for title, *_ in PROJECTS),
            )
            self.assertNotIn(DRAFT_PROJECT, page.content())
            listed.get_by_text("Les Choux Lents").click()
            expect(page.locator("h1")).to_have_text("Les Choux Lents")
            expect(page.locator("#content-core")).to_contain_text("Montreuil")
