"""The home page in a real browser (headless Chromium, Playwright), as anonymous:
the small map draws the published projects, and an entry point opens the resource
centre already filtered for its visitors (eea reads the filter after the #)."""

from contextlib import contextmanager
from coordaction.policy.faceted import apply_faceted_configurations
from pathlib import Path
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests import builders
from tests.home.layer import HOME_FUNCTIONAL_TESTING
from tests.home.layer import PUBLISHED_PROJECTS
from tests.home.layer import PUBLISHED_RESOURCES
from tests.http import commit
from urllib.parse import urlsplit
import os
import unittest


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
TIMEOUT = 60_000  # ms: CI machines are shared


@unittest.skipUnless(
    os.path.exists(CHROMIUM),
    f"no Chromium at {CHROMIUM}: `apt-get install chromium` (CI installs it)",
)
class TestHomePageInABrowser(unittest.TestCase):
    layer = HOME_FUNCTIONAL_TESTING

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
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.addCleanup(self.playwright.stop)
        self.browser = self.playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        self.addCleanup(self.browser.close)
        self.page = self.browser.new_page(locale="fr-FR")
        self.page.set_default_timeout(TIMEOUT)
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # Nothing from outside the test server (the map's tiles): no network.
        server = "{0.scheme}://{0.netloc}/".format(urlsplit(self.portal.absolute_url()))
        self.page.route(
            lambda url: not url.startswith(server), lambda route: route.abort()
        )

    @contextmanager
    def screenshot_on_failure(self):
        try:
            yield
        except BaseException:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            path = SCREENSHOTS / f"{self.id().rsplit('.', 1)[-1]}.png"
            self.page.screenshot(path=str(path), full_page=True)
            print(f"\nScreenshot: {path}")
            raise

    def test_map_and_an_entry_point_in_the_browser(self):
        with self.screenshot_on_failure():
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
        self.assertEqual(self.errors, [])
