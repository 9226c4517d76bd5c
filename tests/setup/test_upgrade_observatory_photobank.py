"""An existing site gets the observatory and the photo bank from its upgrade steps
(content 1002, workflows 1004, policy 1009), and running them again changes nothing."""

from coordaction.content.upgrades import to_1002
from coordaction.policy.resourcecentre.faceted.pages import GALLERY_LAYOUT
from coordaction.policy.resourcecentre.faceted.pages import RESULTS_LAYOUT
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from coordaction.policy.upgrades.v1009 import add_observatory_and_photo_bank
from coordaction.workflows.photobank import POLICY
from coordaction.workflows.upgrades import to_1004
from eea.facetednavigation.interfaces import IFacetedLayout
from eea.facetednavigation.interfaces import IFacetedNavigable
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests import builders
import unittest


class TestUpgradeToObservatoryAndPhotoBank(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_a_site_without_the_sections_gets_them(self):
        api.content.delete(objects=[self.portal["observatoire"]])
        api.content.delete(objects=[self.portal["banque-d-images"]])
        for _twice in range(2):
            to_1002(None)
            to_1004(None)
            add_observatory_and_photo_bank(None)

        observatory = self.portal["observatoire"]
        bank = self.portal["banque-d-images"]
        for section, layout in ((observatory, RESULTS_LAYOUT), (bank, GALLERY_LAYOUT)):
            self.assertEqual(api.content.get_state(section), "published")
            self.assertTrue(IFacetedNavigable.providedBy(section))
            self.assertEqual(IFacetedLayout(section).layout, layout)
            self.assertIn(
                "Editor",
                api.group.get_roles(groupname="equipe-editoriale", obj=section),
            )
        self.assertEqual(getattr(bank, ".wf_policy_config").getPolicyBelowId(), POLICY)
        self.assertEqual(
            [fti.getId() for fti in observatory.allowedContentTypes()],
            ["ObservatoryCase"],
        )
        # Images of the bank wait for review; situations too.
        image = builders.image(bank)
        case = builders.observatory_case(observatory)
        self.assertEqual(api.content.get_state(image), "private")
        self.assertEqual(api.content.get_state(case), "private")
        ids = [
            item
            for item in self.portal.objectIds()
            if item in ("observatoire", "banque-d-images")
        ]
        self.assertEqual(ids, ["observatoire", "banque-d-images"])
