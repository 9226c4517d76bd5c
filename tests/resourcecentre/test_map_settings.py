"""A site administrator chooses the map's tile server in the "Carte des projets"
control panel; the Projets page and the home page read it. A wrong address is
refused in French."""

from coordaction.policy.resourcecentre.map_settings import OSM_FRANCE
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from tests.home.test_home_settings import post_panel
from tests.http import Client
from tests.http import commit
from tests.http import make_user
import lxml.html
import unittest


PANEL = "@@coordaction-carte"
LOCAL_TILES = "https://tuiles.example.org/{z}/{x}/{y}.png"


def map_tiles(client, path):
    document = lxml.html.fromstring(client.page(path).text)
    element = document.get_element_by_id("coordaction-project-map")
    return element.get("data-tiles"), element.get("data-tiles-attribution")


class TestMapSettings(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()
        make_user("webmestre", groups=("Site Administrators",))
        commit()
        self.administrator = Client(self.url, "webmestre")
        self.visitor = Client(self.url)

    def post(self, changes):
        return post_panel(self.administrator, changes, panel=PANEL)

    def test_openstreetmap_france_by_default(self):
        self.assertEqual(
            map_tiles(self.visitor, "projets"),
            (
                OSM_FRANCE,
                "© les contributeurs d'OpenStreetMap, fond OpenStreetMap France",
            ),
        )
        overview = self.administrator.page("@@overview-controlpanel").text
        self.assertIn("Carte des projets", overview)
        self.assertIn(
            "Serveur de tuiles de la carte", self.administrator.page(PANEL).text
        )
        self.assertEqual(self.visitor.page(PANEL).url.count("login"), 1)

    def test_the_administrator_changes_the_tile_server(self):
        response = self.post(
            {
                "form.widgets.tile_url": LOCAL_TILES,
                "form.widgets.tile_attribution": "Fond : <b>notre serveur</b>",
            }
        )
        self.assertEqual(response.status_code, 200)
        for path in ("projets", ""):
            with self.subTest(page=path or "accueil"):
                self.assertEqual(
                    map_tiles(self.visitor, path),
                    (LOCAL_TILES, "Fond : <b>notre serveur</b>"),
                )

    def test_a_wrong_address_is_refused_in_french(self):
        for wrong in (
            "javascript:alert(1)//{z}/{x}/{y}",
            "https://tuiles.example.org/",
        ):
            with self.subTest(wrong=wrong):
                response = self.post({"form.widgets.tile_url": wrong})
                self.assertIn(
                    "Une adresse web (https://) avec {z}, {x} et {y}", response.text
                )
                self.assertEqual(map_tiles(self.visitor, "projets")[0], OSM_FRANCE)
