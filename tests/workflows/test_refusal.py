"""Refusing with a reason, as a reviewer does it from the workflow menu: the
"Renvoyer à l'auteur" entry opens a form of stock reasons and free text; without a
reason nothing happens and French says why; with one the item goes back to its
author, who is told by mail, and the reviewer is back on the review list."""

from DateTime import DateTime
from plone import api
from tests import mailbox
from tests.home.test_home_settings import post_panel
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import authenticator
from tests.http import proposed_resource
import lxml.html
import transaction


class TestRefusingWithAReason(SiteTestCase):
    users = {
        "contributrice-r": {"groups": ("equipe-editoriale",)},
        "relectrice-r": {"groups": ("Reviewers",)},
        "membre-r": {},
        "webmestre-r": {"groups": ("Site Administrators",)},
    }

    def setUp(self):
        super().setUp()
        self.seen = len(mailbox.mails())
        self.contributor = self.signed_in("contributrice-r")
        self.item = proposed_resource(self.contributor)
        self.contributor.api("POST", f"{self.item}/@workflow/submit")
        self.reviewer = Client(self.url, "relectrice-r")

    def state(self):
        return self.contributor.get_json(self.item).json()["review_state"]

    def refuse(self, **fields):
        form = self.reviewer.page(f"{self.item}/@@refuser").text
        return self.reviewer.session.post(
            f"{self.item}/@@refuser",
            data={"form.refuse": "1", "_authenticator": authenticator(form), **fields},
            timeout=60,
        )

    def test_the_workflow_menu_leads_to_the_reasons(self):
        page = lxml.html.fromstring(self.reviewer.page(self.item).text)
        (entry,) = page.cssselect("#workflow-transition-reject")
        self.assertTrue(entry.get("href").startswith(f"{self.item}/@@refuser"))
        form = lxml.html.fromstring(self.reviewer.page(entry.get("href")).text)
        reasons = [
            label.text_content() for label in form.cssselect(".form-check-label")
        ]
        self.assertIn("Une source ou un auteur est à citer.", reasons)
        self.assertEqual(
            form.cssselect("h1")[0].text_content(),
            "Renvoyer « Habiter ensemble » à son auteur",
        )

    def test_no_reason_no_refusal(self):
        response = self.refuse(comment="   ")
        self.assertIn("Dites à l'auteur pourquoi vous refusez", response.text)
        self.assertEqual(self.state(), "pending")
        # A reason that is not one of the list is not taken either.
        response = self.refuse(reason="Parce que.")
        self.assertIn("Dites à l'auteur pourquoi vous refusez", response.text)
        self.assertEqual(self.state(), "pending")

    def test_a_stock_reason_and_own_words_reach_the_author(self):
        response = self.refuse(
            reason="Une source ou un auteur est à citer.",
            comment="Le tableau de la page 3 <script>alert(1)</script>.",
        )
        self.assertTrue(response.url.endswith("/full_review_list"), response.url)
        self.assertIn("« Habiter ensemble » est renvoyé à son auteur", response.text)
        self.assertEqual(self.state(), "private")
        (mail,) = [
            mail
            for mail in mailbox.mails()[self.seen :]
            if "contributrice-r@example.org" in mail.to
        ]
        self.assertIn("Une source ou un auteur est à citer.", mail.body)
        self.assertIn("Le tableau de la page 3", mail.body)
        page = self.contributor.page(self.item).text
        self.assertIn("Une source ou un auteur est à citer.", page)
        self.assertNotIn("<script>alert(1)", page)

    def test_administrators_edit_the_stock_reasons(self):
        response = post_panel(
            self.signed_in("webmestre-r"),
            {
                "form.widgets.reasons": [
                    ("Le document est illisible.",),
                    ("Une source ou un auteur est à citer.",),
                ]
            },
            panel="@@coordaction-relecture",
        )
        self.assertIn("Modifications sauvegardées", response.text)
        form = lxml.html.fromstring(self.reviewer.page(f"{self.item}/@@refuser").text)
        self.assertEqual(
            [label.text_content() for label in form.cssselect(".form-check-label")],
            ["Le document est illisible.", "Une source ou un auteur est à citer."],
        )

    def test_only_reviewers_refuse(self):
        for client in (self.signed_in("membre-r"), Client(self.url), self.contributor):
            response = client.page(f"{self.item}/@@refuser")
            self.assertNotIn("form.refuse", response.text)
        self.assertEqual(self.state(), "pending")


class TestTheReviewList(SiteTestCase):
    users = {
        "contributrice-l": {"groups": ("equipe-editoriale",)},
        "relectrice-l": {"groups": ("Reviewers",)},
    }

    def test_oldest_first_saying_since_when(self):
        contributor = self.signed_in("contributrice-l")
        for title in ("Guide récent", "Guide ancien"):
            url = proposed_resource(contributor, title=title)
            contributor.api("POST", f"{url}/@workflow/submit")
        # The older one was submitted three days ago.
        transaction.begin()
        (brain,) = api.content.find(Title="Guide ancien")
        old = brain.getObject()
        history = old.workflow_history["coordaction_publication_workflow"]
        step = dict(history[-1], time=DateTime() - 3)
        old.workflow_history["coordaction_publication_workflow"] = (*history[:-1], step)
        transaction.commit()

        page = lxml.html.fromstring(
            self.signed_in("relectrice-l").page("full_review_list").text
        )
        rows = [
            " ".join(row.text_content().split())
            for row in page.cssselect("table tbody tr")
            if "Guide r" in row.text_content() or "Guide a" in row.text_content()
        ]
        self.assertEqual(len(rows), 2, rows)
        self.assertIn("Guide ancien", rows[0])
        self.assertIn("depuis 3 jours", rows[0])
        self.assertIn("En attente de relecture", rows[0])
        self.assertIn("Guide récent", rows[1])
        self.assertIn("depuis aujourd'hui", rows[1])
