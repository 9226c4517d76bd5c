"""What an API client receives from the product's REST services: plone.restapi's
error answer (``type``, ``message``) with the envelope our clients read
(``error``), plone.restapi's batching and summaries in ``@facets``, and services
that leave with the product's browser layers."""

from plone import api
from plone.base.utils import get_installer
from tests import builders
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import commit
from tests.resourcecentre.layer import SAMPLE_CONTENT_FUNCTIONAL_TESTING
import unittest


class TestErrorAnswers(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.anonymous = Client(self.layer["portal"].absolute_url())

    def assertStandardError(self, response, status, kind, words):
        self.assertEqual(response.status_code, status, response.text[:500])
        data = response.json()
        self.assertEqual(data["type"], kind)
        self.assertIn(words, data["message"])
        # The envelope clients of these services already read.
        self.assertEqual(data["error"], {"type": kind, "message": data["message"]})
        self.assertNotIn("traceback", data)

    def test_bad_filters_answer_plone_restapi_bad_request(self):
        for path, words in (
            ("@facets", "Indiquez « collection »"),
            ("@facets?collection=ressources&themes=cuisine", "Valeur inconnue"),
            ("@facets?collection=ressources&b_size=abc", "nombre entier"),
            ("@projects-geojson?stage=envol", "Valeur inconnue pour « stage »"),
        ):
            with self.subTest(path):
                self.assertStandardError(
                    self.anonymous.get_json(path), 400, "BadRequest", words
                )


class TestFacetsItemsAndBatching(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()
        self.anonymous = Client(self.url)

    def test_items_are_plone_restapi_summaries_with_their_type_title(self):
        data = self.anonymous.get_json("@facets?collection=ressources").json()
        item = next(i for i in data["items"] if i["title"] == "Guide du foncier")
        self.assertEqual(item["@type"], "Resource")
        self.assertEqual(item["type_title"], "Ressource")
        self.assertEqual(item["review_state"], "published")
        self.assertTrue(item["@id"].endswith("/centre-de-ressources/guide-du-foncier"))
        self.assertEqual(item["themes"], [{"token": "foncier", "title": "Foncier"}])
        self.assertTrue(item["effective"])

    def test_metadata_fields_as_in_search(self):
        data = self.anonymous.get_json(
            "@facets?collection=ressources&metadata_fields=UID&metadata_fields=Subject"
        ).json()
        for item in data["items"]:
            self.assertEqual(len(item["UID"]), 32)
            self.assertIn("Subject", item)
        plain = self.anonymous.get_json("@facets?collection=ressources").json()
        self.assertNotIn("UID", plain["items"][0])

    def test_batching_links_as_plone_restapi_gives_them(self):
        data = self.anonymous.get_json(
            "@facets?collection=ressources&sort_on=title&b_size=2&b_start=2"
        ).json()
        # Today's keys stay.
        self.assertEqual(
            (data["items_total"], data["b_start"], data["b_size"]), (5, 2, 2)
        )
        self.assertEqual(
            [item["title"] for item in data["items"]],
            ["Guide du foncier", "Monter un groupe d'habitants"],
        )
        links = data["batching"]
        self.assertIn("b_start=0", links["first"])
        self.assertIn("b_start=0", links["prev"])
        self.assertIn("b_start=4", links["next"])
        self.assertIn("b_start=4", links["last"])
        self.assertIn("collection=ressources", links["next"])
        following = self.anonymous.get_json(links["next"]).json()
        self.assertEqual(
            [item["title"] for item in following["items"]], ["Vidéo des rencontres"]
        )
        self.assertNotIn("next", following["batching"])
        # One page: no links, as @search.
        whole = self.anonymous.get_json("@facets?collection=ressources").json()
        self.assertNotIn("batching", whole)
        self.assertEqual(whole["b_size"], 20)

    def test_relevance_and_start_sorts_are_batched_too(self):
        data = self.anonymous.get_json(
            "@facets?collection=ressources&SearchableText=coopérative&b_size=1"
        ).json()
        self.assertEqual(data["items_total"], 2)
        self.assertEqual(
            [item["title"] for item in data["items"]], ["Étude sur la coopérative"]
        )
        self.assertIn("next", data["batching"])
        data = self.anonymous.get_json(
            "@facets?collection=agenda&b_size=1&b_start=1"
        ).json()
        self.assertEqual(data["items_total"], 2)
        self.assertEqual(
            [item["title"] for item in data["items"]], ["Atelier foncier à Rennes"]
        )


class TestWorkflowAnswers(SiteTestCase):
    users = {"contributrice": {"groups": ("equipe-editoriale",)}}

    def build(self):
        space = builders.working_group(self.portal["groupes-de-travail"])
        resource = builders.resource(self.portal["centre-de-ressources"], file=None)
        self.space_url = space.absolute_url()
        self.resource_url = resource.absolute_url()

    def setUp(self):
        super().setUp()
        self.contributor = self.signed_in("contributrice")

    def test_a_transition_not_allowed_answers_forbidden(self):
        response = self.contributor.api(
            "POST", f"{self.resource_url}/@workflow/publish"
        )
        self.assertEqual(response.status_code, 403)
        data = response.json()
        self.assertEqual(data["type"], "Forbidden")
        self.assertIn("Vous ne pouvez pas faire « publish »", data["message"])
        self.assertEqual(data["error"]["message"], data["message"])

    def test_services_leave_with_the_product(self):
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        manager = Client(
            self.portal.absolute_url(), SITE_OWNER_NAME, SITE_OWNER_PASSWORD
        )
        anonymous = Client(self.portal.absolute_url())
        self.assertEqual(
            anonymous.get_json("@facets?collection=ressources").status_code, 200
        )
        self.assertEqual(anonymous.get_json("@projects-geojson").status_code, 200)
        self.assertEqual(manager.get_json(f"{self.space_url}/@roster").status_code, 200)
        installer = get_installer(self.portal, self.layer["request"])
        installer.uninstall_product("coordaction.policy")
        commit()
        for path in ("@facets?collection=ressources", "@projects-geojson"):
            with self.subTest(path):
                self.assertEqual(anonymous.get_json(path).status_code, 404)
        # The workflows stay installed (a dependency), and with them their
        # layer: the services of the spaces and workflows are registered for it
        # and leave when the workflows are uninstalled.
        self.assertEqual(manager.get_json(f"{self.space_url}/@roster").status_code, 200)
        installer.uninstall_product("coordaction.workflows")
        commit()
        self.assertEqual(manager.get_json(f"{self.space_url}/@roster").status_code, 404)
        # Its control panel (Relecture) leaves with it.
        self.assertIsNone(
            api.portal.get_tool("portal_controlpanel").getActionObject(
                "Products/coordaction-relecture"
            )
        )
        response = self.contributor.api(
            "POST", f"{self.resource_url}/@workflow/publish"
        )
        # plone.restapi's own @workflow answers, without our 403.
        self.assertNotEqual(response.status_code, 403, response.text[:300])
        self.assertIsNotNone(api.content.get(path="/centre-de-ressources"))
