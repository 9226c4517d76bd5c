"""A member asks from Mon espace for the alerts of their account's address: they
come by e-mail with the links that stop them (the mailbox proves the address);
the page says the same to everyone, and tells nobody whether an address
subscribed."""

from coordaction.policy.matching import subscriptions
from coordaction.policy.matching.criteria import Criteria
from tests import mailbox
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import authenticator


SAID = (
    "Si des alertes sont enregistrées pour {}, leurs liens partent vers cette adresse."
)


class TestMyAlerts(SiteTestCase):
    users = {"abonnee": {}, "sans-alerte": {}}

    def build(self):
        subscriptions.subscribe(
            self.portal, "Abonnee@example.org", Criteria(region="52", stage="chantier")
        )
        mailbox.reset()

    def ask(self, client):
        page = client.page("@@mon-espace").text
        return client.session.post(
            f"{self.url}/@@mes-alertes",
            data={"_authenticator": authenticator(page)},
            timeout=60,
        )

    def test_the_alerts_come_by_mail_with_their_links(self):
        page = self.signed_in("abonnee").page("@@mon-espace").text
        self.assertIn("Mes alertes", page)
        self.assertIn("Recevoir mes alertes par courriel", page)
        response = self.ask(self.signed_in("abonnee"))
        self.assertTrue(response.url.endswith("/@@mon-espace"), response.url)
        self.assertIn(SAID.format("abonnee@example.org"), response.text)
        (mail,) = mailbox.mails(to="abonnee@example.org")
        self.assertEqual(mail.subject, "[Coordin'action] Vos alertes")
        self.assertIn("Pays de la Loire", mail.body)
        self.assertIn("En attente de sa confirmation.", mail.body)
        self.assertIn("@@mise-en-lien-desabonner?jeton=", mail.body)

    def test_the_same_words_without_alerts_and_no_mail(self):
        response = self.ask(self.signed_in("sans-alerte"))
        self.assertIn(SAID.format("sans-alerte@example.org"), response.text)
        self.assertEqual(mailbox.mails(to="sans-alerte@example.org"), [])

    def test_visitors_and_forged_posts_get_nothing(self):
        visitor = Client(self.url).session.post(f"{self.url}/@@mes-alertes", timeout=60)
        self.assertNotIn("Si des alertes", visitor.text)
        forged = self.signed_in("abonnee").session.post(
            f"{self.url}/@@mes-alertes", timeout=60
        )
        self.assertEqual(forged.status_code, 403)
        self.assertEqual(mailbox.mails(to="abonnee@example.org"), [])
