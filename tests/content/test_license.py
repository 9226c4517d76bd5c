"""The licence of an item, as a visitor and a search engine read it."""

from coordaction.content.licenses import LICENSES
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from plone import api
from tests import builders
from tests.http import Client
from tests.http import as_manager
from tests.http import commit
import json
import re
import unittest


def json_ld(page):
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL
    )
    return [json.loads(script) for script in scripts]


class TestLicenseRendering(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        self.anonymous = Client(self.portal.absolute_url())

    def test_every_license_shows_its_badge_link_and_json_ld(self):
        section = self.portal["centre-de-ressources"]
        items = {
            license.spdx: builders.publish(
                builders.resource(
                    section,
                    title=f"Ressource {license.spdx}",
                    license_spdx=license.spdx,
                    rights_holder="Les Habiles",
                )
            )
            for license in LICENSES
        }
        commit()
        for license in LICENSES:
            page = self.anonymous.page(items[license.spdx].absolute_url()).text
            data = json_ld(page)
            self.assertEqual(len(data), 1, license.spdx)
            if license.url:
                self.assertIn(f'href="{license.url}"', page)
                self.assertRegex(
                    page, rf'<a[^>]*href="{re.escape(license.url)}"[^>]*rel="license"'
                )
                # The button comes from the portal, not from Creative Commons.
                badge = (
                    f"{self.portal.absolute_url()}"
                    f"/++resource++coordaction-licenses/{license.badge}"
                )
                self.assertIn(f'src="{badge}"', page)
                served = self.anonymous.page(badge)
                self.assertEqual(served.status_code, 200, badge)
                self.assertTrue(
                    served.headers["Content-Type"].startswith("image/svg+xml")
                )
                self.assertIn(b"<svg", served.content)
                self.assertIn("/deed.fr", license.url)
                self.assertEqual(data[0]["license"], license.url)
            else:
                self.assertIn("Tous droits réservés", page)
                self.assertNotIn('rel="license"', page)
                self.assertNotIn("license", data[0])
            self.assertEqual(data[0]["copyrightHolder"]["name"], "Les Habiles")
            self.assertEqual(
                data[0]["creator"][0], {"@type": "Person", "name": "Jeanne Martin"}
            )

    def test_cc_by_sa_deed_is_the_french_4_0_one(self):
        item = builders.publish(
            builders.resource(
                self.portal["centre-de-ressources"], license_spdx="CC-BY-SA-4.0"
            )
        )
        commit()
        page = self.anonymous.page(item.absolute_url()).text
        self.assertIn(
            'href="https://creativecommons.org/licenses/by-sa/4.0/deed.fr"', page
        )
        self.assertIn(
            "Ce contenu est mis à disposition selon les termes de la licence", page
        )
        self.assertIn(
            "Attribution - Partage dans les mêmes conditions 4.0 International (CC BY-SA 4.0)",
            page,
        )

    def test_image_json_ld_has_credit_and_license_page(self):
        png = (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
            b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
            b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
        )
        from plone.namedfile.file import NamedBlobImage

        image = api.content.create(
            container=self.portal,
            type="Image",
            title="La salle commune",
            image=NamedBlobImage(data=png, filename="salle.png"),
            license_spdx="CC-BY-4.0",
            attribution_text="Photo : Jeanne Martin / Les Habiles",
            rights_holder="Jeanne Martin",
        )

        commit()
        page = self.anonymous.page(f"{image.absolute_url()}/view").text
        data = json_ld(page)[0]
        self.assertEqual(data["@type"], "ImageObject")
        self.assertEqual(
            data["license"], "https://creativecommons.org/licenses/by/4.0/deed.fr"
        )
        self.assertEqual(data["creditText"], "Photo : Jeanne Martin / Les Habiles")
        self.assertEqual(
            data["acquireLicensePage"],
            "https://creativecommons.org/licenses/by/4.0/deed.fr",
        )
        self.assertEqual(data["contentUrl"], f"{image.absolute_url()}/@@images/image")
        self.assertIn("Crédit :", page)

    def test_a_title_cannot_break_out_of_the_json_ld_script(self):
        item = builders.publish(
            builders.resource(
                self.portal["centre-de-ressources"], title="Guide </script><b>gras</b>"
            )
        )
        commit()
        page = self.anonymous.page(item.absolute_url()).text
        self.assertEqual(json_ld(page)[0]["name"], "Guide </script><b>gras</b>")
