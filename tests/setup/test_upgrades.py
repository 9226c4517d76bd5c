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
