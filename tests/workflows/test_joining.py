"""Joining a working group from its page, as people do it over HTTP: a network
member asks (with a message), the coordinators get a mail and see the request
waiting, a coordinator accepts, the member is told by mail and on the page, and may
leave. Names, never logins; the message is shown as text."""

from coordaction.workflows.spaces.roster import WorkingGroupRoster
from plone import api
from tests import builders
from tests import mailbox
from tests.http import SiteTestCase
from tests.http import authenticator
from tests.http import make_user
import lxml.html
import transaction


HOSTILE = '<script>alert("x")</script> Je monte un projet à Lyon.'


class JoiningTestCase(SiteTestCase):
    # The group's join policy.
    policy = "request"

    def setUp(self):
        super().setUp()
        # The test server's mailbox is shared: only what this test sends counts.
        self.seen = len(mailbox.mails())

    def new_mails(self, to):
        return [mail for mail in mailbox.mails()[self.seen :] if to in mail.to]

    def build(self):
        for login_name, fullname in (
            ("coordo-join", "Colette Coordination"),
            ("reseau-join", "Rémi Réseau"),
            ("isolee-join", "Inès Isolée"),
        ):
            make_user(login_name).setMemberProperties({"fullname": fullname})
        api.group.add_user(groupname="membres-du-reseau", username="reseau-join")
        self.space = builders.working_group(
            self.portal["groupes-de-travail"],
            title="Groupe foncier solidaire",
            visibility="internal",
            join_policy=self.policy,
        )
        WorkingGroupRoster(self.space).add("coordo-join", coordinator=True)

    def page(self, client, path=""):
        response = client.page(f"{self.space.absolute_url()}{path}")
        self.assertEqual(response.status_code, 200, response.text[-3000:])
        return response

    def membership(self, html):
        found = lxml.html.fromstring(html).cssselect(".coordaction-membership")
        return found[0].text_content() if found else ""

    def ask(self, client, message):
        """Post the group page's request form (a member, who has none, posts the
        token of the page that asks before leaving: a double submit)."""
        html = self.page(client).text
        if "@@join-request" not in html:
            html = self.page(client, "/@@leave-group").text
        return client.session.post(
            f"{self.space.absolute_url()}/@@join-request",
            data={"message": message, "_authenticator": authenticator(html)},
            timeout=60,
        )

    def answer(self, coordinator, roster_page, action, **more):
        """The coordinator accepts or declines the request from the roster page."""
        return coordinator.session.post(
            f"{self.space.absolute_url()}/@@roster",
            data={
                "action": action,
                "user": "reseau-join",
                "_authenticator": authenticator(roster_page),
                **more,
            },
            timeout=60,
        )


class TestJoiningAGroup(JoiningTestCase):
    def test_ask_accept_and_leave(self):
        member = self.signed_in("reseau-join")
        coordinator = self.signed_in("coordo-join")

        # The network member sees the button on the group's page and asks.
        html = self.page(member).text
        self.assertIn("Demander à rejoindre", self.membership(html))
        response = self.ask(member, HOSTILE)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Votre demande est envoyée aux coordinateurs", response.text)
        self.assertIn("Votre demande attend la réponse", self.membership(response.text))
        self.assertNotIn("Demander à rejoindre", self.membership(response.text))

        # The coordinator is told by mail, with the name and the message.
        (mail,) = self.new_mails("coordo-join@example.org")
        self.assertEqual(
            mail.subject,
            "[Coordin'action] Rémi Réseau demande à rejoindre « Groupe foncier solidaire »",
        )
        self.assertIn("Je monte un projet à Lyon.", mail.body)
        self.assertIn(f"{self.space.absolute_url()}/@@roster", mail.body)
        self.assertNotIn("reseau-join", mail.body)

        # ... and sees the request waiting on the group's page and the roster.
        html = self.page(coordinator).text
        self.assertIn("1 demande en attente", " ".join(self.membership(html).split()))
        home = coordinator.page("@@mon-espace").text
        (pending,) = lxml.html.fromstring(home).cssselect(
            ".coordaction-mon-espace-pending"
        )
        self.assertEqual(
            " ".join(pending.text_content().split()), "1 demande en attente"
        )
        roster = self.page(coordinator, "/@@roster").text
        self.assertIn("Rémi Réseau", roster)
        self.assertIn("&lt;script&gt;", roster)
        self.assertNotIn('<script>alert("x")', roster)

        # The coordinator accepts: names, not logins; the member is told.
        response = self.answer(coordinator, roster, "accept")
        self.assertIn("La demande de Rémi Réseau est acceptée.", response.text)
        (welcome,) = self.new_mails("reseau-join@example.org")
        self.assertEqual(
            welcome.subject,
            "[Coordin'action] Bienvenue dans « Groupe foncier solidaire »",
        )
        self.assertIn("Bonjour Rémi Réseau", welcome.body)
        html = self.page(member).text
        self.assertIn("Vous êtes membre de ce groupe.", self.membership(html))

        # "Quitter le groupe" asks first: one click changes nothing.
        (leave,) = lxml.html.fromstring(html).cssselect(
            ".coordaction-membership-leave a"
        )
        asked = member.page(leave.get("href"))
        self.assertIn("Quitter le groupe « Groupe foncier solidaire » ?", asked.text)
        transaction.begin()
        self.assertTrue(WorkingGroupRoster(self.space).is_member("reseau-join"))
        # Confirmed, the member is out, back on the (internal) group's page.
        response = member.session.post(
            f"{self.space.absolute_url()}/@@leave-group",
            data={"_authenticator": authenticator(asked.text)},
            timeout=60,
        )
        self.assertEqual(response.url, self.space.absolute_url())
        self.assertIn(
            "Vous avez quitté le groupe « Groupe foncier solidaire ».", response.text
        )
        self.assertIn("Demander à rejoindre", self.membership(response.text))
        transaction.begin()
        self.assertFalse(WorkingGroupRoster(self.space).is_member("reseau-join"))

    def test_a_declined_request_is_told_to_who_asked(self):
        member = self.signed_in("reseau-join")
        self.ask(member, "")
        (mail,) = self.new_mails("coordo-join@example.org")
        self.assertNotIn("Son message", mail.body)
        coordinator = self.signed_in("coordo-join")
        roster = self.page(coordinator, "/@@roster").text
        response = self.answer(coordinator, roster, "decline")
        self.assertIn("La demande de Rémi Réseau est refusée.", response.text)
        (refused,) = self.new_mails("reseau-join@example.org")
        self.assertIn("n'ont pas accepté votre demande", refused.body)
        # On the group's page too, with the way to ask again.
        box = " ".join(self.membership(self.page(member).text).split())
        self.assertIn(
            "Les coordinateurs n'ont pas accepté votre demande (réponse du", box
        )
        self.assertIn("Demander à rejoindre", box)
        # Asking again forgets the refusal.
        self.ask(member, "J'ai un terrain à proposer.")
        box = self.membership(self.page(member).text)
        self.assertNotIn("n'ont pas accepté", box)
        self.assertIn("Votre demande attend la réponse d'un coordinateur", box)

    def test_answered_from_mon_espace_and_back_there_only(self):
        member = self.signed_in("reseau-join")
        self.ask(member, "")
        coordinator = self.signed_in("coordo-join")
        mine = coordinator.page("@@mon-espace").text
        self.assertIn(
            "Rémi Réseau demande à rejoindre le groupe.",
            " ".join(lxml.html.fromstring(mine).text_content().split()),
        )
        response = self.answer(coordinator, mine, "accept", next="mon-espace")
        self.assertEqual(response.url, f"{self.url}/@@mon-espace")
        self.assertIn("La demande de Rémi Réseau est acceptée.", response.text)
        # No other address is followed.
        response = self.answer(
            coordinator, mine, "accept", next="https://ailleurs.example.org/"
        )
        self.assertEqual(response.url, f"{self.space.absolute_url()}/@@roster")

    def test_the_only_coordinator_cannot_leave(self):
        coordinator = self.signed_in("coordo-join")
        html = self.page(coordinator, "/@@leave-group").text
        response = coordinator.session.post(
            f"{self.space.absolute_url()}/@@leave-group",
            data={"_authenticator": authenticator(html)},
            timeout=60,
        )
        self.assertIn("Vous êtes le seul coordinateur du groupe", response.text)
        self.assertTrue(WorkingGroupRoster(self.space).is_member("coordo-join"))

    def test_who_cannot_ask_sees_no_button(self):
        # Someone outside the network: the internal group is not theirs to see.
        outsider = self.signed_in("isolee-join")
        response = outsider.page(self.space.absolute_url())
        self.assertNotIn("Demander à rejoindre", response.text)
        # A visitor is invited to log in; a group that takes no request says nothing.
        api.content.transition(self.space, transition="make_public")
        self.space.visibility = "public"
        transaction.commit()
        html = self.anonymous.page(self.space.absolute_url()).text
        self.assertIn("Connectez-vous pour demander à rejoindre ce groupe.", html)
        self.space.join_policy = "closed"
        transaction.commit()
        html = self.anonymous.page(self.space.absolute_url()).text
        self.assertEqual(self.membership(html), "")

    def test_a_rest_client_asks_with_a_message(self):
        client = self.signed_in("reseau-join")
        response = client.api(
            "POST",
            f"{self.space.absolute_url()}/@join-request",
            json={"message": "Bonjour"},
        )
        self.assertEqual(response.status_code, 202, response.text)
        transaction.begin()
        self.assertEqual(
            WorkingGroupRoster(self.space).request_message("reseau-join"), "Bonjour"
        )
        response = client.api(
            "POST", f"{self.space.absolute_url()}/@join-request", json={"message": 3}
        )
        self.assertEqual(response.status_code, 400)


class TestJoiningAnOpenGroup(JoiningTestCase):
    """A group open to every network member: one click, no waiting; its
    coordinators are told who joined."""

    policy = "open"

    def test_one_click_makes_a_member_and_tells_the_coordinators(self):
        member = self.signed_in("reseau-join")
        page = self.page(member).text
        box = self.membership(page)
        self.assertIn("Ce groupe est ouvert à tous les membres du réseau.", box)
        self.assertIn("Rejoindre le groupe", box)
        self.assertNotIn("Un mot pour les coordinateurs", box)
        joined = self.ask(member, "")
        self.assertIn(
            "Bienvenue : vous êtes membre de « Groupe foncier solidaire ».", joined.text
        )
        self.assertIn("Vous êtes membre de ce groupe.", self.membership(joined.text))
        transaction.begin()
        self.assertTrue(
            WorkingGroupRoster(self.space).is_member(
                api.user.get(username="reseau-join").getId()
            )
        )
        (mail,) = self.new_mails("coordo-join@example.org")
        self.assertEqual(
            mail.subject,
            "[Coordin'action] Rémi Réseau a rejoint « Groupe foncier solidaire »",
        )
        self.assertNotIn("reseau-join", mail.body)
        # Twice is once: French says so.
        again = self.ask(member, "")
        self.assertIn("Vous faites déjà partie de ce groupe.", again.text)

    def test_rest_clients_join_too_and_outsiders_cannot(self):
        member = self.signed_in("reseau-join")
        answer = member.api(
            "POST", f"{self.space.absolute_url()}/@join-request", json={}
        )
        self.assertEqual(answer.status_code, 201)
        self.assertEqual(
            answer.json(), {"message": "Vous êtes membre du groupe.", "member": True}
        )
        outsider = self.signed_in("isolee-join")
        refused = outsider.api(
            "POST", f"{self.space.absolute_url()}/@join-request", json={}
        )
        self.assertIn(refused.status_code, (401, 403))
        transaction.begin()
        self.assertFalse(WorkingGroupRoster(self.space).is_member("isolee-join"))
