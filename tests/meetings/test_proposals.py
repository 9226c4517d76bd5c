"""A contribution to the national meetings, from the public form to the programme:
the proposer follows it through a secret link and is told of each step by mail;
the organisers study, retain, schedule or decline it (with a reason); the public
sees only what is retained; the form closes by itself after the deadline."""

from coordaction.policy.participation.antispam import ANONYMOUS_POSTS
from datetime import date
from datetime import timedelta
from plone import api
from tests import mailbox
from tests.http import SiteTestCase
from tests.mailbox import mails
from tests.participation.test_forms import widgets
import re
import transaction


FORM = "contribuer/proposer-une-contribution-rnhp"
SUBMIT = "form.buttons.submit"
A_WORKSHOP = {
    "title": "Financer le foncier avec un OFS",
    "format": ["atelier"],
    "summary": "Retours d'expérience de trois groupes accompagnés.",
    "speakers": "Inès Martin, Habitat Partagé 44\nPaul Roy, OFS de Loire-Atlantique",
    "organisation": "Groupe de travail Foncier",
    "themes": ["foncier"],
    "region": ["52"],
    "duration_minutes": "90",
    "room_needs": "30 personnes en cercle",
    "equipment": "Vidéoprojecteur",
    "name": "Inès Martin",
    "email": "ines@example.net",
    "consent": True,
}


def an_edition(portal, deadline_in_days=60, title="RNHP 2027"):
    today = date.today()
    edition = api.content.create(
        container=portal["rencontres"],
        type="MeetingEdition",
        title=title,
        start=today + timedelta(days=200),
        end=today + timedelta(days=201),
        place="Maison des associations, Nantes",
        submission_deadline=today + timedelta(days=deadline_in_days),
        workshop_slots=24,
        rooms=["Salle des Tilleuls", "Amphithéâtre"],
    )
    api.content.transition(edition, transition="publish")
    return edition


class MeetingsTestCase(SiteTestCase):
    users = {
        "organisatrice": {"groups": ("organisation-rnhp",)},
        "adherente": {},
    }

    def build(self):
        self.edition = an_edition(self.portal)

    def setUp(self):
        super().setUp()
        mailbox.reset()
        # Other tests' anonymous posts count against the hourly limit.
        ANONYMOUS_POSTS.reset()
        self.organiser = self.signed_in("organisatrice")

    def propose(self, **changes):
        response = self.anonymous.submit(
            FORM, widgets(**{**A_WORKSHOP, **changes}), SUBMIT
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Merci pour votre proposition", response.text)
        return response

    def proposal(self, title=A_WORKSHOP["title"]):
        transaction.begin()
        [proposal] = [
            item
            for item in self.edition.objectValues()
            if item.portal_type == "MeetingProposal" and item.Title() == title
        ]
        return proposal

    def follow_link(self):
        [receipt] = mails(self.portal, to="ines@example.net")
        return re.search(r"(http\S+@@suivi-proposition\?cle=\S+)", receipt.body)[1]

    def step(self, client, proposal_url, transition, **data):
        response = client.api(
            "POST", f"{proposal_url}/@workflow/{transition}", json=data
        )
        self.assertEqual(response.status_code, 200, response.text)
        return response


class TestProposeAndFollow(MeetingsTestCase):
    def test_a_pasted_copy_is_not_news_for_the_organisers(self):
        self.propose()
        proposal = self.proposal()
        self.assertEqual(len(mails(self.portal, to="organisatrice@example.org")), 1)
        mailbox.reset()
        transaction.begin()
        copy = api.content.copy(source=proposal, target=self.edition, safe_id=True)
        transaction.commit()
        self.assertNotEqual(copy.getId(), proposal.getId())
        self.assertEqual(mails(self.portal, to="organisatrice@example.org"), [])

    def test_a_visitor_proposes_a_workshop_and_follows_it_without_an_account(self):
        response = self.propose()
        self.assertIn("Merci pour votre proposition", response.text)
        proposal = self.proposal()
        self.assertEqual(api.content.get_state(proposal), "submitted")
        self.assertEqual(proposal.proposal_format, "atelier")
        self.assertEqual(proposal.contact_email, "ines@example.net")
        self.assertEqual(proposal.duration_minutes, 90)
        self.assertEqual(proposal.region, "52")
        # The organisers are told; the proposer gets the link to follow it.
        [notice] = mails(self.portal, to="organisatrice@example.org")
        self.assertIn(
            "[RNHP] Nouvelle proposition : Financer le foncier", notice.subject
        )
        self.assertIn(f"resolveuid/{proposal.UID()}", notice.body)
        link = self.follow_link()
        page = self.anonymous.page(link)
        self.assertEqual(page.status_code, 200)
        self.assertIn(
            "Votre proposition « Financer le foncier avec un OFS »", page.text
        )
        self.assertIn("Déposée", page.text)
        self.assertIn("RNHP 2027", page.text)
        self.assertEqual(page.headers["Cache-Control"], "private, no-store")
        # Nobody else sees it: not the public, not another member, not a search.
        for client in (self.anonymous, self.signed_in("adherente")):
            self.assertIn(
                client.page(proposal.absolute_url(), allow_redirects=False).status_code,
                (302, 401, 403, 404),
            )
            found = client.get_json("@search?portal_type=MeetingProposal").json()
            self.assertEqual(found["items_total"], 0)
            edition = client.page(self.edition.absolute_url()).text
            self.assertNotIn("Financer le foncier", edition)

    def test_retained_then_scheduled_it_is_in_the_public_programme(self):
        self.propose()
        proposal_url = self.proposal().absolute_url()
        link = self.follow_link()
        mailbox.reset()
        self.step(self.organiser, proposal_url, "study")
        self.step(self.organiser, proposal_url, "retain")
        form = self.organiser.page(f"{proposal_url}/@@programmer")
        self.assertIn("Programmer « Financer le foncier avec un OFS »", form.text)
        day = (date.today() + timedelta(days=201)).isoformat()
        response = self.organiser.submit(
            f"{proposal_url}/@@programmer",
            {"day": day, "time": "14:30", "room": "Amphithéâtre"},
            "form.schedule",
        )
        self.assertIn(
            "« Financer le foncier avec un OFS » est au programme.", response.text
        )
        proposal = self.proposal()
        self.assertEqual(api.content.get_state(proposal), "scheduled")
        self.assertEqual(proposal.slot_room, "Amphithéâtre")
        # The proposer was told at each step, the slot with the last.
        told = mails(self.portal, to="ines@example.net")
        self.assertEqual(
            [mail.subject.split(" : ")[0] for mail in told],
            ["[RNHP] En étude", "[RNHP] Retenue", "[RNHP] Programmée"],
        )
        self.assertIn("à 14 h 30, Amphithéâtre", told[-1].body)
        self.assertIn(link, told[-1].body)
        # The follow page and the public pages show it, without the address.
        followed = self.anonymous.page(link).text
        self.assertIn("Programmée", followed)
        self.assertIn("à 14 h 30, Amphithéâtre", followed)
        public = self.anonymous.page(proposal_url)
        self.assertEqual(public.status_code, 200)
        self.assertIn("à 14 h 30, Amphithéâtre", public.text)
        self.assertNotIn("ines@example.net", public.text)
        self.assertIn(
            "Financer le foncier", self.anonymous.page(self.edition.absolute_url()).text
        )
        rest = self.anonymous.get_json(proposal_url).json()
        self.assertNotIn("contact_email", rest)
        self.assertEqual(rest["slot_room"], "Amphithéâtre")
        self.assertEqual(
            self.organiser.get_json(proposal_url).json()["contact_email"],
            "ines@example.net",
        )

        # Through REST, the slot of a scheduled proposal stays in the edition.
        for change in ({"slot_day": "2020-01-01"}, {"slot_room": "Cave"}):
            refused = self.organiser.api("PATCH", proposal_url, json=change)
            self.assertEqual(refused.status_code, 400, change)
            self.assertIn("un jour des Rencontres", refused.json()["message"])
        moved = self.organiser.api("PATCH", proposal_url, json={"slot_time": "16:00"})
        self.assertEqual(moved.status_code, 204, moved.text)
        proposal = self.proposal()
        self.assertEqual(proposal.slot_room, "Amphithéâtre")
        self.assertEqual(proposal.slot_time.hour, 16)

    def test_a_slot_outside_the_edition_or_its_rooms_is_refused_in_french(self):
        self.propose()
        proposal_url = self.proposal().absolute_url()
        self.step(self.organiser, proposal_url, "retain")
        response = self.organiser.submit(
            f"{proposal_url}/@@programmer",
            {"day": "2020-01-01", "time": "25:00", "room": "<script>x</script>"},
            "form.schedule",
        )
        self.assertIn(
            "Choisissez un jour des Rencontres, une heure et une salle.", response.text
        )
        self.assertNotIn("<script>x</script>", response.text)
        self.assertEqual(api.content.get_state(self.proposal()), "retained")
        # Scheduling without a slot through the menu or REST is refused too.
        response = self.organiser.api(
            "POST", f"{proposal_url}/@workflow/schedule", json={}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn(
            "un jour, une heure et une salle", response.json()["error"]["message"]
        )

    def test_declining_needs_a_reason_which_the_proposer_receives(self):
        self.propose()
        proposal_url = self.proposal().absolute_url()
        link = self.follow_link()
        mailbox.reset()
        response = self.organiser.submit(
            f"{proposal_url}/@@ne-pas-retenir", {"reason": "  "}, "form.decline"
        )
        self.assertIn("un motif est obligatoire", response.text)
        self.assertEqual(api.content.get_state(self.proposal()), "submitted")
        response = self.organiser.api(
            "POST", f"{proposal_url}/@workflow/decline", json={}
        )
        self.assertEqual(response.status_code, 400)
        reason = "Le thème est déjà couvert par la plénière.\n<b>Merci</b> !"
        response = self.organiser.submit(
            f"{proposal_url}/@@ne-pas-retenir", {"reason": reason}, "form.decline"
        )
        self.assertIn("n'est pas retenue", response.text)
        self.assertEqual(api.content.get_state(self.proposal()), "declined")
        [mail] = mails(self.portal, to="ines@example.net")
        self.assertIn("[RNHP] Non retenue", mail.subject)
        self.assertIn("Le thème est déjà couvert par la plénière.", mail.body)
        followed = self.anonymous.page(link).text
        self.assertIn("Non retenue", followed)
        self.assertIn(
            "Le thème est déjà couvert par la plénière.<br />&lt;b&gt;Merci&lt;/b&gt; !",
            followed,
        )
        self.assertIn(
            self.anonymous.page(proposal_url, allow_redirects=False).status_code,
            (302, 401, 403, 404),
        )

    def test_the_proposer_revokes_the_link(self):
        self.propose()
        link = self.follow_link()
        response = self.anonymous.submit(link, {}, "form.revoke")
        self.assertIn("Le lien est révoqué", response.text)
        page = self.anonymous.page(link)
        self.assertEqual(page.status_code, 404)
        self.assertIn("Ce lien ne mène à aucune proposition", page.text)
        self.assertNotIn("Financer le foncier", page.text)

    def test_a_made_up_link_shows_nothing(self):
        self.propose()
        for key in ("x" * 32, "", "<script>", "a' OR 1=1"):
            page = self.anonymous.page("@@suivi-proposition", params={"cle": key})
            self.assertEqual(page.status_code, 404, key)
            self.assertNotIn("Financer le foncier", page.text)
            self.assertNotIn("<script>", page.text)

    def test_hostile_text_is_shown_as_text(self):
        self.propose(
            title="<script>alert(1)</script> Atelier",
            summary='<img src=x onerror="alert(2)"> javascript:alert(3)',
        )
        link = self.follow_link()
        proposal = self.proposal("<script>alert(1)</script> Atelier")
        for page in (
            self.anonymous.page(link).text,
            self.organiser.page(proposal.absolute_url()).text,
        ):
            self.assertNotIn("<script>alert(1)", page)
            self.assertNotIn("<img src=x", page)
            self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; Atelier", page)


class TestMyProposals(MeetingsTestCase):
    def test_a_member_who_proposes_finds_it_in_my_space(self):
        member = self.signed_in("adherente")
        response = member.submit(
            FORM,
            widgets(
                **{
                    **A_WORKSHOP,
                    "title": "Atelier des adhérentes",
                    "email": "adherente@example.org",
                }
            ),
            SUBMIT,
        )
        self.assertIn("Merci pour votre proposition", response.text)
        proposal = self.proposal("Atelier des adhérentes")
        self.assertEqual(proposal.Creator(), "adherente")
        page = member.page("@@mon-espace").text
        self.assertIn("Mes propositions aux Rencontres nationales", page)
        self.assertIn("Atelier des adhérentes", page)
        self.assertIn("Déposée", page)
        # The proposer sees their own proposal; another member does not.
        self.assertEqual(member.page(proposal.absolute_url()).status_code, 200)
        self.assertNotIn(
            "Atelier des adhérentes",
            self.signed_in("organisatrice").page("@@mon-espace").text,
        )


class TestPersonalData(MeetingsTestCase):
    def test_an_erasure_request_erases_the_proposers_name_and_address(self):
        from coordaction.policy.participation.personal_data import contacts_of
        from coordaction.policy.participation.personal_data import erase_personal_data

        self.propose()
        transaction.begin()
        self.assertEqual(
            [item.Title() for item in contacts_of("ines@example.net")],
            [A_WORKSHOP["title"]],
        )
        erased = erase_personal_data("ines@example.net")
        transaction.commit()
        self.assertEqual(erased["contacts"], 1)
        proposal = self.proposal()
        self.assertIsNone(proposal.contact_email)
        self.assertIsNone(proposal.contact_name)
        self.assertNotIn(
            "ines@example.net", self.organiser.page(proposal.absolute_url()).text
        )


class TestDeadline(MeetingsTestCase):
    def build(self):
        self.edition = an_edition(self.portal, deadline_in_days=-1, title="RNHP 2026")

    def test_after_the_deadline_the_form_says_it_is_closed_and_refuses_posts(self):
        page = self.anonymous.page(FORM)
        self.assertEqual(page.status_code, 200)
        self.assertIn(
            "Les propositions pour « RNHP 2026 » sont closes depuis le", page.text
        )
        self.assertNotIn('name="form.buttons.submit"', page.text)
        edition = self.anonymous.page(self.edition.absolute_url()).text
        self.assertIn("Les propositions sont closes depuis le", edition)
        # A post sent anyway (an old tab) creates nothing.
        response = self.anonymous.session.post(
            self.anonymous.url(FORM),
            data={**widgets(**A_WORKSHOP), SUBMIT: "1"},
            timeout=60,
        )
        self.assertNotIn("Merci pour votre proposition", response.text)
        transaction.begin()
        self.assertEqual(self.edition.objectIds(), [])

    def test_the_next_edition_takes_the_proposals_once_it_exists(self):
        transaction.begin()
        next_edition = an_edition(self.portal, deadline_in_days=30, title="RNHP 2027")
        transaction.commit()
        self.propose()
        transaction.begin()
        self.assertEqual(
            [item.Title() for item in next_edition.objectValues()],
            [A_WORKSHOP["title"]],
        )
        page = self.anonymous.page(next_edition.absolute_url()).text
        self.assertIn("Proposer une contribution", page)
        self.assertIn("contribuer/proposer-une-contribution-rnhp", page)
