"""A sensitive project sheet, over HTTP with a real SMTP server: once a reviewer
marks it, the member who keeps it no longer edits it (pages or REST); she proposes
a change, which the reviewers receive; the published sheet changes only when a
reviewer applies it, and she is told; a declined change leaves the sheet as it was.
A sheet no longer sensitive is edited directly again."""

from plone import api
from tests.http import authenticator
from tests.mailbox import mails
from tests.project_groups.kept import KeptSheetTestCase
import lxml.html
import transaction


class TestSensitiveSheet(KeptSheetTestCase):
    def build(self):
        super().build()
        self.sheet.stage = "conception"
        self.sheet.sensitive = True
        from coordaction.policy.project_groups.maintainers import sync_keeper_roles

        sync_keeper_roles(self.sheet)

    def propose(self, client, **values):
        url = f"{self.sheet.absolute_url()}/@@proposer-une-modification"
        page = client.page(url)
        self.assertEqual(page.status_code, 200)
        form = lxml.html.fromstring(page.text).xpath(
            '//form[.//*[@name="form.buttons.send"]]'
        )[0]
        data = [(name, value) for name, value in form.form_values()]
        data = [
            (name, value)
            for name, value in data
            if name.replace(":list", "")
            not in {f"form.widgets.{key}" for key in values}
        ]
        for key, value in values.items():
            name = f"form.widgets.{key}"
            data.append((f"{name}:list" if key == "stage" else name, value))
        data.append(("form.buttons.send", "1"))
        return client.session.post(url, data=data, timeout=60)

    def test_the_keeper_proposes_and_a_reviewer_applies(self):
        camille = self.signed_in("camille")
        # No direct change, through the API or the edit form.
        response = camille.api(
            "PATCH", self.sheet.absolute_url(), json={"stage": "habite"}
        )
        self.assertEqual(response.status_code, 401)
        sheet_page = camille.page(self.sheet.absolute_url())
        self.assertIn("Proposer une modification", sheet_page.text)
        self.assertNotIn("C'est notre projet : le mettre à jour", sheet_page.text)

        done = self.propose(camille, stage="chantier", households_current="7")
        self.assertIn("transmise aux relecteurs", done.text)
        transaction.begin()
        self.assertEqual(self.sheet.stage, "conception")
        self.assertIn("Conception", self.anonymous.page(self.sheet.absolute_url()).text)
        [asked] = [
            mail
            for mail in mails(to="relectrice@example.org")
            if "Une modification à relire" in mail.subject
        ]
        self.assertIn("@@modifications-proposees", asked.body)

        reviewer = self.signed_in("relectrice")
        review = reviewer.page(f"{self.sheet.absolute_url()}/@@modifications-proposees")
        rows = [
            " ".join(row.text_content().split())
            for row in lxml.html.fromstring(review.text).cssselect("tbody tr")
        ]
        self.assertEqual(
            rows,
            ["Étape du projet Conception Chantier", "Nombre de foyers actuels 14 7"],
        )
        # Nobody else sees or applies it.
        intrus = self.signed_in("intrus").page(
            f"{self.sheet.absolute_url()}/@@modifications-proposees"
        )
        self.assertNotIn("Appliquer la modification", intrus.text)

        reviewer.session.post(
            f"{self.sheet.absolute_url()}/@@modifications-proposees",
            data={"_authenticator": authenticator(review.text), "appliquer": "1"},
            timeout=60,
        )
        transaction.begin()
        self.assertEqual(
            (self.sheet.stage, self.sheet.households_current), ("chantier", 7)
        )
        self.assertEqual(api.content.get_state(self.sheet), "published")
        self.assertTrue(
            [m for m in mails(to="camille@example.org") if "appliquée" in m.subject]
        )

    def test_a_declined_change_leaves_the_sheet_and_unmarking_gives_edits_back(self):
        camille = self.signed_in("camille")
        self.propose(camille, stage="habite")
        reviewer = self.signed_in("relectrice")
        review = reviewer.page(f"{self.sheet.absolute_url()}/@@modifications-proposees")
        reviewer.session.post(
            f"{self.sheet.absolute_url()}/@@modifications-proposees",
            data={"_authenticator": authenticator(review.text), "refuser": "1"},
            timeout=60,
        )
        transaction.begin()
        self.assertEqual(self.sheet.stage, "conception")
        self.assertTrue(
            [m for m in mails(to="camille@example.org") if "refusée" in m.subject]
        )
        # A keeper cannot unmark her own sheet; a reviewer can.
        camille.api("PATCH", self.sheet.absolute_url(), json={"sensitive": False})
        transaction.begin()
        self.assertTrue(self.sheet.sensitive)
        with api.env.adopt_roles(["Manager"]):
            self.sheet.sensitive = False
            from zope.event import notify
            from zope.lifecycleevent import ObjectModifiedEvent

            notify(ObjectModifiedEvent(self.sheet))
        transaction.commit()
        response = camille.api(
            "PATCH", self.sheet.absolute_url(), json={"stage": "habite"}
        )
        self.assertEqual(response.status_code, 204, response.text)
