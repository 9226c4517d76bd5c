"""Offer to help on a chantier and get accepted: a working group's chantier wants
legal skills; a member who said she has them gets a mail, opens the chantier on
her phone and offers her help; the coordinator of the group accepts her from the
chantier's page, and she then appears among its contributors."""

from coordaction.policy.workstreams import skills
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from playwright.sync_api import expect
from plone import api
from tests import builders
from tests import mailbox
from tests.acceptance.browser import PHONE
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import JourneyTestCase
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
from tests.mailbox import mails
from tests.workstreams.test_chantiers import relation_to
import re
import transaction


TITLE = "Relire un bail réel solidaire"


@requires_chromium
class TestChantiersJourney(JourneyTestCase):
    def setUp(self):
        super().setUp()
        as_manager(self.portal)
        make_user("coordinatrice-jur", groups=("membres-du-reseau",))
        make_user("juriste", groups=("membres-du-reseau",))
        self.space = builders.working_group(
            self.portal["groupes-de-travail"], title="Groupe juridique"
        )
        WorkingGroupRoster(self.space).add("coordinatrice-jur", coordinator=True)
        user_id = api.user.get(username="juriste").getId()
        skills.confirm(skills.set_skills(user_id, ["juridique"], alert=True))
        commit()
        mailbox.reset()

    def test_offer_to_help_on_a_chantier_get_accepted(self):
        transaction.begin()
        chantier = builders.workstream(
            self.portal["chantiers"],
            title=TITLE,
            skills=["juridique"],
            carrier_name="Groupe juridique",
            working_group=relation_to(self.space),
        )
        builders.publish(chantier)
        transaction.commit()

        [alert] = mails(self.portal, to="juriste@example.org")
        self.assertIn(TITLE, alert.subject)
        link = re.search(r"(http\S+/resolveuid/\w+)", alert.body)[1]

        with self.browsing("juriste", device=PHONE) as page:
            page.goto(link)
            expect(page.locator("h1")).to_have_text(TITLE)
            page.get_by_role("link", name="Je peux contribuer").click()
            # Her skills are ticked already.
            expect(page.get_by_label("Juridique")).to_be_checked()
            page.get_by_label("Vos disponibilités").fill("Le mardi soir")
            page.get_by_label("Quelques mots pour les personnes qui le portent").fill(
                "Notaire à la retraite."
            )
            documentation_screenshot(page, "chantier-je-peux-contribuer.png")
            page.get_by_role("button", name="Envoyer ma proposition").click()
            expect(page.locator(".portalMessage")).to_contain_text(
                "votre proposition est envoyée"
            )

        [offer] = mails(self.portal, to="coordinatrice-jur@example.org")
        self.assertIn("Le mardi soir", offer.body)
        with self.browsing("coordinatrice-jur", start="chantiers") as page:
            page.get_by_role("link", name=TITLE).first.click()
            card = page.locator(".coordaction-offer")
            expect(card).to_contain_text("Notaire à la retraite.")
            documentation_screenshot(
                page,
                "chantier-propositions.png",
                show=page.locator(".coordaction-offer"),
            )
            card.get_by_role("button", name="Accepter").click()
            expect(page.locator(".portalMessage")).to_contain_text(
                "rejoint les contributeurs"
            )

        [accepted] = mails(self.portal, to="juriste@example.org")[1:]
        self.assertIn("Votre aide est acceptée", accepted.subject)
        with self.browsing(start=f"chantiers/{chantier.getId()}", device=PHONE) as page:
            expect(page.locator(".coordaction-contributors")).to_contain_text("juriste")
