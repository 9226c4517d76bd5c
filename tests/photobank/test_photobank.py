"""The Banque d'images, through the real server: its gallery honours each image's
licence and credit, filters by licence, theme and région, and never shows a private
image; it also lists the photos of published project sheets that anyone may reuse;
an image's page shows the credit and licence next to its download link and says
them in JSON-LD; @facets serves the same collection."""

from Acquisition import aq_parent
from coordaction.content.licenses import get_license
from lxml import html
from plone import api
from tests.content.test_license import json_ld
from tests.http import Client
from tests.http import admin
from tests.photobank.layer import PENDING_PROJECT_PHOTO
from tests.photobank.layer import PHOTOBANK_FUNCTIONAL_TESTING
from tests.photobank.layer import PRIVATE_IMAGE
from tests.photobank.layer import PROJECT_PHOTO
from tests.photobank.layer import PUBLISHED_IMAGES
from tests.photobank.layer import RESERVED_PROJECT_PHOTO
import transaction
import unittest


SECTION = "banque-d-images"


def project_photo(portal, title):
    (photo,) = [
        photo
        for sheet in portal["projets"].objectValues()
        for photo in sheet.objectValues()
        if photo.Title() == title
    ]
    return photo


def image_named(portal, title):
    (image,) = [obj for obj in portal[SECTION].objectValues() if obj.Title() == title]
    return image


class PhotoBankTestCase(unittest.TestCase):
    layer = PHOTOBANK_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.anonymous = Client(self.portal.absolute_url())
        self.admin = admin(self.portal.absolute_url())

    def gallery(self, params=(), client=None):
        """{title: the gallery item} of a @@faceted_query answer."""
        response = (client or self.anonymous).page(
            f"{SECTION}/@@faceted_query", params=list(params)
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        if not response.text.strip():
            return {}
        items = html.fromstring(response.text).xpath(
            "//li[contains(@class, 'coordaction-gallery-item')]"
        )
        return {
            item.xpath(
                "string(.//*[contains(@class, 'coordaction-gallery-title')])"
            ).strip(): item
            for item in items
        }

    def counts(self, cid, params=(), client=None):
        response = (client or self.anonymous).page(
            f"{SECTION}/@@faceted_counter", params=[*params, ("cid", cid)]
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.json()


class TestGallery(PhotoBankTestCase):
    def test_gallery_page_offers_french_facets(self):
        page = self.anonymous.page(SECTION)
        self.assertEqual(page.status_code, 200)
        tree = html.fromstring(page.text)
        self.assertEqual(tree.xpath("string(//h1)").strip(), "Banque d'images")
        for cid, texts in (
            ("theme", ("Thèmes",)),
            ("region", ("Régions", "Bretagne")),
            ("licence", ("Licence", "Attribution 4.0 International (CC BY 4.0)")),
        ):
            (widget,) = tree.xpath(f"//div[@id='{cid}_widget']")
            for text in texts:
                self.assertIn(text, widget.text_content(), cid)

    def test_anonymous_sees_published_images_and_reusable_project_photos(self):
        self.assertEqual(set(self.gallery()), {*PUBLISHED_IMAGES, PROJECT_PHOTO})
        # Neither the private image, nor a project photo whose rights are reserved
        # or whose sheet waits for review, whatever the filters.
        self.assertEqual(self.gallery([("texte", "autorisation")]), {})
        self.assertEqual(
            set(self.gallery([("licence", "LicenseRef-All-Rights-Reserved")])),
            {"La façade sur rue"},
        )
        self.assertIn(PROJECT_PHOTO, self.gallery([("licence", "CC-BY-4.0")]))
        self.assertNotIn(PENDING_PROJECT_PHOTO, self.gallery())
        # Nor another place's images, asked for in the address.
        self.assertEqual(
            set(self.gallery([("shown_in", "projets")])),
            {*PUBLISHED_IMAGES, PROJECT_PHOTO},
        )
        # The private image is there: an administrator finds it.
        self.assertIn(PRIVATE_IMAGE, self.gallery(client=self.admin))

    def test_each_image_shows_its_own_credit_and_licence(self):
        items = self.gallery()
        for title, (spdx, credit, _holder, _region, _theme) in PUBLISHED_IMAGES.items():
            with self.subTest(title=title):
                item = items[title]
                self.assertEqual(
                    " ".join(
                        item.xpath(
                            "string(.//*[contains(@class, 'coordaction-gallery-credit')])"
                        ).split()
                    ),
                    f"Crédit : {credit}",
                )
                license = get_license(spdx)
                name = item.xpath(
                    "string(.//*[contains(@class, 'coordaction-gallery-license-name')])"
                ).strip()
                if license.url:
                    (link,) = item.xpath(".//a[@rel='license']")
                    self.assertEqual(link.get("href"), license.url)
                    self.assertEqual(name, license.short)
                    (badge,) = link.xpath("./img")
                    self.assertEqual(
                        badge.get("src"),
                        f"{self.portal.absolute_url()}"
                        f"/++resource++coordaction-licenses/{license.badge}",
                    )
                else:
                    self.assertFalse(item.xpath(".//a[@rel='license']"))
                    self.assertEqual(name, "Tous droits réservés")

    def test_thumbnails_are_keyboard_reachable_links_to_the_image_page(self):
        items = self.gallery()
        image = image_named(self.portal, "Chantier participatif à Rennes")
        (link,) = items["Chantier participatif à Rennes"].xpath(
            ".//a[contains(@class, 'coordaction-gallery-link')]"
        )
        # The image's page (its own address gives the file itself).
        self.assertEqual(link.get("href"), f"{image.absolute_url()}/view")
        page = self.anonymous.page(link.get("href"))
        self.assertTrue(page.headers["Content-Type"].startswith("text/html"))
        self.assertIn("coordaction-image-download", page.text)
        self.assertIsNone(link.get("tabindex"))
        (thumbnail,) = link.xpath("./img")
        self.assertEqual(
            thumbnail.get("src"), f"{image.absolute_url()}/@@images/image/preview"
        )
        response = self.anonymous.page(thumbnail.get("src"))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("image/"))

    def test_filtering_by_licence_shows_only_those_images(self):
        for params, expected in (
            ([("licence", "CC-BY-SA-4.0")], {"Chantier participatif à Rennes"}),
            (
                [("licence", "CC-BY-4.0")],
                {"La salle commune du Village Vertical", PROJECT_PHOTO},
            ),
            (
                [("licence[]", "CC0-1.0"), ("licence[]", "CC-BY-SA-4.0")],
                {"Le jardin partagé", "Chantier participatif à Rennes"},
            ),
            ([("licence", "CC-BY-NC-4.0")], set()),
        ):
            with self.subTest(params=params):
                items = self.gallery(params)
                self.assertEqual(set(items), expected)
                for title, item in items.items():
                    license = get_license(
                        PUBLISHED_IMAGES.get(title, ("CC-BY-4.0",))[0]
                    )
                    self.assertIn(license.short, item.text_content())

    def test_theme_region_and_text_narrow_the_gallery(self):
        for params, expected in (
            (
                [("region", "53")],
                {"Chantier participatif à Rennes", "Le jardin partagé"},
            ),
            (
                [("theme", "gouvernance")],
                {"La salle commune du Village Vertical", "La façade sur rue"},
            ),
            ([("theme", "foncier"), ("licence", "CC0-1.0")], {"Le jardin partagé"}),
            ([("texte", "jardin")], {"Le jardin partagé"}),
        ):
            with self.subTest(params=params):
                self.assertEqual(set(self.gallery(params)), expected)

    def test_counts_never_include_the_private_image(self):
        licences = self.counts("licence")
        self.assertEqual(licences["LicenseRef-All-Rights-Reserved"], 1)
        # CC BY: an image of the bank and a project's photo.
        self.assertEqual((licences["CC-BY-4.0"], licences["CC0-1.0"]), (2, 1))
        self.assertEqual(self.counts("region")["53"], 2)
        self.assertEqual(self.counts("region", client=self.admin)["53"], 3)


class TestImagePage(PhotoBankTestCase):
    def test_download_link_has_the_credit_and_licence_next_to_it(self):
        image = image_named(self.portal, "Chantier participatif à Rennes")
        page = self.anonymous.page(f"{image.absolute_url()}/view")
        self.assertEqual(page.status_code, 200)
        tree = html.fromstring(page.text)
        (block,) = tree.xpath("//div[contains(@class, 'coordaction-image-download')]")
        (download,) = block.xpath("./a[contains(@class, 'btn')]")
        self.assertEqual(
            download.get("href"),
            f"{image.absolute_url()}/@@download/image/{image.image.filename}",
        )
        self.assertEqual(
            " ".join(download.text_content().split()),
            "Télécharger l'image (PNG, 600×400 pixels, "
            f"{max(1, round(image.image.getSize() / 1024))} Ko)",
        )
        self.assertEqual(
            " ".join(
                block.xpath(
                    "string(.//*[contains(@class, 'coordaction-image-download-credit')])"
                ).split()
            ),
            "À citer : Photo : Paul Durand",
        )
        (license,) = block.xpath(
            ".//*[contains(@class, 'coordaction-image-download-license')]/a"
        )
        self.assertEqual(license.get("rel"), "license")
        self.assertEqual(
            license.get("href"),
            "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
        )
        self.assertEqual(
            license.text_content(),
            "Attribution - Partage dans les mêmes conditions 4.0 International "
            "(CC BY-SA 4.0)",
        )
        response = self.anonymous.page(download.get("href"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, image.image.data)

    def test_all_rights_reserved_is_said_without_a_licence_link(self):
        image = image_named(self.portal, "La façade sur rue")
        tree = html.fromstring(self.anonymous.page(f"{image.absolute_url()}/view").text)
        (block,) = tree.xpath(
            "//*[contains(@class, 'coordaction-image-download-license')]"
        )
        self.assertEqual(
            " ".join(block.text_content().split()), "Licence : Tous droits réservés"
        )
        self.assertFalse(block.xpath(".//a"))

    def test_json_ld_carries_credit_licence_and_copyright_holder(self):
        image = image_named(self.portal, "La salle commune du Village Vertical")
        page = self.anonymous.page(f"{image.absolute_url()}/view").text
        (data,) = json_ld(page)
        self.assertEqual(data["@type"], "ImageObject")
        self.assertEqual(data["name"], "La salle commune du Village Vertical")
        self.assertEqual(data["creditText"], "Photo : Jeanne Martin / Les Habiles")
        self.assertEqual(
            data["license"], "https://creativecommons.org/licenses/by/4.0/deed.fr"
        )
        self.assertEqual(data["acquireLicensePage"], data["license"])
        self.assertEqual(data["copyrightHolder"]["name"], "Jeanne Martin")
        self.assertEqual(data["copyrightNotice"], "© Jeanne Martin")
        self.assertEqual(data["contentUrl"], f"{image.absolute_url()}/@@images/image")
        # Without an attribution text, the credit is the rights holder, as shown.
        garden = image_named(self.portal, "Le jardin partagé")
        page = self.anonymous.page(f"{garden.absolute_url()}/view").text
        (data,) = json_ld(page)
        self.assertEqual(data["creditText"], "Coordin'action")
        credit = html.fromstring(page).xpath(
            "string(//*[contains(@class, 'coordaction-image-download-credit')])"
        )
        self.assertEqual(" ".join(credit.split()), "À citer : Coordin'action")

    def test_private_image_and_its_file_are_not_served_to_anonymous(self):
        image = image_named(self.portal, PRIVATE_IMAGE)
        for url in (
            f"{image.absolute_url()}/view",
            f"{image.absolute_url()}/@@download/image",
            f"{image.absolute_url()}/@@images/image/preview",
        ):
            with self.subTest(url=url):
                response = self.anonymous.page(url, allow_redirects=False)
                self.assertNotEqual(response.status_code, 200)

    def test_private_image_is_neither_searched_nor_served_over_rest(self):
        image = image_named(self.portal, PRIVATE_IMAGE)
        self.assertNotEqual(
            self.anonymous.get_json(image.absolute_url()).status_code, 200
        )
        found = self.anonymous.get_json(
            f"@search?portal_type=Image&path=/{self.portal.getId()}/{SECTION}"
        ).json()
        self.assertEqual(
            {item["title"] for item in found["items"]}, set(PUBLISHED_IMAGES)
        )

    def test_an_upload_to_the_bank_waits_for_review_but_a_project_photo_does_not(self):
        self.assertEqual(
            api.content.get_state(image_named(self.portal, PRIVATE_IMAGE)), "private"
        )
        photo = project_photo(self.portal, PROJECT_PHOTO)
        self.assertIsNone(api.content.get_state(photo, default=None))

    def test_a_project_photo_joins_the_bank_when_its_sheet_is_published(self):
        def bank():
            found = self.anonymous.get_json("@facets?collection=images").json()
            return {item["title"] for item in found["items"]}

        self.assertNotIn(PENDING_PROJECT_PHOTO, bank())
        photo = project_photo(self.portal, PENDING_PROJECT_PHOTO)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(aq_parent(photo), to_state="published")
        transaction.commit()
        self.assertIn(PENDING_PROJECT_PHOTO, bank())
        # Its rights reserved afterwards, it leaves the bank but stays on its sheet.
        photo.license_spdx = "LicenseRef-All-Rights-Reserved"
        photo.reindexObject()
        transaction.commit()
        self.assertNotIn(PENDING_PROJECT_PHOTO, bank())
        self.assertIn(
            PENDING_PROJECT_PHOTO,
            self.anonymous.page(aq_parent(photo).absolute_url()).text,
        )


class TestImagesAPI(PhotoBankTestCase):
    def test_facets_serves_the_bank_with_credits_and_licences(self):
        response = self.anonymous.get_json("@facets?collection=images&sort_on=title")
        self.assertEqual(response.status_code, 200, response.text[:1000])
        data = response.json()
        self.assertEqual(data["items_total"], 5)
        by_title = {item["title"]: item for item in data["items"]}
        self.assertEqual(set(by_title), {*PUBLISHED_IMAGES, PROJECT_PHOTO})
        self.assertEqual(
            by_title[PROJECT_PHOTO]["credit_text"], "Photo : Habitants du Lyonnais"
        )
        self.assertNotIn(RESERVED_PROJECT_PHOTO, by_title)
        for title, (spdx, credit, *_rest) in PUBLISHED_IMAGES.items():
            item = by_title[title]
            self.assertEqual(item["credit_text"], credit)
            self.assertEqual(item["license"]["id"], spdx)
            self.assertTrue(item["preview_url"].endswith("/@@images/image/preview"))
            self.assertTrue(item["download_url"].endswith("/@@download/image"))
        counts = {
            value["value"]: value["count"]
            for value in data["facets"]["license_spdx"]["values"]
        }
        self.assertEqual(
            counts,
            {
                "CC0-1.0": 1,
                "CC-BY-4.0": 2,
                "CC-BY-SA-4.0": 1,
                "LicenseRef-All-Rights-Reserved": 1,
            },
        )
        response = self.anonymous.get_json(
            "@facets?collection=images&license_spdx=CC-BY-SA-4.0"
        )
        self.assertEqual(
            [item["title"] for item in response.json()["items"]],
            ["Chantier participatif à Rennes"],
        )
