"""CORS: the associations' sites read the API from their pages; other sites don't."""

from plone import api
from tests.http import Client
from tests.http import commit
from tests.resourcecentre.layer import SAMPLE_CONTENT_FUNCTIONAL_TESTING
import unittest


ALLOWED = "https://www.habitatparticipatif.eu"
REFUSED = "https://pirate.example.com"


class TestCORS(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.client = Client(self.layer["portal"].absolute_url())
        self.url = self.client.url("@facets?collection=ressources")

    def preflight(self, origin, method="GET"):
        return self.client.session.options(
            self.url,
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": method,
                "Access-Control-Request-Headers": "accept",
            },
            timeout=30,
        )

    def test_preflight_from_an_allowed_origin(self):
        response = self.preflight(ALLOWED)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Access-Control-Allow-Origin"], ALLOWED)
        self.assertEqual(response.headers["Access-Control-Allow-Methods"], "GET")
        self.assertNotIn("Access-Control-Allow-Credentials", response.headers)

    def test_preflight_from_a_refused_origin(self):
        response = self.preflight(REFUSED)
        self.assertNotIn("Access-Control-Allow-Origin", response.headers)

    def test_writes_are_not_allowed_cross_origin(self):
        # A browser sends the POST only if the preflight answer allows the method.
        for method in ("POST", "PATCH", "DELETE"):
            response = self.preflight(ALLOWED, method=method)
            self.assertNotIn(
                method, response.headers.get("Access-Control-Allow-Methods", "")
            )

    def test_simple_request_gets_the_header_and_vary(self):
        response = self.client.api("GET", self.url, headers={"Origin": ALLOWED})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Access-Control-Allow-Origin"], ALLOWED)
        self.assertIn("Origin", response.headers.get("Vary", ""))
        refused = self.client.api("GET", self.url, headers={"Origin": REFUSED})
        self.assertNotIn("Access-Control-Allow-Origin", refused.headers)

    def test_origins_are_a_registry_setting(self):
        api.portal.set_registry_record(
            "coordaction.cors_allowed_origins", ["https://www.mon-association.fr/"]
        )
        commit()
        self.assertEqual(
            self.preflight("https://www.mon-association.fr").headers.get(
                "Access-Control-Allow-Origin"
            ),
            "https://www.mon-association.fr",
        )
        self.assertNotIn("Access-Control-Allow-Origin", self.preflight(ALLOWED).headers)
