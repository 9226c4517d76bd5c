"""The Agenda section shows its page on new sites, after the upgrade on existing
ones, and gives it back to Plone when the policy is uninstalled."""

from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from coordaction.policy.upgrades.v1007 import use_section_pages
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

    def test_upgrade_sets_the_page_and_can_run_twice(self):
        self.agenda.setLayout("listing_view")
        use_section_pages(self.portal.portal_setup)
        self.assertEqual(self.agenda.getLayout(), "agenda_view")
        use_section_pages(self.portal.portal_setup)
        self.assertEqual(self.agenda.getLayout(), "agenda_view")

    def test_upgrade_keeps_a_default_page_chosen_by_an_administrator(self):
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
        use_section_pages(self.portal.portal_setup)
        self.assertEqual(self.agenda.getDefaultPage(), welcome.getId())
        self.assertEqual(self.agenda.getLayout(), "listing_view")

    def test_uninstall_gives_the_section_back_to_plone(self):
        get_installer(self.portal, self.layer["request"]).uninstall_product(
            "coordaction.policy"
        )
        self.assertEqual(self.agenda.getLayout(), "listing_view")
        self.assertIn("Agenda", self.agenda())
