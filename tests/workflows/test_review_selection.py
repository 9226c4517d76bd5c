"""Reviewing several items at once from the review list, and publishing from an
item's page: the reviewer is back on the list, told what was done; nothing
changes for who is not a reviewer, nor twice on a double submit."""

from tests import mailbox
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import authenticator
from tests.http import proposed_resource
import lxml.html


class TestReviewingASelection(SiteTestCase):
    users = {
        "contributrice-s": {"groups": ("equipe-editoriale",)},
        "relectrice-s": {"groups": ("Reviewers",)},
        "membre-s": {},
    }

    def setUp(self):
        super().setUp()
        self.contributor = self.signed_in("contributrice-s")
        self.items = []
        for title in ("Guide des statuts", "Fiche sur le prêt", "Note foncière"):
            url = proposed_resource(self.contributor, title=title)
            self.contributor.api("POST", f"{url}/@workflow/submit")
            self.items.append(url)
        self.reviewer = Client(self.url, "relectrice-s")
        mailbox.reset()

    def state(self, url):
        return self.contributor.get_json(url).json()["review_state"]

    def path(self, url):
        return "/plone" + url.removeprefix(self.url)

    def review_list(self, client=None):
        page = (client or self.reviewer).page("full_review_list")
        return lxml.html.fromstring(page.text), page.text

    def post(self, client, fields, view="@@relire-la-selection"):
        """Post to the list's form as its page serves it (its token)."""
        token = authenticator(self.reviewer.page("full_review_list").text)
        return client.session.post(
            f"{self.url}/{view}",
            data=[("_authenticator", token), *fields],
            timeout=60,
        )

    def ticked(self, *urls):
        return [("paths:list", self.path(url)) for url in urls]

    def test_the_list_ticks_rows_and_stacks_them_on_a_phone(self):
        document, _html = self.review_list()
        (table,) = document.cssselect("form.coordaction-review-list table")
        self.assertIn("coordaction-stacked-table", table.get("class"))
        row = next(
            row
            for row in table.cssselect("tbody tr")
            if "Note foncière" in row.text_content()
        )
        self.assertEqual(
            [cell.get("data-label") for cell in row.cssselect("td[data-label]")],
            ["Titre", "Type", "Proposé par", "En attente", "État"],
        )
        (box,) = row.cssselect("input[type=checkbox]")
        self.assertEqual(box.get("value"), self.path(self.items[2]))
        buttons = [
            button.text_content()
            for button in document.cssselect("form.coordaction-review-list button")
        ]
        self.assertEqual(
            buttons, ["Publier la sélection", "Renvoyer la sélection aux auteurs…"]
        )

    def test_publishing_two_leaves_the_third_waiting(self):
        response = self.post(
            self.reviewer, [*self.ticked(*self.items[:2]), ("form.publish", "1")]
        )
        self.assertTrue(response.url.endswith("/full_review_list"), response.url)
        self.assertIn("2 élément(s) publié(s).", response.text)
        self.assertEqual(
            [self.state(url) for url in self.items],
            ["published", "published", "pending"],
        )
        told = [
            mail.subject
            for mail in mailbox.mails(to="contributrice-s@example.org")
            if "Publié" in mail.subject
        ]
        self.assertEqual(
            sorted(told),
            [
                "[Coordin'action] Publié : Fiche sur le prêt",
                "[Coordin'action] Publié : Guide des statuts",
            ],
        )
        # The same click again changes nothing, and says so.
        again = self.post(
            self.reviewer, [*self.ticked(*self.items[:2]), ("form.publish", "1")]
        )
        self.assertIn("2 élément(s) laissé(s) tel(s) quel(s)", again.text)
        self.assertNotIn("publié(s).", again.text)

    def test_sending_back_asks_one_reason_for_all(self):
        chosen = self.ticked(self.items[0], self.items[2])
        form = self.post(self.reviewer, [*chosen, ("form.send_back", "1")])
        document = lxml.html.fromstring(form.text)
        self.assertEqual(
            " ".join(document.cssselect("h1")[0].text_content().split()),
            "Renvoyer ces 2 éléments à leurs auteurs",
        )
        self.assertEqual(
            [i.get("value") for i in document.cssselect("input[name='paths:list']")],
            [value for _name, value in chosen],
        )
        # No reason: nothing is sent back, French says why.
        refused = self.post(self.reviewer, [*chosen, ("form.refuse", "1")])
        self.assertIn("Dites à l'auteur pourquoi vous refusez", refused.text)
        self.assertEqual(self.state(self.items[0]), "pending")
        done = self.post(
            self.reviewer,
            [
                *chosen,
                ("reason", "Une source ou un auteur est à citer."),
                ("comment", "Citez <b>vos</b> sources."),
                ("form.refuse", "1"),
            ],
        )
        self.assertTrue(done.url.endswith("/full_review_list"), done.url)
        self.assertIn("2 élément(s) renvoyé(s) à leurs auteurs", done.text)
        self.assertEqual(
            [self.state(url) for url in self.items], ["private", "pending", "private"]
        )
        mine = self.contributor.page("@@mon-espace").text
        self.assertEqual(mine.count("Citez &lt;b&gt;vos&lt;/b&gt; sources."), 2)

    def test_nothing_ticked_nothing_done(self):
        response = self.post(self.reviewer, [("form.publish", "1")])
        self.assertIn("Cochez d'abord au moins un élément.", response.text)
        self.assertEqual({self.state(url) for url in self.items}, {"pending"})

    def test_who_does_not_review_changes_nothing(self):
        for client in (
            self.signed_in("membre-s"),
            self.contributor,
            Client(self.url),
        ):
            response = self.post(
                client, [*self.ticked(*self.items), ("form.publish", "1")]
            )
            self.assertNotIn("publié(s).", response.text)
        self.assertEqual({self.state(url) for url in self.items}, {"pending"})

    def test_addresses_outside_the_portal_are_ignored(self):
        response = self.post(
            self.reviewer,
            [
                ("paths:list", "/nulle-part"),
                ("paths:list", "../../etc"),
                *self.ticked(self.items[1]),
                ("form.publish", "1"),
            ],
        )
        self.assertIn("1 élément(s) publié(s).", response.text)
        self.assertEqual(self.state(self.items[1]), "published")

    def test_publishing_from_the_page_returns_to_the_list(self):
        page = lxml.html.fromstring(self.reviewer.page(self.items[0]).text)
        (entry,) = page.cssselect("#workflow-transition-publish")
        self.assertTrue(entry.get("href").startswith(f"{self.items[0]}/@@publier"))
        response = self.reviewer.page(entry.get("href"))
        self.assertTrue(response.url.endswith("/full_review_list"), response.url)
        self.assertIn("« Guide des statuts » est publié.", response.text)
        self.assertEqual(self.state(self.items[0]), "published")
        # Without the portal's token (a link from elsewhere), nothing happens.
        forged = self.reviewer.page(f"{self.items[1]}/@@publier")
        self.assertEqual(forged.status_code, 403)
        self.assertEqual(self.state(self.items[1]), "pending")
