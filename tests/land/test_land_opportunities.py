"""Land opportunities, through the test server: the ads about land (land looked for,
land or building available) come as the project map's own layer, placed at their
commune's centre only, public fields only; the Mise en lien finds and alerts about
them alone when asked ("Annonces foncières seulement"), and about nothing else."""

from coordaction.content.communes import commune_named
from coordaction.policy.matching.criteria import Criteria
from coordaction.policy.matching.criteria import read_criteria
from DateTime import DateTime
from tests import builders
from tests.http import SiteTestCase
from tests.matching.visitor import PAGE
from tests.matching.visitor import result_titles
import lxml.html
import types
import unittest


class TestLandLayer(SiteTestCase):
    def build(self):
        ads = self.portal["petites-annonces"]
        self.looked_for = builders.publish(
            builders.classified_ad(
                ads,
                title="Groupe cherche un terrain à Rennes",
                ad_kind="cherche-foncier",
                region="53",
                departement="35",
                commune="Rennes",
                contact_email="terrain@example.org",
            )
        )
        # Two Montreuil: the département says which.
        builders.publish(
            builders.classified_ad(
                ads,
                title="Ancienne ferme à vendre",
                ad_kind="foncier-bati",
                region="11",
                departement="93",
                commune="Montreuil",
            )
        )
        builders.publish(
            builders.classified_ad(ads, title="Groupe cherche deux foyers"),
            builders.classified_ad(
                ads,
                title="Terrain dans une commune inconnue",
                ad_kind="foncier-bati",
                commune="Nullepart-sur-Rien",
            ),
        )
        builders.classified_ad(
            ads, title="Terrain encore en relecture", ad_kind="foncier-bati"
        )
        expired = builders.publish(
            builders.classified_ad(
                ads, title="Terrain déjà vendu", ad_kind="foncier-bati"
            )
        )
        expired.expiration_date = DateTime() - 1
        expired.reindexObject()

    def test_the_layer_has_the_published_land_ads_at_their_commune(self):
        response = self.anonymous.get_json("@land-geojson")
        self.assertEqual(response.status_code, 200, response.text)
        data = response.json()
        by_title = {
            feature["properties"]["title"]: feature for feature in data["features"]
        }
        self.assertEqual(
            set(by_title),
            {"Groupe cherche un terrain à Rennes", "Ancienne ferme à vendre"},
        )
        self.assertEqual(data["without_place"], 1)
        rennes = commune_named("Rennes", departement="35")
        feature = by_title["Groupe cherche un terrain à Rennes"]
        self.assertEqual(
            feature["geometry"]["coordinates"],
            [round(rennes.longitude, 4), round(rennes.latitude, 4)],
        )
        self.assertEqual(feature["properties"]["ad_kind_title"], "Recherche de foncier")
        self.assertEqual(feature["properties"]["url"], self.looked_for.absolute_url())
        self.assertNotIn("terrain@example.org", response.text)
        self.assertEqual(
            by_title["Ancienne ferme à vendre"]["properties"]["commune"], "Montreuil"
        )
        # By région; a wrong one is a 400 in French.
        in_brittany = self.anonymous.get_json("@land-geojson?regions=53").json()
        self.assertEqual(
            [feature["properties"]["title"] for feature in in_brittany["features"]],
            ["Groupe cherche un terrain à Rennes"],
        )
        wrong = self.anonymous.get_json("@land-geojson?regions=<script>")
        self.assertEqual(wrong.status_code, 400)
        self.assertIn("code de région", wrong.json()["message"])

    def test_the_project_map_offers_the_layer(self):
        page = lxml.html.fromstring(self.anonymous.page("projets").text)
        [toggle] = page.cssselect("#coordaction-map-land")
        [label] = page.cssselect("label[for=coordaction-map-land]")
        self.assertIn("annonces foncières", label.text_content())
        [map_element] = page.cssselect("#coordaction-project-map")
        self.assertTrue(map_element.get("data-land").endswith("/@land-geojson"))

    def test_the_matching_page_lists_land_ads_only_when_asked(self):
        response = self.anonymous.page(f"{PAGE}?region=53&foncier=1")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            result_titles(response, "ads"), ["Groupe cherche un terrain à Rennes"]
        )
        self.assertEqual(
            lxml.html.fromstring(response.text).cssselect(
                ".coordaction-matching-projects"
            ),
            [],
        )
        # Without it, land looked for is not what a future resident answers.
        response = self.anonymous.page(f"{PAGE}?region=53")
        self.assertEqual(result_titles(response, "ads"), [])
        bad = self.anonymous.page(f"{PAGE}?region=53&foncier=oui")
        self.assertIn("Annonces foncières seulement", bad.text)


class TestLandCriteria(unittest.TestCase):
    def ad(self, kind, region="53"):
        return types.SimpleNamespace(ad_kind=kind, region=region, departement="35")

    def test_alerts_about_land_only(self):
        land = Criteria(region="53", land_only=True)
        resident = Criteria(region="53")
        self.assertTrue(land.matches_ad(self.ad("cherche-foncier")))
        self.assertTrue(land.matches_ad(self.ad("foncier-bati")))
        self.assertFalse(land.matches_ad(self.ad("groupe-cherche-membres")))
        self.assertFalse(resident.matches_ad(self.ad("cherche-foncier")))
        project = types.SimpleNamespace(
            looking_for_members=True,
            region="53",
            departement="35",
            stage=None,
            tenure=None,
            households_planned=None,
        )
        self.assertFalse(land.matches_project(project))
        self.assertTrue(resident.matches_project(project))
        self.assertEqual(land.parameters(), [("region", "53"), ("foncier", "1")])
        self.assertEqual(resident.parameters(), [("region", "53")])
        # A subscription saved before the option reads back without it.
        old = Criteria.from_dict({"region": "53"})
        self.assertFalse(old.land_only)
        self.assertEqual(old.parameters(), [("region", "53")])

    def test_the_form_value_is_checked(self):
        criteria, errors = read_criteria({"region": "53", "foncier": "1"})
        self.assertTrue(criteria.land_only)
        criteria, errors = read_criteria({"region": "53", "foncier": "x"})
        self.assertIsNone(criteria)
        self.assertEqual(len(errors), 1)
