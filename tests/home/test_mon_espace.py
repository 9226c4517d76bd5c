"""Mon espace, over HTTP, as each kind of member sees it: only their own groups and
what changed in them, the events of their groups, their drafts and submissions with
their state, and for reviewers what they may review; how to join a group for one
who has none; the collaborative tools an administrator lists."""

from DateTime import DateTime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.home.layer import HOME_FUNCTIONAL_TESTING
from tests.http import PASSWORD
from tests.http import Client
from tests.http import commit
import lxml.html
import re
import requests
import unittest


def section(html, css_class):
    """The text of a section of the page, whitespace folded ('' if absent)."""
    found = lxml.html.fromstring(html).find_class(css_class)
    return " ".join(found[0].text_content().split()) if found else ""


class MonEspaceTestCase(unittest.TestCase):
    layer = HOME_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url()

    def mon_espace(self, login):
        response = Client(self.url, login).page("@@mon-espace")
        self.assertEqual(response.status_code, 200)
        return response.text


class TestWhoGetsIn(MonEspaceTestCase):
    def test_anonymous_visitors_are_asked_to_log_in(self):
        response = Client(self.url).page("@@mon-espace")
        self.assertIn("login", response.url)
        self.assertIn("came_from", response.url)
        self.assertIn("mon-espace", response.url)
        self.assertIn('name="__ac_password"', response.text)

    def test_personal_menu_links_to_mon_espace_when_logged_in(self):
        html = Client(self.url, "membre-a").page().text
        links = [
            link
            for link in lxml.html.fromstring(html).iterlinks()
            if link[2] == f"{self.url}/@@mon-espace"
        ]
        self.assertTrue(links)
        self.assertEqual(links[0][0].text_content().strip(), "Mon espace")
        self.assertNotIn("@@mon-espace", Client(self.url).page().text)
        # Not Plone's dashboard beside it: an empty page of portlets.
        self.assertNotIn("/dashboard", html)
        self.assertNotIn("Tableau de bord", html)


class TestTheMembersHome(MonEspaceTestCase):
    def log_in(self, came_from):
        session = requests.Session()
        response = session.post(
            f"{self.url}/login",
            data={
                "__ac_name": "membre-a",
                "__ac_password": PASSWORD,
                "came_from": came_from,
                "buttons.login": "Se connecter",
            },
            timeout=60,
        )
        self.assertEqual(response.status_code, 200)
        return response.url

    def test_logging_in_from_the_home_page_leads_to_mon_espace(self):
        for came_from in ("", self.url, f"{self.url}/", f"{self.url}/login"):
            with self.subTest(came_from=came_from):
                self.assertEqual(self.log_in(came_from), f"{self.url}/@@mon-espace")

    def test_logging_in_from_a_page_leads_back_to_it(self):
        page = f"{self.url}/agenda"
        self.assertEqual(self.log_in(page), page)

    def test_mon_espace_is_in_the_main_menu_of_members_only(self):
        def menu(client):
            tree = lxml.html.fromstring(client.page().text)
            return [
                (link.text_content().strip(), link.get("href"))
                for link in tree.cssselect("#portal-globalnav > li > a")
            ]

        member_menu = menu(Client(self.url, "membre-a"))
        self.assertEqual(member_menu[1], ("Mon espace", f"{self.url}/@@mon-espace"))
        self.assertNotIn("Mon espace", [title for title, _ in menu(Client(self.url))])


class TestMyGroups(MonEspaceTestCase):
    def test_member_sees_their_group_and_what_changed_in_it(self):
        html = self.mon_espace("membre-a")
        self.assertIn("Bonjour Alice Martin", html)
        groups = section(html, "coordaction-mon-espace-groups")
        self.assertIn("Groupe juridique", groups)
        self.assertIn("Compte rendu du groupe juridique", groups)
        self.assertIn("Brouillon du groupe juridique", groups)
        # She coordinates it: the roster is one click away.
        self.assertIn("Coordination", groups)
        self.assertIn("groupe-juridique/@@roster", html)
        events = section(html, "coordaction-mon-espace-events")
        self.assertIn("Réunion du groupe juridique", events)

    def test_what_changed_since_the_last_visit_is_marked(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        member = api.user.get(username="membre-a")
        # Her previous login: an hour ago; one page of her group changed since.
        member.setMemberProperties({"last_login_time": DateTime() - 1 / 24.0})
        (brain,) = api.content.find(Title="Compte rendu du groupe juridique")
        page = brain.getObject()
        page.description = "Relu par le groupe."
        page.reindexObject()
        others = api.content.find(
            path=brain.getPath().rsplit("/", 1)[0],
            Title="Brouillon du groupe juridique",
        )
        for other in others:
            other.getObject().setModificationDate(DateTime() - 2)
            other.getObject().reindexObject(idxs=["modified"])
        commit()
        document = lxml.html.fromstring(self.mon_espace("membre-a"))
        (group,) = [
            card
            for card in document.find_class("coordaction-mon-espace-group")
            if "Groupe juridique" in card.text_content()
        ]
        (news,) = group.find_class("coordaction-mon-espace-news")
        self.assertGreaterEqual(int(news.text_content().split()[0]), 1)
        self.assertIn("depuis votre dernière visite", news.text_content())
        marked = [
            " ".join(item.text_content().split())
            for item in group.iter("li")
            if "Nouveau" in item.text_content()
        ]
        self.assertTrue(
            any("Compte rendu du groupe juridique" in text for text in marked), marked
        )
        self.assertFalse(
            any("Brouillon du groupe juridique" in text for text in marked), marked
        )
        # Back later: nothing new since.
        member.setMemberProperties({"last_login_time": DateTime() + 1})
        commit()
        html = self.mon_espace("membre-a")
        self.assertNotIn("coordaction-mon-espace-news", html)
        self.assertNotIn("Nouveau", section(html, "coordaction-mon-espace-groups"))

    def test_member_sees_only_their_groups(self):
        html = self.mon_espace("membre-a")
        for title in (
            "Groupe foncier",
            "Note du groupe foncier",
            "Réunion du groupe foncier",
            "Groupe communication",
        ):
            self.assertNotIn(title, html)
        html = self.mon_espace("membre-b")
        groups = section(html, "coordaction-mon-espace-groups")
        self.assertIn("Groupe foncier", groups)
        self.assertIn("Note du groupe foncier", groups)
        self.assertNotIn("Coordination", groups)
        self.assertNotIn("@@roster", html)
        for title in ("Groupe juridique", "Compte rendu du groupe juridique"):
            self.assertNotIn(title, html)
        self.assertIn(
            "Réunion du groupe foncier", section(html, "coordaction-mon-espace-events")
        )

    def test_member_in_no_group_sees_how_to_join_one(self):
        html = self.mon_espace("sans-groupe")
        join = section(html, "coordaction-mon-espace-join")
        self.assertIn("Vous ne faites encore partie d'aucun groupe de travail.", join)
        self.assertIn("demandez-le à ses coordinateurs", join)
        # The internal group that takes requests, with its button; not the private ones.
        self.assertIn("Groupe communication", join)
        self.assertIn("Demander à rejoindre", join)
        self.assertNotIn("Groupe juridique", html)
        self.assertNotIn("Groupe foncier", html)
        self.assertIn(f"{self.url}/groupes-de-travail", html)

        client = Client(self.url, "sans-groupe")
        response = client.submit("@@mon-espace", {}, "form.join")
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Votre demande est envoyée aux coordinateurs du groupe.", response.text
        )
        join = section(self.mon_espace("sans-groupe"), "coordaction-mon-espace-join")
        self.assertIn("Demande envoyée", join)
        self.assertNotIn("Demander à rejoindre", join)

    def test_a_member_of_a_group_sees_her_requests_waiting(self):
        # Bob is in the land group and asks to join the communication group.
        client = Client(self.url, "membre-b")
        (brain,) = api.content.find(
            portal_type="WorkingGroup", Title="Groupe communication"
        )
        page = client.page(brain.getURL()).text
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page)[1]
        client.session.post(
            f"{brain.getURL()}/@@join-request",
            data={"_authenticator": token},
            timeout=60,
        )
        groups = lxml.html.fromstring(self.mon_espace("membre-b"))
        (waiting,) = groups.find_class("coordaction-mon-espace-requests")
        self.assertEqual(
            [link.text_content() for link in waiting.iter("a")],
            ["Groupe communication"],
        )

    def test_account_outside_the_network_learns_groups_are_for_members(self):
        html = self.mon_espace("compte-simple")
        join = section(html, "coordaction-mon-espace-join")
        self.assertIn("ouverts aux membres du réseau", join)
        self.assertIn("Écrivez-nous", join)
        self.assertNotIn("Groupe communication", html)
        self.assertIn(f"{self.url}/contribuer/nous-contacter", html)


class TestMyDraftsAndReviews(MonEspaceTestCase):
    def test_author_sees_her_drafts_and_submissions_with_their_state(self):
        html = self.mon_espace("autrice")
        document = lxml.html.fromstring(html)
        rows = {
            " ".join(row.xpath("string(td[1])").split()): " ".join(
                row.xpath("string(td[3])").split()
            )
            for row in document.xpath(
                '//*[contains(@class, "coordaction-mon-espace-drafts")]//tbody/tr'
            )
        }
        self.assertEqual(
            rows,
            {
                "Brouillon de l'autrice": "Brouillon",
                "Guide soumis à la relecture": "En attente de relecture depuis aujourd'hui",
            },
        )
        # No review list for an author.
        self.assertNotIn("coordaction-mon-espace-review", html)

    def test_reviewer_sees_what_waits_for_her_not_the_drafts(self):
        html = self.mon_espace("relectrice")
        review = section(html, "coordaction-mon-espace-review")
        self.assertIn("En attente de ma relecture", review)
        self.assertIn("Guide soumis à la relecture", review)
        self.assertIn("Annonce en attente", review)
        self.assertIn(f"{self.url}/full_review_list", html)
        for title in (
            "Brouillon de l'autrice",
            "Brouillon du groupe juridique",
            "Projet en brouillon",
            "Réunion privée",
        ):
            self.assertNotIn(title, html)

    def test_member_who_reviews_nothing_has_no_review_list(self):
        html = self.mon_espace("membre-a")
        self.assertNotIn("En attente de ma relecture", html)
        self.assertNotIn("Guide soumis à la relecture", html)
        # Her draft resource of the group is hers, with its state.
        drafts = section(html, "coordaction-mon-espace-drafts")
        self.assertIn("Brouillon du groupe juridique", drafts)
        self.assertIn("Brouillon", drafts)


class TestWhatHappensToMyProposal(MonEspaceTestCase):
    def draft(self):
        (brain,) = api.content.find(Title="Brouillon du groupe juridique")
        return brain.getObject()

    def state_cell(self):
        tree = lxml.html.fromstring(self.mon_espace("membre-a"))
        (row,) = [
            row
            for row in tree.cssselect(".coordaction-mon-espace-drafts tbody tr")
            if "Brouillon du groupe juridique" in row.text_content()
        ]
        (cell,) = row.cssselect("td[data-label='État']")
        return " ".join(cell.text_content().split())

    def test_the_author_sees_how_long_it_waits_and_why_it_was_refused(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        draft = self.draft()
        api.content.transition(draft, transition="submit")
        commit()
        self.assertEqual(
            self.state_cell(), "En attente de relecture depuis aujourd'hui"
        )
        api.content.transition(
            draft,
            transition="reject",
            comment="Précisez la source des chiffres <b>2025</b>.",
        )
        commit()
        self.assertEqual(
            self.state_cell(),
            "À reprendre Motif de la relecture : Précisez la source des chiffres "
            "<b>2025</b>.",
        )
        # ... and on the item's page, as text.
        page = Client(self.url, "membre-a").page(draft.absolute_url()).text
        (notice,) = lxml.html.fromstring(page).cssselect(".coordaction-refusal")
        self.assertIn(
            "À reprendre : la relecture ne l'a pas publié.", notice.text_content()
        )
        self.assertIn(
            "Précisez la source des chiffres <b>2025</b>.", notice.text_content()
        )
        self.assertIn("&lt;b&gt;2025", page)


class TestTools(MonEspaceTestCase):
    def tools(self):
        tools = lxml.html.fromstring(self.mon_espace("membre-a")).find_class(
            "coordaction-mon-espace-tools"
        )[0]
        return [(link.text_content(), link.get("href")) for link in tools.iter("a")]

    def test_tools_are_the_list_an_administrator_keeps(self):
        # None listed: the portal's own, never an empty block.
        self.assertEqual(
            self.tools(),
            [
                (
                    "Agenda des rencontres et des journées portes ouvertes",
                    f"{self.url}/agenda",
                ),
                ("Groupes de travail", f"{self.url}/groupes-de-travail"),
                ("Centre de ressources", f"{self.url}/centre-de-ressources"),
                (
                    "Écrire à l'équipe de la Coordin'action",
                    f"{self.url}/contribuer/nous-contacter",
                ),
            ],
        )
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        api.portal.set_registry_record(
            "coordaction.home.tools",
            [
                "Visioconférence|https://visio.example.org",
                "Liste de discussion|mailto:liste@example.org",
                "Portes ouvertes|agenda",
            ],
        )
        commit()
        self.assertEqual(
            self.tools(),
            [
                ("Visioconférence", "https://visio.example.org"),
                ("Liste de discussion", "mailto:liste@example.org"),
                ("Portes ouvertes", f"{self.url}/agenda"),
            ],
        )


class TestContributing(MonEspaceTestCase):
    def proposals(self, login):
        document = lxml.html.fromstring(self.mon_espace(login))
        return [
            (link.text_content(), link.get("href").removeprefix(f"{self.url}/"))
            for link in document.cssselect(".coordaction-proposals a")
        ]

    def test_who_writes_finds_each_section_s_proposal(self):
        self.assertEqual(
            self.proposals("autrice"),
            [
                ("Proposer une ressource", "centre-de-ressources/++add++Resource"),
                ("Proposer une trame", "trames-types/++add++LegalTemplate"),
                ("Signaler une situation", "observatoire/++add++ObservatoryCase"),
                ("Proposer une fiche projet", "projets/++add++ProjectSheet"),
                ("Proposer un événement", "agenda/++add++Event"),
                (
                    "Ouvrir une campagne de portes ouvertes",
                    "agenda/++add++OpenDaysCampaign",
                ),
                ("Publier une annonce", "petites-annonces/++add++ClassifiedAd"),
                ("Proposer une photo", "banque-d-images/++add++Image"),
            ],
        )

    def test_who_writes_nothing_gets_no_block(self):
        self.assertEqual(self.proposals("membre-a"), [])
