"""An exhibition (*Exposition RNHP*), through the test server: the editorial team
gathers photos of the bank and of project sheets; visitors see them in order as a
slideshow, each with its credit and licence and a printable PDF sheet that bears
them too; a private photo is left out, and its sheet is not served."""

from coordaction.content.licenses import get_license
from lxml import html
from plone import api
from tests.http import Client
from tests.http import as_manager
from tests.http import make_user
from tests.photobank.layer import PHOTOBANK_FUNCTIONAL_TESTING
from tests.photobank.layer import PRIVATE_IMAGE
from tests.photobank.layer import PROJECT_PHOTO
from tests.photobank.test_photobank import image_named
from tests.photobank.test_photobank import project_photo
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import transaction
import unittest


BANK_IMAGE = "La salle commune du Village Vertical"


class TestExhibition(unittest.TestCase):
    layer = PHOTOBANK_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        intids = getUtility(IIntIds)
        photos = [
            project_photo(self.portal, PROJECT_PHOTO),
            image_named(self.portal, BANK_IMAGE),
            image_named(self.portal, PRIVATE_IMAGE),
        ]
        self.exhibition = api.content.create(
            container=self.portal["banque-d-images"],
            type="Exhibition",
            title="Exposition RNHP 2026",
            photos=[RelationValue(intids.getId(photo)) for photo in photos],
        )
        api.content.transition(self.exhibition, to_state="published")
        make_user("redaction", groups=("equipe-editoriale",))
        make_user("membre", groups=("membres-du-reseau",))
        transaction.commit()
        self.anonymous = Client(self.portal.absolute_url())

    def test_visitors_see_the_photos_in_order_with_credit_and_licence(self):
        page = self.anonymous.page(self.exhibition.absolute_url())
        self.assertEqual(page.status_code, 200)
        slides = html.fromstring(page.text).cssselect(
            ".coordaction-exhibition-slides > li"
        )
        texts = [" ".join(slide.text_content().split()) for slide in slides]
        self.assertEqual(len(texts), 2)  # the private photo is left out
        self.assertIn("Photo 1 sur 2", texts[0])
        self.assertIn(PROJECT_PHOTO, texts[0])
        self.assertIn(BANK_IMAGE, texts[1])
        self.assertIn("Photo : Jeanne Martin / Les Habiles · CC BY 4.0", texts[1])
        self.assertIn("Fiche imprimable (PDF)", texts[1])
        self.assertIn("Photo précédente", texts[1])
        self.assertNotIn(PRIVATE_IMAGE, page.text)

    def test_each_photo_has_a_printable_sheet_with_its_credit_and_licence(self):
        bank_image = image_named(self.portal, BANK_IMAGE)
        sheet = self.anonymous.page(f"{bank_image.absolute_url()}/@@fiche-pdf")
        self.assertEqual(sheet.status_code, 200)
        self.assertEqual(sheet.headers["Content-Type"], "application/pdf")
        self.assertTrue(sheet.content.startswith(b"%PDF"))
        self.assertIn(b"Photo : Jeanne Martin / Les Habiles", sheet.content)
        self.assertIn(get_license("CC-BY-4.0").url.encode(), sheet.content)
        self.assertIn(bank_image.absolute_url().encode(), sheet.content)
        private = image_named(self.portal, PRIVATE_IMAGE)
        hidden = self.anonymous.page(
            f"{private.absolute_url()}/@@fiche-pdf", allow_redirects=False
        )
        self.assertNotEqual(hidden.status_code, 200)

    def test_the_editorial_team_gathers_exhibitions_a_member_does_not(self):
        bank = self.portal["banque-d-images"]
        for login, allowed in (("redaction", True), ("membre", False)):
            self.assertEqual(
                api.user.has_permission(
                    "coordaction: Add Exhibition", username=login, obj=bank
                ),
                allowed,
                login,
            )
        page = Client(self.portal.absolute_url(), "redaction").page(
            "banque-d-images/++add++Exhibition"
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("Exposition", page.text)
