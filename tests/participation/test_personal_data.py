"""An administrator erases, on request, what the portal keeps of an address."""

from coordaction.policy.matching.criteria import Criteria
from coordaction.policy.matching.subscriptions import subscribe
from coordaction.policy.matching.subscriptions import subscriptions_of
from coordaction.policy.participation.antispam import ANONYMOUS_POSTS
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from plone import api
from tests import builders
from tests.http import Client
from tests.http import admin
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
from tests.participation.test_forms import CONTACT_FORM
from tests.participation.test_forms import SUBMIT
from tests.participation.test_forms import widgets
import transaction
import unittest


PAGE = "@@donnees-personnelles-admin"


class TestPersonalData(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        ANONYMOUS_POSTS.reset()
        self.ad = builders.classified_ad(
            self.portal["petites-annonces"],
            title="Cherche un habitat groupé à Lille",
            contact_email="Marie@example.net",
        )
        builders.publish(self.ad)
        subscribe(self.portal, "marie@example.net", Criteria(region="32"))
        subscribe(self.portal, "autre@example.net", Criteria(region="32"))
        make_user("adherente", roles=("Member",))
        commit()
        self.visitor = Client(self.portal.absolute_url())
        for subject in ("Première question", "Seconde question"):
            self.visitor.submit(
                CONTACT_FORM,
                widgets(
                    name="Marie",
                    email="marie@example.net",
                    subject=subject,
                    message="Bonjour",
                    consent=True,
                ),
                SUBMIT,
            )
        self.visitor.submit(
            CONTACT_FORM,
            widgets(
                name="Autre",
                email="autre@example.net",
                subject="Autre question",
                message="Bonjour",
                consent=True,
            ),
            SUBMIT,
        )

    def test_only_administrators_reach_the_page(self):
        for client in (self.visitor, Client(self.portal.absolute_url(), "adherente")):
            response = client.page(
                PAGE, params={"email": "marie@example.net"}, allow_redirects=False
            )
            self.assertIn(response.status_code, (302, 401, 403))
            self.assertNotIn("Cherche un habitat groupé", response.text)

    def test_an_administrator_finds_and_erases_everything_of_an_address(self):
        manager = admin(self.portal.absolute_url())
        page = manager.page(PAGE, params={"email": "marie@example.net"})
        self.assertIn("Ce que le portail conserve de marie@example.net", page.text)
        self.assertIn("Cherche un habitat groupé à Lille", page.text)
        self.assertIn("Alertes de la mise en lien :", page.text)
        response = manager.submit(f"{PAGE}?email=marie@example.net", {}, "erase")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Données effacées", response.text)
        transaction.begin()
        self.assertIsNone(self.ad.contact_email)
        self.assertEqual(api.content.get_state(self.ad), "published")
        from collective.easyform.api import get_actions

        form = self.portal.unrestrictedTraverse(CONTACT_FORM)
        rows = list(get_actions(form)["saved"]._storage.values())
        self.assertEqual([row["email"] for row in rows], ["autre@example.net"])
        self.assertEqual(subscriptions_of(self.portal, "marie@example.net"), [])
        self.assertEqual(len(subscriptions_of(self.portal, "autre@example.net")), 1)

    def test_a_bad_address_gets_a_french_error(self):
        manager = admin(self.portal.absolute_url())
        page = manager.page(PAGE, params={"email": "marie-at-example"})
        self.assertIn("n'est pas une adresse électronique valide", page.text)
