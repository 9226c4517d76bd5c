"""The home page is the site root's page on new sites and, after upgrade 1008, on
existing ones; uninstalling gives the site root back to Plone."""

from coordaction.policy.home.site_root import HOME_VIEW
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from coordaction.policy.upgrades.v1008 import install_home_pages
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.base.utils import get_installer
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
import unittest


RECORD = "coordaction.home.welcome_title"


class TestHomeSetup(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.fti = self.portal.getTypeInfo()

    def user_actions(self):
        return [
            action["id"]
            for action in self.portal.portal_actions.listActionInfos(
                object=self.portal, categories=("user",)
            )
        ]

    def test_new_site_shows_the_home_page(self):
        self.assertEqual(self.portal.getLayout(), HOME_VIEW)
        self.assertIn(HOME_VIEW, self.fti.view_methods)
        self.assertEqual(
            api.portal.get_registry_record(RECORD), "L'habitat participatif, ensemble"
        )
        self.assertEqual(self.user_actions()[0], "mon-espace")

    def test_upgrade_installs_the_pages_and_keeps_other_settings(self):
        # A site of before 1008: Plone's page, no records, no action; and a title
        # its administrator chose, which the upgrade must keep.
        self.portal.setLayout("document_view")
        self.fti.manage_changeProperties(
            view_methods=[m for m in self.fti.view_methods if m != HOME_VIEW]
        )
        registry = getUtility(IRegistry)
        for name in [
            name for name in registry.records if name.startswith("coordaction.home.")
        ]:
            del registry.records[name]
        self.portal.portal_actions.user.manage_delObjects(["mon-espace"])
        api.portal.set_registry_record("plone.site_title", "Notre réseau")

        install_home_pages(self.portal.portal_setup)
        self.assertEqual(self.portal.getLayout(), HOME_VIEW)
        self.assertIn(HOME_VIEW, self.fti.view_methods)
        self.assertEqual(
            api.portal.get_registry_record(RECORD), "L'habitat participatif, ensemble"
        )
        self.assertEqual(
            len(api.portal.get_registry_record("coordaction.home.entry_points")), 5
        )
        self.assertIn("mon-espace", self.user_actions())
        self.assertEqual(
            api.portal.get_registry_record("plone.site_title"), "Notre réseau"
        )
        # Twice is the same.
        install_home_pages(self.portal.portal_setup)
        self.assertEqual(list(self.fti.view_methods).count(HOME_VIEW), 1)

    def test_upgrade_keeps_a_default_page_chosen_by_an_administrator(self):
        welcome = api.content.create(
            container=self.portal, type="Document", title="Bienvenue"
        )
        self.portal.setLayout("document_view")
        self.portal.setDefaultPage(welcome.getId())
        install_home_pages(self.portal.portal_setup)
        self.assertEqual(self.portal.getDefaultPage(), welcome.getId())

    def test_uninstall_gives_the_site_root_back_to_plone(self):
        get_installer(self.portal, self.layer["request"]).uninstall_product(
            "coordaction.policy"
        )
        self.assertEqual(self.portal.getLayout(), "document_view")
        self.assertNotIn(HOME_VIEW, self.fti.view_methods)
