"""The communes shipped with the portal: found by name or postcode as a person types
them, and the distances "Autour de…" measures (no layer: plain data)."""

from coordaction.content.communes import Circle
from coordaction.content.communes import commune_by_insee
from coordaction.content.communes import communes
from coordaction.content.communes import distance_km
from coordaction.content.communes import find_communes
from coordaction.content.vocabularies.geography import departements
import unittest


def titles(text, limit=5):
    return [commune.title for commune in find_communes(text, limit)]


class TestCommunesData(unittest.TestCase):
    def test_nearly_every_commune_with_coordinates_in_its_departement(self):
        table = communes()
        self.assertGreater(len(table), 33000)
        known = departements()
        for commune in table.values():
            self.assertIn(commune.departement, known, commune)
            if commune.departement in ("971", "972", "973", "974", "976"):
                continue
            # Mainland France and Corsica.
            self.assertTrue(41.3 < commune.latitude < 51.2, commune)
            self.assertTrue(-5.2 < commune.longitude < 9.6, commune)

    def test_overseas_departements_are_there(self):
        self.assertEqual(titles("Fort-de-France"), ["Fort-de-France (972)"])
        self.assertEqual(titles("Mamoudzou"), ["Mamoudzou (976)"])
        self.assertEqual(titles("Cayenne"), ["Cayenne (973)"])


class TestFindCommunes(unittest.TestCase):
    def test_accents_case_and_hyphens_do_not_matter(self):
        for typed in ("saint-étienne", "SAINT ETIENNE", "Saint Etienne"):
            self.assertEqual(titles(typed, 1), ["Saint-Étienne (42)"], typed)

    def test_st_means_saint(self):
        self.assertEqual(titles("st etienne", 1), ["Saint-Étienne (42)"])
        self.assertEqual(titles("Ste-Foy-lès-Lyon", 1), ["Sainte-Foy-lès-Lyon (69)"])

    def test_the_exact_name_first_then_the_largest(self):
        self.assertEqual(titles("Lyon"), ["Lyon (69)", "Lyons-la-Forêt (27)"])
        self.assertEqual(
            titles("saint denis", 2), ["Saint-Denis (974)", "Saint-Denis (93)"]
        )

    def test_by_postcode_or_its_start(self):
        self.assertEqual(titles("69100"), ["Villeurbanne (69)", "Irigny (69)"])
        self.assertEqual(titles("6900", 1), ["Lyon (69)"])

    def test_by_insee_code(self):
        self.assertEqual(commune_by_insee("2a004").name, "Ajaccio")
        self.assertEqual(titles("69266", 1), ["Villeurbanne (69)"])
        self.assertIsNone(commune_by_insee("99999"))

    def test_nothing_for_nothing(self):
        self.assertEqual(find_communes(""), [])
        self.assertEqual(find_communes("  -- "), [])
        self.assertEqual(find_communes("Zzyzx"), [])


class TestDistances(unittest.TestCase):
    def test_lyon_to_villeurbanne_and_paris(self):
        lyon = commune_by_insee("69123")
        villeurbanne = commune_by_insee("69266")
        paris = commune_by_insee("75056")
        self.assertAlmostEqual(
            distance_km(
                lyon.latitude,
                lyon.longitude,
                villeurbanne.latitude,
                villeurbanne.longitude,
            ),
            3.1,
            delta=0.5,
        )
        # 392 km as the crow flies between the two city halls.
        self.assertAlmostEqual(
            distance_km(lyon.latitude, lyon.longitude, paris.latitude, paris.longitude),
            392,
            delta=5,
        )

    def test_a_circle_holds_what_is_within_its_radius(self):
        around_lyon = Circle(commune_by_insee("69123"), 10)
        villeurbanne = commune_by_insee("69266")
        self.assertTrue(
            around_lyon.contains(villeurbanne.latitude, villeurbanne.longitude)
        )
        rennes = commune_by_insee("35238")
        self.assertFalse(around_lyon.contains(rennes.latitude, rennes.longitude))
        self.assertFalse(around_lyon.contains(None, None))
        # Just inside and just outside the radius, due east.
        self.assertTrue(around_lyon.contains(45.7491, 4.8479 + 0.128))
        self.assertFalse(around_lyon.contains(45.7491, 4.8479 + 0.131))
