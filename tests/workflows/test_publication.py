"""The publication workflow as contributors and reviewers live it."""

from coordaction.content.i18n import in_site_language
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import setRoles
from Products.CMFCore.WorkflowCore import WorkflowException
from tests import builders
from tests import mailbox
from tests.http import make_user
from zope.i18nmessageid import Message
import transaction
import unittest


def mails(portal):
    """The messages sent, as (recipient, subject, body): mail leaves when the
    transaction commits, through the queue."""
    transaction.commit()
    return [(mail.to, mail.subject, mail.body) for mail in mailbox.mails(portal)]


class PublicationTestCase(unittest.TestCase):
    # Mail is queued when a transaction commits: the tests commit (in a
    # database of their own).
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        make_user("contributrice", groups=("equipe-editoriale",))
        make_user("relectrice", groups=("Reviewers",))
        make_user("relecteur", groups=("Reviewers",))
        transaction.commit()
        mailbox.reset()
        login(self.portal, "contributrice")
        self.resource = builders.resource(self.portal["centre-de-ressources"])
        self.template = builders.legal_template(self.portal["trames-types"])

    def as_user(self, login_name):
        login(self.portal, login_name)

    def state(self, item=None):
        return api.content.get_state(item or self.resource)


class TestSubmission(PublicationTestCase):
    def test_new_items_are_private_drafts(self):
        self.assertEqual(self.state(), "private")
        self.assertEqual(self.state(self.template), "private")

    def test_contributor_submits_and_reviewers_are_told(self):
        api.content.transition(self.resource, transition="submit")
        self.assertEqual(self.state(), "pending")
        sent = mails(self.portal)
        self.assertEqual(
            sorted(to for to, _subject, _body in sent),
            ["relecteur@example.org", "relectrice@example.org"],
        )
        _to, subject, body = sent[0]
        self.assertEqual(
            subject, "[Coordin'action] À relire : Guide du foncier partagé"
        )
        self.assertIn(self.resource.absolute_url(), body)

    def test_contributor_cannot_publish(self):
        with self.assertRaises((InvalidParameterError, WorkflowException)):
            api.content.transition(self.resource, transition="publish")
        api.content.transition(self.resource, transition="submit")
        with self.assertRaises((InvalidParameterError, WorkflowException)):
            api.content.transition(self.resource, transition="publish")
        self.assertEqual(self.state(), "pending")

    def test_author_retracts_while_pending_and_can_edit_again(self):
        api.content.transition(self.resource, transition="submit")
        self.assertFalse(
            api.user.has_permission("Modify portal content", obj=self.resource)
        )
        api.content.transition(self.resource, transition="retract")
        self.assertEqual(self.state(), "private")
        self.assertTrue(
            api.user.has_permission("Modify portal content", obj=self.resource)
        )


class TestReview(PublicationTestCase):
    def setUp(self):
        super().setUp()
        api.content.transition(self.resource, transition="submit")
        transaction.commit()
        mailbox.reset()
        self.as_user("relectrice")

    def test_the_submission_waits_in_the_reviewers_list(self):
        html = self.portal.restrictedTraverse("@@full_review_list")()
        self.assertIn("Guide du foncier partagé", html)
        login(self.portal, "contributrice")
        self.assertFalse(self.portal.portal_workflow.getWorklistsResults())

    def test_reviewers_reach_their_list_from_their_personal_menu(self):
        def personal_menu():
            actions = self.portal.portal_actions.listActionInfos(
                object=self.portal, categories=("user",)
            )
            return {
                in_site_language(Message(action["title"], "coordaction")): action["url"]
                for action in actions
            }

        self.assertEqual(
            personal_menu()["Éléments à modérer"],
            f"{self.portal.absolute_url()}/full_review_list",
        )
        login(self.portal, "contributrice")
        self.assertNotIn("Éléments à modérer", personal_menu())

    def test_reviewer_publishes_sets_the_date_and_tells_the_author(self):
        self.assertIsNone(self.resource.effective_date)
        api.content.transition(self.resource, transition="publish")
        self.assertEqual(self.state(), "published")
        self.assertIsNotNone(self.resource.effective_date)
        [(to, subject, body)] = mails(self.portal)
        self.assertEqual(to, "contributrice@example.org")
        self.assertEqual(subject, "[Coordin'action] Publié : Guide du foncier partagé")
        self.assertIn("est publié", body)

    def test_rejection_without_a_comment_is_refused(self):
        with self.assertRaises(WorkflowException) as raised:
            self.portal.portal_workflow.doActionFor(
                self.resource, "reject", comment="  "
            )
        self.assertIn("un commentaire est obligatoire", str(raised.exception))
        self.assertEqual(self.state(), "pending")
        self.assertEqual(mails(self.portal), [])

    def test_rejection_with_a_comment_reaches_the_author(self):
        self.portal.portal_workflow.doActionFor(
            self.resource, "reject", comment="Merci de préciser les sources."
        )
        self.assertEqual(self.state(), "private")
        [(to, subject, body)] = mails(self.portal)
        self.assertEqual(to, "contributrice@example.org")
        self.assertEqual(
            subject, "[Coordin'action] À revoir : Guide du foncier partagé"
        )
        self.assertIn("Merci de préciser les sources.", body)
        # The author finds the comment in the item's history too.
        self.as_user("contributrice")
        history = self.portal.portal_workflow.getInfoFor(
            self.resource, "review_history"
        )
        self.assertEqual(history[-1]["comments"], "Merci de préciser les sources.")

    def test_reviewer_cannot_mark_a_resource_obsolete(self):
        api.content.transition(self.resource, transition="publish")
        with self.assertRaises((InvalidParameterError, WorkflowException)):
            api.content.transition(self.resource, transition="mark_obsolete")


class TestObsoleteTemplates(PublicationTestCase):
    def test_template_becomes_obsolete_and_is_restored(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        login(self.portal, "relectrice")
        api.content.transition(self.template, transition="publish")
        api.content.transition(self.template, transition="mark_obsolete")
        self.assertEqual(self.state(self.template), "obsolete")
        api.content.transition(self.template, transition="restore")
        self.assertEqual(self.state(self.template), "published")

    def test_obsolete_template_stays_visible_with_a_warning_and_its_successor(self):
        from plone.app.testing import logout
        from z3c.relationfield import RelationValue
        from zope.component import getUtility
        from zope.intid.interfaces import IIntIds

        successor = builders.legal_template(
            self.portal["trames-types"], title="Statuts types 2027"
        )
        self.template.superseded_by = RelationValue(
            getUtility(IIntIds).getId(successor)
        )
        login(self.portal, "relectrice")
        for item in (self.template, successor):
            api.content.transition(item, transition="publish")
        api.content.transition(self.template, transition="mark_obsolete")
        logout()
        html = self.template.restrictedTraverse("@@legal_template_view")()
        self.assertIn("Cette trame est obsolète.", html)
        self.assertIn(successor.absolute_url(), html)
        self.assertIn("Statuts types 2027", html)
