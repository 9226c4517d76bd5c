"""The life of a classified ad after its deposit: replies that keep the author's
address private, the reminder before it expires, its disappearance once expired;
and the scheduled job that does the rounds."""

from coordaction.policy.participation.antispam import ANONYMOUS_POSTS
from coordaction.policy.participation.scheduled import REMINDED
from coordaction.policy.participation.settings import set_setting
from coordaction.policy.participation.settings import setting
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from DateTime import DateTime
from plone import api
from tests import builders
from tests import mailbox
from tests.http import Client
from tests.http import as_manager
from tests.http import commit
from tests.mailbox import mails
import time
import transaction
import unittest


TASKS = "@@taches-planifiees"
SEND = "form.buttons.send"


def published_ad(portal, title, expires_in_days=None, **fields):
    ad = builders.classified_ad(portal["petites-annonces"], title=title, **fields)
    if expires_in_days is not None:
        ad.expiration_date = DateTime() + expires_in_days
    api.content.transition(ad, transition="submit")
    api.content.transition(ad, transition="publish")
    ad.reindexObject()
    return ad


class AdTestCase(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        mailbox.reset()
        ANONYMOUS_POSTS.reset()
        self.visitor = Client(self.portal.absolute_url())

    def settle(self):
        """Commit what the test built, forgetting the mails its publication sent."""
        commit()
        mailbox.reset()

    def run_tasks(self, token=None):
        token = setting("scheduled_token") if token is None else token
        return self.visitor.session.post(
            self.visitor.url(TASKS), data={"token": token}, timeout=60
        )


class TestReplyToAnAd(AdTestCase):
    def test_a_reply_reaches_the_author_without_revealing_either_address(self):
        ad = published_ad(
            self.portal,
            "Terrain de 1 800 m² près de Lorient",
            contact_email="proprio@example.net",
        )
        self.settle()
        page = self.visitor.page(ad.absolute_url())
        self.assertNotIn("proprio@example.net", page.text)
        self.assertIn(f"{ad.absolute_url()}/@@contacter", page.text)
        form = self.visitor.page(f"{ad.absolute_url()}/@@contacter")
        self.assertIn(
            "Répondre à l'annonce « Terrain de 1 800 m² près de Lorient »", form.text
        )
        self.assertNotIn("proprio@example.net", form.text)
        response = self.visitor.submit(
            f"{ad.absolute_url()}/@@contacter",
            {
                "form.widgets.name": "Yann Le Goff",
                "form.widgets.email": "yann@example.net",
                "form.widgets.message": "Le terrain est-il constructible ?",
                "form.widgets.consent:list": "selected",
            },
            SEND,
        )
        self.assertEqual(response.url, ad.absolute_url())
        self.assertIn("Votre message a été transmis à l'auteur.", response.text)
        self.assertNotIn("proprio@example.net", response.text)
        [mail] = mails(self.portal)
        self.assertEqual(mail.to, "proprio@example.net")
        self.assertIn("yann@example.net", mail.reply_to)
        self.assertIn("Le terrain est-il constructible ?", mail.body)
        self.assertIn("Terrain de 1 800 m² près de Lorient", mail.subject)

    def test_a_reply_posted_without_the_form_token_is_refused(self):
        ad = published_ad(
            self.portal, "Atelier partagé à Rezé", contact_email="atelier@example.net"
        )
        self.settle()
        form = self.visitor.page(f"{ad.absolute_url()}/@@contacter")
        self.assertIn('name="_authenticator"', form.text)
        response = self.visitor.session.post(
            f"{ad.absolute_url()}/@@contacter",
            data={
                "form.widgets.name": "Un autre site",
                "form.widgets.email": "robot@example.net",
                "form.widgets.message": "Bonjour",
                "form.widgets.consent:list": "selected",
                SEND: "1",
            },
            headers={"Origin": "https://ailleurs.example"},
            timeout=60,
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Le formulaire a expiré ou ne vient pas de ce site", response.text
        )
        self.assertNotIn("Votre message a été transmis", response.text)

    def test_a_reply_without_consent_or_address_is_not_sent(self):
        ad = published_ad(
            self.portal, "Chambre dans un habitat groupé", contact_email="a@example.net"
        )
        self.settle()
        response = self.visitor.submit(
            f"{ad.absolute_url()}/@@contacter",
            {
                "form.widgets.name": "Robot",
                "form.widgets.email": "pas une adresse",
                "form.widgets.message": "Bonjour",
            },
            SEND,
        )
        self.assertIn("Corrigez les erreurs signalées ci-dessous.", response.text)
        self.assertEqual(mails(self.portal), [])

    def test_a_project_group_is_reached_the_same_way(self):
        sheet = builders.project_sheet(
            self.portal["projets"], title="La Ruche", contact_email="ruche@example.net"
        )
        api.content.transition(sheet, transition="submit")
        api.content.transition(sheet, transition="publish")
        self.settle()
        self.assertIn("Écrire au groupe", self.visitor.page(sheet.absolute_url()).text)
        self.visitor.submit(
            f"{sheet.absolute_url()}/@@contacter",
            {
                "form.widgets.name": "Léa",
                "form.widgets.email": "lea@example.net",
                "form.widgets.message": "Cherchez-vous encore un foyer ?",
                "form.widgets.consent:list": "selected",
            },
            SEND,
        )
        [mail] = mails(self.portal)
        self.assertEqual(mail.to, "ruche@example.net")


class TestScheduledTasks(AdTestCase):
    def test_without_the_right_token_nothing_is_done(self):
        published_ad(
            self.portal, "Annonce bientôt expirée", 3, contact_email="x@example.net"
        )
        self.settle()
        self.assertEqual(self.run_tasks("mauvais-jeton").status_code, 403)
        self.assertEqual(self.run_tasks("").status_code, 403)
        self.assertEqual(self.visitor.page(TASKS).status_code, 405)
        self.assertEqual(mails(self.portal), [])

    def test_authors_are_reminded_once_before_their_ad_expires(self):
        soon = published_ad(
            self.portal,
            "Cherche colocation solidaire",
            3,
            contact_email="s@example.net",
        )
        published_ad(
            self.portal, "Annonce encore longue", 30, contact_email="l@example.net"
        )
        self.settle()
        response = self.run_tasks()
        self.assertEqual(response.status_code, 200)
        self.assertIn("Rappels d'expiration envoyés : 1", response.text)
        [mail] = mails(self.portal)
        self.assertEqual(mail.to, "s@example.net")
        self.assertIn("Votre annonce expire le", mail.subject)
        self.assertIn(soon.absolute_url(), mail.body)
        # The next day's run does not send it again.
        self.assertIn("Rappels d'expiration envoyés : 0", self.run_tasks().text)
        self.assertEqual(len(mails(self.portal)), 1)
        transaction.begin()
        self.assertTrue(getattr(soon, REMINDED))

    def test_expired_ads_leave_the_listings_for_visitors(self):
        published_ad(self.portal, "Annonce expirée hier", -1)
        published_ad(self.portal, "Annonce toujours valable", 20)
        self.settle()
        found = self.visitor.get_json(
            "@search?portal_type=ClassifiedAd&SearchableText=Annonce"
        ).json()
        titles = {item["title"] for item in found["items"]}
        self.assertIn("Annonce toujours valable", titles)
        self.assertNotIn("Annonce expirée hier", titles)
        # The faceted page and @facets: tests/resourcecentre/test_facets_api.py

    def test_old_submissions_are_purged_after_the_retention_period(self):
        form = self.portal["contribuer"]["nous-contacter"]
        from collective.easyform.api import get_actions

        saved = get_actions(form)["saved"]
        now_ms = int(time.time() * 1000)
        saved._storage[now_ms - 400 * 86_400_000] = {"email": "ancien@example.net"}
        saved._storage[now_ms - 10 * 86_400_000] = {"email": "recent@example.net"}
        set_setting("submission_retention_days", 365)
        self.settle()
        response = self.run_tasks()
        self.assertIn("Envois de formulaires supprimés : 1", response.text)
        transaction.begin()
        kept = [row["email"] for row in get_actions(form)["saved"]._storage.values()]
        self.assertEqual(kept, ["recent@example.net"])
