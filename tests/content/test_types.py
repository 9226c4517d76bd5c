"""Who may add each content type, and where."""

from coordaction.content.i18n import in_site_language
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import setRoles
from tests import builders
from zExceptions import Unauthorized
import unittest


TYPES = {
    # type: (section, builder)
    "Resource": ("centre-de-ressources", builders.resource),
    "LegalTemplate": ("trames-types", builders.legal_template),
    "ProjectSheet": ("projets", builders.project_sheet),
    "ClassifiedAd": ("petites-annonces", builders.classified_ad),
    "WorkingGroup": ("groupes-de-travail", builders.working_group),
}


class TestContentTypes(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        login(self.portal, TEST_USER_NAME)

    def as_roles(self, *roles):
        setRoles(self.portal, TEST_USER_ID, list(roles))

    def test_types_have_french_titles(self):
        types = api.portal.get_tool("portal_types")

        def title(name):
            return in_site_language(types[name].Title())

        self.assertEqual(title("Resource"), "Ressource")
        self.assertEqual(title("LegalTemplate"), "Trame-type juridique ou financière")
        self.assertEqual(title("ProjectSheet"), "Fiche projet")
        self.assertEqual(title("WorkingGroup"), "Groupe de travail")
        self.assertEqual(title("ClassifiedAd"), "Petite annonce")

    def test_contributor_adds_resources_templates_projects_and_ads(self):
        self.as_roles("Member", "Contributor")
        for portal_type in (
            "Resource",
            "LegalTemplate",
            "ProjectSheet",
            "ClassifiedAd",
        ):
            section, build = TYPES[portal_type]
            item = build(self.portal[section])
            self.assertEqual(item.portal_type, portal_type)
            self.assertIn(item.getId(), self.portal[section])

    def test_contributor_cannot_add_a_working_group(self):
        self.as_roles("Member", "Contributor")
        with self.assertRaises((Unauthorized, ValueError)):
            builders.working_group(self.portal["groupes-de-travail"])

    def test_site_administrator_adds_a_working_group(self):
        self.as_roles("Site Administrator")
        group = builders.working_group(self.portal["groupes-de-travail"])
        self.assertEqual(group.visibility, "private")

    def test_plain_member_adds_nothing(self):
        self.as_roles("Member")
        for portal_type, (section, build) in TYPES.items():
            with self.assertRaises((Unauthorized, ValueError), msg=portal_type):
                build(self.portal[section])

    def test_working_group_holds_documents_and_draft_resources(self):
        types = api.portal.get_tool("portal_types")
        self.assertEqual(
            sorted(types["WorkingGroup"].allowed_content_types),
            sorted(
                ["Document", "File", "Image", "Event", "Link", "Folder", "Resource"]
            ),
        )
        self.as_roles("Manager")
        group = builders.working_group(self.portal["groupes-de-travail"])
        draft = builders.resource(group, title="Brouillon de guide")
        self.assertEqual(draft.aq_parent, group)

    def test_project_sheet_photos_are_its_images(self):
        self.as_roles("Manager")
        sheet = builders.project_sheet(self.portal["projets"])
        api.content.create(container=sheet, type="Image", title="La salle commune")
        api.content.create(container=sheet, type="Image", title="Le jardin")
        self.assertEqual(
            [photo.Title() for photo in sheet.photos()],
            ["La salle commune", "Le jardin"],
        )
        with self.assertRaises(InvalidParameterError):
            api.content.create(container=sheet, type="Document", title="Hors sujet")

    def test_sections_only_offer_their_types(self):
        self.as_roles("Manager")
        expected = {
            "centre-de-ressources": {"Resource", "Folder"},
            "trames-types": {"LegalTemplate", "Folder"},
            "projets": {"ProjectSheet"},
            "agenda": {"Event", "OpenDaysCampaign"},
            "petites-annonces": {"ClassifiedAd"},
            "groupes-de-travail": {"WorkingGroup"},
        }
        for section, types in expected.items():
            allowed = {
                fti.getId() for fti in self.portal[section].allowedContentTypes()
            }
            self.assertEqual(allowed, types, section)

    def test_event_and_image_are_classified_and_licensed(self):
        types = api.portal.get_tool("portal_types")
        self.assertIn("coordaction.themes", types["Event"].behaviors)
        self.assertIn("coordaction.regions", types["Event"].behaviors)
        self.assertIn("coordaction.license", types["Image"].behaviors)
        self.as_roles("Manager")
        image = api.content.create(container=self.portal, type="Image", title="Photo")
        self.assertEqual(image.license_spdx, "CC-BY-SA-4.0")

    def test_every_behavior_of_every_type_is_installed(self):
        # An unknown behavior (plone.app.discussion's comments on events, a
        # package this portal does not install) logs an error at each read.
        from plone.behavior.interfaces import IBehavior
        from zope.component import queryUtility

        types = api.portal.get_tool("portal_types")
        unknown = [
            (fti.getId(), name)
            for fti in types.objectValues()
            for name in getattr(fti, "behaviors", ())
            if queryUtility(IBehavior, name=name) is None
        ]
        self.assertEqual(unknown, [])

    def test_new_items_get_the_site_default_license(self):
        self.as_roles("Manager")
        api.portal.set_registry_record("coordaction.default_license", "CC0-1.0")
        item = api.content.create(
            container=self.portal["centre-de-ressources"],
            type="Resource",
            title="Sans licence choisie",
            resource_kind="guide",
        )
        self.assertEqual(item.license_spdx, "CC0-1.0")


class TestClassifiedAdExpiry(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_published_ad_expires_after_the_default_lifetime(self):
        ad = builders.classified_ad(self.portal["petites-annonces"])
        builders.publish(ad)
        lifetime = ad.expiration_date - (ad.effective_date or ad.created())
        self.assertAlmostEqual(lifetime, 90, delta=0.01)

    def test_an_explicit_expiry_is_kept(self):
        from DateTime import DateTime

        ad = builders.classified_ad(self.portal["petites-annonces"])
        ad.expiration_date = DateTime() + 10
        builders.publish(ad)
        self.assertAlmostEqual(ad.expiration_date - DateTime(), 10, delta=0.01)

    def test_expired_ad_leaves_listings_for_anonymous(self):
        from DateTime import DateTime
        from plone.app.testing import logout

        section = self.portal["petites-annonces"]
        current = builders.publish(
            builders.classified_ad(section, title="Annonce en cours")
        )
        expired = builders.classified_ad(section, title="Annonce expirée")
        expired.expiration_date = DateTime() - 1
        expired.reindexObject()
        builders.publish(expired)
        logout()
        found = [
            brain.getId
            for brain in api.content.find(context=section, portal_type="ClassifiedAd")
        ]
        self.assertEqual(found, [current.getId()])
        found = [brain.getId for brain in api.content.find(SearchableText="Annonce")]
        self.assertNotIn(expired.getId(), found)
