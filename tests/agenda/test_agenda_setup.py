"""The Agenda section shows its page on new sites, keeps a default page an
administrator chose, and gives its page back to Plone when the policy is uninstalled."""

from coordaction.policy.site.skeleton import use_section_page
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from datetime import datetime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.base.utils import get_installer
import unittest


class TestAgendaLayout(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.agenda = self.portal["agenda"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_new_site_shows_the_agenda_page(self):
        self.assertEqual(self.agenda.getLayout(), "agenda_view")

    def test_the_page_keeps_a_default_page_chosen_by_an_administrator(self):
        start = datetime(2030, 5, 4, 10)
        welcome = api.content.create(
            container=self.agenda,
            type="Event",
            title="Bienvenue",
            start=start,
            end=start,
        )
        self.agenda.setLayout("listing_view")
        self.agenda.setDefaultPage(welcome.getId())
        use_section_page(self.agenda)
        self.assertEqual(self.agenda.getDefaultPage(), welcome.getId())
        self.assertEqual(self.agenda.getLayout(), "listing_view")

    def test_uninstall_gives_the_section_back_to_plone(self):
        get_installer(self.portal, self.layer["request"]).uninstall_product(
            "coordaction.policy"
        )
        self.assertEqual(self.agenda.getLayout(), "listing_view")
        self.assertIn("Agenda", self.agenda())
