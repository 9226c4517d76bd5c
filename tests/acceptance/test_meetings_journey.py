"""A contribution to the national meetings, from a visitor's phone to the public
programme: she proposes a workshop with the form of the edition, follows it with
the link of her acknowledgement; an organiser retains it and schedules it; the
link and the public programme then show its slot."""

from coordaction.policy.participation.antispam import ANONYMOUS_POSTS
from playwright.sync_api import expect
from plone import api
from tests import mailbox
from tests.acceptance.browser import PHONE
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import JourneyTestCase
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
from tests.mailbox import mails
from tests.meetings.test_proposals import an_edition
import re
import transaction


TITLE = "Habiter avec les saisonniers"
PROPOSER = "lea.martin@example.net"


@requires_chromium
class TestMeetingsJourney(JourneyTestCase):
    def setUp(self):
        super().setUp()
        as_manager(self.portal)
        self.edition = an_edition(self.portal)
        make_user("organisatrice", groups=("organisation-rnhp",))
        commit()
        ANONYMOUS_POSTS.reset()
        mailbox.reset()

    def test_propose_follow_the_status_get_scheduled(self):
        edition_path = "rencontres/rnhp-2027"
        with self.browsing(start=edition_path, device=PHONE) as page:
            expect(page.locator("h1")).to_have_text("RNHP 2027")
            page.locator("#content").get_by_role(
                "link", name="Proposer une contribution"
            ).click()
            page.get_by_label("Titre de la contribution").fill(TITLE)
            page.get_by_label("Format", exact=True).select_option(label="Atelier")
            page.get_by_label("Résumé").fill("Loger les travailleurs saisonniers.")
            page.get_by_label("Intervenantes et intervenants").fill("Léa Martin")
            page.get_by_label("Votre nom").fill("Léa Martin")
            page.get_by_label("Votre adresse électronique").fill(PROPOSER)
            page.get_by_label(
                "J'accepte que ces informations soient conservées"
            ).check()
            page.get_by_role("button", name="Envoyer la proposition").click()
            expect(page.locator("h1")).to_have_text("Merci pour votre proposition")

        [receipt] = mails(self.portal, to=PROPOSER)
        link = re.search(r"(http\S+@@suivi-proposition\?cle=\S+)", receipt.body)[1]
        with self.browsing(device=PHONE) as page:
            page.goto(link)
            expect(page.locator("h1")).to_have_text(f"Votre proposition « {TITLE} »")
            expect(page.locator(".coordaction-follow-state")).to_have_text("Déposée")

        with self.browsing("organisatrice", start=f"{edition_path}/@@tableau") as page:
            documentation_screenshot(page, "rnhp-tableau-de-bord.png")
            page.locator("table").get_by_role("link", name=TITLE).click()
            expect(page.locator("h1")).to_have_text(TITLE)
            expect(page.locator("#content")).to_contain_text(PROPOSER)
            workflow_menu = page.locator("#plone-contentmenu-workflow")
            workflow_menu.get_by_role("link", name="État").click()
            page.get_by_role("link", name="Retenir", exact=True).click()
            expect(page.locator(".coordaction-state")).to_have_text("Retenue")
            workflow_menu.get_by_role("link", name="État").click()
            page.get_by_role("link", name="Programmer", exact=True).click()
            expect(page.locator("h1")).to_have_text(f"Programmer « {TITLE} »")
            page.get_by_label("Heure").fill("14:30")
            page.get_by_label("Salle").select_option(label="Amphithéâtre")
            documentation_screenshot(page, "rnhp-programmer.png")
            page.get_by_role("button", name="Programmer").click()
            expect(page.locator(".portalMessage")).to_contain_text(
                f"« {TITLE} » est au programme."
            )

        day = self.edition.start
        with self.browsing(device=PHONE) as page:
            page.goto(link)
            expect(page.locator(".coordaction-follow-state")).to_have_text("Programmée")
            expect(page.locator(".coordaction-follow-slot")).to_contain_text(
                "à 14 h 30, Amphithéâtre"
            )
            documentation_screenshot(page, "rnhp-suivi.png")
            page.goto(f"{self.portal_url}/{edition_path}/@@programme")
            expect(page.locator(".coordaction-programme-slot")).to_contain_text(TITLE)
            self.assertEqual(
                page.evaluate("document.documentElement.scrollWidth - innerWidth"), 0
            )
        told = [mail.subject for mail in mails(self.portal, to=PROPOSER)]
        self.assertEqual(
            told,
            [
                f"[RNHP] Reçue : {TITLE}",
                f"[RNHP] Retenue : {TITLE}",
                f"[RNHP] Programmée : {TITLE}",
            ],
        )
        transaction.begin()  # what the server committed
        proposal = api.content.find(portal_type="MeetingProposal", Title=TITLE)
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal[0].getObject().slot_day, day)
