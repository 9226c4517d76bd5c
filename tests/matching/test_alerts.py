"""E-mail alerts of the Mise en lien, as a future resident without an account and a
reviewer live them over HTTP: subscribe, confirm (double opt-in), receive an alert
when a matching item is published, unsubscribe."""

from collective.honeypot.config import HONEYPOT_FIELD
from coordaction.policy.matching.subscriptions import forget_address
from coordaction.policy.matching.subscriptions import purge_unconfirmed
from coordaction.policy.matching.subscriptions import storage
from coordaction.policy.matching.subscriptions import subscriptions_of
from datetime import timedelta
from plone import api
from tests import builders
from tests.http import Client
from tests.http import VisitorTestCase
from tests.http import commit
from tests.http import make_user
from tests.matching.layer import nantes_project
from tests.matching.visitor import PAGE
from tests.matching.visitor import document
from tests.matching.visitor import errors
from tests.matching.visitor import follow
from tests.matching.visitor import header
from tests.matching.visitor import link
from tests.matching.visitor import links
from tests.matching.visitor import mails_to
from tests.matching.visitor import subscribe
from tests.matching.visitor import texts
import transaction


RESIDENT = "future.habitante@example.org"


class AlertTestCase(VisitorTestCase):
    def setUp(self):
        super().setUp()
        self.reviewer = self.signed_in("relectrice")

    def pending_ad(self, title, **fields):
        """An ad submitted for review (made here, as its author would)."""
        transaction.begin()
        ad = builders.classified_ad(self.portal["petites-annonces"], title, **fields)
        api.content.transition(ad, transition="submit")
        commit()
        return ad.absolute_url()

    def pending_project(self, title, **fields):
        transaction.begin()
        project = nantes_project(self.portal["projets"], title, **fields)
        api.content.transition(project, transition="submit")
        commit()
        return project.absolute_url()

    def publish(self, url):
        response = self.reviewer.api("POST", f"{url}/@workflow/publish")
        self.assertEqual(response.status_code, 200, response.text)

    def subscribe_and_confirm(self, query, email=RESIDENT):
        response = subscribe(self.visitor, query, email)
        self.assertEqual(response.status_code, 200)
        [confirmation] = mails_to(self.portal, email)
        response = follow(self.visitor, link(confirmation, "mise-en-lien-confirmer"))
        self.assertIn("Votre alerte est active", response.text)
        return confirmation

    def stored(self, email=RESIDENT):
        transaction.begin()
        return subscriptions_of(self.portal, email)


class TestSubscription(AlertTestCase):
    def test_subscribe_confirm_alert_and_unsubscribe(self):
        # A future resident asks for alerts about Pays de la Loire.
        response = subscribe(self.visitor, "region=52", RESIDENT)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            texts(response, ".coordaction-matching-sent"),
            [
                "Vérifiez votre boîte aux lettres : nous venons d'écrire à "
                f"{RESIDENT}. L'alerte ne sera active qu'une fois ouvert le lien de "
                "ce courriel."
            ],
        )
        # The confirmation comes, with a link to confirm and one to cancel.
        [confirmation] = mails_to(self.portal, RESIDENT)
        self.assertEqual(
            confirmation.subject, "[Coordin'action] Confirmez votre alerte"
        )
        self.assertIn("- Région : Pays de la Loire", confirmation.body)
        self.assertIn(
            "sans confirmation, votre adresse sera effacée", confirmation.body
        )
        confirm = link(confirmation, "mise-en-lien-confirmer")
        unsubscribe = link(confirmation, "mise-en-lien-desabonner")
        self.assertTrue(
            confirm.startswith(f"{self.url}/@@mise-en-lien-confirmer?jeton=")
        )
        self.assertEqual(header(confirmation, "List-Unsubscribe"), f"<{unsubscribe}>")
        self.assertEqual(
            header(confirmation, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click"
        )

        # Opening the link asks first: a mail scanner that opens it confirms nothing.
        response = self.visitor.page(confirm)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(texts(response, "h1"), ["Activez votre alerte"])
        self.assertTrue(
            texts(response, "title")[0].startswith("Activez votre alerte — ")
        )
        self.assertEqual(
            texts(response, ".coordaction-matching-criteria dd"), ["Pays de la Loire"]
        )
        [subscription] = self.stored()
        self.assertFalse(subscription.is_confirmed)

        # Confirmed with the button, the alert is active.
        response = follow(self.visitor, confirm)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Votre alerte est active", response.text)
        self.assertEqual(
            texts(response, ".coordaction-matching-criteria dd"), ["Pays de la Loire"]
        )
        [subscription] = self.stored()
        self.assertTrue(subscription.is_confirmed)

        # A reviewer publishes a matching ad: one alert goes out.
        ad = self.pending_ad("Groupe nantais cherche deux foyers")
        self.publish(ad)
        [_confirmation, alert] = mails_to(self.portal, RESIDENT)
        self.assertEqual(
            alert.subject,
            "[Coordin'action] Nouvelle annonce : Groupe nantais cherche deux foyers",
        )
        self.assertIn("Groupe nantais cherche deux foyers", alert.body)
        self.assertIn("Rezé, Loire-Atlantique (44), Pays de la Loire", alert.body)
        self.assertIn(ad, links(alert))
        self.assertEqual(link(alert, "mise-en-lien-desabonner"), unsubscribe)
        self.assertEqual(header(alert, "List-Unsubscribe"), f"<{unsubscribe}>")
        # The link of the alert opens the ad for an anonymous visitor.
        self.assertEqual(self.visitor.page(ad).status_code, 200)

        # An ad of another région sends nothing.
        self.publish(
            self.pending_ad(
                "Groupe lyonnais cherche des membres",
                region="84",
                departement="69",
                commune="Lyon",
            )
        )
        self.assertEqual(len(mails_to(self.portal, RESIDENT)), 2)

        # The link of a message asks too: opened, the alert stays...
        response = self.visitor.page(unsubscribe)
        self.assertEqual(texts(response, "h1"), ["Supprimer votre alerte ?"])
        self.assertEqual(len(self.stored()), 1)
        # ...and the button deletes it: nothing more comes, and the link is spent.
        response = follow(self.visitor, unsubscribe)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Votre alerte est supprimée", response.text)
        self.assertEqual(self.stored(), [])
        self.publish(
            self.pending_ad("Terrain à bâtir à Nantes", ad_kind="foncier-bati")
        )
        self.assertEqual(len(mails_to(self.portal, RESIDENT)), 2)
        response = self.visitor.page(unsubscribe)
        self.assertEqual(response.status_code, 404)
        self.assertIn("Ce lien n'est pas valable", response.text)

    def test_an_unconfirmed_subscription_gets_nothing(self):
        subscribe(self.visitor, "region=52", RESIDENT)
        self.publish(self.pending_ad("Groupe nantais cherche deux foyers"))
        [confirmation] = mails_to(self.portal, RESIDENT)
        self.assertEqual(
            confirmation.subject, "[Coordin'action] Confirmez votre alerte"
        )

    def test_the_same_address_and_criteria_make_one_subscription(self):
        subscribe(self.visitor, "region=52&departement=44", RESIDENT)
        subscribe(
            self.visitor, "region=52&departement=44", "Future.Habitante@Example.org"
        )
        first, second = mails_to(self.portal, RESIDENT)
        self.assertEqual(
            link(first, "mise-en-lien-confirmer"),
            link(second, "mise-en-lien-confirmer"),
        )
        follow(self.visitor, link(first, "mise-en-lien-confirmer"))
        response = subscribe(self.visitor, "region=52&departement=44", RESIDENT)
        self.assertIn("Vérifiez votre boîte aux lettres", response.text)
        reminder = mails_to(self.portal, RESIDENT)[-1]
        self.assertEqual(
            reminder.subject, "[Coordin'action] Votre alerte est déjà active"
        )
        self.assertIn(link(first, "mise-en-lien-desabonner"), links(reminder))
        self.assertEqual(len(self.stored()), 1)
        # Other criteria are another alert.
        subscribe(self.visitor, "region=52&departement=49", RESIDENT)
        self.assertEqual(len(self.stored()), 2)

    def test_a_signed_in_visitor_confirms_from_the_link_too(self):
        subscribe(self.visitor, "region=52", RESIDENT)
        [confirmation] = mails_to(self.portal, RESIDENT)
        transaction.begin()
        make_user("membre")
        commit()
        member = Client(self.url, "membre")
        response = follow(member, link(confirmation, "mise-en-lien-confirmer"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Votre alerte est active", response.text)
        self.assertNotIn("confirm-action", response.url)
        [subscription] = self.stored()
        self.assertTrue(subscription.is_confirmed)

    def test_a_mail_clients_one_click_unsubscribes(self):
        confirmation = self.subscribe_and_confirm("region=52")
        unsubscribe = header(confirmation, "List-Unsubscribe")[1:-1]
        # RFC 8058: the client posts this body to the header's address, no page.
        response = self.visitor.session.post(
            unsubscribe, data={"List-Unsubscribe": "One-Click"}, timeout=60
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.stored(), [])

    def test_a_confirmed_alerts_link_says_it_is_active(self):
        confirmation = self.subscribe_and_confirm("region=52")
        response = self.visitor.page(link(confirmation, "mise-en-lien-confirmer"))
        self.assertEqual(texts(response, "h1"), ["Votre alerte est active"])
        self.assertFalse(
            document(response).cssselect("form.coordaction-subscription-link")
        )

    def test_an_unknown_link_is_explained_in_french(self):
        for query in ("?jeton=jeton-inconnu-de-trente-caracteres", "?jeton=", ""):
            for view in ("mise-en-lien-confirmer", "mise-en-lien-desabonner"):
                with self.subTest(view=view, query=query):
                    response = self.visitor.page(f"@@{view}{query}")
                    self.assertEqual(response.status_code, 404)
                    self.assertIn("Ce lien n'est pas valable", response.text)
                    self.assertIn(
                        "Aucune alerte ne correspond à ce lien", response.text
                    )


class TestProjectAlerts(AlertTestCase):
    def test_a_project_looking_for_members_that_matches_is_announced_once(self):
        self.subscribe_and_confirm("region=52&etape=conception&foyers=15")
        # Another stage, too big, or not looking for members: nothing.
        self.publish(self.pending_project("Hameau en chantier", stage="chantier"))
        self.publish(self.pending_project("Grand ensemble", households_planned=40))
        self.publish(
            self.pending_project("Groupe au complet", looking_for_members=False)
        )
        self.assertEqual(len(mails_to(self.portal, RESIDENT)), 1)

        project = self.pending_project("Les Écoquartiers de Rezé")
        self.publish(project)
        [_confirmation, alert] = mails_to(self.portal, RESIDENT)
        self.assertEqual(
            alert.subject, "[Coordin'action] Nouveau projet : Les Écoquartiers de Rezé"
        )
        self.assertIn("cherche de nouveaux membres", alert.body)
        self.assertIn(project, links(alert))
        self.assertIn("- Étape du projet : Conception", alert.body)
        self.assertIn("- Taille du projet : au plus 15 foyers", alert.body)
        self.assertIn(
            f"{self.url}/@@mise-en-lien?region=52&etape=conception&foyers=15",
            links(alert),
        )

        # Unpublished for a correction, submitted and published again: not a
        # second time.
        response = self.reviewer.api("POST", f"{project}/@workflow/unpublish")
        self.assertEqual(response.status_code, 200)
        transaction.begin()
        api.content.transition(
            self.portal.unrestrictedTraverse(project.replace(self.url, "")[1:]),
            transition="submit",
        )
        commit()
        self.publish(project)
        self.assertEqual(len(mails_to(self.portal, RESIDENT)), 2)

    def test_each_address_gets_one_alert_per_item(self):
        self.subscribe_and_confirm("region=52")
        self.subscribe_and_confirm("region=52&departement=44", "voisin@example.org")
        subscribe(self.visitor, "region=52&departement=44", RESIDENT)
        confirm = link(mails_to(self.portal, RESIDENT)[-1], "mise-en-lien-confirmer")
        follow(self.visitor, confirm)
        self.publish(self.pending_project("Les Écoquartiers de Rezé"))
        alerts = [
            mail
            for address in (RESIDENT, "voisin@example.org")
            for mail in mails_to(self.portal, address)
            if "Nouveau projet" in mail.subject
        ]
        self.assertEqual([mail.to for mail in alerts], [RESIDENT, "voisin@example.org"])
        # The two alerts of that address, each with its unsubscribe link.
        self.assertEqual(
            len([url for url in links(alerts[0]) if "desabonner" in url]), 2
        )


class TestRefusals(AlertTestCase):
    def assert_nothing_stored(self):
        transaction.begin()
        self.assertFalse(storage(self.portal))
        self.assertEqual(mails_to(self.portal, RESIDENT), [])

    def test_a_bad_address_is_refused_in_french(self):
        for address, message in (
            ("", "Indiquez votre adresse électronique."),
            (
                "future.habitante",
                "« future.habitante » n'est pas une adresse électronique valide : "
                "elle s'écrit par exemple prenom.nom@exemple.fr.",
            ),
            (
                "a@example.org, b@example.org",
                "« a@example.org, b@example.org » n'est pas une adresse électronique "
                "valide : elle s'écrit par exemple prenom.nom@exemple.fr.",
            ),
        ):
            with self.subTest(address):
                response = subscribe(self.visitor, "region=52", address)
                self.assertEqual(errors(response), [message])
                self.assertEqual(texts(response, ".coordaction-matching-sent"), [])
        self.assert_nothing_stored()

    def test_consent_is_required(self):
        response = subscribe(self.visitor, "region=52", RESIDENT, consent=False)
        self.assertEqual(
            errors(response),
            [
                "Cochez la case qui accepte que votre adresse soit conservée : sans "
                "elle, nous ne pouvons pas vous envoyer d'alertes."
            ],
        )
        # The address typed is kept in the form; the consent links to the notice.
        self.assertIn(f'value="{RESIDENT}"', response.text)
        self.assertIn(f'href="{self.url}/donnees-personnelles"', response.text)
        self.assert_nothing_stored()

    def test_bad_criteria_store_nothing(self):
        response = subscribe(
            self.visitor, "region=52", RESIDENT, region="52", departement="69"
        )
        self.assertEqual(
            errors(response),
            [
                "Le département Rhône (69) n'est pas dans la région Pays de la "
                "Loire : choisissez un département de la région, ou aucun."
            ],
        )
        self.assert_nothing_stored()

    def test_a_post_without_the_authenticator_is_refused(self):
        response = subscribe(self.visitor, "region=52", RESIDENT, _authenticator="x")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(
            errors(response),
            ["Ce formulaire a expiré : rechargez la page, puis envoyez-le à nouveau."],
        )
        self.assert_nothing_stored()

    def test_a_robot_filling_the_honeypot_is_refused(self):
        response = subscribe(
            self.visitor, "region=52", RESIDENT, **{HONEYPOT_FIELD: "http://spam"}
        )
        self.assertEqual(response.status_code, 403)
        self.assert_nothing_stored()

    def test_over_the_hourly_limit_a_visitor_is_refused(self):
        for _attempt in range(10):  # the default limit
            response = self.visitor.session.post(
                f"{self.url}/{PAGE}",
                data={"region": "52", "courriel": "", "_authenticator": "x"},
            )
            self.assertEqual(response.status_code, 403)
        response = subscribe(self.visitor, "region=52", RESIDENT)
        self.assertEqual(response.status_code, 429)
        self.assertEqual(
            errors(response),
            [
                "Trop de demandes sont venues de votre connexion en une heure : "
                "réessayez un peu plus tard."
            ],
        )
        self.assert_nothing_stored()


class TestPersonalData(AlertTestCase):
    """The functions the scheduled job and the personal-data page call."""

    def test_purge_unconfirmed_deletes_only_old_pending_subscriptions(self):
        self.subscribe_and_confirm("region=52")
        subscribe(self.visitor, "region=53", RESIDENT)
        subscribe(self.visitor, "region=53", "oubli@example.org")
        transaction.begin()
        tree = storage(self.portal)
        [old] = [
            token
            for token, record in tree.items()
            if record["email"] == "oubli@example.org"
        ]
        tree[old] = dict(tree[old], created=tree[old]["created"] - timedelta(days=8))
        self.assertEqual(purge_unconfirmed(self.portal), 1)
        self.assertEqual(purge_unconfirmed(self.portal), 0)
        commit()
        self.assertEqual(subscriptions_of(self.portal, "oubli@example.org"), [])
        self.assertEqual(
            [
                (s.criteria.region, s.is_confirmed)
                for s in subscriptions_of(self.portal, RESIDENT)
            ],
            [("52", True), ("53", False)],
        )
        # Zero days: every pending one goes.
        self.assertEqual(purge_unconfirmed(self.portal, older_than_days=0), 1)

    def test_forget_address_deletes_all_its_subscriptions(self):
        confirmation = self.subscribe_and_confirm("region=52")
        subscribe(self.visitor, "region=53", RESIDENT)
        self.subscribe_and_confirm("region=52", "voisin@example.org")
        transaction.begin()
        self.assertEqual(
            forget_address(self.portal, " Future.Habitante@example.org "), 2
        )
        self.assertEqual(forget_address(self.portal, RESIDENT), 0)
        commit()
        self.assertEqual(subscriptions_of(self.portal, RESIDENT), [])
        self.assertEqual(len(subscriptions_of(self.portal, "voisin@example.org")), 1)
        # Its links are spent, and no alert reaches it any more.
        response = self.visitor.page(link(confirmation, "mise-en-lien-desabonner"))
        self.assertEqual(response.status_code, 404)
        self.publish(self.pending_ad("Groupe nantais cherche deux foyers"))
        self.assertEqual(len(mails_to(self.portal, RESIDENT)), 2)
        self.assertEqual(len(mails_to(self.portal, "voisin@example.org")), 2)
