"""A private working-group space: its coordinator adds a member from the roster
page, the member reads the group's document; a member of another group who opens
the same address is refused and learns nothing of it."""

from playwright.sync_api import expect
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import GROUP_DOCUMENT_TEXT
from tests.acceptance.layer import GROUP_DOCUMENT_TITLE
from tests.acceptance.layer import SPACE_A
from tests.acceptance.layer import SPACE_B
from tests.acceptance.layer import JourneyTestCase


@requires_chromium
class TestGroupSpaceJourney(JourneyTestCase):
    def test_member_reads_the_group_document_other_group_is_refused(self):
        with self.browsing("nadia", start="groupes-de-travail") as page:
            page.get_by_role("link", name=SPACE_A).click()
            expect(page.locator("h1")).to_have_text(SPACE_A)
            # The space has no link to its roster: coordinators use the address the
            # README gives (…/mon-espace/@@roster).
            page.goto(f"{page.url}/@@roster")
            page.get_by_label("Identifiant ou adresse électronique").fill("yann")
            page.get_by_role("button", name="Ajouter", exact=True).click()
            expect(page.locator("#global_statusmessage")).to_contain_text(
                "Yann Le Goarnec fait maintenant partie du groupe."
            )
            roster = page.locator(".coordaction-roster-members table")
            expect(roster.locator("tr", has_text="Yann Le Goarnec")).to_contain_text(
                "Membre"
            )
            documentation_screenshot(page, "membres-du-groupe.png")

        with self.browsing("yann", start="groupes-de-travail") as page:
            expect(page.locator("#content-core")).to_contain_text(SPACE_A)
            expect(page.locator("#content-core")).not_to_contain_text(SPACE_B)
            page.get_by_role("link", name=SPACE_A).click()
            page.get_by_role("link", name=GROUP_DOCUMENT_TITLE).first.click()
            expect(page.locator("h1")).to_have_text(GROUP_DOCUMENT_TITLE)
            expect(page.locator("#content-core")).to_contain_text(GROUP_DOCUMENT_TEXT)
            document = page.url.removeprefix(f"{self.portal_url}/")

        with self.browsing("lucie", start=document) as page:
            expect(page.locator("h1")).to_have_text("Privilèges insuffisants")
            html = page.content()
            for secret in (GROUP_DOCUMENT_TITLE, GROUP_DOCUMENT_TEXT, SPACE_A):
                self.assertNotIn(secret, html)
            self.click_section(page, "Groupes de travail")
            expect(page.locator("#content-core")).to_contain_text(SPACE_B)
            expect(page.locator("#content-core")).not_to_contain_text(SPACE_A)
