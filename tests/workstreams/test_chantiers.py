"""The federation's chantiers: a working group publishes a need, members with the
skills it wants offer to help, the people who carry it accept them, and they then
appear on the chantier. Who may do what, through the pages and through REST, and
the mails each step sends."""

from coordaction.policy.workstreams.offers import WorkstreamOffers
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from plone import api
from tests import builders
from tests import mailbox
from tests.http import SiteTestCase
from tests.http import authenticator
from tests.mailbox import mails
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import lxml.html
import re
import transaction


def relation_to(item):
    return RelationValue(getUtility(IIntIds).getId(item))


class ChantiersTestCase(SiteTestCase):
    users = {
        "coordinatrice": {"groups": ("membres-du-reseau",)},
        "juriste": {"groups": ("membres-du-reseau",)},
        "curieux": {},
        "relectrice": {"groups": ("Reviewers",)},
    }

    def build(self):
        self.space = builders.working_group(
            self.portal["groupes-de-travail"], title="Groupe juridique"
        )
        WorkingGroupRoster(self.space).add("coordinatrice", coordinator=True)
        self.chantier = builders.workstream(
            self.portal["chantiers"], working_group=relation_to(self.space)
        )
        builders.publish(self.chantier)
        mailbox.reset()

    def setUp(self):
        super().setUp()
        mailbox.reset()
        self.carrier = self.signed_in("coordinatrice")
        self.member = self.signed_in("juriste")
        self.chantier_url = self.chantier.absolute_url()

    def offer(self, client=None, **fields):
        client = client or self.member
        data = {
            "skills:list": ["juridique"],
            "availability": "Le mardi soir",
            "message": "Juriste en coopérative depuis dix ans.",
            **fields,
        }
        return client.submit(
            f"{self.chantier_url}/@@je-peux-contribuer", data, "form.offer"
        )

    def answer(self, login, button):
        page = self.carrier.page(self.chantier_url)
        return self.carrier.session.post(
            f"{self.chantier_url}/@@repondre-offre",
            data={
                "_authenticator": authenticator(page.text),
                "person": login,
                button: "1",
            },
            timeout=60,
        )


class TestOfferAndAccept(ChantiersTestCase):
    def test_the_page_says_what_is_needed_in_french(self):
        page = self.anonymous.page(self.chantier_url)
        self.assertEqual(page.status_code, 200)
        for text in (
            "Relire les statuts types",
            "Compétences recherchées",
            "Juridique, Rédaction",
            "Groupe de travail Juridique",
            "National",
            "Se connecter pour contribuer",
            "Aucun contributeur pour l'instant.",
        ):
            self.assertIn(text, page.text)
        # Its carriers' tools are not shown to the public.
        self.assertNotIn("repondre-offre", page.text)

    def test_a_member_offers_the_carrier_accepts_and_both_are_told(self):
        response = self.offer()
        self.assertEqual(response.status_code, 200)
        self.assertIn("votre proposition est envoyée", response.text)
        self.assertIn("attend la réponse", response.text)
        [to_carrier] = mails(to="coordinatrice@example.org")
        self.assertIn("juriste", to_carrier.subject)
        self.assertIn("Le mardi soir", to_carrier.body)
        self.assertIn(f"resolveuid/{self.chantier.UID()}", to_carrier.body)

        page = self.carrier.page(self.chantier_url)
        self.assertIn("Propositions d'aide", page.text)
        self.assertIn("juriste@example.org", page.text)
        self.assertIn("Juriste en coopérative depuis dix ans.", page.text)

        mailbox.reset()
        response = self.answer("juriste", "form.accept")
        self.assertIn("rejoint les contributeurs du chantier", response.text)
        [to_member] = mails(to="juriste@example.org")
        self.assertIn("Votre aide est acceptée", to_member.subject)
        # A double click tells no one twice.
        self.answer("juriste", "form.accept")
        self.assertEqual(len(mails(to="juriste@example.org")), 1)

        public = self.anonymous.page(self.chantier_url)
        self.assertIn("juriste", public.text.split("Contributeurs")[1])
        # Their address stays with the carriers.
        self.assertNotIn("juriste@example.org", public.text)
        self.assertIn(
            "Vous contribuez à ce chantier", self.member.page(self.chantier_url).text
        )

    def test_a_member_withdraws_their_offer_from_the_page(self):
        self.offer()
        page = self.member.page(self.chantier_url)
        self.assertIn("Retirer ma proposition", page.text)
        response = self.member.submit(self.chantier_url, {}, "form.withdraw")
        self.assertIn("Votre proposition est retirée.", response.text)
        self.assertIn("Je peux contribuer", response.text)
        transaction.begin()
        self.assertEqual(WorkstreamOffers(self.chantier).all(), [])

    def test_a_declined_offer_is_told_and_may_be_made_again(self):
        self.offer()
        mailbox.reset()
        self.answer("juriste", "form.decline")
        [to_member] = mails(to="juriste@example.org")
        self.assertIn("chantiers", to_member.body)
        page = self.member.page(self.chantier_url)
        self.assertIn("n'a pas été retenue", page.text)
        self.assertIn("Je peux contribuer", page.text)

    def test_an_offer_needs_a_skill_and_hostile_text_stays_text(self):
        response = self.offer(**{"skills:list": []})
        self.assertIn("Choisissez au moins une de vos compétences", response.text)
        hostile = '<script>alert(1)</script><a href="javascript:alert(2)">x</a>'
        self.offer(message=hostile, availability=hostile)
        page = self.carrier.page(self.chantier_url)
        document = lxml.html.fromstring(page.text)
        self.assertFalse(document.xpath('//a[starts-with(@href, "javascript:alert")]'))
        self.assertFalse(document.xpath('//script[contains(., "alert(1)")]'))
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page.text)

    def test_a_huge_message_is_cut_not_refused(self):
        self.offer(message="x" * 50000)
        transaction.begin()
        from coordaction.policy.workstreams.offers import WorkstreamOffers

        offer = WorkstreamOffers(self.chantier).get("juriste")
        self.assertEqual(len(offer["message"]), 1000)

    def test_anonymous_is_asked_to_log_in_and_others_cannot_answer(self):
        response = self.anonymous.page(f"{self.chantier_url}/@@je-peux-contribuer")
        self.assertIn("__ac_name", response.text)
        self.offer()
        for client in (self.member, self.signed_in("curieux"), self.anonymous):
            form = client.page("@@mes-competences").text
            token = authenticator(form) if "_authenticator" in form else ""
            response = client.session.post(
                f"{self.chantier_url}/@@repondre-offre",
                data={
                    "_authenticator": token,
                    "person": "juriste",
                    "form.accept": "1",
                },
                timeout=60,
                allow_redirects=False,
            )
            self.assertIn(response.status_code, (302, 401, 403))
            self.assertNotIn("contributeur", response.headers.get("Location", ""))
        transaction.begin()
        from coordaction.policy.workstreams.offers import WorkstreamOffers

        self.assertEqual(WorkstreamOffers(self.chantier).contributor_ids(), [])

    def test_a_completed_chantier_takes_no_offer(self):
        page = self.carrier.page(self.chantier_url)
        response = self.carrier.session.post(
            f"{self.chantier_url}/@@statut-chantier",
            data={"_authenticator": authenticator(page.text), "status": "termine"},
            timeout=60,
        )
        self.assertIn("Le chantier est terminé", response.text)
        page = self.member.page(self.chantier_url)
        self.assertNotIn("Je peux contribuer", page.text)
        response = self.offer()
        self.assertIn("ne reçoit plus de propositions", response.text)
        # A status that does not exist is refused in French.
        page = self.carrier.page(self.chantier_url)
        response = self.carrier.session.post(
            f"{self.chantier_url}/@@statut-chantier",
            data={"_authenticator": authenticator(page.text), "status": "<b>x</b>"},
            timeout=60,
        )
        self.assertIn("Choisissez l'un des statuts", response.text)

    def test_the_coordinators_of_another_group_lose_the_chantier(self):
        other = builders.working_group(
            self.portal["groupes-de-travail"], title="Groupe finances"
        )
        self.chantier.working_group = relation_to(other)
        from zope.lifecycleevent import modified

        modified(self.chantier)
        transaction.commit()
        response = self.carrier.page(self.chantier_url)
        self.assertNotIn("Propositions d'aide", response.text)


class TestSkillsAlert(ChantiersTestCase):
    """A member sets their skills in Mon espace and asks for the alert: a
    confirmation first, then a mail for each chantier published that wants them,
    with the link that stops it."""

    def new_chantier(self, title, skills):
        transaction.begin()
        chantier = builders.workstream(
            self.portal["chantiers"], title=title, skills=skills
        )
        builders.publish(chantier)
        transaction.commit()
        return chantier

    def link(self, mail, view):
        return re.search(rf"(http\S+/@@{view}\?jeton=[\w-]+)", mail.body)[1]

    def test_double_opt_in_then_an_alert_per_matching_chantier(self):
        response = self.member.submit(
            "@@mes-competences",
            {"skills:list": ["juridique", "financier"], "alert": "1"},
            "form.save",
        )
        self.assertIn("ouvrez le lien du courriel", response.text)
        self.assertIn("En attente de votre confirmation", response.text)
        [confirmation] = mails(to="juriste@example.org")
        self.assertIn("Juridique, Financier", confirmation.body)
        # Not confirmed yet: nothing.
        mailbox.reset()
        self.new_chantier("Monter un prêt collectif", ["financier"])
        self.assertEqual(mails(to="juriste@example.org"), [])

        confirm = self.link(confirmation, "competences-confirmer")
        page = self.anonymous.page(confirm)
        self.assertIn("Activer l'alerte", page.text)
        done = self.anonymous.session.post(confirm, timeout=60)
        self.assertIn("Votre alerte chantiers est active", done.text)

        self.new_chantier("Relire un bail emphytéotique", ["juridique"])
        self.new_chantier("Refaire le site", ["informatique"])
        [alert] = mails(to="juriste@example.org")
        self.assertIn("Relire un bail emphytéotique", alert.subject)
        self.assertIn("(Juridique)", alert.body)
        self.assertEqual(
            alert.headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click"
        )

        # The mail client's one-click unsubscribe stops it, without logging in.
        stop = self.link(alert, "competences-desabonner")
        self.anonymous.session.post(stop, timeout=60)
        mailbox.reset()
        self.new_chantier("Relire un pacte d'associés", ["juridique"])
        self.assertEqual(mails(to="juriste@example.org"), [])
        # The skills stay for the next offer.
        form = self.member.page(f"{self.chantier_url}/@@je-peux-contribuer").text
        ticked = lxml.html.fromstring(form).xpath(
            '//input[@name="skills:list"][@checked]/@value'
        )
        self.assertEqual(ticked, ["juridique", "financier"])

    def test_an_unknown_link_is_a_404_in_french(self):
        page = self.anonymous.page("@@competences-confirmer?jeton=nimportequoi")
        self.assertEqual(page.status_code, 404)
        self.assertIn("Ce lien n'est pas valable", page.text)

    def test_anonymous_has_no_skills_page(self):
        page = self.anonymous.page("@@mes-competences")
        self.assertIn("__ac_name", page.text)


class TestChantiersSection(ChantiersTestCase):
    def test_facets_list_open_chantiers_by_skill_and_status(self):
        transaction.begin()
        done = builders.workstream(
            self.portal["chantiers"],
            title="Traduire le guide",
            skills=["traduction"],
            workstream_status="termine",
            carrier_kind="federation",
            regions=["84"],
        )
        builders.publish(done)
        draft = builders.workstream(self.portal["chantiers"], title="Brouillon caché")
        transaction.commit()
        answer = self.anonymous.get_json("@facets?collection=chantiers").json()
        self.assertIn("items", answer, answer)
        titles = sorted(item["title"] for item in answer["items"])
        self.assertEqual(
            titles, ["Relire les statuts types de coopérative", "Traduire le guide"]
        )
        answer = self.anonymous.get_json(
            "@facets?collection=chantiers&workstream_status=termine"
        ).json()
        [item] = answer["items"]
        self.assertEqual(item["title"], "Traduire le guide")
        self.assertEqual(
            item["skills"], [{"token": "traduction", "title": "Traduction"}]
        )
        self.assertEqual(item["carrier_name"], "Groupe de travail Juridique")
        self.assertNotIn(draft.Title(), str(answer))
        page = self.anonymous.page("chantiers")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Compétences recherchées", page.text)
        self.assertIn("Porté par", page.text)

    def test_a_resource_says_which_chantier_it_comes_from_when_visible(self):
        transaction.begin()
        resource = builders.resource(self.portal["centre-de-ressources"])
        builders.publish(resource)
        self.chantier.produced_resources = [relation_to(resource)]
        from zope.lifecycleevent import modified

        modified(self.chantier)
        transaction.commit()
        page = self.anonymous.page(resource.absolute_url())
        self.assertIn("Issu du chantier", page.text)
        self.assertIn(self.chantier_url, page.text)
        # Taken back to draft, the chantier disappears from the resource's page.
        transaction.begin()
        api.content.transition(self.chantier, to_state="private")
        transaction.commit()
        page = self.anonymous.page(resource.absolute_url())
        self.assertNotIn("Issu du chantier", page.text)

    def test_network_members_propose_chantiers_others_cannot(self):
        body = {
            "@type": "Workstream",
            "title": "Animer un atelier de gouvernance",
            "needs": "Deux personnes pour animer.",
            "skills": ["animation"],
            "carrier_kind": "association",
            "carrier_name": "Habitat participatif Occitanie",
        }
        created = self.member.api("POST", "chantiers", json=body)
        self.assertEqual(created.status_code, 201, created.text)
        self.assertEqual(created.json()["review_state"], "private")
        for client in (self.signed_in("curieux"), self.anonymous):
            response = client.api("POST", "chantiers", json=body)
            self.assertIn(response.status_code, (401, 403))
        wrong = self.member.api("POST", "chantiers", json={**body, "skills": ["x"]})
        self.assertEqual(wrong.status_code, 400)

    def test_only_a_group_one_belongs_to_carries_ones_chantier(self):
        transaction.begin()
        public = builders.working_group(
            self.portal["groupes-de-travail"],
            title="Groupe ouvert",
            visibility="public",
        )
        WorkingGroupRoster(public).add("coordinatrice", coordinator=True)
        transaction.commit()
        body = {
            "@type": "Workstream",
            "title": "Relire une convention",
            "needs": "Une relecture.",
            "skills": ["juridique"],
            "carrier_kind": "groupe-de-travail",
            "carrier_name": "Groupe ouvert",
            "working_group": public.UID(),
        }
        # A member outside the group cannot say that it carries their chantier.
        refused = self.member.api("POST", "chantiers", json=body)
        self.assertEqual(refused.status_code, 400, refused.text)
        self.assertIn(
            "Seul un groupe de travail dont vous êtes",
            refused.json()["error"]["message"],
        )
        # Its coordinator can, through the API and the edit form.
        created = self.carrier.api("POST", "chantiers", json=body)
        self.assertEqual(created.status_code, 201, created.text)
        url = created.json()["@id"]
        got = self.carrier.get_json(url).json()
        self.assertEqual(got["working_group"]["@id"], public.absolute_url())
        # Saved unchanged from the edit form by the group's coordinator: accepted.
        response = self.carrier.save_unchanged(f"{url}/@@edit")
        self.assertNotIn("@@edit", response.url)
        self.assertNotIn("Seul un groupe de travail dont vous êtes", response.text)


class TestOffersThroughRest(ChantiersTestCase):
    def test_offer_read_and_answer_as_an_outside_client(self):
        offer = {"skills": ["juridique"], "availability": "Le soir", "message": "Ok"}
        self.assertEqual(
            self.anonymous.api(
                "POST", f"{self.chantier_url}/@offers", json=offer
            ).status_code,
            401,
        )
        created = self.member.api("POST", f"{self.chantier_url}/@offers", json=offer)
        self.assertEqual(created.status_code, 201, created.text)
        self.assertEqual(created.json()["mine"]["state"], "offered")
        self.assertNotIn("items", created.json())

        carrier_view = self.carrier.get_json(f"{self.chantier_url}/@offers").json()
        [item] = carrier_view["items"]
        self.assertEqual(item["email"], "juriste@example.org")

        # Only the carriers answer.
        answer = {"user": "juriste", "state": "accepted"}
        for client in (self.member, self.anonymous):
            response = client.api("PATCH", f"{self.chantier_url}/@offers", json=answer)
            self.assertIn(response.status_code, (401, 403))
        response = self.carrier.api(
            "PATCH", f"{self.chantier_url}/@offers", json=answer
        )
        self.assertEqual(response.status_code, 200, response.text)

        public = self.anonymous.get_json(f"{self.chantier_url}/@offers").json()
        self.assertEqual(public["contributors"], ["juriste"])
        self.assertIsNone(public["mine"])
        self.assertNotIn("items", public)
        self.assertNotIn("juriste@example.org", str(public))

        # The contributor leaves through the API; a second time is a 400.
        left = self.member.api("DELETE", f"{self.chantier_url}/@offers")
        self.assertEqual(left.status_code, 200, left.text)
        self.assertEqual(left.json()["contributors"], [])
        again = self.member.api("DELETE", f"{self.chantier_url}/@offers")
        self.assertEqual(again.status_code, 400)
        self.assertIn("Vous n'avez pas proposé", again.json()["message"])
        anonymous = self.anonymous.api("DELETE", f"{self.chantier_url}/@offers")
        self.assertEqual(anonymous.status_code, 401)

    def test_bad_values_are_400_in_french(self):
        url = f"{self.chantier_url}/@offers"
        for body in (
            {"skills": "juridique"},
            {"skills": ["inconnue"]},
            {"skills": ["juridique"], "message": 12},
            [1, 2],
        ):
            response = self.member.api("POST", url, json=body)
            self.assertEqual(response.status_code, 400, body)
            self.assertNotIn("Traceback", response.text)
        response = self.carrier.api(
            "PATCH", url, json={"user": "juriste", "state": "oui"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("accepted", response.json()["message"])
        response = self.carrier.api(
            "PATCH", url, json={"user": "personne", "state": "accepted"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("pas proposé son aide", response.json()["message"])


class TestMonEspace(ChantiersTestCase):
    def test_carriers_see_offers_to_answer_members_their_answer(self):
        self.offer()
        page = self.carrier.page("@@mon-espace").text
        section = page.split("Mes chantiers")[1].split("</section>")[0]
        self.assertIn("Relire les statuts types de coopérative", section)
        self.assertIn("propositions à traiter : 1", section)
        self.answer("juriste", "form.accept")
        section = self.member.page("@@mon-espace").text.split("Mes chantiers")[1]
        self.assertIn("Acceptée", section.split("</section>")[0])

    def test_an_alert_never_confirmed_is_dropped_by_the_scheduled_round(self):
        from coordaction.policy.workstreams import skills
        from coordaction.policy.workstreams.alerts import PurgeUnconfirmedSkillAlerts

        transaction.begin()
        user_id = api.user.get(username="juriste").getId()
        self.assertIsNotNone(skills.set_skills(user_id, ["juridique"], alert=True))
        self.assertEqual(PurgeUnconfirmedSkillAlerts()(self.portal), 0)
        self.assertEqual(skills.purge_unconfirmed(older_than_days=-1), 1)
        self.assertEqual(skills.alert_state(user_id), "off")
        self.assertEqual(skills.skills_of(user_id), ["juridique"])
        transaction.abort()
