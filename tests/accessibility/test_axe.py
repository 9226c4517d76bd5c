"""The main pages under axe-core in headless Chromium, on a phone-sized and a desktop
window: no violation of a serious or critical impact, and the page says it is French.

Each page is visited as the visitor who uses it: anonymous for the public pages, a
member of the network (logged in through the login form) for Mon espace."""

from tests.accessibility import browser
from tests.accessibility.layer import ACCESSIBILITY_TESTING
from tests.accessibility.layer import LETTER_ID
from tests.accessibility.layer import RESOURCE_TITLE
from tests.home.layer import PUBLISHED_PROJECTS
import unittest


# Elements that break a rule in markup we do not own, and cannot fix from our code
# without copying upstream templates: {rule id: {selector: why, and whose it is}}.
IGNORED = {}


@unittest.skipIf(browser.SKIP_REASON, browser.SKIP_REASON)
class TestPagesUnderAxe(unittest.TestCase):
    layer = ACCESSIBILITY_TESTING

    def setUp(self):
        self.portal_url = self.layer["portal"].absolute_url()

    def check(self, path, ready=None, login=None):
        """Visit ``path`` in each window; fail with every violation found."""
        reports = []
        for window in browser.VIEWPORTS:
            page = browser.new_page(self.layer["browser"], self.portal_url, window)
            try:
                name = f"{self.id().rsplit('.', 1)[-1]}-{window}"
                with browser.screenshot_on_failure(page, name):
                    if login:
                        browser.log_in(page, self.portal_url, login)
                    response = page.goto(f"{self.portal_url}/{path}")
                    self.assertEqual(response.status, 200, page.url)
                    if ready:
                        ready(page)
                    self.assertEqual(
                        page.evaluate("document.documentElement.lang"), "fr", window
                    )
                    violations = browser.axe_violations(page, IGNORED)
                    if violations:
                        reports.append(f"{window} ({page.url}):\n")
                        reports[-1] += browser.describe(violations)
                    self.assertEqual(page.errors, [], window)
            finally:
                page.context.close()
        if reports:
            self.fail("axe-core: serious or critical violations\n" + "\n".join(reports))

    def test_home_page(self):
        self.check(
            "",
            ready=lambda page: page.wait_for_selector(
                f'#coordaction-project-map[data-count="{len(PUBLISHED_PROJECTS)}"]'
            ),
        )

    def test_resource_centre_with_its_facets(self):
        self.check("centre-de-ressources", ready=browser.wait_for_faceted_results)

    def test_a_resource(self):
        self.check(
            "centre-de-ressources/guide-pratique-du-foncier-solidaire",
            ready=lambda page: page.get_by_role(
                "heading", name=RESOURCE_TITLE
            ).wait_for(),
        )

    def test_project_map_page(self):
        def ready(page):
            browser.wait_for_faceted_results(page)
            page.wait_for_selector(
                f'#coordaction-project-map[data-count="{len(PUBLISHED_PROJECTS)}"]'
            )

        self.check("projets", ready=ready)

    def test_a_form(self):
        self.check("contribuer/deposer-une-annonce")

    def test_tools_for_your_sites_with_its_preview(self):
        self.check(
            "outils-pour-vos-sites",
            ready=lambda page: page.wait_for_selector(
                "#site-tools-preview:not([aria-busy])"
            ),
        )

    def test_the_letter_archive_and_a_letter(self):
        self.check("lettre")
        self.check(f"lettre/{LETTER_ID}")

    def test_intranet_home(self):
        self.check(
            "@@mon-espace",
            ready=lambda page: page.wait_for_selector(".coordaction-mon-espace-groups"),
            login="membre-a",
        )
