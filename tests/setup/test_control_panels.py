"""Every control panel of the project is the federation's administrators' (Site
Administrators), listed in the site setup and open to them; members and visitors
are kept out."""

from tests.http import Client
from tests.http import SiteTestCase
import lxml.html


# {configlet's address: what its page says}
PANELS = {
    "@@coordaction-settings": "Réglages du portail",
    "@@coordaction-participation": "Participation du public",
    "@@donnees-personnelles-admin": "Données personnelles",
    "@@coordaction-accueil": "Page d'accueil et Mon espace",
    "@@coordaction-carte": "Carte des projets",
    "@@coordaction-sites-associations": "Sites des associations",
    "@@coordaction-relecture": "Motifs de refus",
}


class TestControlPanels(SiteTestCase):
    users = {
        "webmestre": {"groups": ("Site Administrators",)},
        "adherente": {},
    }

    def test_site_administrators_see_and_open_every_panel(self):
        administrator = self.signed_in("webmestre")
        overview = lxml.html.fromstring(
            administrator.page("@@overview-controlpanel").text
        )
        listed = {
            link.get("href", "").rsplit("/", 1)[-1] for link in overview.iter("a")
        }
        for panel, title in PANELS.items():
            with self.subTest(panel=panel):
                self.assertIn(panel, listed)
                response = administrator.page(panel)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("insufficient-privileges", response.url)
                self.assertIn(title, response.text)

    def test_members_and_visitors_are_kept_out(self):
        for client in (self.signed_in("adherente"), Client(self.url)):
            for panel in PANELS:
                with self.subTest(panel=panel):
                    response = client.page(panel)
                    self.assertTrue(
                        "insufficient-privileges" in response.url
                        or "login" in response.url,
                        response.url,
                    )

    def test_the_participation_panel_gives_the_crontab_line(self):
        page = self.signed_in("webmestre").page("@@coordaction-participation")
        description = " ".join(
            lxml.html.fromstring(page.text)
            .xpath("//p[contains(@class, 'lead')]")[0]
            .text_content()
            .split()
        )
        self.assertIn("une fois par jour, l'hébergement appelle", description.lower())
        self.assertIn(
            f"15 3 * * * curl -fsS -X POST -d token=… {self.url}/@@taches-planifiees",
            description,
        )
        self.assertNotIn("README", page.text)
