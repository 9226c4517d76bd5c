"""A classified ad from a visitor without an account to the public: she deposits
it with the form of the Contribuer section, a reviewer publishes it, and another
visitor finds it in the Petites annonces and answers it without learning her
address."""

from coordaction.policy.participation.antispam import ANONYMOUS_POSTS
from playwright.sync_api import expect
from tests import mailbox
from tests.acceptance.browser import FacetedPage
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import JourneyTestCase
from tests.mailbox import mails


TITLE = "Groupe rennais cherche deux foyers pour 2027"
TEXT = (
    "Nous sommes six foyers, le terrain est acheté à Rennes-Sud et le chantier "
    "commence au printemps 2027. Nous cherchons deux familles."
)
AUTHOR = "maelle.kergoat@example.net"


@requires_chromium
class TestAdJourney(JourneyTestCase):
    def setUp(self):
        super().setUp()
        ANONYMOUS_POSTS.reset()
        mailbox.reset()

    def test_visitor_deposits_reviewer_publishes_another_visitor_answers(self):
        with self.browsing() as page:
            self.click_section(page, "Contribuer")
            page.get_by_role("link", name="Déposer une petite annonce").first.click()
            expect(page.locator("h1")).to_have_text("Déposer une petite annonce")
            page.get_by_label("Titre de l'annonce").fill(TITLE)
            page.get_by_label("Type d'annonce").select_option(
                label="Groupe cherche des membres"
            )
            page.get_by_label("Texte de l'annonce").fill(TEXT)
            page.get_by_label("Région").select_option(label="Bretagne")
            page.get_by_label("Département").select_option(label="35 – Ille-et-Vilaine")
            page.get_by_label("Commune").fill("Rennes")
            page.get_by_label("Votre adresse électronique").fill(AUTHOR)
            page.get_by_label(
                "J'accepte que ces informations soient conservées"
            ).check()
            documentation_screenshot(page, "deposer-une-annonce.png")
            page.get_by_role("button", name="Déposer l'annonce").click()
            expect(page.locator("h1")).to_have_text(
                "Merci, votre annonce est enregistrée"
            )

        self.publish_from_review_list(TITLE)

        with self.browsing() as page:
            self.click_section(page, "Petites annonces")
            ads = FacetedPage(page, self)
            ads.wait_for_results(1)
            self.assertIn(TITLE, ads.result_titles())
            ads.open_result(TITLE, 1)
            expect(page.locator("h1")).to_have_text(TITLE)
            expect(page.locator("#content")).to_contain_text("Nous cherchons deux")
            expect(page.locator("#content")).not_to_contain_text(AUTHOR)
            page.get_by_role("link", name="Répondre à l'annonce").click()
            page.get_by_label("Votre nom").fill("Erwan Le Bihan")
            page.get_by_label("Votre adresse électronique").fill("erwan@example.net")
            page.get_by_label("Votre message").fill("Pouvons-nous vous rencontrer ?")
            page.get_by_label("J'accepte que mon nom et mon adresse").check()
            page.get_by_role("button", name="Envoyer le message").click()
            expect(page.locator("h1")).to_have_text(TITLE)
            expect(page.locator(".portalMessage")).to_contain_text(
                "Votre message a été transmis à l'auteur."
            )

        [reply] = [
            mail for mail in mails(self.portal, to=AUTHOR) if "Message" in mail.subject
        ]
        self.assertIn("erwan@example.net", reply.reply_to)
        self.assertIn("Pouvons-nous vous rencontrer ?", reply.body)
