"""A project group takes its sheet in hand: a member asks from the sheet, whoever
reads the group's mailbox entrusts it to her, and she updates the project's stage
herself; the change shows at once to every visitor. Then, on her phone, she adds
three photos, which show on the sheet, in the map's bubble and in the photo bank
with their credit."""

from PIL import Image as PILImage
from playwright.sync_api import expect
from tests import mailbox
from tests.acceptance.browser import PHONE
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import JourneyTestCase
from tests.mailbox import mails
import re
import tempfile
import transaction


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

    def test_a_keeper_adds_three_photos_from_her_phone(self):
        from coordaction.policy.project_groups import maintainers

        (sheet,) = [
            item
            for item in self.portal["projets"].objectValues()
            if item.Title() == TITLE
        ]
        token, _mail = maintainers.ask(sheet, "nadia")
        maintainers.entrust(sheet, token)
        transaction.commit()
        files = []
        for number, color in enumerate(((200, 120, 60), (60, 140, 90), (40, 80, 160))):
            path = f"{tempfile.gettempdir()}/quai-{number}.jpg"
            PILImage.new("RGB", (1200, 800), color).save(path, format="JPEG")
            files.append(path)

        with self.browsing(
            "nadia", start="projets/les-habitants-du-quai", device=PHONE
        ) as page:
            page.get_by_role("link", name="Ajouter des photos").click()
            for number, path in enumerate(files, start=1):
                page.locator(f"#photo-{number}").set_input_files(path)
                page.locator(f"#legende-{number}").fill(f"Le quai, vue {number}")
                page.locator(f"#credit-{number}").fill("Photo : Nadia Benali")
            page.get_by_role("button", name="Ajouter les photos").click()
            expect(page.locator(".portalMessage")).to_contain_text(
                "3 photo(s) ajoutée(s)"
            )
            figures = page.locator(".coordaction-photos figure")
            expect(figures).to_have_count(3)
            expect(figures.first).to_contain_text("Photo : Nadia Benali · CC BY-SA 4.0")

        with self.browsing(start="banque-d-images") as page:
            expect(
                page.locator(".coordaction-gallery-item", has_text="Le quai, vue 1")
            ).to_contain_text("Photo : Nadia Benali")

        # The map's bubble shows the sheet's first photo: what the map reads.
        with self.browsing(start="projets") as page:
            answer = page.request.get(
                f"{self.portal_url}/@projects-geojson",
                headers={"Accept": "application/json"},
            ).json()
            (feature,) = [
                feature
                for feature in answer["features"]
                if feature["properties"]["title"] == TITLE
            ]
            photo_url = feature["properties"]["photo_url"]
            self.assertEqual(
                feature["properties"]["photo_credit"],
                "Photo : Nadia Benali · CC BY-SA 4.0",
            )
            self.assertIn("/les-habitants-du-quai/", photo_url)
            self.assertEqual(page.request.get(photo_url).status, 200)
