"""Working-group spaces: their groups, their roster, their visibility."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from coordaction.workflows.spaces.lifecycle import coordinators_group_id
from coordaction.workflows.spaces.lifecycle import members_group_id
from coordaction.workflows.spaces.roster import RosterError
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from tests import builders
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
from tests.http import proposed_resource
import re
import unittest


def can_view(login_name, item):
    with api.env.adopt_user(username=login_name):
        return api.user.has_permission("View", obj=item)


def found_by(login_name, word):
    with api.env.adopt_user(username=login_name):
        return [brain.getId for brain in api.content.find(SearchableText=word)]


class SpaceTestCase(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        for login_name in ("coordinatrice", "membre", "autre", "reseau", "isolee"):
            make_user(login_name)
        api.group.add_user(groupname="membres-du-reseau", username="reseau")
        api.group.add_user(
            groupname="Reviewers", username=make_user("relectrice").getId()
        )
        self.space = builders.working_group(self.portal["groupes-de-travail"])
        self.other = builders.working_group(
            self.portal["groupes-de-travail"], title="Groupe financement"
        )
        self.roster = WorkingGroupRoster(self.space)
        self.roster.add("coordinatrice", coordinator=True)
        self.roster.add("membre")
        WorkingGroupRoster(self.other).add("autre", coordinator=True)


class TestSpaceGroups(SpaceTestCase):
    def test_a_new_space_has_its_two_groups_with_local_roles(self):
        members = api.group.get(groupname=members_group_id(self.space))
        coordinators = api.group.get(groupname=coordinators_group_id(self.space))
        self.assertEqual(members.getProperty("title"), "Groupe juridique : membres")
        self.assertEqual(
            coordinators.getProperty("title"), "Groupe juridique : coordination"
        )
        local_roles = dict(self.space.get_local_roles())
        self.assertEqual(
            set(local_roles[members_group_id(self.space)]), {"Reader", "Contributor"}
        )
        self.assertIn("Coordinator", local_roles[coordinators_group_id(self.space)])

    def test_renaming_keeps_the_groups_and_their_titles_follow(self):
        group_id = members_group_id(self.space)
        self.space = api.content.rename(obj=self.space, new_id="juridique")
        self.space.title = "Pôle juridique"
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        notify(ObjectModifiedEvent(self.space))
        self.assertEqual(members_group_id(self.space), group_id)
        self.assertEqual(
            api.group.get(groupname=group_id).getProperty("title"),
            "Pôle juridique : membres",
        )
        self.assertTrue(can_view("membre", self.space))

    def test_deleting_a_space_deletes_its_groups(self):
        group_ids = (members_group_id(self.space), coordinators_group_id(self.space))
        api.content.delete(self.space)
        for group_id in group_ids:
            self.assertIsNone(api.group.get(groupname=group_id))

    def test_visibility_field_and_workflow_state_agree(self):
        self.assertEqual(api.content.get_state(self.space), "private")
        self.space.visibility = "internal"
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        notify(ObjectModifiedEvent(self.space))
        self.assertEqual(api.content.get_state(self.space), "internal")
        api.content.transition(self.space, transition="make_public")
        self.assertEqual(self.space.visibility, "public")


class TestRoster(SpaceTestCase):
    def test_people_with_their_roles(self):
        self.assertEqual(
            [(person["id"], person["coordinator"]) for person in self.roster.people()],
            [("coordinatrice", True), ("membre", False)],
        )

    def test_add_by_email_promote_and_remove(self):
        self.roster.add("isolee@example.org")
        self.assertIn("isolee", self.roster.member_ids())
        self.roster.set_coordinator("isolee")
        self.assertIn("isolee", self.roster.coordinator_ids())
        self.roster.remove("isolee")
        self.assertFalse(self.roster.is_member("isolee"))

    def test_unknown_person_is_reported(self):
        with self.assertRaises(RosterError) as raised:
            self.roster.add("personne@nulle-part.org")
        self.assertEqual(
            str(raised.exception),
            "Aucun compte ne correspond à « personne@nulle-part.org » : vérifiez "
            "l'identifiant ou l'adresse.",
        )

    def test_the_last_coordinator_stays(self):
        with self.assertRaises(RosterError):
            self.roster.remove("coordinatrice")
        with self.assertRaises(RosterError):
            self.roster.set_coordinator("coordinatrice", False)

    def test_join_requests_need_the_request_policy(self):
        with self.assertRaises(RosterError):
            self.roster.request_to_join("reseau")
        self.space.join_policy = "request"
        self.roster.request_to_join("reseau")
        self.assertEqual(self.roster.requests(), ["reseau"])
        self.roster.accept("reseau")
        self.assertEqual(self.roster.requests(), [])
        self.assertTrue(self.roster.is_member("reseau"))

    def test_a_request_is_announced_unless_the_demo_records_it(self):
        from coordaction.workflows.spaces.roster import JoinRequested
        from zope.component import getGlobalSiteManager

        heard = []

        def listen(event):
            heard.append(event.user_id)

        registry = getGlobalSiteManager()
        registry.registerHandler(listen, (JoinRequested,))
        try:
            self.space.join_policy = "request"
            self.roster.request_to_join("reseau", "Bonjour")
            self.roster.request_to_join("isolee", announce=False)
        finally:
            registry.unregisterHandler(listen, (JoinRequested,))
        self.assertEqual(heard, ["reseau"])
        self.assertEqual(self.roster.requests(), ["reseau", "isolee"])

    def test_a_declined_request_is_forgotten(self):
        self.space.join_policy = "request"
        self.roster.request_to_join("isolee")
        self.roster.decline("isolee")
        self.assertFalse(self.roster.is_member("isolee"))
        with self.assertRaises(RosterError):
            self.roster.accept("isolee")


class TestPrivacy(SpaceTestCase):
    def setUp(self):
        super().setUp()
        self.document = api.content.create(
            container=self.space, type="Document", title="Compte rendu zygomatique"
        )

    def test_the_group_sees_its_documents_and_nobody_else(self):
        self.assertEqual(api.content.get_state(self.document), "space")
        self.assertTrue(can_view("membre", self.document))
        self.assertTrue(can_view("coordinatrice", self.document))
        for outsider in ("autre", "reseau", "isolee", "relectrice"):
            self.assertFalse(can_view(outsider, self.document), outsider)
            self.assertEqual(found_by(outsider, "zygomatique"), [], outsider)
        self.assertEqual(found_by("membre", "zygomatique"), [self.document.getId()])

    def test_an_internal_space_opens_to_network_members_only(self):
        api.content.transition(self.space, transition="make_internal")
        self.assertTrue(can_view("reseau", self.document))
        self.assertFalse(can_view("isolee", self.document))
        self.assertFalse(can_view("autre", self.document))

    def test_readers_of_an_open_space_get_no_contents_nor_copy(self):
        """Plone's toolbar shows "Contenus" and "Actions > Copier" to whoever has
        these permissions: a network member or a visitor reading a public space
        has neither; its members and the editorial team keep them."""
        for transition in ("make_internal", "make_public"):
            api.content.transition(self.space, transition=transition)
            for permission in ("List folder contents", "Copy or Move"):
                for reader in ("reseau", "isolee"):
                    with api.env.adopt_user(username=reader):
                        self.assertFalse(
                            api.user.has_permission(permission, obj=self.space),
                            (transition, permission, reader),
                        )
                with api.env.adopt_user(username="membre"):
                    self.assertTrue(
                        api.user.has_permission(permission, obj=self.document)
                    )

    def test_a_shared_document_reaches_the_network(self):
        api.content.transition(self.document, transition="share")
        self.assertTrue(can_view("reseau", self.document))
        self.assertEqual(found_by("reseau", "zygomatique"), [self.document.getId()])
        self.assertFalse(can_view("isolee", self.document))
        logout()
        self.assertEqual(found_by("isolee", "zygomatique"), [])

    def test_a_draft_resource_goes_to_the_resource_centre_when_published(self):
        login(self.portal, "membre")
        draft = builders.resource(self.space, title="Guide des statuts")
        self.assertEqual(api.content.get_state(draft), "private")
        self.assertTrue(can_view("coordinatrice", draft))
        self.assertFalse(can_view("relectrice", draft))
        api.content.transition(draft, transition="submit")
        self.assertTrue(can_view("relectrice", draft))
        uid = draft.UID()
        login(self.portal, "relectrice")
        api.content.transition(draft, transition="publish")
        published = api.content.get(UID=uid)
        self.assertEqual(published.aq_parent.getId(), "centre-de-ressources")
        self.assertEqual(api.content.get_state(published), "published")
        self.assertEqual(published.getOwner().getId(), "membre")


class TestRosterOverHTTP(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        for login_name in ("coordinatrice", "membre", "isolee"):
            make_user(login_name)
        self.space = builders.working_group(self.portal["groupes-de-travail"])
        WorkingGroupRoster(self.space).add("coordinatrice", coordinator=True)
        WorkingGroupRoster(self.space).add("membre")
        commit()
        self.url = self.space.absolute_url()
        self.coordinator = Client(self.portal.absolute_url(), "coordinatrice")

    def test_coordinator_reads_and_changes_the_roster_through_rest(self):
        data = self.coordinator.get_json(f"{self.url}/@roster").json()
        self.assertEqual(
            [person["id"] for person in data["items"]], ["coordinatrice", "membre"]
        )
        response = self.coordinator.api(
            "POST", f"{self.url}/@roster", json={"user": "isolee@example.org"}
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.assertIn("isolee", [person["id"] for person in response.json()["items"]])
        response = self.coordinator.api(
            "PATCH", f"{self.url}/@roster", json={"user": "isolee", "coordinator": True}
        )
        self.assertEqual(response.status_code, 200)
        response = self.coordinator.api(
            "DELETE", f"{self.url}/@roster", json={"user": "membre"}
        )
        self.assertEqual(
            [person["id"] for person in response.json()["items"]],
            ["coordinatrice", "isolee"],
        )

    def test_unknown_person_gets_a_400_in_french(self):
        response = self.coordinator.api(
            "POST", f"{self.url}/@roster", json={"user": "personne@nulle-part.org"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Aucun compte ne correspond", response.json()["error"]["message"])
        self.assertEqual(
            self.coordinator.api("POST", f"{self.url}/@roster", json={}).status_code,
            400,
        )

    def test_members_and_outsiders_cannot_manage_the_roster(self):
        for login_name in ("membre", "isolee"):
            client = Client(self.portal.absolute_url(), login_name)
            self.assertIn(
                client.get_json(f"{self.url}/@roster").status_code, (401, 403)
            )
            response = client.api(
                "POST", f"{self.url}/@roster", json={"user": "isolee"}
            )
            self.assertIn(response.status_code, (401, 403))
        anonymous_page = Client(self.portal.absolute_url()).page(f"{self.url}/@@roster")
        self.assertNotIn("Membres du groupe", anonymous_page.text)
        self.assertNotIn("coordinatrice@example.org", anonymous_page.text)

    def test_coordinator_adds_a_member_from_the_roster_page(self):
        page = self.coordinator.page(f"{self.url}/@@roster").text
        self.assertIn("Membres du groupe", page)
        self.assertIn("Ajouter un membre", page)
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page)[1]
        response = self.coordinator.session.post(
            f"{self.url}/@@roster",
            data={"action": "add", "user": "isolee", "_authenticator": token},
            timeout=60,
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("isolee fait maintenant partie du groupe.", response.text)
        response = self.coordinator.session.post(
            f"{self.url}/@@roster",
            data={"action": "add", "user": "inconnue", "_authenticator": token},
            timeout=60,
        )
        self.assertIn("Aucun compte ne correspond à « inconnue »", response.text)


class TestTransitionsOverHTTP(SiteTestCase):
    users = {
        "contributrice": {"groups": ("equipe-editoriale",)},
        "relectrice": {"groups": ("Reviewers",)},
    }

    def setUp(self):
        super().setUp()
        self.contributor = self.signed_in("contributrice")
        self.url = proposed_resource(self.contributor)

    def test_contributor_submits_but_cannot_publish(self):
        response = self.contributor.api("POST", f"{self.url}/@workflow/publish")
        self.assertEqual(response.status_code, 403)
        self.assertIn(
            "Vous ne pouvez pas faire « publish »", response.json()["error"]["message"]
        )
        self.assertEqual(
            self.contributor.get_json(self.url).json()["review_state"], "private"
        )
        response = self.contributor.api("POST", f"{self.url}/@workflow/submit")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["review_state"], "pending")

    def test_reviewer_rejects_only_with_a_comment(self):
        self.contributor.api("POST", f"{self.url}/@workflow/submit")
        reviewer = Client(self.portal.absolute_url(), "relectrice")
        response = reviewer.api("POST", f"{self.url}/@workflow/reject", json={})
        self.assertEqual(response.status_code, 400)
        self.assertIn(
            "un commentaire est obligatoire", response.json()["error"]["message"]
        )
        self.assertEqual(reviewer.get_json(self.url).json()["review_state"], "pending")
        response = reviewer.api(
            "POST", f"{self.url}/@workflow/reject", json={"comment": "Sources ?"}
        )
        self.assertEqual(response.status_code, 200)
        history = self.contributor.get_json(f"{self.url}/@history").json()
        self.assertIn("Sources ?", [entry.get("comments") for entry in history])
