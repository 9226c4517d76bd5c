"""A site administrator chooses, in the "Sites des associations" control panel, the
sites whose pages may show the portal's content (CORS): what is saved is what the
browsers of those sites are then allowed; a wrong address is refused in French."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from plone import api
from tests.home.test_home_settings import post_panel
from tests.http import Client
from tests.http import admin
from tests.http import commit
from tests.http import make_user
import transaction
import unittest


PANEL = "@@coordaction-sites-associations"
FIELD = "form.widgets.cors_allowed_origins"


class TestAllowedSites(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()
        make_user("webmestre", groups=("Site Administrators",))
        make_user("adherent")
        commit()
        self.administrator = Client(self.url, "webmestre")

    def allowed(self, origin):
        response = Client(self.url).session.options(
            f"{self.url}/@facets?collection=ressources",
            headers={"Origin": origin, "Access-Control-Request-Method": "GET"},
            timeout=30,
        )
        return response.headers.get("Access-Control-Allow-Origin") == origin

    def saved(self):
        transaction.begin()
        return api.portal.get_registry_record("coordaction.cors_allowed_origins")

    def test_the_panel_is_listed_in_french_for_site_administrators(self):
        overview = self.administrator.page("@@overview-controlpanel").text
        self.assertIn("Sites des associations", overview)
        panel = self.administrator.page(PANEL).text
        self.assertIn("Sites autorisés à lire l'API REST (CORS)", panel)
        self.assertIn("https://www.habitatparticipatif.eu", panel)
        self.assertIn("login", Client(self.url).page(PANEL).url)
        self.assertIn(
            "insufficient-privileges", Client(self.url, "adherent").page(PANEL).url
        )

    def test_a_site_added_is_allowed_at_once(self):
        self.assertFalse(self.allowed("https://www.mon-association.org"))
        response = post_panel(
            self.administrator,
            {FIELD: "https://www.mon-association.org/\nhttp://localhost:3000"},
            panel=PANEL,
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.saved(), ["https://www.mon-association.org/", "http://localhost:3000"]
        )
        self.assertTrue(self.allowed("https://www.mon-association.org"))
        self.assertTrue(self.allowed("http://localhost:3000"))
        self.assertFalse(self.allowed("https://www.habitatparticipatif.eu"))

    def test_what_is_not_a_site_is_refused_in_french(self):
        before = self.saved()
        for wrong in (
            "javascript:alert(1)",
            "https://www.mon-association.org/agenda",
            "ftp://www.mon-association.org",
            "https://user:secret@www.mon-association.org",
            "www.mon-association.org",
        ):
            with self.subTest(wrong=wrong):
                response = post_panel(
                    self.administrator,
                    {FIELD: f"https://ok.example.org\n{wrong}"},
                    panel=PANEL,
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn("n'est pas l'adresse d'un site", response.text)
                self.assertEqual(self.saved(), before)
        self.assertFalse(self.allowed("https://ok.example.org"))

    def test_a_rest_client_cannot_store_what_is_not_a_site(self):
        """PATCH @registry as the site's Manager: a value that is not an origin
        gets a 400 with the French message and nothing changes; origins pass."""
        manager = admin(self.url)
        record = "coordaction.cors_allowed_origins"
        before = manager.get_json(f"@registry/{record}").json()
        for wrong in (
            ["javascript:alert(1)"],
            ["https://ok.example.org", "ftp://x.org"],
        ):
            with self.subTest(wrong=wrong):
                response = manager.api("PATCH", "@registry", json={record: wrong})
                self.assertEqual(response.status_code, 400, response.text)
                self.assertIn(
                    "n'est pas l'adresse d'un site", response.json()["message"]
                )
                self.assertEqual(manager.get_json(f"@registry/{record}").json(), before)
        response = manager.api("PATCH", "@registry", json={record: "pas une liste"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(manager.get_json(f"@registry/{record}").json(), before)
        # What it read, written back, and a new origin.
        response = manager.api(
            "PATCH", "@registry", json={record: [*before, "https://ok.example.org"]}
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertTrue(self.allowed("https://ok.example.org"))
        # Only a Manager writes the registry over REST.
        response = self.administrator.api("PATCH", "@registry", json={record: []})
        self.assertIn(response.status_code, (401, 403))
