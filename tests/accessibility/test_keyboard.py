"""With the keyboard alone, in headless Chromium: a visitor tabs to a facet of the
resource centre and ticks it with the space bar, and the results follow; on the
Projets page, the projects of the map are also a list, reached and opened with the
keyboard. Where the focus is, it shows."""

from tests.accessibility import browser
from tests.accessibility.layer import ACCESSIBILITY_TESTING
from tests.accessibility.layer import RESOURCE_TITLE
from tests.home.layer import PUBLISHED_PROJECTS
import unittest


MAX_TABS = 200  # more than any page here has stops


# The focused element and what shows its focus (outline, box shadow), as drawn.
FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName.toLowerCase(),
    id: element.id,
    type: element.type || "",
    text: (element.innerText || "").trim(),
    label: element.labels && element.labels.length
      ? element.labels[0].innerText.trim() : "",
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none",
  };
}"""


@unittest.skipIf(browser.SKIP_REASON, browser.SKIP_REASON)
class TestKeyboard(unittest.TestCase):
    layer = ACCESSIBILITY_TESTING

    def setUp(self):
        self.portal_url = self.layer["portal"].absolute_url()
        self.page = browser.new_page(self.layer["browser"], self.portal_url)
        self.addCleanup(self.page.context.close)

    def tab_to(self, matches, what):
        """Press Tab until the focused element ``matches``; return it."""
        for _ in range(MAX_TABS):
            self.page.keyboard.press("Tab")
            focused = self.page.evaluate(FOCUSED)
            if matches(focused):
                return focused
        self.fail(f"{what}: not reached after {MAX_TABS} presses of Tab")

    def assertFocusVisible(self, focused):
        self.assertTrue(
            focused["outline"] or focused["shadow"],
            f"no visible focus on {focused}",
        )

    def result_titles(self):
        return sorted(
            title.strip()
            for title in self.page.locator(
                "#faceted-results .coordaction-result-title a"
            ).all_inner_texts()
        )

    def test_facet_ticked_with_the_keyboard_filters_the_resources(self):
        page = self.page
        with browser.screenshot_on_failure(page, "keyboard-facets"):
            page.goto(f"{self.portal_url}/centre-de-ressources")
            browser.wait_for_faceted_results(page)
            self.assertIn(RESOURCE_TITLE, self.result_titles())
            self.assertGreater(len(self.result_titles()), 1)

            facet = self.tab_to(
                lambda focused: (
                    focused["type"] == "checkbox"
                    and focused["label"].startswith("Fiche pratique")
                ),
                "the facet « Fiche pratique »",
            )
            self.assertFocusVisible(facet)
            page.keyboard.press("Space")
            page.wait_for_function(
                "() => document.querySelectorAll("
                "'#faceted-results .coordaction-result').length === 1"
            )
            self.assertEqual(self.result_titles(), [RESOURCE_TITLE])
            self.assertIn("nature=fiche-pratique", page.url)
            self.assertTrue(page.locator(f"#{facet['id']}").is_checked())
            self.assertEqual(page.errors, [])

    def test_projects_of_the_map_as_a_list_with_the_keyboard(self):
        page = self.page
        with browser.screenshot_on_failure(page, "keyboard-project-list"):
            page.goto(f"{self.portal_url}/projets")
            browser.wait_for_faceted_results(page)
            page.wait_for_selector(
                f'#coordaction-project-map[data-count="{len(PUBLISHED_PROJECTS)}"]'
            )
            # The faceted results list every project of the map, too.
            self.assertEqual(self.result_titles(), sorted(PUBLISHED_PROJECTS))

            summary = self.tab_to(
                lambda focused: focused["tag"] == "summary",
                "the list of the map's projects",
            )
            self.assertEqual(summary["text"], "Les projets de la carte, en liste")
            self.assertFocusVisible(summary)
            page.keyboard.press("Enter")
            link = self.tab_to(
                lambda focused: focused["tag"] == "a", "a project of the list"
            )
            self.assertIn(link["text"], PUBLISHED_PROJECTS)
            self.assertFocusVisible(link)
            with page.expect_navigation():
                page.keyboard.press("Enter")
            self.assertEqual(
                page.locator("h1").first.inner_text().strip(), link["text"]
            )
            self.assertEqual(page.errors, [])
