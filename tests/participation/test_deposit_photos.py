"""The public deposit of a project sheet takes up to ten photos, over HTTP: each
with caption, required credit and licence; they wait inside the sheet, private like
it, the place a phone recorded removed; a photo without credit or a file that is
no picture is refused in French, and nothing is created."""

from coordaction.content.picture_location import has_location
from plone import api
from tests.participation.test_forms import PROJECT_FORM
from tests.participation.test_forms import SUBMIT
from tests.participation.test_forms import ParticipationTestCase
from tests.participation.test_forms import a_project
from tests.project_groups.test_photos import picture
import lxml.html


class TestDepositWithPhotos(ParticipationTestCase):
    def deposit(self, files, **changes):
        page = self.visitor.page(PROJECT_FORM)
        form = lxml.html.fromstring(page.text).xpath(f'//form[.//*[@name="{SUBMIT}"]]')[
            0
        ]
        data = [
            (field.name, field.value or "")
            for field in form.inputs
            if field.name and getattr(field, "type", "") == "hidden"
        ]
        for name, value in a_project(**changes).items():
            for item in value if isinstance(value, list) else [value]:
                data.append((name, item))
        data.append((SUBMIT, "1"))
        return self.visitor.session.post(
            form.action, data=data, files=files, timeout=60
        )

    def test_the_photos_wait_inside_the_sheet_with_their_credit(self):
        response = self.deposit(
            {
                "form.widgets.photo_1": (
                    "cour.jpg",
                    picture(located=True),
                    "image/jpeg",
                ),
                "form.widgets.photo_2": ("jardin.png", picture("PNG"), "image/png"),
            },
            title="Voisins du Canal en photos",
            photo_1_legende="La cour",
            photo_1_credit="Photo : Voisins du Canal",
            photo_2_credit="Photo : Voisins du Canal",
            photo_2_licence=["CC0-1.0"],
        )
        self.assertIn("Merci, votre fiche projet est enregistrée", response.text)
        [sheet] = self.items("ProjectSheet", Title="Voisins du Canal en photos")
        court, garden = sheet.photos()
        self.assertEqual(court.Title(), "La cour")
        self.assertEqual(court.attribution_text, "Photo : Voisins du Canal")
        self.assertEqual(court.license_spdx, "CC-BY-SA-4.0")
        self.assertEqual(garden.license_spdx, "CC0-1.0")
        self.assertFalse(has_location(court.image.data))
        # Private like the sheet until it is published.
        self.assertNotEqual(
            self.visitor.page(court.absolute_url(), allow_redirects=False).status_code,
            200,
        )
        self.assertEqual(api.content.get_state(sheet), "pending")

    def test_a_photo_without_credit_or_a_bad_file_creates_nothing(self):
        response = self.deposit(
            {
                "form.widgets.photo_1": ("cour.jpg", picture(), "image/jpeg"),
                "form.widgets.photo_2": ("statuts.jpg", b"%PDF-1.4", "image/jpeg"),
            },
            title="Voisins sans crédit",
            photo_2_credit="Photo : Voisins",
        )
        text = " ".join(lxml.html.fromstring(response.text).text_content().split())
        self.assertIn("Photo 1 : Dites qui créditer pour cette photo", text)
        self.assertIn("Dites qui créditer pour cette photo", text)
        self.assertIn("n'est pas une image JPEG, PNG ou WebP", text)
        self.assertEqual(self.items("ProjectSheet", Title="Voisins sans crédit"), [])

    def test_the_form_shows_its_photos_in_a_tab_of_their_own(self):
        page = lxml.html.fromstring(self.visitor.page(PROJECT_FORM).text)
        legends = [
            " ".join(legend.text_content().split())
            for legend in page.cssselect("form legend")
        ]
        self.assertEqual(legends[:2], ["Votre projet", "Photos (facultatif)"])
