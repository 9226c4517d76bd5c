"""An event from a member association to the agenda, on a phone: a visitor
proposes it from the agenda with the public form, a reviewer publishes it, and
another visitor finds it in the agenda, its place and its registration link."""

from coordaction.policy.participation.antispam import ANONYMOUS_POSTS
from datetime import date
from datetime import timedelta
from playwright.sync_api import expect
from tests import mailbox
from tests.acceptance.browser import PHONE
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import JourneyTestCase


TITLE = "Portes ouvertes du Grand Portail"
DAY = date.today() + timedelta(days=9)


@requires_chromium
class TestEventJourney(JourneyTestCase):
    def setUp(self):
        super().setUp()
        ANONYMOUS_POSTS.reset()
        mailbox.reset()

    def test_a_visitor_proposes_an_event_on_a_phone(self):
        with self.browsing(start="agenda", device=PHONE) as page:
            page.get_by_role("link", name="Proposer un événement").click()
            expect(page.locator("h1")).to_have_text("Proposer un événement")
            page.get_by_label("Titre de l'événement").fill(TITLE)
            page.get_by_label("Début").fill(f"{DAY.isoformat()}T10:00")
            page.get_by_label("Fin", exact=True).fill(f"{DAY.isoformat()}T17:00")
            page.get_by_label("Lieu").fill("La grange, 2 chemin des Prés")
            page.get_by_label("Commune").fill("Villeurbanne")
            page.get_by_label("Région").select_option(label="Auvergne-Rhône-Alpes")
            page.get_by_label("Lien d'inscription").fill(
                "https://inscription.example.org/grand-portail"
            )
            page.get_by_label("Organisateur").fill("Le Grand Portail")
            page.get_by_label("Description").fill(
                "Visite des logements, des ateliers et du jardin partagé."
            )
            page.get_by_label("Votre adresse électronique").fill("portail@example.net")
            page.get_by_label(
                "J'accepte que ces informations soient conservées"
            ).check()
            self.assertLessEqual(
                page.evaluate("document.documentElement.scrollWidth"),
                PHONE["viewport"]["width"],
            )
            page.get_by_role("button", name="Proposer l'événement").click()
            expect(page.locator("h1")).to_have_text(
                "Merci, votre événement est enregistré"
            )

        self.publish_from_review_list(TITLE)

        with self.browsing(start="agenda", device=PHONE) as page:
            page.get_by_role("link", name=TITLE).first.click()
            expect(page.locator("h1")).to_have_text(TITLE)
            expect(page.locator("#content")).to_contain_text("Villeurbanne")
            expect(page.locator("#content")).to_contain_text("10:00")
            expect(page.get_by_role("link", name="S'inscrire")).to_have_attribute(
                "href", "https://inscription.example.org/grand-portail"
            )
            expect(page.locator("#content")).not_to_contain_text("portail@example.net")
