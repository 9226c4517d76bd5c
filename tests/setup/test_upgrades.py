"""A new site has each coordaction profile at the version of its metadata.xml, and
the upgrade steps registered for a profile (``coordaction.policy.upgrades``) lead,
one after the other, from version 1000 (1.0) to that version, and replay there."""

from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from Products.GenericSetup.upgrade import normalize_version
import unittest


PROFILES = (
    "coordaction.content:default",
    "coordaction.workflows:default",
    "coordaction.policy:default",
)
FIRST_VERSION = ("1000",)


class TestUpgrades(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.setup = self.portal.portal_setup
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def metadata_version(self, profile_id):
        return tuple(self.setup.getVersionForProfile(profile_id).split("."))

    def registered_steps(self, profile_id):
        """[(source, destination)] of the steps registered for the profile, by source
        (the steps grouped under one ``upgradeSteps`` share theirs)."""
        steps = self.setup.listUpgrades(profile_id, show_old=True, simple=True)
        return sorted(
            {(step.source, step.dest) for step in steps},
            key=lambda versions: normalize_version(versions[0]),
        )

    def test_a_new_site_is_at_the_version_of_each_metadata(self):
        for profile_id in PROFILES:
            with self.subTest(profile=profile_id):
                self.assertEqual(
                    self.setup.getLastVersionForProfile(profile_id),
                    self.metadata_version(profile_id),
                )
                self.assertEqual(self.setup.listUpgrades(profile_id), [])

    def test_the_steps_lead_from_1000_to_the_version_of_the_metadata(self):
        for profile_id in PROFILES:
            with self.subTest(profile=profile_id):
                reached = FIRST_VERSION
                for source, destination in self.registered_steps(profile_id):
                    self.assertEqual(
                        source, reached, f"no step from {'.'.join(reached)}"
                    )
                    reached = destination
                self.assertEqual(
                    reached,
                    self.metadata_version(profile_id),
                    f"no step up to the version of {profile_id}'s metadata.xml",
                )

    def test_every_step_replays_from_1000(self):
        for profile_id in PROFILES:
            with self.subTest(profile=profile_id):
                self.setup.setLastVersionForProfile(profile_id, FIRST_VERSION)
                self.assertEqual(
                    len(self.setup.listUpgrades(profile_id, simple=True)),
                    len(
                        self.setup.listUpgrades(profile_id, show_old=True, simple=True)
                    ),
                )
                self.setup.upgradeProfile(profile_id)
                self.assertEqual(
                    self.setup.getLastVersionForProfile(profile_id),
                    self.metadata_version(profile_id),
                )
                self.assertEqual(self.setup.listUpgrades(profile_id), [])
