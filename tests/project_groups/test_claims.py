"""« C'est notre projet : le mettre à jour », over HTTP with a real SMTP server:
a member asks from a published sheet, the link reaches the sheet's private
contact address (never shown), a prefetched GET changes nothing, the group's
POST entrusts the sheet, and the member then edits it directly, each change a
version that reviewers can read; nobody else gains anything."""

from plone import api
from tests import builders
from tests.http import VisitorTestCase
from tests.http import authenticator
from tests.matching.visitor import link
from tests.matching.visitor import mails_to
import lxml.html
import transaction


GROUP_ADDRESS = "contact@village-vertical.example.org"


class TestClaimASheet(VisitorTestCase):
    users = {
        "camille": {"groups": ("membres-du-reseau",)},
        "intrus": {},
        "relectrice": {"groups": ("Reviewers",)},
    }

    def build(self):
        super().build()
        self.sheet = builders.publish(
            builders.project_sheet(self.portal["projets"], title="Le Village Vertical")
        )
        self.sheet_url = self.sheet.absolute_url()

    def ask(self, client):
        page = client.page(f"{self.sheet_url}/@@c-est-notre-projet")
        return client.session.post(
            f"{self.sheet_url}/@@c-est-notre-projet",
            data={"_authenticator": authenticator(page.text), "demander": "1"},
            timeout=60,
        )

    def test_the_group_entrusts_its_sheet_to_a_member(self):
        camille = self.signed_in("camille")
        sheet_page = camille.page(self.sheet_url)
        self.assertIn("C'est notre projet : le mettre à jour", sheet_page.text)
        asked = self.ask(camille)
        self.assertIn("Un courriel est parti", asked.text)
        self.assertNotIn(GROUP_ADDRESS, asked.text)
        # Asking again at once sends nothing more.
        self.ask(camille)
        [mail] = [
            mail
            for mail in mails_to(self.portal, GROUP_ADDRESS)
            if "Mettre à jour la fiche" in mail.subject
        ]
        self.assertIn("Le Village Vertical", mail.subject)
        url = link(mail, "confier-la-fiche")

        # A mail scanner's GET entrusts nothing.
        prefetched = self.anonymous.page(url)
        self.assertEqual(prefetched.status_code, 200)
        self.assertEqual(
            camille.api(
                "PATCH", self.sheet_url, json={"stage": "chantier"}
            ).status_code,
            401,
        )
        # The group's press of the button does.
        [form] = [
            form
            for form in lxml.html.fromstring(prefetched.text).cssselect("form")
            if form.cssselect("input[name=jeton]")
        ]
        token = form.cssselect("input[name=jeton]")[0].get("value")
        done = self.anonymous.session.post(form.get("action"), data={"jeton": token})
        self.assertIn("est confiée", done.text)
        [told] = mails_to(self.portal, "camille@example.org")
        self.assertIn("Vous tenez la fiche", told.subject)

        # Camille now edits the published sheet directly, as an API client too.
        response = camille.api(
            "PATCH", self.sheet_url, json={"stage": "chantier", "households_current": 9}
        )
        self.assertEqual(response.status_code, 204, response.text)
        transaction.begin()
        self.assertEqual(self.sheet.stage, "chantier")
        self.assertEqual(api.content.get_state(self.sheet), "published")
        # Each change is a version the reviewers read.
        history = self.signed_in("relectrice").get_json(f"{self.sheet_url}/@history")
        self.assertEqual(history.status_code, 200)
        actors = [entry.get("actor", {}).get("id") for entry in history.json()]
        self.assertIn("camille", actors)
        # Mon espace lists the sheet she keeps.
        mine = camille.page("@@mon-espace")
        self.assertIn("Les fiches projet que je tiens", mine.text)
        self.assertIn(f'href="{self.sheet_url}/edit"', mine.text)
        # Following the link again entrusts nothing more to anyone.
        again = self.anonymous.session.post(form.get("action"), data={"jeton": token})
        self.assertIn("est confiée", again.text)
        # Nobody else gained anything.
        self.assertEqual(
            self.signed_in("intrus")
            .api("PATCH", self.sheet_url, json={"stage": "habite"})
            .status_code,
            401,
        )

    def test_a_visitor_is_asked_to_sign_in_and_a_sheet_without_address_says_so(self):
        page = self.anonymous.page(f"{self.sheet_url}/@@c-est-notre-projet")
        self.assertIn("Se connecter ou créer un compte", page.text)
        self.sheet.contact_email = None
        transaction.commit()
        page = self.signed_in("camille").page(f"{self.sheet_url}/@@c-est-notre-projet")
        self.assertIn("n'a pas d'adresse de contact", page.text)
        self.assertNotIn('name="demander"', page.text)

    def test_an_unknown_link_entrusts_nothing(self):
        response = self.anonymous.session.post(
            f"{self.url}/@@confier-la-fiche", data={"jeton": "x" * 32}
        )
        self.assertEqual(response.status_code, 404)
        self.assertIn("n'est pas valide", response.text)

    def test_a_maintainer_lets_go_of_the_sheet(self):
        from coordaction.policy.project_groups import maintainers

        token, _mail = maintainers.ask(self.sheet, "camille")
        maintainers.entrust(self.sheet, token)
        transaction.commit()
        camille = self.signed_in("camille")
        page = camille.page(f"{self.sheet_url}/@@c-est-notre-projet")
        self.assertIn("Je ne tiens plus cette fiche", page.text)
        left = camille.session.post(
            f"{self.sheet_url}/@@c-est-notre-projet",
            data={"_authenticator": authenticator(page.text), "laisser": "1"},
            timeout=60,
        )
        self.assertIn("Vous ne tenez plus cette fiche", left.text)
        self.assertEqual(
            camille.api("PATCH", self.sheet_url, json={"stage": "habite"}).status_code,
            401,
        )
        self.assertNotIn(
            "Les fiches projet que je tiens", camille.page("@@mon-espace").text
        )
