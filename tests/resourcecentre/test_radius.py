""" "Autour de…" over REST: ``near`` (a commune's INSEE code) and ``radius_km`` in
``@facets`` and ``@projects-geojson``, and ``@communes`` that finds the code."""

from tests.http import Client
from tests.resourcecentre.map_layer import AROUND_LYON
from tests.resourcecentre.map_layer import PHOTO
from tests.resourcecentre.map_layer import PRIVATE
from tests.resourcecentre.map_layer import PROJECTS_AROUND
import unittest


LYON = "69123"


class RadiusTestCase(unittest.TestCase):
    layer = PROJECTS_AROUND.functional

    def setUp(self):
        self.client = Client(self.layer["portal"].absolute_url())

    def ok(self, path):
        response = self.client.get_json(path)
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.json()

    def facets(self, query=""):
        return self.ok(f"@facets?collection=projets&b_size=50{query}")

    def geojson(self, query=""):
        return self.ok(f"@projects-geojson?{query}")

    def titles(self, data):
        if "features" in data:
            return sorted(f["properties"]["title"] for f in data["features"])
        return sorted(item["title"] for item in data["items"])


class TestRadiusFilter(RadiusTestCase):
    def test_counts_with_and_without_the_radius(self):
        self.assertEqual(self.facets()["items_total"], 7)
        around = self.facets(f"&near={LYON}&radius_km=10")
        self.assertEqual(self.titles(around), sorted(t[0] for t in AROUND_LYON))
        self.assertEqual(around["items_total"], 3)
        # The facet counts are those of the projects within the circle.
        regions = {
            value["value"]: value["count"]
            for value in around["facets"]["regions"]["values"]
        }
        self.assertEqual(regions, {"84": 3})
        # 20 km when no radius is given; Saint-Étienne is 50 km away.
        self.assertEqual(self.facets(f"&near={LYON}")["items_total"], 3)
        self.assertEqual(self.facets(f"&near={LYON}&radius_km=60")["items_total"], 4)
        # Combined with the other filters (AND).
        self.assertEqual(
            self.titles(self.facets(f"&near={LYON}&radius_km=10&stage=habite")),
            ["Le Village Vertical", "Les Jardins de Vaulx"],
        )

    def test_every_sort_keeps_to_the_circle(self):
        for sort in ("title", "date", "relevance"):
            with self.subTest(sort=sort):
                data = self.facets(f"&near={LYON}&radius_km=10&sort_on={sort}")
                self.assertEqual(data["items_total"], 3)
                self.assertEqual(len(data["items"]), 3)
        text = self.facets(f"&near={LYON}&radius_km=100&SearchableText=projet")
        self.assertEqual(text["items_total"], 0)

    def test_private_projects_are_never_counted(self):
        # The draft lies 1 km from Lyon's town hall.
        around = self.facets(f"&near={LYON}&radius_km=5")
        self.assertNotIn(PRIVATE[0], self.titles(around))
        self.assertEqual(around["items_total"], 2)
        geojson = self.geojson(f"near={LYON}&radius_km=5")
        self.assertNotIn(PRIVATE[0], self.titles(geojson))

    def test_the_geojson_keeps_to_the_circle(self):
        data = self.geojson(f"near={LYON}&radius_km=10")
        self.assertEqual(self.titles(data), sorted(t[0] for t in AROUND_LYON))
        self.assertEqual(data["without_coordinates"], 0)
        everything = self.geojson()
        self.assertEqual(len(everything["features"]), 6)
        self.assertEqual(everything["without_coordinates"], 1)
        # Around Fort-de-France: Martinique only.
        self.assertEqual(
            self.titles(self.geojson("near=97209&radius_km=5")), ["Ti Kaz an nou"]
        )

    def test_a_project_photo_and_stage_for_the_popup(self):
        features = {
            f["properties"]["title"]: f["properties"]
            for f in self.geojson()["features"]
        }
        village = features["Le Village Vertical"]
        self.assertTrue(
            village["photo_url"].endswith(
                "/le-village-vertical/la-salle-commune-du-village-vertical"
                "/@@images/image/thumb"
            ),
            village["photo_url"],
        )
        # The credit and licence show with the photo, in the popup too.
        self.assertEqual(
            village["photo_credit"], "Photo : Jeanne Martin / Les Habiles · CC BY 4.0"
        )
        self.assertEqual(village["stage_title"], "Habité")
        self.assertIsNone(features["Projet rennais"]["photo_url"])
        self.assertIsNone(features["Projet rennais"]["photo_credit"])
        photo = self.client.get_json(village["photo_url"])
        self.assertEqual(photo.status_code, 200)
        self.assertTrue(photo.headers["Content-Type"].startswith("image/"))
        self.assertIn(PHOTO, self.client.page("projets/le-village-vertical").text)


class TestBadRadiusValues(RadiusTestCase):
    def test_bad_values_answer_a_french_400(self):
        for query, words in (
            ("near=00000", "Commune inconnue : « 00000 »"),
            ("near=Lyon", "Commune inconnue : « Lyon »"),
            (f"near={LYON}&radius_km=4", "entre 5 et 100 km"),
            (f"near={LYON}&radius_km=101", "entre 5 et 100 km"),
            (f"near={LYON}&radius_km=-20", "entre 5 et 100 km"),
            (f"near={LYON}&radius_km=dix", "un nombre de kilomètres"),
            (f"near={LYON}&radius_km=nan", "un nombre de kilomètres"),
            (f"near={LYON}&radius_km=inf", "un nombre de kilomètres"),
            ("radius_km=10", "« radius_km » va avec « near »"),
            (f"near={LYON}&near=69266", "une seule valeur"),
        ):
            for service in ("@facets?collection=projets&", "@projects-geojson?"):
                with self.subTest(service=service, query=query):
                    response = self.client.get_json(f"{service}{query}")
                    self.assertEqual(response.status_code, 400, response.text[:300])
                    self.assertIn(words, response.json()["error"]["message"])

    def test_near_only_where_items_have_coordinates(self):
        response = self.client.get_json(f"@facets?collection=ressources&near={LYON}")
        self.assertEqual(response.status_code, 400)
        self.assertIn("projets", response.json()["error"]["message"])

    def test_a_decimal_radius_is_a_radius(self):
        self.assertEqual(self.facets(f"&near={LYON}&radius_km=7,5")["items_total"], 3)


class TestCommunesLookup(RadiusTestCase):
    def test_by_name_as_a_person_types_it(self):
        data = self.ok("@communes?q=villeurb")
        self.assertEqual(data["items"][0]["title"], "Villeurbanne (69)")
        self.assertEqual(data["items"][0]["insee"], "69266")
        self.assertEqual(data["items"][0]["postcodes"], ["69100"])
        self.assertIn("GeoNames", data["source"])
        self.assertEqual(
            self.ok("@communes?q=st%20etienne&limit=1")["items"][0]["name"],
            "Saint-Étienne",
        )
        self.assertEqual(self.ok("@communes?q=LYON")["items"][0]["insee"], LYON)

    def test_by_postcode_and_by_insee_code(self):
        self.assertEqual(
            [c["name"] for c in self.ok("@communes?q=69100")["items"]],
            ["Villeurbanne", "Irigny"],
        )
        self.assertEqual(self.ok(f"@communes?insee={LYON}")["items"][0]["name"], "Lyon")
        self.assertEqual(self.ok("@communes?insee=00000")["items"], [])

    def test_bad_requests_answer_a_french_400(self):
        for query in ("", "?q=ly&limit=0", "?q=ly&limit=abc", "?q=a&q=b"):
            with self.subTest(query=query):
                response = self.client.get_json(f"@communes{query}")
                self.assertEqual(response.status_code, 400)
                self.assertNotIn("Give", response.json()["error"]["message"])
