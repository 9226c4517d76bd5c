"""The demo content: built from its data files, enough of everything to try each
feature, valid, idempotent."""

from coordaction.content.content.project_sheet import IProjectSheet
from coordaction.content.licenses import LICENSES
from coordaction.policy.demo.build import create_demo_content
from coordaction.policy.demo.build import demo_accounts
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from DateTime import DateTime
from datetime import datetime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from zope.schema import getValidationErrors
import pytz
import time
import unittest


# A word that appears only in the text of a generated PDF (full-text search demo).
PDF_SEARCH_WORD = "quadripartite"

# What the demo holds, by type and workflow state (the README describes it).
DEMO_COUNTS = {
    ("Resource", "published"): 59,
    ("Resource", "pending"): 3,
    ("Resource", "private"): 2,  # one a draft in a working group
    ("LegalTemplate", "published"): 16,
    ("LegalTemplate", "obsolete"): 1,
    ("ProjectSheet", "published"): 89,
    ("WorkingGroup", "private"): 1,
    ("WorkingGroup", "internal"): 1,
    ("WorkingGroup", "public"): 1,
    ("Document", "space"): 2,
    ("Document", "shared"): 3,
    ("File", "shared"): 3,
    ("Event", "published"): 21,
    ("OpenDaysCampaign", "published"): 1,
    ("ClassifiedAd", "published"): 22,
    ("ObservatoryCase", "published"): 6,
    ("ObservatoryCase", "private"): 1,
    ("MeetingEdition", "published"): 2,
    # RNHP 2027: every state; RNHP 2026: its programme.
    ("MeetingProposal", "submitted"): 2,
    ("MeetingProposal", "under_study"): 2,
    ("MeetingProposal", "retained"): 2,
    ("MeetingProposal", "scheduled"): 6,
    ("MeetingProposal", "declined"): 2,
    # Eight chantiers: one waiting for review, one completed.
    ("Workstream", "published"): 7,
    ("Workstream", "pending"): 1,
    # The bank's, and two photos of a published project sheet (in its state).
    ("Image", "published"): 8,
    ("Exhibition", "published"): 1,
    ("Image", "pending"): 1,
}
SECTIONS = (
    "centre-de-ressources",
    "trames-types",
    "projets",
    "groupes-de-travail",
    "agenda",
    "petites-annonces",
    "observatoire",
    "banque-d-images",
    "rencontres",
    "chantiers",
)

# Metropolitan France (Corsica included) and the overseas départements.
FRANCE = (
    (41.3, 51.1, -5.2, 9.6),
    (-21.4, -20.8, 55.2, 55.9),  # La Réunion
    (14.3, 14.9, -61.3, -60.8),  # Martinique
)


def in_france(latitude, longitude):
    return any(
        south <= latitude <= north and west <= longitude <= east
        for south, north, west, east in FRANCE
    )


class TestDemoContent(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def find(self, **query):
        return api.content.find(context=self.portal, **query)

    def snapshot(self):
        """The path, modification date and state of everything in the catalog."""
        catalog = api.portal.get_tool("portal_catalog")
        return {
            brain.getPath(): (brain.modified, brain.review_state)
            for brain in catalog.unrestrictedSearchResults(path="/plone")
        }

    def counts(self):
        """{(portal_type, review_state): number} of the items in the sections."""
        catalog = api.portal.get_tool("portal_catalog")
        counts = {}
        for brain in catalog.unrestrictedSearchResults(
            path=[f"/plone/{section}" for section in SECTIONS]
        ):
            if brain.getPath() in (f"/plone/{section}" for section in SECTIONS):
                continue
            key = (brain.portal_type, brain.review_state)
            counts[key] = counts.get(key, 0) + 1
        return counts

    def test_demo_content_is_complete_valid_and_idempotent(self):
        started = time.monotonic()
        created = create_demo_content(self.portal)
        seconds = time.monotonic() - started
        self.assertLess(seconds, 120)
        self.assertEqual(self.counts(), DEMO_COUNTS)
        self.assertEqual(
            created,
            {
                "users": 6,
                "resources": 63,
                "templates": 17,
                "projects": 89,
                "groups": 3,
                "group_items": 9,
                "events": 21,
                "ads": 22,
                "editions": 2,
                "proposals": 14,
                "workstreams": 8,
                "situations": 7,
                "images": 7,
                "letters": 1,
                "open_days": 1,
                "kept_sheets": 1,
                "exhibitions": 1,
            },
        )

        # A sheet kept by its group, with its photos and its shared set-up; another
        # nobody confirmed for two years.
        from coordaction.content.confirmation import is_up_to_date
        from coordaction.policy.project_groups.maintainers import maintainers

        projects = self.portal["projets"]
        kept = projects["les-choux-lents-montreuil"]
        self.assertEqual(
            list(maintainers(kept)), [api.user.get(username="membre-groupe").getId()]
        )
        self.assertEqual(len(kept.photos()), 2)
        [setup] = [
            relation.from_object
            for relation in api.relation.get(target=kept, relationship="project_sheet")
        ]
        self.assertTrue(setup.private_details)
        self.assertFalse(is_up_to_date(projects["la-boucle-habitee-besancon"]))
        exhibition = self.portal["banque-d-images"]["exposition-rnhp"]
        self.assertEqual(len(exhibition.photos), 5)

        # The open-days campaign, with its three projects.
        from coordaction.policy.agenda.open_days import participants

        campaign = self.portal["agenda"]["journees-portes-ouvertes"]
        self.assertEqual(len(participants(campaign)), 3)

        # The letter of the month: a draft of the letter's team, made of what was
        # published this month.
        [letter] = self.portal["lettre"].objectValues()
        self.assertEqual(api.content.get_state(letter), "draft")
        self.assertTrue(letter.editorial.raw)
        self.assertTrue(
            api.user.has_permission(
                "coordaction: Send Newsletter", username="relectrice", obj=letter
            )
        )

        # Chantiers: offers in every state, carried by the three groups, linked to
        # a workshop of the meetings and to the resources they produced; a member
        # with skills whose alert is on.
        from coordaction.policy.workstreams import skills
        from coordaction.policy.workstreams.offers import WorkstreamOffers

        chantiers = [brain.getObject() for brain in self.find(portal_type="Workstream")]
        offer_states = {
            offer["state"]
            for chantier in chantiers
            for offer in WorkstreamOffers(chantier).all()
        }
        self.assertEqual(offer_states, {"offered", "accepted", "declined"})
        statuses = {chantier.workstream_status for chantier in chantiers}
        self.assertEqual(statuses, {"ouvert", "en-cours", "termine"})
        carried = self.portal["chantiers"]["relire-les-statuts-types-de-cooperative"]
        self.assertEqual(
            carried.workshop.to_object.getId(), "montage-juridique-en-cooperative"
        )
        self.assertTrue(carried.produced_resources)
        member = api.user.get(username="membre-reseau").getId()
        self.assertEqual(skills.alert_state(member), "on")

        # Followers: their first digest is due, read with their rights.
        from coordaction.policy.following import follows
        from coordaction.policy.following.digest import changes_for
        from coordaction.policy.following.digest import is_due

        record = follows.record_of(member)
        self.assertEqual(len(record["targets"]), 3)
        self.assertTrue(is_due(record, follows.now()))
        changes = changes_for(member, record["last_sent"])
        titles = [title for _place, _url, items in changes for title, _url in items]
        self.assertIn("Relire les statuts types de coopérative d'habitants", titles)
        self.assertNotIn("Compte rendu de la réunion de septembre", titles)
        in_group = api.user.get(username="membre-groupe").getId()
        changes = changes_for(in_group, follows.record_of(in_group)["last_sent"])
        titles = [title for _place, _url, items in changes for title, _url in items]
        self.assertIn("Compte rendu de la réunion de septembre", titles)

        # Resources: all kinds of state, every licence, files and links.
        resources = self.find(portal_type="Resource")
        self.assertGreaterEqual(len(resources), 60)
        states = {brain.review_state for brain in resources}
        self.assertEqual(states, {"published", "pending", "private"})
        objects = [brain.getObject() for brain in resources]
        self.assertGreaterEqual(len([item for item in objects if item.file]), 15)
        self.assertGreaterEqual(len([item for item in objects if item.external_url]), 5)
        centre = self.portal["centre-de-ressources"]
        self.assertTrue(
            all(item.Creator() == "contributeur" for item in centre.objectValues())
        )
        used = {brain.license_spdx for brain in resources}
        self.assertEqual(used, {license.spdx for license in LICENSES})

        # Full-text search reads the generated PDFs.
        found = self.find(SearchableText=PDF_SEARCH_WORD, portal_type="Resource")
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0].getObject().file.contentType, "application/pdf")

        # Templates: one obsolete, superseded by a published one.
        templates = self.find(portal_type="LegalTemplate")
        self.assertGreaterEqual(len(templates), 15)
        obsolete = [brain for brain in templates if brain.review_state == "obsolete"]
        self.assertEqual(len(obsolete), 1)
        successor = obsolete[0].getObject().superseded_by.to_object
        self.assertEqual(api.content.get_state(successor), "published")

        # Project sheets: valid per the schema, on the map, in France.
        sheets = self.find(portal_type="ProjectSheet", review_state="published")
        self.assertGreaterEqual(len(sheets), 80)
        regions = set()
        for brain in sheets:
            sheet = brain.getObject()
            self.assertEqual(getValidationErrors(IProjectSheet, sheet), [], sheet.id)
            self.assertTrue(in_france(sheet.latitude, sheet.longitude), sheet.id)
            self.assertTrue(sheet.contact_email.endswith("@example.org"))
            regions.add(sheet.region)
        self.assertTrue({"02", "04", "94"} <= regions)
        looking = [brain for brain in sheets if brain.looking_for_members]
        self.assertTrue(len(sheets) / 4 < len(looking) < len(sheets) / 2)

        # Working groups, their rosters and documents.
        groups = self.find(portal_type="WorkingGroup")
        self.assertGreaterEqual(len(groups), 3)
        self.assertEqual(
            {brain.review_state for brain in groups}, {"private", "internal", "public"}
        )
        legal = self.portal["groupes-de-travail"]["juridique-et-financier"]
        roster = WorkingGroupRoster(legal)
        self.assertEqual(roster.coordinator_ids(), {"coordinatrice"})
        self.assertIn("membre-groupe", roster.member_ids())
        self.assertEqual(
            api.content.get_state(legal["brouillon-fiche-fiscalite-des-cooperatives"]),
            "private",
        )
        land = self.portal["groupes-de-travail"]["foncier-et-collectivites"]
        self.assertEqual(WorkingGroupRoster(land).requests(), ["membre-reseau"])
        shared = self.find(review_state="shared")
        self.assertGreaterEqual(len(shared), 3)

        # Events in the coming months, ads with some expired.
        now = datetime.now(pytz.utc)
        events = self.find(portal_type="Event", review_state="published")
        self.assertGreaterEqual(len(events), 20)
        self.assertTrue(all(brain.getObject().start > now for brain in events))
        ads = self.find(portal_type="ClassifiedAd", review_state="published")
        self.assertGreaterEqual(len(ads), 20)
        self.assertEqual(len({brain.ad_kind for brain in ads}), 6)
        expired = [brain for brain in ads if brain.expires < DateTime()]
        self.assertGreaterEqual(len(expired), 2)
        self.assertLess(len(expired), len(ads) / 2)

        # The observatory: situations in every status, one draft, linked templates.
        situations = self.find(portal_type="ObservatoryCase")
        self.assertEqual(created["situations"], len(situations))
        self.assertEqual(
            {brain.case_status for brain in situations},
            {"non-resolue", "en-cours", "resolue"},
        )
        self.assertEqual(
            [brain.review_state for brain in situations].count("private"), 1
        )
        notary = self.portal["observatoire"][
            "statuts-de-societe-d-attribution-refuses-par-le-notaire"
        ]
        self.assertEqual(
            [relation.to_object.getId() for relation in notary.related_templates],
            ["statuts-de-societe-d-attribution-et-d-autopromotion"],
        )
        # The photo bank: licences and credits, one image waiting for review.
        images = api.content.find(
            context=self.portal["banque-d-images"], portal_type="Image"
        )
        self.assertEqual(created["images"], len(images))
        self.assertGreaterEqual(len({brain.license_spdx for brain in images}), 4)
        self.assertTrue(all(brain.credit_text for brain in images))
        self.assertEqual(sorted(brain.review_state for brain in images)[0], "pending")

        # The demo accounts, in their groups, with their public passwords.
        accounts = demo_accounts()
        self.assertEqual(
            [account["login"] for account in accounts],
            [
                "admin-demo",
                "relectrice",
                "contributeur",
                "membre-reseau",
                "coordinatrice",
                "membre-groupe",
            ],
        )
        for account in accounts:
            login = account["login"]
            user = api.user.get(username=login)
            self.assertEqual(user.getProperty("fullname"), account["fullname"])
            self.assertEqual(user.getProperty("email"), f"{login}@example.org")
            self.assertTrue(
                self.portal.acl_users.authenticate(
                    login, account["password"], self.layer["request"]
                )
            )
            for group in account["groups"]:
                self.assertIn(login, api.group.get(groupname=group).getGroupMemberIds())

        # A second run creates and changes nothing.
        before = self.snapshot()
        self.assertGreater(len(before), 250)
        again = create_demo_content(self.portal)
        self.assertEqual(set(again.values()), {0})
        self.assertEqual(self.snapshot(), before)
        self.assertEqual(created["resources"], len(centre.objectIds()))
        self.assertEqual(created["users"], len(accounts))
