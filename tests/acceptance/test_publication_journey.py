"""A resource from its writing to the public: a contributor proposes it from the
resource centre's button, in its short form, and submits it, a reviewer finds it among the items to review and publishes it,
a visitor finds it in the resource centre with its licence."""

from coordaction.policy.demo import files
from playwright.sync_api import expect
from tests.acceptance.browser import FacetedPage
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import RESOURCES
from tests.acceptance.layer import JourneyTestCase


TITLE = "Vieillir ensemble : trois témoignages"
SUMMARY = (
    "Trois groupes de l'Ouest racontent comment ils préparent leur avancée en âge."
)
RIGHTS_HOLDER = "Habitat Participatif Ouest"
LICENSE_TITLE = (
    "Attribution - Pas d'utilisation commerciale - Partage dans les mêmes "
    "conditions 4.0 International (CC BY-NC-SA 4.0)"
)
PDF = files.pdf_bytes(TITLE, [SUMMARY])


@requires_chromium
class TestPublicationJourney(JourneyTestCase):
    def test_contributor_writes_reviewer_publishes_visitor_finds_with_licence(self):
        with self.browsing("claire", start="centre-de-ressources") as page:
            # The resource centre's own button, not Plone's toolbar.
            page.get_by_role("link", name="Proposer une ressource").click()
            expect(page.locator("h1")).to_have_text("Proposer une ressource")
            # The essentials first: the title, what it is, the file, the licence.
            page.get_by_label("Titre").fill(TITLE)
            page.get_by_label("Description", exact=True).fill(SUMMARY)
            page.get_by_label("Type de ressource").select_option(label="Témoignage")
            # The label of Plone's file widget names its block, not its input.
            page.locator(
                "#formfield-form-widgets-file input[type=file]"
            ).set_input_files(
                {
                    "name": "vieillir-ensemble.pdf",
                    "mimeType": "application/pdf",
                    "buffer": PDF,
                }
            )
            # The site's licence is proposed; this one is for non-commercial use.
            licence = page.get_by_label("Licence", exact=True)
            expect(licence).to_have_value("CC-BY-SA-4.0")
            licence.select_option(label=LICENSE_TITLE)
            self.open_tab(page, "Classement")
            page.get_by_label("Futurs habitants").check()
            page.get_by_label("Année").fill("2024")
            page.get_by_label("Habitat et vieillissement").check()
            self.open_tab(page, "Détails")
            page.get_by_label("Auteurs").fill("Odile Kerbrat\nJean Le Du")
            page.get_by_label("Titulaire des droits").fill(RIGHTS_HOLDER)
            self.open_tab(page, "L'essentiel")
            documentation_screenshot(page, "ajout-ressource.png")
            page.get_by_role("button", name="Enregistrer").click()

            expect(page.locator("h1")).to_have_text(TITLE)
            workflow_menu = page.locator("#plone-contentmenu-workflow")
            expect(workflow_menu).to_contain_text("Brouillon")
            resource_url = page.url.removesuffix("/view")
            workflow_menu.get_by_role("link", name="État").click()
            page.get_by_role("link", name="Soumettre à la relecture").click()
            expect(workflow_menu).to_contain_text("En attente de relecture")

        with self.browsing("rosalie") as page:
            waiting = self.review_list_row(page, TITLE)
            expect(waiting).to_contain_text("Claire Dumontel")
            expect(waiting).to_contain_text("En attente de relecture")
            documentation_screenshot(page, "relecture.png")
            waiting.get_by_role("link", name=TITLE).click()
            expect(page.locator("h1")).to_have_text(TITLE)
            self.publish(page)

        with self.browsing() as page:
            self.click_section(page, "Centre de ressources")
            centre = FacetedPage(page, self)
            centre.wait_for_first_counts(
                len(RESOURCES) + 1, "nature_option_nature_temoignage", 1
            )
            self.assertIn(TITLE, centre.result_titles())
            documentation_screenshot(page, "centre-de-ressources.png")
            centre.click_facet("nature_temoignage")
            centre.wait_for_results(1)
            self.assertEqual(centre.result_titles(), [TITLE])
            result = page.locator("#faceted-results .coordaction-result")
            expect(result.get_by_role("img")).to_have_attribute(
                "alt", "CC BY-NC-SA 4.0"
            )
            result.get_by_role("link", name=TITLE).click()

            expect(page).to_have_url(resource_url)
            expect(page.locator("h1")).to_have_text(TITLE)
            license = page.locator(".coordaction-license")
            expect(license).to_contain_text(LICENSE_TITLE)
            expect(license).to_contain_text(f"© {RIGHTS_HOLDER}")
            expect(license.get_by_role("img")).to_have_attribute(
                "alt", "Licence CC BY-NC-SA 4.0"
            )
            expect(license.get_by_role("link", name=LICENSE_TITLE)).to_have_attribute(
                "href", "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr"
            )
            documentation_screenshot(page, "ressource.png", show=license)

    @staticmethod
    def open_tab(page, name):
        """A tab of Plone's add form (its fieldsets)."""
        page.locator(".autotoc-nav").get_by_role("link", name=name).click()
