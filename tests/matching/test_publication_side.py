"""The alerts seen from the publishing side: a failing mail server never blocks a
publication, an item not yet public is not announced, the demo content sends
nothing."""

from coordaction.policy.demo.build import quiet_notifications
from coordaction.policy.matching import mails
from coordaction.policy.matching import subscriptions
from coordaction.policy.matching.criteria import Criteria
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from DateTime import DateTime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests import builders
from tests import mailbox
from tests.matching.visitor import mails_to
from unittest import mock
import transaction
import unittest


RESIDENT = "future.habitante@example.org"


class TestPublicationSide(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        subscription, _new = subscriptions.subscribe(
            self.portal, RESIDENT, Criteria(region="52")
        )
        subscriptions.confirm(self.portal, subscription.token)
        transaction.commit()
        mailbox.reset()
        self.ad = builders.classified_ad(self.portal["petites-annonces"])

    def alerts(self):
        transaction.commit()  # mail is queued when the transaction commits
        return mails_to(self.portal, RESIDENT)

    def test_a_failing_mail_server_does_not_block_the_publication(self):
        with (
            mock.patch.object(mails, "send", side_effect=OSError("SMTP en panne")),
            self.assertLogs("coordaction.policy.matching.alerts", "ERROR") as logs,
        ):
            api.content.transition(self.ad, transition="publish")
        self.assertEqual(api.content.get_state(self.ad), "published")
        self.assertIn(f"Could not send an alert to {RESIDENT}", logs.output[0])

    def test_an_ad_published_for_later_is_not_announced(self):
        self.ad.effective_date = DateTime() + 3
        api.content.transition(self.ad, transition="publish")
        self.assertEqual(self.alerts(), [])

    def test_the_demo_content_sends_no_alert(self):
        with quiet_notifications():
            api.content.transition(self.ad, transition="publish")
        self.assertEqual(self.alerts(), [])
        # Outside of it, alerts go out again.
        api.content.transition(
            builders.classified_ad(self.portal["petites-annonces"], "Autre annonce"),
            transition="publish",
        )
        [alert] = self.alerts()
        self.assertEqual(
            alert.subject, "[Coordin'action] Nouvelle annonce : Autre annonce"
        )
