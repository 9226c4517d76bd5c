"""The home page is the site root's page on new sites and on a Plone site the policy
is installed on, unless its administrator chose a default page; uninstalling gives
the site root back to Plone."""

from coordaction.policy.home.site_root import HOME_VIEW
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.base.utils import get_installer
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
        # Plone's dashboard, an empty page of portlets, is not offered.
        self.assertNotIn("dashboard", self.user_actions())

    def test_installing_keeps_a_default_page_chosen_by_an_administrator(self):
        installer = get_installer(self.portal, self.layer["request"])
        installer.uninstall_product("coordaction.policy")
        welcome = api.content.create(
            container=self.portal, type="Document", title="Bienvenue"
        )
        self.portal.setDefaultPage(welcome.getId())
        installer.install_product("coordaction.policy")
        self.assertEqual(self.portal.getDefaultPage(), welcome.getId())
        self.assertIn(HOME_VIEW, self.fti.view_methods)

    def test_uninstall_gives_the_site_root_back_to_plone(self):
        get_installer(self.portal, self.layer["request"]).uninstall_product(
            "coordaction.policy"
        )
        self.assertEqual(self.portal.getLayout(), "document_view")
        self.assertNotIn(HOME_VIEW, self.fti.view_methods)
