"""Photos from the field, over HTTP: the member who keeps a sheet sends several
photos at once, each with caption, credit and licence; they show on the sheet with
their credit and licence, the reusable ones in the photo bank; the place a phone
recorded is gone unless kept on purpose; a bad file or a missing credit sends the
whole form back in French with nothing added; nobody else may add."""

from coordaction.content.picture_location import has_location
from PIL import Image as PILImage
from tests import builders
from tests.http import authenticator
from tests.project_groups.kept import KeptSheetTestCase
import io
import lxml.html
import transaction


def picture(kind="JPEG", size=(800, 600), located=False, color=(180, 120, 60)):
    """The bytes of a picture; ``located``: with the GPS position a phone writes."""
    exif = PILImage.Exif()
    exif[0x010F] = "Fairphone"
    if located:
        gps = exif.get_ifd(0x8825)
        gps.update({1: "N", 2: (45.0, 46.0, 0.0), 3: "E", 4: (4.0, 50.0, 0.0)})
    out = io.BytesIO()
    PILImage.new("RGB", size, color).save(out, format=kind, exif=exif.tobytes())
    return out.getvalue()


class TestPhotosFromTheField(KeptSheetTestCase):
    def build(self):
        super().build()
        self.form_url = f"{self.sheet.absolute_url()}/@@ajouter-des-photos"

    def send(self, client, photos, **fields):
        """POST the form with ``photos``: [(filename, bytes, {field: value})]."""
        page = client.page(self.form_url)
        self.assertEqual(page.status_code, 200)
        data = {"_authenticator": authenticator(page.text), "envoyer": "1", **fields}
        files = {}
        for number, (filename, content, values) in enumerate(photos, start=1):
            files[f"photo-{number}"] = (filename, content)
            for name, value in values.items():
                data[f"{name}-{number}"] = value
        return client.session.post(
            self.form_url, data=data, files=files, allow_redirects=False, timeout=60
        )

    def photos(self):
        transaction.begin()
        return self.sheet.photos()

    def test_the_keeper_adds_three_photos_shown_with_credit_and_licence(self):
        camille = self.signed_in("camille")
        sheet_page = camille.page(self.sheet.absolute_url())
        self.assertIn("Ajouter des photos", sheet_page.text)
        response = self.send(
            camille,
            [
                (
                    "cour.jpg",
                    picture(located=True),
                    {"legende": "La cour", "credit": "Photo : Camille Roux"},
                ),
                (
                    "jardin.png",
                    picture("PNG", located=True),
                    {
                        "legende": "Le jardin",
                        "credit": "Photo : Camille Roux",
                        "licence": "CC0-1.0",
                        "garder-lieu": "1",
                    },
                ),
                (
                    "plan.webp",
                    picture("WEBP"),
                    {
                        "credit": "Atelier d'architecture",
                        "licence": "LicenseRef-All-Rights-Reserved",
                    },
                ),
            ],
        )
        self.assertEqual(response.status_code, 302, response.text[:800])
        self.assertEqual(response.headers["Location"], self.sheet.absolute_url())

        court, garden, plan = self.photos()
        self.assertEqual(court.Title(), "La cour")
        self.assertEqual(court.attribution_text, "Photo : Camille Roux")
        self.assertEqual(court.license_spdx, "CC-BY-SA-4.0")  # the portal's default
        self.assertEqual(plan.Title(), "Le Village Vertical, photo 3")
        # The place the phone recorded is gone, but where it was kept on purpose.
        self.assertFalse(has_location(court.image.data))
        self.assertTrue(has_location(garden.image.data))
        self.assertEqual(PILImage.open(io.BytesIO(court.image.data)).size, (800, 600))

        # Anyone sees them on the sheet, each with its credit and licence.
        tree = lxml.html.fromstring(self.anonymous.page(self.sheet.absolute_url()).text)
        captions = [
            " ".join(figure.text_content().split())
            for figure in tree.cssselect(".coordaction-photos figure")
        ]
        self.assertEqual(
            captions,
            [
                "La cour Photo : Camille Roux · CC BY-SA 4.0",
                "Le jardin Photo : Camille Roux · CC0 1.0",
                "Le Village Vertical, photo 3 Atelier d'architecture · ©",
            ],
        )
        self.assertNotIn("Ajouter des photos", tree.text_content())
        # The photo bank takes those anyone may reuse, with their credit.
        bank = self.anonymous.get_json("@facets?collection=images").json()
        credits = {item["title"]: item["credit_text"] for item in bank["items"]}
        self.assertEqual(
            credits,
            {"La cour": "Photo : Camille Roux", "Le jardin": "Photo : Camille Roux"},
        )

    def test_a_bad_file_or_a_missing_credit_adds_nothing(self):
        camille = self.signed_in("camille")
        response = self.send(
            camille,
            [
                ("cour.jpg", picture(), {"legende": "La cour", "credit": "Camille"}),
                ("statuts.jpg", b"%PDF-1.4 not a picture", {"credit": "Camille"}),
                ("sans-credit.png", picture("PNG"), {"legende": "Sans crédit"}),
                (
                    "immense.png",
                    picture("PNG", size=(9000, 5000)),
                    {"credit": "Camille", "licence": "javascript:alert(1)"},
                ),
            ],
        )
        self.assertEqual(response.status_code, 400)
        page = " ".join(lxml.html.fromstring(response.text).text_content().split())
        self.assertIn("Rien n'a été ajouté", page)
        self.assertIn("n'est pas une image JPEG, PNG ou WebP", page)
        self.assertIn("Dites qui créditer pour cette photo", page)
        self.assertIn("9000 × 5000 pixels", page)
        self.assertIn("Choisissez la licence de la photo dans la liste", page)
        # What was typed is kept.
        self.assertIn('value="Sans crédit"', response.text)
        self.assertEqual(self.photos(), [])

        empty = self.send(camille, [])
        self.assertEqual(empty.status_code, 200)
        self.assertIn("Choisissez au moins une photo", empty.text)
        self.assertEqual(self.photos(), [])

    def test_a_sheet_takes_ten_photos(self):
        for number in range(9):
            builders.image(self.sheet, title=f"Photo {number}")
        transaction.commit()
        camille = self.signed_in("camille")
        page = camille.page(self.form_url)
        self.assertIn('name="photo-1"', page.text)
        self.assertNotIn('name="photo-2"', page.text)
        response = self.send(camille, [("a.jpg", picture(), {"credit": "Camille"})])
        self.assertEqual(response.status_code, 302)
        self.assertIn(
            "a déjà ses dix photos", camille.page(self.form_url).text.replace("’", "'")
        )

    def test_nobody_else_adds_photos(self):
        for client in (self.anonymous, self.signed_in("intrus")):
            response = client.session.get(self.form_url, timeout=60)
            self.assertNotIn('name="photo-1"', response.text)
            self.assertRegex(response.url, "login|insufficient-privileges")
            posted = client.session.post(
                self.form_url,
                data={"envoyer": "1"},
                files={"photo-1": ("a.jpg", picture())},
                timeout=60,
            )
            self.assertRegex(posted.url, "login|insufficient-privileges")
        self.assertEqual(self.photos(), [])
        self.assertNotIn(
            "Ajouter des photos",
            self.signed_in("intrus").page(self.sheet.absolute_url()).text,
        )
