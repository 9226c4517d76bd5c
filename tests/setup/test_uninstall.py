"""Uninstalling the policy leaves a working Plone site."""

from coordaction.policy.interfaces import ICoordactionLayer
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
import unittest


class TestUninstall(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.installer = get_installer(self.portal, self.layer["request"])
        self.installer.uninstall_product("coordaction.policy")

    def test_product_is_uninstalled(self):
        self.assertFalse(self.installer.is_product_installed("coordaction.policy"))

    def test_browser_layer_is_removed(self):
        self.assertNotIn(ICoordactionLayer, registered_layers())

    def test_plone_mail_host_comes_back_with_its_settings(self):
        from coordaction.policy.mailqueue.mailhost import QueuedMailHost
        from Products.MailHost.interfaces import IMailHost
        from zope.component import getUtility

        mailhost = self.portal.MailHost
        self.assertNotIsInstance(mailhost, QueuedMailHost)
        self.assertEqual(type(mailhost.aq_base).__name__, "MailHost")
        self.assertIs(getUtility(IMailHost).aq_base, mailhost.aq_base)

    def test_site_still_renders_and_keeps_its_content(self):
        self.assertIn("centre-de-ressources", self.portal.objectIds())
        html = self.portal.restrictedTraverse("@@view")()
        self.assertIn("Centre de ressources", html)

    def test_the_tools_page_keeps_its_text_in_plones_page_view(self):
        page = self.portal["outils-pour-vos-sites"]
        self.assertEqual(page.getLayout(), "document_view")
        html = page.restrictedTraverse(page.getLayout())()
        self.assertIn("widget", html)
        self.assertNotIn("site-tools-form", html)

    def test_plones_columns_menu_and_dashboard_come_back(self):
        from plone import api
        from plone.portlets.interfaces import IPortletAssignmentMapping
        from plone.portlets.interfaces import IPortletManager
        from zope.component import getMultiAdapter
        from zope.component import getUtility

        def assignments(manager):
            return list(
                getMultiAdapter(
                    (self.portal, getUtility(IPortletManager, name=manager)),
                    IPortletAssignmentMapping,
                )
            )

        self.assertIn("navigation", assignments("plone.leftcolumn"))
        self.assertIn("events", assignments("plone.rightcolumn"))
        self.assertIn("Event", api.portal.get_registry_record("plone.displayed_types"))
        actions = api.portal.get_tool("portal_actions")
        self.assertTrue(actions.user.dashboard.visible)
        self.assertNotIn("mon-espace", actions.portal_tabs.objectIds())

    def test_eea_bundles_load_on_every_page_again(self):
        from plone import api

        for bundle in ("faceted.jquery", "faceted.view", "faceted.edit"):
            self.assertFalse(
                api.portal.get_registry_record(f"plone.bundles/{bundle}.expression"),
                bundle,
            )

    def test_its_control_panels_leave_with_it(self):
        from plone import api

        panels = {
            configlet["id"]
            for configlet in api.portal.get_tool("portal_controlpanel").enumConfiglets(
                group="Products"
            )
        }
        for panel in (
            "coordaction-participation",
            "coordaction-personal-data",
            "coordaction-accueil",
            "coordaction-carte",
            "coordaction-sites-associations",
            "coordaction-mail-queue",
        ):
            self.assertNotIn(panel, panels)
        # Those of the content types and of the workflows, which stay installed.
        self.assertIn("coordaction-settings", panels)
        self.assertIn("coordaction-relecture", panels)
