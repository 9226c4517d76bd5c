"""The activity of what one follows: the public page and the feeds of a working
group or a chantier, and *Mon espace*, each read with the reader's rights."""

from coordaction.workflows.spaces.roster import WorkingGroupRoster
from DateTime import DateTime
from plone import api
from tests import builders
from tests.http import SiteTestCase
from tests.http import authenticator
import transaction


class TestActivity(SiteTestCase):
    users = {
        "membre": {"groups": ("membres-du-reseau",)},
        "voisine": {"groups": ("membres-du-reseau",)},
    }

    def build(self):
        section = self.portal["groupes-de-travail"]
        self.public = builders.working_group(
            section, id="foncier", title="Groupe foncier", visibility="public"
        )
        self.private = builders.working_group(
            section, id="juridique", title="Groupe juridique"
        )
        WorkingGroupRoster(self.private).add("membre")
        api.content.create(
            container=self.public, type="Document", id="note", title="Note publique"
        )
        api.content.create(
            container=self.private,
            type="Document",
            id="cr",
            title="Compte rendu secret",
        )
        self.chantier = builders.workstream(
            self.portal["chantiers"], id="bail", title="Relire un bail"
        )
        builders.publish(self.chantier)
        centre = self.portal["centre-de-ressources"]
        done = builders.publish(
            builders.resource(centre, id="guide", title="Guide du bail")
        )
        draft = builders.resource(centre, id="brouillon", title="Brouillon du bail")
        for resource in (done, draft):
            api.relation.create(
                source=self.chantier, target=resource, relationship="produced_resources"
            )

    def test_the_public_reads_the_activity_of_a_public_group_and_a_chantier(self):
        page = self.anonymous.page("groupes-de-travail/foncier")
        self.assertIn("@@activite", page.text)
        page = self.anonymous.page("groupes-de-travail/foncier/@@activite")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Activité : Groupe foncier", page.text)
        self.assertIn("<title>Activité : Groupe foncier —", page.text)
        self.assertIn("Note publique", page.text)
        self.assertIn("Flux RSS", page.text)
        for feed in ("rss.xml", "atom.xml", "RSS"):
            response = self.anonymous.page(f"groupes-de-travail/foncier/{feed}")
            self.assertEqual(response.status_code, 200, feed)
            self.assertIn("xml", response.headers["Content-Type"])
            self.assertIn("Note publique", response.text)
            self.assertNotIn("@example.org", response.text)

        page = self.anonymous.page("chantiers/bail/@@activite")
        self.assertIn("Guide du bail", page.text)
        self.assertNotIn("Brouillon du bail", page.text)
        feed = self.anonymous.page("chantiers/bail/atom.xml")
        self.assertIn("Guide du bail", feed.text)
        self.assertNotIn("Brouillon du bail", feed.text)

    def test_a_private_group_answers_only_to_its_members(self):
        for path in ("@@activite", "rss.xml", "atom.xml"):
            response = self.anonymous.page(f"groupes-de-travail/juridique/{path}")
            self.assertNotIn("Compte rendu secret", response.text)
        member = self.signed_in("membre")
        page = member.page("groupes-de-travail/juridique/@@activite")
        self.assertIn("Compte rendu secret", page.text)
        neighbour = self.signed_in("voisine")
        page = neighbour.page("groupes-de-travail/juridique/@@activite")
        self.assertNotIn("Compte rendu secret", page.text)

    def test_mon_espace_shows_what_changed_in_what_one_follows(self):
        member = self.signed_in("membre")
        neighbour = self.signed_in("voisine")
        for client in (member, neighbour):
            page = client.page("groupes-de-travail")
            client.session.post(
                f"{self.url}/groupes-de-travail/@@suivre",
                data={"_authenticator": authenticator(page.text)},
                timeout=60,
            )
        page = member.page("groupes-de-travail/juridique")
        member.session.post(
            f"{self.url}/groupes-de-travail/juridique/@@suivre",
            data={"_authenticator": authenticator(page.text)},
            timeout=60,
        )
        transaction.begin()
        for login in ("membre", "voisine"):
            api.user.get(username=login).setMemberProperties(
                {"last_login_time": DateTime() - 1}
            )
        api.content.create(
            container=self.private, type="Document", title="Ordre du jour confidentiel"
        )
        transaction.commit()

        page = member.page("@@mon-espace")
        self.assertIn("Mes suivis", page.text)
        self.assertIn("Ordre du jour confidentiel", page.text)
        self.assertIn("Gérer ce que je suis", page.text)
        page = neighbour.page("@@mon-espace")
        self.assertIn("Mes suivis", page.text)
        self.assertIn("Note publique", page.text)
        self.assertNotIn("Ordre du jour confidentiel", page.text)
        self.assertNotIn("Compte rendu secret", page.text)


class TestFollowsAPI(SiteTestCase):
    """``@follows``: an outside client reads and changes what its user follows."""

    users = {"membre": {"groups": ("membres-du-reseau",)}}

    def build(self):
        section = self.portal["groupes-de-travail"]
        self.public_uid = builders.working_group(
            section, id="foncier", title="Groupe foncier", visibility="public"
        ).UID()
        self.private_uid = builders.working_group(
            section, id="juridique", title="Groupe juridique"
        ).UID()
        self.page_uid = api.content.create(
            container=self.portal, type="Document", id="page", title="Une page"
        ).UID()

    def test_follow_read_patch_back_and_stop_through_rest(self):
        client = self.signed_in("membre")
        empty = client.get_json("@follows")
        self.assertEqual(empty.status_code, 200)
        self.assertEqual(empty.json()["items"], [])
        self.assertEqual(empty.json()["frequency"], "weekly")
        # A frequency chosen before following anything is kept.
        client.api("PATCH", "@follows", json={"frequency": "daily"})
        self.assertEqual(client.get_json("@follows").json()["frequency"], "daily")
        client.api("PATCH", "@follows", json={"frequency": "weekly"})

        created = client.api("POST", "@follows", json={"UID": self.public_uid})
        self.assertEqual(created.status_code, 201)
        [item] = created.json()["items"]
        self.assertEqual(item["title"], "Groupe foncier")
        self.assertEqual(item["@type"], "WorkingGroup")

        # What GET gives, PATCHed back, changes nothing; then daily.
        got = client.get_json("@follows").json()
        same = client.api("PATCH", "@follows", json=got)
        self.assertEqual(same.json(), got)
        daily = client.api("PATCH", "@follows", json={"frequency": "daily"})
        self.assertEqual(daily.json()["frequency"], "daily")

        page = self.signed_in("membre").page("groupes-de-travail/foncier")
        self.assertIn("Ne plus suivre", page.text)
        stopped = client.api("DELETE", "@follows", json={"UID": self.public_uid})
        self.assertEqual(stopped.json()["items"], [])

    def test_bad_values_another_role_and_anonymous(self):
        client = self.signed_in("membre")
        for body in (
            {"UID": self.private_uid},  # a private space the member may not see
            {"UID": self.page_uid},  # not something one follows
            {"UID": 42},
            {"UID": "<script>alert(1)</script>"},
            {},
            ["UID"],
        ):
            response = client.api("POST", "@follows", json=body)
            self.assertEqual(response.status_code, 400, body)
            self.assertIn("message", response.json())
        for frequency in ("hourly", None, ["daily"]):
            response = client.api("PATCH", "@follows", json={"frequency": frequency})
            self.assertEqual(response.status_code, 400, frequency)
        self.assertIn("« frequency »", response.json()["message"])
        self.assertEqual(client.get_json("@follows").json()["items"], [])

        anonymous = self.anonymous.get_json("@follows")
        self.assertEqual(anonymous.status_code, 401)
        response = self.anonymous.api("POST", "@follows", json={"UID": self.public_uid})
        self.assertEqual(response.status_code, 401)

    def test_a_member_who_left_a_followed_space_no_longer_reads_it(self):
        client = self.signed_in("membre")
        transaction.begin()
        WorkingGroupRoster(self.portal["groupes-de-travail"]["juridique"]).add("membre")
        transaction.commit()
        followed = client.api("POST", "@follows", json={"UID": self.private_uid})
        self.assertEqual(followed.status_code, 201)
        transaction.begin()
        WorkingGroupRoster(self.portal["groupes-de-travail"]["juridique"]).remove(
            api.user.get(username="membre").getId()
        )
        transaction.commit()
        for path in ("@@mon-espace", "@@mes-suivis"):
            page = client.page(path)
            self.assertEqual(page.status_code, 200, path)
            self.assertNotIn("Groupe juridique", page.text)
        self.assertEqual(client.get_json("@follows").json()["items"], [])
