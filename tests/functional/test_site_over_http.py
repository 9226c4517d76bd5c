"""The portal as a browser and an API client see it, through a real WSGI server."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from tests.expected import MENU_TITLES
import requests
import unittest


class TestSiteOverHTTP(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()

    def test_home_page_is_french_with_the_navigation(self):
        response = requests.get(self.url, timeout=30)
        self.assertEqual(response.status_code, 200)
        self.assertIn('lang="fr"', response.text)
        self.assertIn(
            "<title>Coordin'action des associations de l'habitat participatif</title>",
            response.text,
        )
        for title in MENU_TITLES:
            self.assertIn(f"{self.url}/", response.text)
            self.assertIn(title, response.text)
        # Plone's own interface strings come out in French too.
        self.assertIn("Se connecter", response.text)
        self.assertIn("Plan du site", response.text)

    def test_theme_is_applied(self):
        response = requests.get(self.url, timeout=30)
        self.assertIn("++theme++barceloneta", response.text)

    def test_rest_api_answers_anonymous_clients_at_the_site_root(self):
        response = requests.get(
            self.url, headers={"Accept": "application/json"}, timeout=30
        )
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["@id"], self.url)
        self.assertEqual(
            data["title"], "Coordin'action des associations de l'habitat participatif"
        )
        self.assertEqual(data["@type"], "Plone Site")

    def test_rest_navigation_lists_the_published_sections(self):
        response = requests.get(
            f"{self.url}/@navigation",
            headers={"Accept": "application/json"},
            timeout=30,
        )
        self.assertEqual(response.status_code, 200)
        items = response.json()["items"]
        self.assertEqual(items[0]["@id"], self.url)
        self.assertEqual(
            [item["title"] for item in items[1:]],
            MENU_TITLES,
        )

    def test_section_page_renders_for_anonymous(self):
        response = requests.get(f"{self.url}/centre-de-ressources", timeout=30)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Centre de ressources", response.text)
        self.assertIn("sous licence Creative Commons", response.text)
