"""Every upgrade step replays from the first profile version to the current one."""

from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import unittest


PROFILES = (
    "coordaction.content:default",
    "coordaction.workflows:default",
    "coordaction.policy:default",
)
FIRST_VERSION = "1000"


class TestUpgrades(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.setup = self.portal.portal_setup
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_installed_profiles_are_at_their_current_version(self):
        for profile_id in PROFILES:
            self.assertEqual(
                self.setup.getLastVersionForProfile(profile_id),
                tuple(self.setup.getVersionForProfile(profile_id).split(".")),
                profile_id,
            )
            self.assertEqual(self.setup.listUpgrades(profile_id), [], profile_id)

    def test_replay_every_step_from_the_first_version(self):
        for profile_id in PROFILES:
            current = self.setup.getVersionForProfile(profile_id)
            self.setup.setLastVersionForProfile(profile_id, FIRST_VERSION)
            steps = self.setup.listUpgrades(profile_id)
            self.assertEqual(bool(steps), current != FIRST_VERSION, profile_id)
            self.setup.upgradeProfile(profile_id)
            self.assertEqual(
                self.setup.getLastVersionForProfile(profile_id),
                tuple(current.split(".")),
                profile_id,
            )
            self.assertEqual(self.setup.listUpgrades(profile_id), [], profile_id)


class TestUpgradeProjectDepositWebsite(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_the_website_of_an_existing_deposit_form_is_checked_by_the_sheet(self):
        from coordaction.policy.upgrades.v1013 import website_checked_by_the_sheet

        form = self.layer["portal"]["contribuer"]["deposer-une-fiche-projet"]
        current = form.fields_model
        form.fields_model = current.replace(
            'type="zope.schema.TextLine"\n    >\n      <title>Site web',
            'type="zope.schema.URI"\n    >\n      <title>Site web',
        )
        self.assertIn("zope.schema.URI", form.fields_model)
        website_checked_by_the_sheet(None)
        self.assertEqual(form.fields_model, current)
