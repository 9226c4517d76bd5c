"""A letter, as its team and its readers live it over HTTP with a real SMTP
server: composed from the publications of its period, previewed and tested,
sent by the background job to each subscriber once (their topics and région
respected, bounces marked, a crash midway resumed), then public in the archive
while drafts stay the team's."""

from coordaction.policy.mailqueue.outbox import queue_directory
from coordaction.policy.mailqueue.tracked import TrackedMessages
from coordaction.policy.newsletter import sending
from coordaction.policy.newsletter import subscribers
from coordaction.policy.newsletter.sender import send_letters
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from tests import builders
from tests import mailbox
from tests.http import SiteTestCase
from tests.http import authenticator
from unittest import mock
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import email
import lxml.html
import transaction


TEAM = "redactrice"
TODAY = date.today()


def subscribe(address, topics=(), region=""):
    """A confirmed subscriber (as an import with consent would make one)."""
    subscribers.subscribe(
        address,
        list(topics),
        region,
        consent="import",
        consented=datetime.now(UTC),
    )


def refused(response):
    """Plone's answer to who may not: 401/403, or the login page for a visitor
    and "insufficient privileges" for a member (after the redirection)."""
    return response.status_code in (401, 403) or any(
        page in response.url
        for page in ("insufficient-privileges", "/login?came_from=")
    )


def received_by(address):
    return [
        message
        for message in mailbox.smtp().received
        if address in message.rcpt_tos and "[Essai]" not in message.subject
    ]


class LetterTestCase(SiteTestCase):
    users = {
        TEAM: {"groups": ("equipe-lettre",)},
        "membre": {"groups": ("membres-du-reseau",)},
    }

    def build(self):
        mailbox.reset()
        portal = self.portal
        self.resource = builders.publish(
            builders.resource(portal["centre-de-ressources"], regions=["53"])
        )
        self.project = builders.publish(
            builders.project_sheet(portal["projets"], title="Les Voisins du Lac")
        )
        self.draft = builders.resource(
            portal["centre-de-ressources"], title="Brouillon secret"
        )
        self.letter = api.content.create(
            container=portal["lettre"],
            type="Newsletter",
            title="La lettre de décembre",
            description="Ce que le réseau a publié ce mois-ci.",
            period_start=TODAY - timedelta(days=3),
            period_end=TODAY + timedelta(days=3),
            editorial=RichTextValue(
                "<p>Bonjour à toutes et à tous, <a href='javascript:alert(1)'>ici</a>"
                " <script>alert(2)</script></p>",
                "text/html",
                "text/x-html-safe",
            ),
        )
        self.letter_url = self.letter.absolute_url()
        self.uid = api.content.get_uuid(self.letter)

    def tearDown(self):
        mailbox.smtp().refused.clear()

    def letter_page(self, client, view=""):
        return client.page(f"{self.letter_url}/{view}".rstrip("/"))

    def post_on_letter(self, client, view, **fields):
        page = self.letter_page(client)
        data = {"_authenticator": authenticator(page.text), **fields}
        return client.session.post(f"{self.letter_url}/{view}", data=data, timeout=60)

    def make_ready(self):
        api.content.transition(self.letter, transition="make_ready")
        transaction.commit()

    def send_from_the_page(self, client):
        page = self.letter_page(client, "@@envoyer-lettre")
        self.assertEqual(page.status_code, 200)
        return client.session.post(
            f"{self.letter_url}/@@envoyer-lettre",
            data={"_authenticator": authenticator(page.text), "envoyer": "1"},
            timeout=60,
        )

    def run_job(self, rounds=50):
        """The job, as the instance's thread runs it, until the letter is sent."""
        for _round in range(rounds):
            transaction.begin()
            if not send_letters(turn=5)[0]:
                return
            mailbox.drain()
        raise AssertionError("The letter was still being sent")


class TestComposing(LetterTestCase):
    def test_a_new_letter_proposes_what_the_public_could_read_in_its_period(self):
        titles = [relation.to_object.Title() for relation in self.letter.publications]
        self.assertEqual(titles, ["Guide du foncier partagé", "Les Voisins du Lac"])

        page = self.letter_page(self.signed_in(TEAM))
        document = lxml.html.fromstring(page.text)
        headings = [h.text_content().strip() for h in document.cssselect("main h2")]
        self.assertIn("Centre de ressources", headings)
        self.assertIn("Projets", headings)
        self.assertNotIn("Brouillon secret", page.text)
        # The editorial's link and script did not survive.
        self.assertNotIn("javascript:", page.text)
        self.assertNotIn("alert(2)", page.text)
        self.assertIn("Préparer et envoyer la lettre", page.text)

    def test_the_preview_is_the_email_as_it_arrives(self):
        team = self.signed_in(TEAM)
        html = self.letter_page(team, "@@apercu-lettre")
        self.assertEqual(html.status_code, 200)
        self.assertTrue(html.headers["Content-Type"].startswith("text/html"))
        document = lxml.html.fromstring(html.text)
        self.assertEqual(document.get("lang"), "fr")
        # Styles inline, on the editorial's paragraph too: mail clients read
        # nothing else.
        self.assertFalse(document.cssselect("style, link[rel=stylesheet]"))
        paragraph = document.cssselect("p")[2]
        self.assertIn("margin", paragraph.get("style", ""))
        self.assertIn("Lire cette lettre en ligne", html.text)
        for image in document.cssselect("img"):
            self.assertTrue(image.get("alt"))

        text = self.letter_page(team, "@@apercu-lettre-texte")
        self.assertTrue(text.headers["Content-Type"].startswith("text/plain"))
        self.assertIn("CENTRE DE RESSOURCES", text.text)
        self.assertIn(self.resource.absolute_url(), text.text)

        # The preview for one topic: what its subscribers receive.
        projects_only = team.page(
            f"{self.letter_url}/@@apercu-lettre-texte?themes=projets"
        )
        self.assertIn("Les Voisins du Lac", projects_only.text)
        self.assertNotIn("Guide du foncier", projects_only.text)

    def test_the_team_sends_itself_a_test(self):
        team = self.signed_in(TEAM)
        response = self.post_on_letter(
            team, "@@essai-lettre", courriel="essai@example.org"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Essai envoyé à essai@example.org", response.text)
        [mail] = mailbox.mails(to="essai@example.org")
        self.assertEqual(mail.subject, "[Essai] La lettre de décembre")
        message = email.message_from_bytes(mailbox.smtp().received[-1].content)
        self.assertTrue(message.is_multipart())
        kinds = [part.get_content_type() for part in message.walk()]
        self.assertEqual(kinds[1:], ["text/plain", "text/html"])
        self.assertEqual(message["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")

        refused = self.post_on_letter(
            team, "@@essai-lettre", courriel="pas une adresse"
        )
        self.assertIn("n'est pas une adresse électronique valide", refused.text)

    def test_only_the_team_prepares_a_letter(self):
        member = self.signed_in("membre")
        for view in ("", "@@apercu-lettre", "@@envoyer-lettre"):
            self.assertTrue(refused(self.letter_page(member, view)), view)
            self.assertTrue(refused(self.letter_page(self.anonymous, view)), view)
        response = member.session.post(
            f"{self.letter_url}/@@essai-lettre", data={"courriel": "x@example.org"}
        )
        self.assertTrue(refused(response))
        rest = self.anonymous.get_json(self.letter_url)
        self.assertEqual(rest.status_code, 401)


class TestSending(LetterTestCase):
    def build(self):
        super().build()
        subscribe("tout@example.org")
        subscribe("ressources@example.org", ["centre-de-ressources"])
        subscribe("projets@example.org", ["projets"])
        subscribe("agenda@example.org", ["agenda"])  # nothing for them
        # The project is in Auvergne-Rhône-Alpes (84); a resource is of every région.
        subscribe("rhone@example.org", ["projets"], region="84")
        subscribe("bretagne@example.org", ["projets"], region="53")
        subscribe("corse@example.org", ["centre-de-ressources"], region="94")
        subscribe("inconnu@example.org")
        subscribers.subscribe("pas-confirme@example.org", [], "")
        self.make_ready_later = True

    def test_each_subscriber_gets_what_they_chose_once(self):
        mailbox.smtp().refused["inconnu@example.org"] = "550 5.1.1 Boîte inconnue"
        self.make_ready()
        team = self.signed_in(TEAM)
        page = self.letter_page(team, "@@envoyer-lettre")
        said = lxml.html.fromstring(page.text).cssselect("main")[0].text_content()
        self.assertIn("La lettre partira à 6 abonnés confirmés", " ".join(said.split()))
        response = self.send_from_the_page(team)
        self.assertEqual(response.status_code, 200)
        self.assertIn("La lettre part", response.text)
        # A second press changes nothing.
        self.assertIn("pas prête", self.send_from_the_page(team).text)

        self.run_job()
        for address in ("tout", "ressources", "projets", "rhone", "corse"):
            self.assertEqual(len(received_by(f"{address}@example.org")), 1, address)
        for address in ("agenda", "bretagne", "pas-confirme", "inconnu"):
            self.assertEqual(received_by(f"{address}@example.org"), [], address)

        [projects] = received_by("projets@example.org")
        self.assertIn("Les Voisins du Lac", projects.message.as_string())
        self.assertNotIn(
            "Guide du foncier",
            projects.message.get_payload(0).get_payload(decode=True).decode(),
        )
        token = subscribers.of_address("projets@example.org")[0]
        self.assertIn(
            f"lettre-desabonner?jeton={token}", projects.message["List-Unsubscribe"]
        )
        # The mail client's one-click unsubscribe (RFC 8058): a POST, no login.
        one_click = projects.message["List-Unsubscribe"].strip("<>")
        self.assertEqual(self.anonymous.page(one_click).status_code, 200)
        transaction.begin()
        self.assertIsNotNone(subscribers.of_address("projets@example.org"))
        response = self.anonymous.session.post(
            one_click, data={"List-Unsubscribe": "One-Click"}, timeout=60
        )
        self.assertEqual(response.status_code, 200)
        transaction.begin()
        self.assertIsNone(subscribers.of_address("projets@example.org"))

        transaction.begin()
        progress = sending.progress(self.letter)
        self.assertEqual(progress["counts"]["sent"], 5)
        self.assertEqual(progress["counts"]["failed"], 1)
        self.assertEqual(progress["nothing_for"], 2)
        self.assertIsNotNone(progress["finished"])
        bounced = subscribers.of_address("inconnu@example.org")[1]
        self.assertIn("550", bounced["bounced"])
        page = self.letter_page(team)
        self.assertIn("Envoi terminé", page.text)
        self.assertIn("inconnu@example.org", page.text)

    def test_a_crash_midway_neither_skips_nor_repeats_anyone(self):
        for number in range(23):
            subscribe(f"lecteur{number}@example.org")
        self.make_ready()
        self.send_from_the_page(self.signed_in(TEAM))
        transaction.begin()
        tracked = TrackedMessages(queue_directory())

        class Killed(BaseException):
            """The process dies: nothing after it runs."""

        real_release = tracked.release
        calls = []

        def killed_after_commit(names):
            calls.append(names)
            if len(calls) == 2:  # the second batch: committed, never released
                raise Killed()
            real_release(names)

        with (
            mock.patch.object(sending, "BATCH_SIZE", 5),
            mock.patch.object(
                TrackedMessages, "release", side_effect=killed_after_commit
            ),
            self.assertRaises(Killed),
        ):
            sending.Job(self.letter, tracked, rate=60000).run(5)
        transaction.abort()

        with (
            mock.patch.object(sending, "BATCH_SIZE", 5),
            mock.patch.object(TrackedMessages, "flush", side_effect=Killed()),
        ):
            # Killed before the third batch's commit: what it wrote is discarded.
            transaction.begin()
            with self.assertRaises(Killed):
                sending.Job(self.letter, tracked, rate=60000).run(5)
        transaction.abort()

        # The instance restarts: its job goes on.
        with mock.patch.object(sending, "BATCH_SIZE", 5):
            self.run_job()
        addresses = [f"lecteur{number}@example.org" for number in range(23)] + [
            f"{name}@example.org"
            for name in ("tout", "ressources", "projets", "rhone", "corse", "inconnu")
        ]
        counts = {address: len(received_by(address)) for address in addresses}
        self.assertEqual(set(counts.values()), {1}, counts)
        self.assertEqual(tracked.staged(f"letter.{self.uid}"), [])

    def test_a_delayed_message_is_sent_later(self):
        mailbox.smtp().answer("451 4.3.0 Réessayez plus tard")
        self.make_ready()
        self.send_from_the_page(self.signed_in(TEAM))
        self.run_job()
        for address in ("tout", "ressources", "projets", "rhone", "corse", "inconnu"):
            self.assertEqual(len(received_by(f"{address}@example.org")), 1, address)
        transaction.begin()
        self.assertEqual(sending.progress(self.letter)["counts"]["sent"], 6)


class TestArchive(LetterTestCase):
    def test_sent_letters_are_public_and_drafts_are_not(self):
        sent = api.content.create(
            container=self.portal["lettre"],
            type="Newsletter",
            title="La lettre de novembre",
            period_start=TODAY - timedelta(days=40),
            period_end=TODAY - timedelta(days=10),
        )
        api.content.transition(sent, transition="make_ready")
        api.content.transition(sent, transition="send")
        transaction.commit()

        archive = self.anonymous.page("lettre")
        self.assertEqual(archive.status_code, 200)
        self.assertIn("La lettre de novembre", archive.text)
        self.assertNotIn("La lettre de décembre", archive.text)
        self.assertNotIn("Composer une nouvelle lettre", archive.text)
        self.assertEqual(self.anonymous.page(sent.absolute_url()).status_code, 200)
        feed = self.anonymous.page("lettre/rss.xml")
        self.assertEqual(feed.status_code, 200)
        self.assertIn("La lettre de novembre", feed.text)
        self.assertNotIn("La lettre de décembre", feed.text)
        listing = self.anonymous.get_json("lettre").json()
        self.assertEqual(
            [item["title"] for item in listing["items"]], ["La lettre de novembre"]
        )
        # The team sees its drafts and how to start a new one.
        team_page = self.signed_in(TEAM).page("lettre")
        self.assertIn("La lettre de décembre", team_page.text)
        self.assertIn("Composer une nouvelle lettre", team_page.text)
        # The archive is not in the main menu.
        home = lxml.html.fromstring(self.anonymous.page("").text)
        menu = [a.get("href") for a in home.cssselect("#portal-globalnav a")]
        self.assertNotIn(f"{self.url}/lettre", menu)


class TestREST(LetterTestCase):
    def test_the_team_reads_and_writes_a_letter_as_an_api_client(self):
        team = self.signed_in(TEAM)
        read = team.get_json(self.letter_url).json()
        self.assertEqual(read["@type"], "Newsletter")
        self.assertEqual(read["review_state"], "draft")
        titles = [item["title"] for item in read["publications"]]
        self.assertEqual(titles, ["Guide du foncier partagé", "Les Voisins du Lac"])

        written = {
            name: read[name]
            for name in (
                "title",
                "description",
                "period_start",
                "period_end",
                "editorial",
                "free_blocks",
            )
        }
        written["publications"] = list(reversed(read["publications"]))
        response = team.api("PATCH", self.letter_url, json=written)
        self.assertEqual(response.status_code, 204, response.text)
        again = team.get_json(self.letter_url).json()
        self.assertEqual(
            [item["title"] for item in again["publications"]], list(reversed(titles))
        )

        wrong = team.api(
            "PATCH",
            self.letter_url,
            json={"period_start": "2026-12-20", "period_end": "2026-12-01"},
        )
        self.assertEqual(wrong.status_code, 400)
        self.assertIn("La fin de la période précède son début", wrong.json()["message"])
        not_a_date = team.api("PATCH", self.letter_url, json={"period_start": "hier"})
        self.assertEqual(not_a_date.status_code, 400)

        member = self.signed_in("membre").api(
            "PATCH", self.letter_url, json={"title": "Piratée"}
        )
        self.assertIn(member.status_code, (401, 403))

    def test_a_sent_letter_names_only_what_the_public_may_read(self):
        intids = getUtility(IIntIds)
        self.letter.publications = [
            *self.letter.publications,
            RelationValue(intids.getId(self.draft)),
        ]
        api.content.transition(self.letter, transition="make_ready")
        api.content.transition(self.letter, transition="send")
        transaction.commit()
        public = self.anonymous.get_json(self.letter_url)
        self.assertEqual(public.status_code, 200)
        self.assertNotIn("Brouillon secret", public.text)
        page = self.anonymous.page(self.letter_url)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Brouillon secret", page.text)
        self.assertIn("Guide du foncier partagé", page.text)
        self.assertNotIn("Préparer et envoyer la lettre", page.text)

    def test_a_copy_of_a_sent_letter_is_a_new_draft(self):
        api.content.transition(self.letter, transition="make_ready")
        api.content.transition(self.letter, transition="send")
        copy = api.content.copy(self.letter, self.portal["lettre"], id="copie")
        self.assertEqual(api.content.get_state(copy), "draft")
        self.assertIsNone(sending.state_of(copy))
        self.assertIsNone(copy.effective_date)
        api.content.transition(copy, transition="make_ready")
        api.content.transition(copy, transition="send")
        self.assertIsNotNone(sending.state_of(copy))
