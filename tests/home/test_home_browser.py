"""The home page in a real browser (headless Chromium, Playwright), as anonymous:
the small map draws the published projects, and an entry point opens the resource
centre already filtered for its visitors (eea reads the filter after the #)."""

from coordaction.policy.resourcecentre.faceted.pages import apply_faceted_configurations
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests import builders
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.home.layer import HOME_BROWSER_TESTING
from tests.home.layer import PUBLISHED_PROJECTS
from tests.home.layer import PUBLISHED_RESOURCES
from tests.http import commit
import unittest


@requires_chromium
class TestHomePageInABrowser(unittest.TestCase):
    layer = HOME_BROWSER_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        apply_faceted_configurations(self.portal)
        builders.publish(
            builders.resource(
                self.portal["centre-de-ressources"],
                title="Guide pour les architectes",
                audiences=["professionnels"],
                file=None,
            )
        )
        commit()
        # Launched as the journeys are: no network beyond the machine (the
        # map's tiles), French, JavaScript errors kept in page.errors.
        self.page = new_page(self.layer["browser"])
        self.addCleanup(self.page.context.close)

    def test_map_and_an_entry_point_in_the_browser(self):
        with screenshot_on_failure(self.page, self.id().rsplit(".", 1)[-1]):
            self.check_map_and_entry_point()

    def check_map_and_entry_point(self):
        page = self.page
        page.goto(self.portal.absolute_url())
        page.wait_for_selector(
            f'#coordaction-project-map[data-count="{len(PUBLISHED_PROJECTS)}"]'
        )
        self.assertEqual(
            page.locator(".coordaction-project-marker").count(),
            len(PUBLISHED_PROJECTS),
        )
        self.assertEqual(
            sorted(page.locator("#coordaction-project-list a").all_text_contents()),
            sorted(PUBLISHED_PROJECTS),
        )

        page.get_by_role("link", name="Les ressources pour les collectivités").click()
        page.wait_for_url("**/centre-de-ressources#public=collectivites**")
        page.wait_for_function(
            "n => document.querySelectorAll("
            "'#faceted-results .coordaction-result').length === n",
            arg=len(PUBLISHED_RESOURCES),
        )
        titles = {
            title.strip()
            for title in page.locator(
                "#faceted-results .coordaction-result-title a"
            ).all_inner_texts()
        }
        self.assertEqual(titles, set(PUBLISHED_RESOURCES))
        # The facet shows the audience ticked, as if the visitor had chosen it.
        self.assertTrue(page.locator("#public_collectivites").is_checked())
        self.assertEqual(self.page.errors, [])
