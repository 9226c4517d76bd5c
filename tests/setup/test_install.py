"""The policy profile turns a fresh Plone into the federation's portal."""

from coordaction.content.sections import SECTIONS
from coordaction.policy.interfaces import ICoordactionLayer
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
from tests.expected import MENU_TITLES
import os
import unittest


class TestInstall(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_policy_and_its_dependencies_are_installed(self):
        installer = get_installer(self.portal)
        for product in (
            "coordaction.policy",
            "coordaction.content",
            "coordaction.workflows",
            "plone.app.contenttypes",
            "plone.restapi",
            "collective.easyform",
            "eea.facetednavigation",
        ):
            self.assertTrue(installer.is_product_installed(product), product)

    def test_classic_ui_profiles_are_applied(self):
        setup = self.portal.portal_setup
        for profile in ("plone.app.layout:default", "plonetheme.barceloneta:default"):
            self.assertNotEqual(
                setup.getLastVersionForProfile(profile), "unknown", profile
            )

    def test_browser_layer_is_registered(self):
        self.assertIn(ICoordactionLayer, registered_layers())

    def test_site_speaks_french_in_paris(self):
        # French by default; English for who asks for it (Accept-Language).
        self.assertEqual(api.portal.get_registry_record("plone.default_language"), "fr")
        self.assertEqual(
            api.portal.get_registry_record("plone.available_languages"), ["fr", "en"]
        )
        self.assertTrue(api.portal.get_registry_record("plone.use_request_negotiation"))
        self.assertEqual(
            api.portal.get_registry_record("plone.portal_timezone"), "Europe/Paris"
        )

    def test_mail_goes_through_the_queue_of_the_instance(self):
        from coordaction.policy.mailqueue.mailhost import QueuedMailHost
        from Products.MailHost.interfaces import IMailHost
        from zope.component import getUtility

        mailhost = self.portal.MailHost
        self.assertIsInstance(mailhost, QueuedMailHost)
        self.assertIs(getUtility(IMailHost).aq_base, mailhost.aq_base)
        self.assertTrue(mailhost.smtp_queue)
        self.assertEqual(
            mailhost.smtp_queue_directory, os.environ["COORDACTION_MAIL_QUEUE"]
        )

    def test_site_title(self):
        self.assertEqual(
            api.portal.get_registry_record("plone.site_title"),
            "Coordin'action des associations de l'habitat participatif",
        )

    def test_hidden_profiles(self):
        from plone.base.interfaces import INonInstallable
        from zope.component import getAllUtilitiesRegisteredFor

        hidden = set()
        for utility in getAllUtilitiesRegisteredFor(INonInstallable):
            hidden.update(utility.getNonInstallableProfiles())
        self.assertIn("coordaction.content:default", hidden)
        self.assertIn("coordaction.workflows:default", hidden)
        self.assertIn("coordaction.policy:uninstall", hidden)
        self.assertNotIn("coordaction.policy:default", hidden)


class TestNavigationSkeleton(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_sections_exist_in_menu_order_and_are_published(self):
        ids = [section.id for section in SECTIONS]
        self.assertEqual(
            ids,
            [
                "centre-de-ressources",
                "trames-types",
                "observatoire",
                "projets",
                "agenda",
                "rencontres",
                "petites-annonces",
                "banque-d-images",
                "groupes-de-travail",
                "chantiers",
                "contribuer",
            ],
        )
        self.assertEqual([item for item in self.portal.objectIds() if item in ids], ids)
        for section_id in ids:
            self.assertEqual(
                api.content.get_state(self.portal[section_id]), "published", section_id
            )

    def test_the_table_of_sections_is_what_the_site_is_made_of(self):
        from coordaction.policy.importexport.columns import SECTIONS as IMPORTS
        from coordaction.policy.resourcecentre.facets.collections import COLLECTIONS
        from eea.facetednavigation.interfaces import IFacetedNavigable
        from plone.base.interfaces.constrains import ISelectableConstrainTypes

        setRoles(self.portal, TEST_USER_ID, ["Manager"])  # who may add everything
        for section in SECTIONS:
            folder = self.portal[section.id]
            with self.subTest(section=section.id):
                if section.allowed_types:
                    self.assertEqual(
                        sorted(
                            ISelectableConstrainTypes(folder).getLocallyAllowedTypes()
                        ),
                        sorted(section.allowed_types),
                    )
                self.assertEqual(
                    IFacetedNavigable.providedBy(folder), bool(section.listed_type)
                )
                editors = api.group.get_roles(
                    groupname="equipe-editoriale", obj=folder, inherit=False
                )
                self.assertEqual("EditorialTeam" in editors, section.editorial)
                self.assertNotIn("Editor", editors)
        # @facets and the import put each type where its faceted page lists it.
        listed = {s.listed_type: s.id for s in SECTIONS if s.listed_type}
        for collection in COLLECTIONS.values():
            if collection.portal_type in listed:
                self.assertEqual(collection.section, listed[collection.portal_type])
        for entry in IMPORTS.values():
            self.assertEqual(entry.folder, listed[entry.portal_type])

    def test_sections_have_french_titles(self):
        titles = [self.portal[section.id].Title() for section in SECTIONS]
        self.assertEqual(
            titles,
            MENU_TITLES,
        )
        self.assertEqual(self.portal["agenda"].Language(), "fr")

    def test_reinstall_keeps_edited_sections(self):
        from coordaction.policy.site.skeleton import ensure_navigation_skeleton

        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.portal["projets"].title = "Les projets du réseau"
        # (the accessibility statement links to its contact form: Plone would warn)
        api.content.delete(self.portal["contribuer"], check_linkintegrity=False)
        created = ensure_navigation_skeleton(self.portal)
        self.assertEqual([section.getId() for section in created], ["contribuer"])
        self.assertEqual(self.portal["projets"].Title(), "Les projets du réseau")
        sections = [section.id for section in SECTIONS]
        self.assertEqual(
            [item for item in self.portal.objectIds() if item in sections][-1],
            "contribuer",
        )
        self.assertEqual(api.content.get_state(self.portal["contribuer"]), "published")


class TestBigSections(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_sections_with_many_items_keep_no_manual_order(self):
        from plone.folder.interfaces import IExplicitOrdering

        portal = self.layer["portal"]
        for section_id in ("centre-de-ressources", "projets", "petites-annonces"):
            ordering = portal[section_id].getOrdering()
            self.assertFalse(IExplicitOrdering.providedBy(ordering), section_id)
