"""A project group takes its sheet in hand: a member asks from the sheet, whoever
reads the group's mailbox entrusts it to her, and she updates the project's stage
herself; the change shows at once to every visitor."""

from playwright.sync_api import expect
from tests import mailbox
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import JourneyTestCase
from tests.mailbox import mails
import re


TITLE = "Les Habitants du Quai"
GROUP_MAILBOX = "contact@example.org"


@requires_chromium
class TestClaimJourney(JourneyTestCase):
    def setUp(self):
        super().setUp()
        mailbox.reset()

    def test_a_member_is_entrusted_with_her_groups_sheet_and_updates_it(self):
        with self.browsing("nadia", start="projets/les-habitants-du-quai") as page:
            page.get_by_role(
                "link", name="C'est notre projet : le mettre à jour"
            ).click()
            page.get_by_role("button", name="Demander au groupe").click()
            expect(page.locator("#content")).to_contain_text("Un courriel est parti")

        [asked] = [
            mail
            for mail in mails(to=GROUP_MAILBOX)
            if "Mettre à jour la fiche" in mail.subject
        ]
        url = re.search(r"https?://\S+@@confier-la-fiche\?jeton=\S+", asked.body)[0]
        with self.browsing() as page:
            page.goto(url)
            expect(page.locator("#content")).to_contain_text("Nadia Benali")
            page.get_by_role("button", name="Lui confier la fiche").click()
            expect(page.locator("#content")).to_contain_text("est confiée")

        with self.browsing("nadia", start="projets/les-habitants-du-quai") as page:
            page.get_by_role("link", name="Modifier").first.click()
            page.get_by_label("Étape du projet").select_option(label="Conception")
            page.get_by_role("button", name="Enregistrer").click()
            expect(page.locator("h1")).to_have_text(TITLE)

        with self.browsing(start="projets/les-habitants-du-quai") as page:
            expect(page.locator("#content")).to_contain_text("Conception")
