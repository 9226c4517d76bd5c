"""The licence through REST: written back as it is read, by its SPDX id or as a
vocabulary term; an unknown licence is refused in French."""

from tests import builders
from tests.http import SiteTestCase
import ast


class TestLicenseWrites(SiteTestCase):
    users = {"contributrice": {"groups": ("equipe-editoriale",)}}

    def build(self):
        self.resource = builders.publish(
            builders.resource(self.portal["centre-de-ressources"])
        )

    def setUp(self):
        super().setUp()
        self.client = self.signed_in("contributrice")
        self.url = self.resource.absolute_url()

    def license(self):
        return self.client.get_json(self.url).json()["license_spdx"]

    def patch(self, value):
        return self.client.api("PATCH", self.url, json={"license_spdx": value})

    def test_the_object_read_is_written_back(self):
        served = self.license()
        self.assertEqual(served["id"], "CC-BY-SA-4.0")
        self.assertEqual(self.patch(served).status_code, 204)
        self.assertEqual(self.license(), served)

    def test_an_spdx_id_a_token_or_another_served_object(self):
        for value, expected in (
            ("CC0-1.0", "CC0-1.0"),
            ({"token": "CC-BY-NC-4.0"}, "CC-BY-NC-4.0"),
            ({"id": "CC-BY-4.0", "title": "Attribution 4.0"}, "CC-BY-4.0"),
        ):
            with self.subTest(value=value):
                response = self.patch(value)
                self.assertEqual(response.status_code, 204, response.text)
                self.assertEqual(self.license()["id"], expected)

    def test_an_unknown_licence_is_refused_in_french(self):
        for value in ("GPL-3.0", {"id": "WTFPL"}, 5, ["CC0-1.0"], {"title": "x"}):
            with self.subTest(value=value):
                response = self.patch(value)
                self.assertEqual(response.status_code, 400, response.text)
                [problem] = ast.literal_eval(response.json()["message"])
                self.assertEqual(problem["field"], "license_spdx")
                self.assertIn("Licence inconnue", problem["message"])
                self.assertIn("CC-BY-SA-4.0", problem["message"])
                self.assertEqual(self.license()["id"], "CC-BY-SA-4.0")
