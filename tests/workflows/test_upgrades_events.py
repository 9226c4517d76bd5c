"""Moving events to the publication workflow keeps their state."""

from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from coordaction.workflows.upgrades import to_1002
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import unittest


class TestEventsMigration(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_published_events_stay_published(self):
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        workflow_tool = api.portal.get_tool("portal_workflow")
        workflow_tool.setChainForPortalTypes(["Event"], "simple_publication_workflow")
        start = datetime.now() + timedelta(days=3)
        published, private = (
            api.content.create(
                container=portal["agenda"],
                type="Event",
                title=title,
                start=start,
                end=start,
            )
            for title in ("Publié", "Privé")
        )
        api.content.transition(published, to_state="published")
        to_1002(portal.portal_setup)
        self.assertEqual(
            workflow_tool.getChainFor(published), ("coordaction_publication_workflow",)
        )
        self.assertEqual(api.content.get_state(published), "published")
        self.assertEqual(api.content.get_state(private), "private")
        with api.env.adopt_roles(["Anonymous"]):
            self.assertTrue(api.user.has_permission("View", obj=published))
            self.assertFalse(api.user.has_permission("View", obj=private))
