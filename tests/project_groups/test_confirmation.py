"""Is a project sheet current? Over HTTP with a real SMTP server: a sheet nobody
confirmed for two years says "Informations à confirmer" to everyone and leaves the
Projets when a visitor asks for confirmed sheets only; whoever keeps it confirms it
with one button (nobody else can); once a year, the scheduled job asks the keepers
by e-mail, once; an API client reads the date."""

from coordaction.policy.project_groups.reminders import remind_keepers
from datetime import date
from datetime import timedelta
from plone import api
from tests import builders
from tests.http import authenticator
from tests.mailbox import mails
from tests.project_groups.kept import KeptSheetTestCase
import lxml.html
import transaction


OLD = date.today() - timedelta(days=800)


class TestSheetConfirmation(KeptSheetTestCase):
    def build(self):
        super().build()
        self.fresh = builders.publish(
            builders.project_sheet(self.portal["projets"], title="La Ruche récente")
        )
        self.sheet.confirmed_on = OLD
        self.sheet.reindexObject(idxs=["up_to_date"])

    def notice(self, client):
        tree = lxml.html.fromstring(client.page(self.sheet.absolute_url()).text)
        return " ".join(
            " ".join(element.text_content().split())
            for element in tree.cssselect(".coordaction-sheet-to-confirm")
        )

    def confirmed_titles(self):
        found = self.anonymous.get_json(
            "@facets?collection=projets&up_to_date=true"
        ).json()
        return {item["title"] for item in found["items"]}

    def test_an_old_sheet_is_to_be_confirmed_until_its_keeper_confirms_it(self):
        self.assertEqual(
            self.notice(self.anonymous),
            "Informations à confirmer : personne n'a confirmé cette fiche depuis le "
            f"{OLD:%d/%m/%Y} ; certaines informations ont pu changer.",
        )
        self.assertEqual(self.confirmed_titles(), {"La Ruche récente"})
        data = self.anonymous.get_json(self.sheet.absolute_url()).json()
        self.assertEqual(data["confirmed_on"], OLD.isoformat())

        # Nobody else confirms it, whatever they post.
        intrus = self.signed_in("intrus")
        page = intrus.page(self.sheet.absolute_url())
        self.assertNotIn("La fiche est à jour", page.text)
        intrus.session.post(
            f"{self.sheet.absolute_url()}/@@confirmer-la-fiche",
            data={"_authenticator": authenticator(page.text)},
            timeout=60,
        )
        self.assertIn("Informations à confirmer", self.notice(self.anonymous))
        # Nor can an API client write the date.
        response = self.signed_in("camille").api(
            "PATCH", self.sheet.absolute_url(), json={"confirmed_on": "2099-01-01"}
        )
        transaction.begin()
        self.assertEqual(self.sheet.confirmed_on, OLD, response.text)

        camille = self.signed_in("camille")
        page = camille.page(self.sheet.absolute_url())
        done = camille.session.post(
            f"{self.sheet.absolute_url()}/@@confirmer-la-fiche",
            data={"_authenticator": authenticator(page.text)},
            timeout=60,
        )
        self.assertIn("la fiche est confirmée à jour", done.text)
        self.assertEqual(self.notice(self.anonymous), "")
        self.assertEqual(
            self.confirmed_titles(), {"La Ruche récente", "Le Village Vertical"}
        )
        transaction.begin()
        self.assertEqual(self.sheet.confirmed_on, date.today())

    def test_an_edit_confirms_the_sheet(self):
        response = self.signed_in("camille").api(
            "PATCH", self.sheet.absolute_url(), json={"stage": "chantier"}
        )
        self.assertEqual(response.status_code, 204, response.text)
        transaction.begin()
        self.assertEqual(self.sheet.confirmed_on, date.today())

    def test_the_keepers_are_reminded_once_a_year(self):
        self.sheet.confirmed_on = date.today() - timedelta(days=400)
        self.fresh.confirmed_on = date.today() - timedelta(days=400)  # no keeper
        transaction.commit()
        with api.env.adopt_roles(["Manager"]):
            self.assertEqual(remind_keepers(self.portal), 1)
            transaction.commit()
            self.assertEqual(remind_keepers(self.portal), 0)
            transaction.commit()
            # A year later, it asks again.
            later = date.today() + timedelta(days=366)
            self.assertEqual(remind_keepers(self.portal, today=later), 1)
            transaction.commit()
        reminders = [
            mail
            for mail in mails(to="camille@example.org")
            if "est-elle à jour" in mail.subject
        ]
        self.assertEqual(len(reminders), 2)
        self.assertIn("Le Village Vertical", reminders[0].subject)
        self.assertIn(self.sheet.absolute_url(), reminders[0].body)

    def test_the_scheduled_round_moves_the_two_year_line(self):
        # Indexed when it was current; two years went by, with no change to it.
        self.fresh.confirmed_on = date.today() - timedelta(days=731)
        transaction.commit()
        self.assertIn("La Ruche récente", self.confirmed_titles())
        with api.env.adopt_roles(["Manager"]):
            remind_keepers(self.portal)
        transaction.commit()
        self.assertNotIn("La Ruche récente", self.confirmed_titles())
