"""The letter's subscribers, as a visitor, a member and a partner site live it
over HTTP with a real SMTP server: sign up from the home page, confirm (double
opt-in, never on a GET alone), unsubscribe in one click (RFC 8058), and nothing
kept that the person did not confirm."""

from coordaction.policy.newsletter import subscribers
from plone import api
from tests.http import VisitorTestCase
from tests.matching.visitor import document
from tests.matching.visitor import follow
from tests.matching.visitor import form_fields
from tests.matching.visitor import header
from tests.matching.visitor import link
from tests.matching.visitor import mails_to
from tests.matching.visitor import texts
import transaction


VISITOR = "lectrice@example.org"


class TestSignUp(VisitorTestCase):
    users = {"membre": {"groups": ("membres-du-reseau",)}}

    def stored(self, email=VISITOR):
        transaction.begin()
        found = subscribers.of_address(email)
        return found[1] if found else None

    def sign_up(self, client, email=VISITOR, consent=True, **changes):
        """From the block of the home page to the sign-up page, then its form."""
        before = self.stored(email)
        home = client.page("")
        action, fields = form_fields(home, "form.coordaction-letter-block-form")
        fields["courriel"] = email
        page = client.session.post(action, data=fields, timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertEqual(self.stored(email), before)  # the block subscribes nobody
        action, fields = form_fields(page, "form.coordaction-letter-form")
        self.assertEqual(fields["courriel"], email)
        if consent:
            fields["consentement"] = "oui"
        fields.update(changes)
        return client.session.post(action, data={**fields, "abonner": "1"}, timeout=60)

    def test_sign_up_confirm_and_unsubscribe_in_one_click(self):
        response = self.sign_up(self.visitor, **{"themes:list": ["agenda", "projets"]})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Vérifiez votre boîte aux lettres", response.text)
        self.assertIsNone(self.stored()["confirmed"])

        [confirmation] = mails_to(self.portal, VISITOR)
        self.assertEqual(
            confirmation.subject,
            "[Coordin'action] Confirmez votre abonnement à la lettre",
        )
        self.assertIn("- Agenda", confirmation.body)
        self.assertNotIn("Centre de ressources", confirmation.body)
        confirm = link(confirmation, "lettre-confirmer")
        unsubscribe = link(confirmation, "lettre-desabonner")
        self.assertEqual(header(confirmation, "List-Unsubscribe"), f"<{unsubscribe}>")
        self.assertEqual(
            header(confirmation, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click"
        )

        # A mail scanner opens the link: nothing is confirmed.
        page = self.visitor.page(confirm)
        self.assertEqual(texts(page, "h1"), ["Confirmez votre abonnement à la lettre"])
        self.assertIsNone(self.stored()["confirmed"])
        response = follow(self.visitor, confirm)
        self.assertIn("Vous recevez la lettre", response.text)
        record = self.stored()
        self.assertIsNotNone(record["confirmed"])
        self.assertEqual(record["topics"], ["agenda", "projets"])

        # A GET of the unsubscribe link changes nothing; the mail client's
        # one-click POST erases the address, without an account.
        self.visitor.page(unsubscribe)
        self.assertIsNotNone(self.stored())
        response = self.visitor.session.post(
            unsubscribe, data={"List-Unsubscribe": "One-Click"}, timeout=60
        )
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(self.stored())
        again = self.visitor.page(unsubscribe)
        self.assertEqual(again.status_code, 404)
        self.assertEqual(texts(again, "h1"), ["Ce lien n'est pas valable"])

    def test_nobody_changes_another_persons_letter(self):
        self.sign_up(self.visitor, **{"themes:list": ["agenda"]})
        [confirmation] = mails_to(self.portal, VISITOR)
        follow(self.visitor, link(confirmation, "lettre-confirmer"))
        # Someone types the same address with other topics: a new confirmation
        # goes to the mailbox, and nothing changes until it is followed.
        response = self.sign_up(self.anonymous, **{"themes:list": ["petites-annonces"]})
        self.assertIn("Vérifiez votre boîte aux lettres", response.text)
        self.assertEqual(self.stored()["topics"], ["agenda"])
        self.assertEqual(len(mails_to(self.portal, VISITOR)), 2)
        second = mails_to(self.portal, VISITOR)[-1]
        self.assertIn("- Petites annonces", second.body)
        self.assertNotIn("- Agenda", second.body)
        follow(self.visitor, link(second, "lettre-confirmer"))
        self.assertEqual(self.stored()["topics"], ["petites-annonces"])

    def test_bad_input_gets_french_messages_and_keeps_nothing(self):
        for email, consent, changes, message in (
            ("pas-une-adresse", True, {}, "n'est pas une adresse électronique valide"),
            ("a@b.fr, c@d.fr", True, {}, "n'est pas une adresse électronique valide"),
            (VISITOR, False, {}, "Cochez la case"),
            (VISITOR, True, {"themes:list": []}, "Choisissez au moins un thème"),
            (VISITOR, True, {"region": "<script>"}, "Choisissez une région"),
        ):
            response = self.sign_up(self.visitor, email, consent, **changes)
            self.assertEqual(response.status_code, 400, message)
            self.assertIn(message, response.text)
            self.assertNotIn("<script>", response.text)
        self.assertIsNone(self.stored())
        self.assertEqual(mails_to(self.portal, VISITOR), [])

    def one_click(self, client):
        page = client.page("@@mon-espace")
        action, fields = form_fields(page, ".coordaction-letter-block form")
        return client.session.post(action, data={**fields, "abonner": "1"}, timeout=60)

    def test_a_member_subscribes_in_one_click_from_mon_espace(self):
        member = self.signed_in("membre")
        page = member.page("@@mon-espace")
        [button] = document(page).cssselect(".coordaction-letter-block button")
        self.assertIn("membre@example.org", button.text_content())
        response = self.one_click(member)
        self.assertIn("Vérifiez votre boîte aux lettres", response.text)
        # Confirmed from the mailbox, as any address: Plone lets a member change
        # theirs without a check.
        [confirmation] = mails_to(self.portal, "membre@example.org")
        follow(member, link(confirmation, "lettre-confirmer"))
        record = self.stored("membre@example.org")
        self.assertIsNotNone(record["confirmed"])
        self.assertEqual(record["consent"]["how"], "account")
        self.assertEqual(record["user_id"], api.user.get(username="membre").getId())
        page = member.page("@@mon-espace")
        self.assertIn("Vous recevez la lettre à", page.text)
        self.assertIn("Changer mes thèmes", page.text)
        # One block a page: the footer leaves it out where the page has one.
        self.assertEqual(len(document(page).cssselect(".coordaction-letter-block")), 1)

        # "Change my topics" shows what they receive.
        transaction.begin()
        subscribers.subscribe("membre@example.org", ["agenda"], "53", consent="import")
        transaction.commit()
        page = member.page("@@lettre-inscription")
        ticked = [
            box.get("value")
            for box in document(page).cssselect("input[name='themes:list'][checked]")
        ]
        self.assertEqual(ticked, ["agenda"])
        self.assertEqual(
            document(page).cssselect("#letter-region option[selected]")[0].get("value"),
            "53",
        )

    def test_a_member_who_takes_another_address_sees_nothing_of_its_letter(self):
        transaction.begin()
        subscribers.subscribe(VISITOR, ["agenda"], consent="import")
        api.user.get(username="membre").setMemberProperties({"email": VISITOR})
        transaction.commit()
        member = self.signed_in("membre")
        page = member.page("@@mon-espace")
        self.assertNotIn("Vous recevez la lettre", page.text)
        self.assertNotIn("lettre-desabonner", page.text)
        response = self.one_click(member)
        self.assertIn("Vérifiez votre boîte aux lettres", response.text)
        record = self.stored()
        self.assertEqual(record["topics"], ["agenda"])
        self.assertIsNone(record.get("user_id"))
        # Asked again at once: no second mail to that mailbox.
        self.one_click(member)
        self.assertEqual(len(mails_to(self.portal, VISITOR)), 1)

    def test_the_personal_data_page_finds_and_erases_a_subscription(self):
        self.sign_up(self.visitor)
        transaction.begin()
        keeper_found = subscribers.of_address(VISITOR)
        self.assertIsNotNone(keeper_found)
        from coordaction.policy.participation.personal_data import erase_personal_data

        erased = erase_personal_data(VISITOR)
        transaction.commit()
        self.assertEqual(erased["letter"], 1)
        self.assertIsNone(self.stored())


class TestSignUpAPI(VisitorTestCase):
    """``@letter-subscription``, as a partner association's page calls it."""

    def setUp(self):
        super().setUp()
        transaction.begin()
        from coordaction.policy.security.cors_settings import allow_origin

        allow_origin("https://association.example.org")
        transaction.commit()

    def post(self, body, **headers):
        return self.anonymous.api(
            "POST", "@letter-subscription", json=body, headers=headers
        )

    def test_a_partner_page_signs_a_visitor_up(self):
        preflight = self.anonymous.session.options(
            f"{self.url}/@letter-subscription",
            headers={
                "Origin": "https://association.example.org",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
            timeout=60,
        )
        self.assertEqual(
            preflight.headers.get("Access-Control-Allow-Origin"),
            "https://association.example.org",
        )
        self.assertEqual(preflight.headers.get("Access-Control-Allow-Methods"), "POST")
        # Elsewhere, another site still only reads.
        other = self.anonymous.session.options(
            f"{self.url}/centre-de-ressources",
            headers={
                "Origin": "https://association.example.org",
                "Access-Control-Request-Method": "POST",
            },
            timeout=60,
        )
        self.assertNotIn("Access-Control-Allow-Methods", other.headers)

        response = self.post(
            {"email": VISITOR, "topics": ["agenda"], "region": "53", "consent": True},
            Origin="https://association.example.org",
        )
        self.assertEqual(response.status_code, 202, response.text)
        self.assertEqual(response.json()["status"], "pending")
        self.assertIn("Vérifiez votre boîte", response.json()["message"])
        [confirmation] = mails_to(self.portal, VISITOR)
        self.assertIn("lettre-confirmer", confirmation.body)

    def test_bad_values_are_refused_in_french(self):
        for body, word in (
            ({"email": "x", "consent": True}, "email"),
            ({"email": VISITOR, "consent": False}, "consent"),
            ({"email": VISITOR, "consent": "true"}, "consent"),
            ({"email": VISITOR, "consent": True, "topics": "agenda"}, "topics"),
            ({"email": VISITOR, "consent": True, "topics": ["x"]}, "topics"),
            ({"email": VISITOR, "consent": True, "region": 53}, "region"),
            ({"email": ["a@b.fr"], "consent": True}, "email"),
        ):
            response = self.post(body)
            self.assertEqual(response.status_code, 400, body)
            self.assertIn(word, response.json()["message"])
        response = self.anonymous.api(
            "POST",
            "@letter-subscription",
            data="pas du JSON",
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 400)
        transaction.begin()
        self.assertIsNone(subscribers.of_address(VISITOR))
        self.assertEqual(api.user.get(username=VISITOR), None)
