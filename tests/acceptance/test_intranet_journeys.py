"""The intranet as its members use it, in the browser: a contributor proposes a
resource from the resource centre on a phone; a reviewer sends a proposal back with
a stock reason, the author reads it in Mon espace and on the page, fixes it and
submits it again; a network member asks to join a group from its page and its
coordinator accepts from Mon espace."""

from pathlib import Path
from playwright.sync_api import expect
from plone import api
from tests import builders
from tests.acceptance.browser import PHONE
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import SPACE_A
from tests.acceptance.layer import JourneyTestCase
import transaction


OVERFLOW = (Path(__file__).parent / "overflow.js").read_text(encoding="utf-8")
TITLE = "Habiter ensemble en milieu rural : dix retours d'expérience"
REASON = "Une source ou un auteur est à citer."


@requires_chromium
class TestIntranetJourneys(JourneyTestCase):
    def fits_the_phone(self, page):
        self.assertEqual(page.evaluate(OVERFLOW, PHONE["viewport"]["width"]), [])

    def test_a_contributor_proposes_a_resource_on_a_phone(self):
        with self.browsing("claire", "centre-de-ressources", PHONE) as page:
            page.get_by_role("link", name="Proposer une ressource").click()
            expect(page.locator("h1")).to_have_text("Proposer une ressource")
            tabs = page.locator(".autotoc-nav a")
            expect(tabs).to_have_text(
                ["L'essentiel", "Classement", "Détails", "Options de publication"]
            )
            page.get_by_label("Titre").fill(TITLE)
            page.get_by_label("Description", exact=True).fill(
                "Dix groupes racontent leur installation à la campagne."
            )
            page.get_by_label("Type de ressource").select_option(label="Témoignage")
            page.get_by_label("Lien externe").fill("https://video.example.org/rural")
            self.fits_the_phone(page)
            documentation_screenshot(page, "proposer-sur-telephone.png")
            page.get_by_role("button", name="Enregistrer").click()
            expect(page.locator("h1")).to_have_text(TITLE)
            # Its address is made from its title.
            self.assertTrue(
                page.url.startswith(
                    f"{self.portal_url}/centre-de-ressources/"
                    "habiter-ensemble-en-milieu-rural-dix-retours-dexperience"
                ),
                page.url,
            )
            self.fits_the_phone(page)

    def test_sent_back_with_a_reason_fixed_and_submitted_again(self):
        with api.env.adopt_user(username="claire"):
            resource = builders.resource(
                self.portal["centre-de-ressources"], title=TITLE, file=None
            )
            api.content.transition(resource, transition="submit")
        transaction.commit()

        with self.browsing("rosalie") as page:
            row = self.review_list_row(page, TITLE)
            row.get_by_role("checkbox").check()
            page.get_by_role(
                "button", name="Renvoyer la sélection aux auteurs…"
            ).click()
            expect(page.locator("h1")).to_have_text(
                f"Renvoyer « {TITLE} » à son auteur"
            )
            page.get_by_label(REASON).check()
            page.get_by_role("button", name="Renvoyer à l'auteur").click()
            expect(page.locator("h1")).to_have_text("Éléments à modérer")
            expect(page.locator(".portalMessage")).to_contain_text(
                "1 élément(s) renvoyé(s) à leurs auteurs, avec votre motif."
            )

        with self.browsing("claire", "@@mon-espace") as page:
            row = page.locator(".coordaction-mon-espace-drafts tr", has_text=TITLE)
            expect(row).to_contain_text("À reprendre")
            expect(row).to_contain_text(REASON)
            documentation_screenshot(page, "a-reprendre.png", show=row)
            row.get_by_role("link", name=TITLE).click()
            expect(page.locator(".coordaction-refusal")).to_contain_text(REASON)
            page.locator("#contentview-edit a").click()
            expect(page.locator(".autotoc-nav a").first).to_have_text("L'essentiel")
            page.get_by_label("Description", exact=True).fill(
                "Dix groupes racontent leur installation (sources : enquête 2025)."
            )
            page.get_by_role("button", name="Enregistrer").click()
            workflow_menu = page.locator("#plone-contentmenu-workflow")
            workflow_menu.get_by_role("link", name="État").click()
            page.get_by_role("link", name="Soumettre à la relecture").click()
            expect(workflow_menu).to_contain_text("En attente de relecture")

    def test_a_member_asks_to_join_and_the_coordinator_accepts(self):
        space = self.portal["groupes-de-travail"][
            api.content.find(portal_type="WorkingGroup", Title=SPACE_A)[0].getId
        ]
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(space, transition="make_internal")
        space.visibility = "internal"
        space.join_policy = "request"
        transaction.commit()
        path = space.absolute_url().removeprefix(f"{self.portal_url}/")

        with self.browsing("yann", path) as page:
            membership = page.locator(".coordaction-membership")
            membership.get_by_label("Un mot pour les coordinateurs (facultatif)").fill(
                "Je monte une coopérative à Quimper."
            )
            membership.get_by_role("button", name="Demander à rejoindre").click()
            expect(page.locator(".portalMessage")).to_contain_text(
                "Votre demande est envoyée aux coordinateurs du groupe."
            )
            expect(page.locator(".coordaction-membership")).to_contain_text(
                "Votre demande attend la réponse d'un coordinateur."
            )

        with self.browsing("nadia", "@@mon-espace") as page:
            group = page.locator(".coordaction-mon-espace-group", has_text=SPACE_A)
            expect(group.locator(".coordaction-mon-espace-pending")).to_contain_text(
                "1"
            )
            # She answers from Mon espace itself, and stays there.
            request = group.locator("li", has_text="Yann Le Goarnec")
            expect(request).to_contain_text("Je monte une coopérative à Quimper.")
            request.get_by_role("button", name="Accepter").click()
            expect(page.locator("h1")).to_have_text("Mon espace")
            expect(page.locator(".portalMessage")).to_contain_text(
                "La demande de Yann Le Goarnec est acceptée."
            )

        with self.browsing("yann", path) as page:
            expect(page.locator(".coordaction-membership")).to_contain_text(
                "Vous êtes membre de ce groupe."
            )
