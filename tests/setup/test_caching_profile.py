"""The HTTP caching profile (coordaction.policy:caching) and its proxies, which come
from the environment. Its behaviour behind a real Varnish: ops/tests."""

from coordaction.policy.site.caching import PROXIES_RECORD
from coordaction.policy.site.caching import configure_caching_from_environment
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from unittest import mock
import unittest


def record(name):
    return api.portal.get_registry_record(name, default=None)


class TestCachingProfile(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_a_site_without_proxies_caches_but_purges_nothing(self):
        with mock.patch.dict("os.environ", {"COORDACTION_CACHING_PROXIES": ""}):
            self.assertIsNone(configure_caching_from_environment())
        # The main profile's rules (site/http_caching.py)...
        self.assertTrue(record("plone.caching.interfaces.ICacheSettings.enabled"))
        mapping = record("plone.caching.interfaces.ICacheSettings.operationMapping")
        self.assertEqual(
            mapping["plone.stableResource"], "coordaction.immutableCaching"
        )
        self.assertEqual(
            mapping["plone.content.itemView"], "plone.app.caching.moderateCaching"
        )
        # ...and no proxy to purge.
        self.assertFalse(record(PROXIES_RECORD))

    def test_proxies_in_the_environment_install_the_profile_and_are_purged(self):
        proxies = "http://127.0.0.1:6081/, http://10.0.0.2:6081"
        with mock.patch.dict("os.environ", {"COORDACTION_CACHING_PROXIES": proxies}):
            configure_caching_from_environment()
        self.assertTrue(record("plone.caching.interfaces.ICacheSettings.enabled"))
        self.assertTrue(
            record("plone.cachepurging.interfaces.ICachePurgingSettings.enabled")
        )
        self.assertEqual(
            record(PROXIES_RECORD), ("http://127.0.0.1:6081", "http://10.0.0.2:6081")
        )
        mapping = record("plone.caching.interfaces.ICacheSettings.operationMapping")
        self.assertEqual(
            mapping["plone.content.dynamic"], "plone.app.caching.moderateCaching"
        )
        purged = record(
            "plone.app.caching.interfaces.IPloneCacheSettings.purgedContentTypes"
        )
        for portal_type in ("Resource", "LegalTemplate", "ProjectSheet", "Document"):
            self.assertIn(portal_type, purged)

    def test_only_anonymous_visitors_get_shared_caching(self):
        self.portal.portal_setup.runAllImportStepsFromProfile(
            "profile-coordaction.policy:caching"
        )
        for ruleset in (
            "plone.content.itemView",
            "plone.content.folderView",
            "plone.content.file",
            "plone.content.feed",
            "plone.content.dynamic",
        ):
            self.assertTrue(
                record(f"plone.app.caching.moderateCaching.{ruleset}.anonOnly"), ruleset
            )
