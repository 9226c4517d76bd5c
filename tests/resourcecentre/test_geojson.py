"""@projects-geojson: the project map's data, for any map library."""

from tests.http import Client
from tests.resourcecentre.layer import SAMPLE_CONTENT_FUNCTIONAL_TESTING
import unittest


class TestProjectsGeoJSON(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.client = Client(self.layer["portal"].absolute_url())

    def get(self, query=""):
        return self.client.get_json(f"@projects-geojson{query}")

    def test_a_valid_feature_collection_of_published_projects(self):
        response = self.get()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/geo+json")
        data = response.json()
        self.assertEqual(data["type"], "FeatureCollection")
        self.assertEqual(
            [feature["properties"]["title"] for feature in data["features"]],
            ["Projet lyonnais", "Projet rennais"],
        )
        for feature in data["features"]:
            self.assertEqual(feature["type"], "Feature")
            self.assertEqual(feature["geometry"]["type"], "Point")
            longitude, latitude = feature["geometry"]["coordinates"]
            self.assertTrue(-180 <= longitude <= 180 and -90 <= latitude <= 90)
        rennes = data["features"][1]
        self.assertEqual(rennes["geometry"]["coordinates"], [-1.6778, 48.1173])
        self.assertEqual(rennes["properties"]["stage_title"], "Conception")

    def test_no_private_field_and_no_draft(self):
        text = self.get().text
        self.assertNotIn("contact@village-vertical.example.org", text)
        self.assertNotIn("contact_email", text)
        self.assertNotIn("Projet en brouillon", text)

    def test_filtered_like_the_facets(self):
        data = self.get("?regions=53").json()
        self.assertEqual(
            [f["properties"]["commune"] for f in data["features"]], ["Rennes"]
        )
        data = self.get("?looking_for_members=true").json()
        self.assertEqual(
            [f["properties"]["commune"] for f in data["features"]], ["Villeurbanne"]
        )

    def test_bad_filter_is_a_400(self):
        response = self.get("?stage=demolition")
        self.assertEqual(response.status_code, 400)
        self.assertIn(
            "Valeur inconnue pour « stage »", response.json()["error"]["message"]
        )
