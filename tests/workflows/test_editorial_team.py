"""The editorial team's role on the public sections (EditorialTeam, groups.py):
it edits what is published there, as Plone's Editor would, but not the section
itself, its faceted page, nor who may do what; site administrators keep all of
it. Read from outside, as each person's browser or REST client would."""

from plone import api
from tests import builders
from tests.http import SiteTestCase
from tests.http import admin


SECTION = "centre-de-ressources"


class TestTheEditorialTeam(SiteTestCase):
    users = {
        "redacteur-e": {"groups": ("equipe-editoriale",)},
        "administratrice-e": {"groups": ("Site Administrators",)},
    }

    def build(self):
        resource = builders.resource(
            self.portal[SECTION], title="Guide publié", file=None
        )
        builders.publish(resource)
        self.resource_url = resource.absolute_url()

    def refused(self, response):
        return response.status_code in (302, 401, 403)

    def test_edits_what_is_published_in_the_section(self):
        team = self.signed_in("redacteur-e")
        changed = team.api(
            "PATCH", self.resource_url, json={"description": "Relu et précisé."}
        )
        self.assertEqual(changed.status_code, 204)
        self.assertEqual(
            team.get_json(self.resource_url).json()["description"], "Relu et précisé."
        )
        # (Opening the form locks the page: after the REST write.)
        self.assertEqual(team.page(f"{self.resource_url}/edit").status_code, 200)

    def test_neither_retracts_nor_configures_nor_delegates(self):
        team = self.signed_in("redacteur-e")
        self.assertEqual(
            team.get_json(f"{SECTION}/@workflow").json()["transitions"], []
        )
        self.assertTrue(self.refused(team.api("POST", f"{SECTION}/@workflow/retract")))
        for view in ("edit", "configure_faceted.html", "@@sharing"):
            with self.subTest(view=view):
                response = team.page(f"{SECTION}/{view}", allow_redirects=False)
                self.assertTrue(self.refused(response), response.status_code)
        self.assertTrue(
            self.refused(
                team.api(
                    "POST",
                    f"{SECTION}/@sharing",
                    json={
                        "entries": [
                            {
                                "id": "redacteur-e",
                                "type": "user",
                                "roles": {"Editor": True},
                            }
                        ]
                    },
                )
            )
        )
        self.assertEqual(api.content.get_state(self.portal[SECTION]), "published")

    def test_site_administrators_keep_the_section_s_settings(self):
        for client in (self.signed_in("administratrice-e"), admin(self.url)):
            transitions = client.get_json(f"{SECTION}/@workflow").json()["transitions"]
            self.assertIn("retract", [t["@id"].rsplit("/", 1)[1] for t in transitions])
            for view in ("edit", "configure_faceted.html", "@@sharing"):
                with self.subTest(view=view):
                    self.assertEqual(
                        client.page(
                            f"{SECTION}/{view}", allow_redirects=False
                        ).status_code,
                        200,
                    )
