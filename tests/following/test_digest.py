"""Following the work: a member follows a working group and a section; the digest
tells them what changed there, daily or weekly as they chose, and a follower
outside the group never reads a word of its private space."""

from coordaction.policy.following import follows
from coordaction.policy.following.digest import send_digests
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from datetime import timedelta
from plone import api
from tests import builders
from tests import mailbox
from tests.http import SiteTestCase
from tests.http import authenticator
from tests.mailbox import mails
import transaction


class TestDigest(SiteTestCase):
    users = {
        "membre": {"groups": ("membres-du-reseau",)},
        "voisine": {"groups": ("membres-du-reseau",)},
    }

    def build(self):
        self.space = builders.working_group(
            self.portal["groupes-de-travail"], title="Groupe juridique"
        )
        WorkingGroupRoster(self.space).add("membre")

    def setUp(self):
        super().setUp()
        mailbox.reset()
        self.member = self.signed_in("membre")
        self.neighbour = self.signed_in("voisine")

    def follow(self, client, path):
        page = client.page(path)
        self.assertIn("Suivre", page.text)
        return client.session.post(
            f"{self.url}/{path}/@@suivre",
            data={"_authenticator": authenticator(page.text)},
            timeout=60,
        )

    def run_digests(self, days):
        transaction.begin()
        sent = send_digests(follows.now() + timedelta(days=days))
        transaction.commit()
        return sent

    def test_a_follower_gets_what_changed_and_nothing_private_leaks(self):
        space_path = "groupes-de-travail/groupe-juridique"
        response = self.follow(self.member, space_path)
        self.assertIn("Vous suivez « Groupe juridique »", response.text)
        self.follow(self.member, "groupes-de-travail")
        self.follow(self.neighbour, "groupes-de-travail")
        self.follow(self.neighbour, "chantiers")

        transaction.begin()
        api.content.create(
            container=self.space, type="Document", title="Compte rendu secret"
        )
        chantier = builders.workstream(self.portal["chantiers"], title="Relire un bail")
        builders.publish(chantier)
        transaction.commit()

        # Weekly by default: not due after a day.
        self.assertEqual(self.run_digests(days=1), 0)
        self.assertEqual(self.run_digests(days=7), 2)
        [digest] = mails(to="membre@example.org")
        self.assertIn("Compte rendu secret", digest.body)
        self.assertIn("@@mes-suivis", digest.body)
        [other] = mails(to="voisine@example.org")
        self.assertIn("Relire un bail", other.body)
        self.assertNotIn("Compte rendu secret", other.body)
        self.assertNotIn("Groupe juridique", other.body)

        # Nothing new since: no mail.
        mailbox.reset()
        self.assertEqual(self.run_digests(days=15), 0)

    def test_daily_digest_and_stop_following(self):
        self.follow(self.member, "groupes-de-travail/groupe-juridique")
        page = self.member.page("@@mes-suivis")
        self.assertIn("Groupe juridique", page.text)
        self.member.submit("@@mes-suivis", {"frequency": "daily"}, "form.frequency")
        transaction.begin()
        api.content.create(container=self.space, type="Document", title="Ordre du jour")
        transaction.commit()
        self.assertEqual(self.run_digests(days=1), 1)
        response = self.member.submit("@@mes-suivis", {}, "stop")
        self.assertIn("Vous ne suivez plus", response.text)
        self.assertIn("Vous ne suivez rien pour l'instant.", response.text)

    def test_anonymous_cannot_follow_and_non_members_cannot_follow_a_private_space(
        self,
    ):
        page = self.anonymous.page("groupes-de-travail")
        self.assertNotIn("@@suivre", page.text)
        response = self.anonymous.session.post(
            f"{self.url}/groupes-de-travail/@@suivre", timeout=60
        )
        self.assertIn("__ac_name", response.text)
        page = self.neighbour.page("chantiers")
        response = self.neighbour.session.post(
            f"{self.url}/groupes-de-travail/groupe-juridique/@@suivre",
            data={"_authenticator": authenticator(page.text)},
            timeout=60,
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (302, 401, 403))
        self.assertNotIn("Vous suivez", response.text)
        transaction.begin()
        user_id = api.user.get(username="voisine").getId()
        self.assertEqual(follows.record_of(user_id)["targets"], [])
