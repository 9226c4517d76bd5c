"""The portal on a phone held upright (390 px), on the demo content.

Each persona walks the pages of tests/acceptance/pages.py in one logged-in browser
context: on none of them may the page, or anything a person sees, pass the right
edge of the screen, nor text spill out of its box onto its neighbour (overflow.js
names each offender). The faceted pages show their results first, the filters
behind a "Filtrer (n)" button (phone.js)."""

from pathlib import Path
from playwright.sync_api import expect
from tests.acceptance.browser import PHONE
from tests.acceptance.browser import FacetedPage
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import log_in
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.acceptance.pages import ADMINISTRATOR
from tests.acceptance.pages import ANONYMOUS
from tests.acceptance.pages import CONTRIBUTOR
from tests.acceptance.pages import COORDINATOR
from tests.acceptance.pages import DEMO
from tests.acceptance.pages import FACETED_PAGES
from tests.acceptance.pages import GROUP
from tests.acceptance.pages import NETWORK_MEMBER
from tests.acceptance.pages import PAGES
from tests.acceptance.pages import PERSONAS
from tests.acceptance.pages import REVIEWER
import re
import unittest


OVERFLOW = (Path(__file__).parent / "overflow.js").read_text(encoding="utf-8")
WIDTH = PHONE["viewport"]["width"]


def wait_for_faceted_results(page):
    """eea loads the results after the page, under its lock overlay."""
    page.wait_for_selector("#faceted-results .coordaction-faceted-results")
    page.wait_for_selector(".faceted-lock-overlay", state="hidden")


@requires_chromium
class TestPagesFitAPhone(unittest.TestCase):
    layer = DEMO.browser

    def setUp(self):
        self.portal_url = self.layer["portal"].absolute_url()

    def overflow(self, page):
        return page.evaluate(OVERFLOW, WIDTH)

    def walk(self, persona):
        """Visit each page of ``persona`` at 390 px; fail with every offender of
        every page."""
        login, password = PERSONAS[persona]
        page = new_page(self.layer["browser"], PHONE)
        found = []
        try:
            with screenshot_on_failure(page, f"phone-{login or 'anonyme'}"):
                if login:
                    log_in(page, self.portal_url, login, password)
                for who, path in PAGES:
                    if who != persona:
                        continue
                    response = page.goto(f"{self.portal_url}/{path}")
                    self.assertEqual(response.status, 200, path)
                    found += [f"/{path}: {problem}" for problem in self.check(page)]
                self.assertEqual(page.errors, [], "JavaScript errors")
        finally:
            page.context.close()
        if found:
            self.fail(
                f"wider than {WIDTH} px or overlapping, as {persona}:\n"
                + "\n".join(found)
            )

    def check(self, page):
        """What passes the screen's edge on this page; on a faceted page, with its
        filters folded and unfolded."""
        if not page.locator("#faceted-form").count():
            return self.overflow(page)
        wait_for_faceted_results(page)
        problems = self.overflow(page)
        page.locator("#coordaction-filters-toggle").click()
        problems += [f"filters open: {problem}" for problem in self.overflow(page)]
        page.locator("#coordaction-filters-toggle").click()
        return problems

    def test_pages_of_a_visitor(self):
        self.walk(ANONYMOUS)

    def test_pages_of_a_network_member(self):
        self.walk(NETWORK_MEMBER)

    def test_pages_of_a_contributor(self):
        self.walk(CONTRIBUTOR)

    def test_pages_of_a_reviewer(self):
        self.walk(REVIEWER)

    def test_pages_of_a_group_coordinator(self):
        self.walk(COORDINATOR)

    def test_pages_of_an_administrator(self):
        self.walk(ADMINISTRATOR)

    def test_every_faceted_page_is_walked(self):
        walked = {path for _persona, path in PAGES}
        self.assertLessEqual(set(FACETED_PAGES), walked)
        self.assertLessEqual({persona for persona, _path in PAGES}, set(PERSONAS))

    def test_the_roster_shows_each_member_whole(self):
        """Four columns do not fit: each member is a block of lines, each value
        saying what it is, the buttons within the screen."""
        login, password = PERSONAS[COORDINATOR]
        page = new_page(self.layer["browser"], PHONE)
        try:
            log_in(page, self.portal_url, login, password)
            page.goto(f"{self.portal_url}/{GROUP}/@@roster")
            rows = page.locator(".coordaction-roster-members tbody tr")
            self.assertGreaterEqual(rows.count(), 2)
            labels = page.evaluate(
                """() => Array.from(
                    document.querySelectorAll(".coordaction-roster-members tbody tr:first-child td[data-label]"),
                    (td) => getComputedStyle(td, "::before").content)"""
            )
            self.assertEqual(labels, ['"Nom : "', '"Adresse : "', '"Rôle : "'])
            for button in page.locator(".coordaction-roster-members button").all():
                box = button.bounding_box()
                self.assertLessEqual(
                    box["x"] + box["width"], WIDTH, button.inner_text()
                )
            expect(page.locator(".coordaction-roster-members thead")).to_have_css(
                "position", "absolute"
            )
        finally:
            page.context.close()

    def test_who_edits_nothing_gets_a_strip_not_a_column(self):
        """Plone's toolbar of a member with only a personal menu: a strip at the
        top at every width, the menu opening below the name, even in a working
        group's space they may read; an editor keeps it."""
        for persona, strip in ((NETWORK_MEMBER, True), (ADMINISTRATOR, False)):
            login, password = PERSONAS[persona]
            for width in (WIDTH, 1366):
                with self.subTest(persona=persona, width=width):
                    page = new_page(
                        self.layer["browser"],
                        {"viewport": {"width": width, "height": 800}},
                    )
                    try:
                        log_in(page, self.portal_url, login, password)
                        # A public group's space: a network member may see its
                        # contents and copy nothing there (no "Contenus", no
                        # "Actions > Copier").
                        page.goto(f"{self.portal_url}/groupes-de-travail/communication")
                        padding = page.evaluate(
                            "parseFloat(getComputedStyle(document.body).paddingLeft)"
                        )
                        expect(page.locator("#edit-zone")).to_be_visible()
                        zone = page.locator("#edit-zone").bounding_box()
                        if strip:
                            self.assertEqual(padding, 0)
                            self.assertLess(zone["height"], 80)
                            self.assertEqual(zone["width"], width)
                            page.locator("#personaltools-menulink").click()
                            menu = page.locator("#collapse-personaltools")
                            expect(menu).to_be_visible()
                            box = menu.bounding_box()
                            # Below the name (Bootstrap lets it overlap the strip's edge).
                            self.assertGreater(box["y"], zone["y"] + zone["height"] / 2)
                            self.assertLessEqual(box["x"] + box["width"], width)
                        else:
                            self.assertGreater(padding, 0)
                    finally:
                        page.context.close()

    def test_the_button_that_sends_a_form_is_the_main_one(self):
        # Plone made easyform's "Envoyer" grey, as if it were disabled.
        page = new_page(self.layer["browser"], PHONE)
        try:
            page.goto(f"{self.portal_url}/contribuer/nous-contacter")
            send = page.get_by_role("button", name="Envoyer")
            expect(send).to_have_css("background-color", "rgb(27, 107, 99)")
            expect(send).to_have_css("color", "rgb(255, 255, 255)")
        finally:
            page.context.close()

    def test_a_wide_table_is_named(self):
        """The walk can fail: a table wider than the screen, outside any frame,
        is named with its right edge."""
        page = new_page(self.layer["browser"], PHONE)
        try:
            page.goto(f"{self.portal_url}/login")
            page.evaluate(
                """() => {
                    const table = document.createElement("table");
                    table.id = "trop-large";
                    table.style.width = "600px";
                    table.insertRow().insertCell().textContent = "Nom";
                    document.body.prepend(table);
                }"""
            )
            problems = self.overflow(page)
        finally:
            page.context.close()
        self.assertIn("the page is", problems[0])
        self.assertTrue(
            any(p.startswith("table#trop-large") for p in problems), problems
        )


@requires_chromium
class TestFilterButtonOnAPhone(unittest.TestCase):
    layer = DEMO.browser

    def setUp(self):
        self.portal_url = self.layer["portal"].absolute_url()

    def test_results_first_and_filters_behind_a_button(self):
        page = new_page(self.layer["browser"], PHONE)
        try:
            with screenshot_on_failure(page, "phone-filtrer"):
                self.walk_the_filters(page)
        finally:
            page.context.close()

    def walk_the_filters(self, page):
        faceted = FacetedPage(page, self)
        page.goto(f"{self.portal_url}/centre-de-ressources")
        wait_for_faceted_results(page)
        toggle = page.get_by_role("button", name=re.compile(r"^Filtrer \(\d+\)$"))
        filters = page.locator("#left-area")
        first_result = page.locator("#faceted-results .coordaction-result").first

        # Folded: the results come right after the button, within the screen.
        expect(toggle).to_have_text("Filtrer (0)")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        self.assertIn("left-area", toggle.get_attribute("aria-controls").split())
        expect(filters).to_be_hidden()
        expect(first_result).to_be_visible()
        self.assertLess(first_result.bounding_box()["y"], PHONE["viewport"]["height"])
        documentation_screenshot(page, "telephone-centre-de-ressources.png")

        # By keyboard: Enter opens the filters and moves into them, counts kept.
        toggle.focus()
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(filters).to_be_visible()
        self.assertTrue(page.evaluate("document.activeElement.closest('#left-area')"))
        self.assertIn("filtres=ouverts", page.url)
        guide = page.locator("label[for=nature_guide]")
        self.assertRegex(guide.inner_text(), r"^Guide \(\d+\)$")
        guides = int(re.search(r"\((\d+)\)", guide.inner_text()).group(1))
        documentation_screenshot(page, "telephone-filtres.png")

        # Space ticks the focused box: one filter, fewer results.
        page.locator("#nature_guide").focus()
        page.keyboard.press("Space")
        faceted.wait_for_results(guides)
        expect(toggle).to_have_text("Filtrer (1)")

        # Reloaded, the page keeps both the filter (eea's #…) and the open panel.
        page.reload()
        wait_for_faceted_results(page)
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(toggle).to_have_text("Filtrer (1)")
        expect(filters).to_be_visible()

        # Escape folds the filters and gives the focus back to the button.
        page.locator("#nature_guide").focus()
        page.keyboard.press("Escape")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(filters).to_be_hidden()
        expect(toggle).to_be_focused()
        self.assertNotIn("filtres=", page.url)

        # "Voir les résultats" at the end of the panel does the same.
        toggle.click()
        page.get_by_role("button", name="Voir les résultats").click()
        expect(filters).to_be_hidden()
        expect(toggle).to_be_focused()

        # Open, then to a result and back: still open.
        toggle.click()
        expect(filters).to_be_visible()
        # eea's lock overlay takes the clicks while it works.
        page.wait_for_selector(".faceted-lock-overlay", state="hidden")
        page.locator("#faceted-results .coordaction-result-title a").first.click()
        page.wait_for_url(re.compile(r"/centre-de-ressources/[^/#?]+$"))
        page.go_back()
        wait_for_faceted_results(page)
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(filters).to_be_visible()
        self.assertEqual(page.errors, [], "JavaScript errors")

        # On a desktop, the filters stay beside the results, with no button.
        page.set_viewport_size({"width": 1366, "height": 900})
        expect(toggle).to_be_hidden()
        expect(filters).to_be_visible()
        page.goto(f"{self.portal_url}/centre-de-ressources")
        wait_for_faceted_results(page)
        expect(filters).to_be_visible()
        beside = page.locator("#center-area").bounding_box()
        self.assertGreater(beside["x"], filters.bounding_box()["x"])
        self.assertLess(abs(beside["y"] - filters.bounding_box()["y"]), 5)

    def test_your_search_lists_the_filters_chosen_and_keeps_the_order(self):
        """ "Votre recherche" lists the filters, not the order of the results nor
        their number per page; "Tout supprimer" keeps the page's order."""
        page = new_page(
            self.layer["browser"], {"viewport": {"width": 1366, "height": 900}}
        )
        try:
            with screenshot_on_failure(page, "votre-recherche"):
                page.goto(f"{self.portal_url}/centre-de-ressources")
                wait_for_faceted_results(page)
                summary = page.locator(".faceted-criteria-widget")
                expect(summary).to_be_hidden()
                order = page.locator(".faceted-sorting-widget select")
                self.assertEqual(order.input_value(), "effective")

                page.locator("#nature_guide").check()
                expect(summary).to_be_visible()
                expect(summary.locator("dt > span")).to_have_text(["Type de ressource"])
                self.assertNotIn("Trier", summary.inner_text())
                remove = summary.locator("a.faceted-remove").last
                expect(remove).to_have_attribute("title", "Retirer le filtre Guide")
                # Laid out before it is measured (a busy machine was slower).
                expect(remove).to_be_visible()
                box = remove.bounding_box()
                self.assertGreaterEqual(min(box["width"], box["height"]), 24)

                summary.get_by_role("link", name="Tout supprimer").click()
                expect(summary).to_be_hidden()
                expect(page.locator("#nature_guide")).not_to_be_checked()
                self.assertEqual(order.input_value(), "effective")
                self.assertIn("tri=effective", page.url)
                self.assertIn("reversed=on", page.url)
                self.assertEqual(page.errors, [], "JavaScript errors")
        finally:
            page.context.close()

    def test_the_circle_around_a_commune_counts_as_a_filter(self):
        page = new_page(self.layer["browser"], PHONE)
        try:
            page.goto(f"{self.portal_url}/projets#near=69123&radius_km=20")
            wait_for_faceted_results(page)
            toggle = page.locator("#coordaction-filters-toggle")
            expect(toggle).to_have_text("Filtrer (1)")
            page.locator("#coordaction-around-clear").click()
            expect(toggle).to_have_text("Filtrer (0)")
            expect(page.locator("#coordaction-around-commune")).to_have_value("")

            # With a filter ticked too, "Tout supprimer" removes the circle as well.
            page.goto(f"{self.portal_url}/projets#near=69123&radius_km=20")
            wait_for_faceted_results(page)
            expect(page.locator("#coordaction-around-commune")).not_to_have_value("")
            toggle.click()
            page.locator("#left-area input[type=checkbox]").first.check()
            expect(toggle).to_have_text("Filtrer (2)")
            page.get_by_role("link", name="Tout supprimer").click()
            expect(toggle).to_have_text("Filtrer (0)")
            expect(page.locator("#coordaction-around-commune")).to_have_value("")
            expect(page.locator("#coordaction-around-status")).to_have_text("")
            expect(page.locator("#coordaction-around-clear")).to_be_hidden()
        finally:
            page.context.close()
