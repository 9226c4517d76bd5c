"""Mail never blocks a person and is never lost: a real SMTP server that is
down, hangs, says "try later" or refuses, and what the portal does about it."""

from coordaction.policy.mailqueue.outbox import SENDING_PREFIX
from coordaction.policy.mailqueue.processor import STALE_CLAIM
from coordaction.policy.mailqueue.startup import start_mail_queues
from coordaction.policy.participation.antispam import ANONYMOUS_POSTS
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from coordaction.policy.testing import TEST_QUEUE_OPTIONS
from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from tests import builders
from tests import mailbox
from tests.http import Client
from tests.http import admin
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
from tests.participation.test_forms import AD_FORM
from tests.participation.test_forms import AN_AD
from tests.participation.test_forms import SUBMIT
from tests.participation.test_forms import widgets
from unittest import mock
import lxml.html
import os
import time
import transaction
import unittest


SUBJECT = "[Coordin'action] À relire : Guide du foncier partagé"


def wait_until(condition, timeout=20, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"Timed out waiting for {what}")


class MailQueueTestCase(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.smtp = mailbox.smtp()
        as_manager(self.portal)
        make_user("contributrice", groups=("equipe-editoriale",))
        make_user("relectrice", groups=("Reviewers",))
        login(self.portal, "contributrice")
        self.resource = builders.resource(self.portal["centre-de-ressources"])
        login(self.portal, TEST_USER_NAME)
        as_manager(self.portal)
        commit()
        mailbox.reset()
        ANONYMOUS_POSTS.reset()
        self.contributor = Client(self.portal.absolute_url(), "contributrice")

    def tearDown(self):
        self.smtp.start()
        self.smtp.clear()
        self.processor().wake()
        wait_until(lambda: not mailbox.outbox().waiting(), what="an empty queue")
        for message in mailbox.outbox().failed():
            message.path.unlink()

    def processor(self):
        return self.portal.MailHost.processor()

    def queue_as_a_script(self, subject):
        """Queue a message as a script does: it only queues, the server sends."""
        with mock.patch.dict(os.environ, {"COORDACTION_MAIL_PROCESSOR": "0"}):
            self.portal.MailHost.send(
                "Bonjour",
                mto="a@example.org",
                mfrom="portail@example.org",
                subject=subject,
                charset="utf-8",
            )
            commit()

    def stop_processor(self):
        from Products.MailHost.MailHost import queue_threads

        processor = queue_threads.pop(self.portal.MailHost._getThreadKey(), None)
        if processor is not None:
            processor.stop()
            processor.join(10)

    def submit(self):
        started = time.monotonic()
        response = self.contributor.api(
            "POST", f"{self.resource.absolute_url()}/@workflow/submit"
        )
        return response, time.monotonic() - started

    def state(self):
        transaction.begin()  # see what the server committed
        return api.content.get_state(self.resource)

    def received(self, subject=SUBJECT):
        return [m for m in self.smtp.received if m.subject == subject]

    def waiting_with_error(self):
        return [m for m in mailbox.outbox().waiting() if m.last_error]


class TestMailServerDown(MailQueueTestCase):
    def test_submission_succeeds_and_the_mail_leaves_once_the_server_is_back(self):
        self.smtp.stop()
        response, _seconds = self.submit()
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["review_state"], "pending")
        self.assertEqual(self.state(), "pending")
        [waiting] = wait_until(self.waiting_with_error, what="a failed attempt")
        self.assertEqual(waiting.subject, SUBJECT)
        self.assertIn("relectrice@example.org", waiting.recipients)
        self.assertEqual(
            waiting.last_error, "Le serveur SMTP refuse la connexion (arrêté ?)."
        )
        self.assertEqual(self.received(), [])
        # The administrator sees it waiting, with the error.
        page = admin(self.portal.absolute_url()).page("@@file-des-courriels")
        self.assertIn(SUBJECT, page.text)
        self.assertIn("refuse la connexion", page.text)
        self.smtp.start()
        [mail] = wait_until(self.received, what="the mail, once the server is back")
        self.assertEqual(mail.rcpt_tos, ["relectrice@example.org"])
        wait_until(lambda: not mailbox.outbox().waiting(), what="an empty queue")
        time.sleep(TEST_QUEUE_OPTIONS["first_retry"] * 2)
        self.assertEqual(len(self.received()), 1, "sent once only")

    def test_an_anonymous_deposit_is_saved_and_acknowledged_later(self):
        self.smtp.stop()
        visitor = Client(self.portal.absolute_url())
        response = visitor.submit(AD_FORM, widgets(**AN_AD), SUBMIT)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Merci, votre annonce est enregistrée", response.text)
        transaction.begin()
        brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="ClassifiedAd", Title="Groupe cherche deux foyers"
        )
        self.assertEqual(len(brains), 1)
        self.smtp.start()
        wait_until(
            lambda: (
                {"relectrice@example.org", "claire@example.net"}
                <= {to for m in self.smtp.received for to in m.rcpt_tos}
            ),
            what="the review notice and the receipt",
        )

    def test_messages_queued_before_a_restart_leave_with_the_server(self):
        self.stop_processor()
        try:
            self.queue_as_a_script("Avant le redémarrage")
            time.sleep(0.3)
            self.assertEqual(self.received("Avant le redémarrage"), [])
            start_mail_queues(None)  # what the server does when it starts
            self.assertIsNotNone(self.processor())
            wait_until(lambda: self.received("Avant le redémarrage"), what="the mail")
        finally:
            self.stop_processor()
            self.portal.MailHost._startQueueProcessorThread(**TEST_QUEUE_OPTIONS)


class TestMessages(MailQueueTestCase):
    def test_a_long_message_arrives_whole_with_smtp_line_endings(self):
        body = "\n".join(f"Ligne {number} : é" + "x" * 60 for number in range(100))
        self.portal.MailHost.send(
            body,
            mto="a@example.org",
            mfrom="portail@example.org",
            subject="Un long message",
            charset="utf-8",
        )
        commit()
        [mail] = wait_until(lambda: self.received("Un long message"), what="it")
        text = mail.message.get_payload(decode=True).decode("utf-8")
        self.assertEqual(text.splitlines(), body.splitlines())

    def test_a_message_claimed_by_a_killed_process_leaves_after_a_while(self):
        self.stop_processor()
        try:
            self.queue_as_a_script("Tué")
            [message] = mailbox.outbox().waiting()
            # What a process killed with -9 while sending leaves: its claim.
            claim = message.path.with_name(SENDING_PREFIX + message.name)
            os.link(message.path, claim)
            self.portal.MailHost._startQueueProcessorThread(**TEST_QUEUE_OPTIONS)
            time.sleep(0.5)
            self.assertEqual(self.received("Tué"), [], "a fresh claim is respected")
            old = time.time() - STALE_CLAIM - 1
            os.utime(claim, (old, old))
            wait_until(lambda: self.received("Tué"), what="the claimed message")
            self.assertFalse(claim.exists())
        finally:
            if self.processor() is None:
                self.portal.MailHost._startQueueProcessorThread(**TEST_QUEUE_OPTIONS)


class TestMailServerMisbehaves(MailQueueTestCase):
    def test_a_server_that_hangs_delays_the_mail_not_the_person(self):
        self.smtp.hang_seconds = 5
        self.smtp.answer("hang")
        response, seconds = self.submit()
        self.assertEqual(response.status_code, 200)
        self.assertLess(seconds, 2, "the request does not wait for the mail server")
        [waiting] = wait_until(self.waiting_with_error, what="a timed-out attempt")
        self.assertEqual(
            waiting.last_error, "Le serveur SMTP ne répond pas (délai dépassé)."
        )
        [mail] = wait_until(self.received, what="the mail after the retry")
        time.sleep(TEST_QUEUE_OPTIONS["first_retry"] * 2)
        self.assertEqual(len(self.received()), 1, "sent once only")

    def test_try_later_then_accepted_arrives_once(self):
        self.smtp.answer("451 4.3.0 Reessayez plus tard")
        response, _seconds = self.submit()
        self.assertEqual(response.status_code, 200)
        [mail] = wait_until(self.received, what="the mail after the retry")
        self.assertEqual(self.smtp.answers, [], "the server said 451 first")
        wait_until(lambda: not mailbox.outbox().waiting(), what="an empty queue")
        time.sleep(TEST_QUEUE_OPTIONS["first_retry"] * 2)
        self.assertEqual(len(self.received()), 1)

    def test_a_refused_message_is_kept_for_an_administrator_to_send_again(self):
        self.smtp.answer("550 5.1.1 Boite inconnue")
        response, _seconds = self.submit()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.state(), "pending")
        [failed] = wait_until(mailbox.outbox().failed, what="a refused message")
        self.assertEqual(failed.last_error, "550 5.1.1 Boite inconnue")
        self.assertEqual(mailbox.outbox().waiting(), [])
        site_admin = admin(self.portal.absolute_url())
        page = site_admin.page("@@file-des-courriels")
        self.assertIn("550 5.1.1 Boite inconnue", page.text)
        self.assertIn(SUBJECT, page.text)
        page = lxml.html.fromstring(site_admin.page("@@file-des-courriels").text)
        [button] = page.xpath('//button[@name="retry"]')
        [token] = button.getparent().xpath('.//input[@name="_authenticator"]/@value')
        response = site_admin.session.post(
            site_admin.url("@@file-des-courriels"),
            data={"retry": button.get("value"), "_authenticator": token},
            timeout=60,
        )
        self.assertIn("Le message est remis dans la file d'attente.", response.text)
        [mail] = wait_until(self.received, what="the message sent again")
        self.assertEqual(mailbox.outbox().failed(), [])

    def test_the_queue_page_is_for_administrators_only(self):
        for client in (Client(self.portal.absolute_url()), self.contributor):
            page = client.page("@@file-des-courriels", allow_redirects=False)
            self.assertIn(page.status_code, (302, 401, 403))
