"""*Partager notre montage*, over HTTP with a real SMTP server: the member who keeps
a project sheet opens the form from it, the set-up waits for review as a situation
of the observatory linked to the sheet, with its document; a reviewer reads what the
group kept for the team and publishes it; visitors then read the set-up from the
observatory and from the sheet, never the private details nor the address, through
the page or REST; a hidden item cannot be linked; hostile text stays text."""

from coordaction.policy.project_groups import maintainers
from plone import api
from tests import builders
from tests import samples
from tests.http import commit
from tests.mailbox import mails
from tests.participation.test_forms import SUBMIT
from tests.participation.test_forms import ParticipationTestCase
from tests.participation.test_forms import widgets
import lxml.html


SETUP_FORM = "contribuer/partager-notre-montage"
PRIVATE = "Prêt de 412 000 € de la banque Exemple, caution de Mme Martin"
A_SETUP = {
    "title": "Coopérative en bail réel solidaire, sans prêt bancaire",
    "case_domains": ["juridique", "financier"],
    "legal_forms": ["cooperative-habitants"],
    "group_context": "Douze foyers à Villeurbanne, en chantier.",
    "financing_plan": "Coût total 3 M€ : apports 15 %, prêt 70 %, subventions 15 %.",
    "setup_partners": "Un organisme de foncier solidaire et la métropole.",
    "situation": "Les banques refusaient de prêter <script>alert(1)</script>.",
    "solution": "Un prêt collectif garanti par la métropole.",
    "case_status": "resolue",
    "private_details": PRIVATE,
    "contact_email": "groupe@village.example.org",
    "consent": True,
}


class TestShareASetup(ParticipationTestCase):
    users = {
        **ParticipationTestCase.users,
        "camille": {"groups": ("membres-du-reseau",)},
    }

    def build(self):
        super().build()
        self.sheet = builders.publish(
            builders.project_sheet(self.portal["projets"], title="Le Village Vertical")
        )
        self.hidden_sheet = builders.project_sheet(
            self.portal["projets"], title="Un projet encore privé"
        )
        token, _mail = maintainers.ask(self.sheet, "camille")
        maintainers.entrust(self.sheet, token)
        self.template = builders.publish(
            builders.legal_template(
                self.portal["trames-types"], title="Statuts de coopérative d'habitants"
            )
        )

    def share(self, client, path=SETUP_FORM, **changes):
        page = client.page(path)
        self.assertEqual(page.status_code, 200)
        form = lxml.html.fromstring(page.text).xpath(f'//form[.//*[@name="{SUBMIT}"]]')[
            0
        ]
        data = [
            (field.name, field.value or "")
            for field in form.inputs
            if field.name
            and getattr(field, "type", "") == "hidden"
            and not (
                field.name == "form.widgets.project_sheet"
                and "project_sheet" in changes
            )
        ]
        for name, value in widgets(**{**A_SETUP, **changes}).items():
            for item in value if isinstance(value, list) else [value]:
                data.append((name, item))
        data.append((SUBMIT, "1"))
        files = {
            "form.widgets.setup_document": (
                "statuts-anonymises.pdf",
                samples.pdf_bytes("Statuts"),
                "application/pdf",
            )
        }
        return client.session.post(form.action, data=data, files=files, timeout=60)

    def test_a_group_shares_its_setup_and_a_reviewer_publishes_it(self):
        camille = self.signed_in("camille")
        sheet_page = lxml.html.fromstring(camille.page(self.sheet.absolute_url()).text)
        [link] = sheet_page.cssselect(".coordaction-shared-setups a")
        response = self.share(
            camille, link.get("href"), templates_used=[self.template.UID()]
        )
        self.assertEqual(response.status_code, 200, response.text[-2000:])
        self.assertIn("Merci d'avoir partagé votre montage", response.text)

        [case] = self.items("ObservatoryCase", Title="bail réel solidaire")
        self.assertEqual(api.content.get_state(case), "pending")
        self.assertEqual(case.project_sheet.to_object, self.sheet)
        self.assertEqual(
            [relation.to_object for relation in case.related_templates],
            [self.template],
        )
        self.assertEqual(case.case_domains, ["juridique", "financier"])
        self.assertEqual(case.setup_document.filename, "statuts-anonymises.pdf")
        self.assertEqual(case.proposer_email, "groupe@village.example.org")
        self.assertTrue(mails(to="groupe@village.example.org"))
        self.assertNotIn(
            A_SETUP["financing_plan"], self.anonymous.page(case.absolute_url()).text
        )

        # The reviewer reads what the group kept for the team, and publishes.
        reviewer = self.signed_in("relectrice")
        review_page = reviewer.page(case.absolute_url())
        self.assertIn(PRIVATE, review_page.text)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(case, to_state="published")
        commit()
        self.assertTrue(
            [
                mail
                for mail in mails(to="groupe@village.example.org")
                if "Publié" in mail.subject or "publié" in mail.body
            ]
        )

        # Visitors read the set-up, from the observatory and from the sheet.
        page = self.anonymous.page(case.absolute_url())
        self.assertEqual(page.status_code, 200)
        text = " ".join(lxml.html.fromstring(page.text).text_content().split())
        for shown in (
            "Le montage, partagé par le groupe",
            "Coût total 3 M€ : apports 15 %, prêt 70 %, subventions 15 %.",
            "Un organisme de foncier solidaire et la métropole.",
            "Le Village Vertical",
            "Télécharger le document partagé",
        ):
            self.assertIn(shown, text)
        self.assertNotIn(PRIVATE, page.text)
        self.assertNotIn("groupe@village.example.org", page.text)
        self.assertNotIn("<script>alert(1)</script>", page.text)
        sheet_page = lxml.html.fromstring(
            self.anonymous.page(self.sheet.absolute_url()).text
        )
        [told] = sheet_page.cssselect(".coordaction-shared-setups")
        self.assertEqual(
            [link.get("href") for link in told.cssselect("a")], [case.absolute_url()]
        )
        # The template it used links back to it.
        self.assertIn(
            case.absolute_url(), self.anonymous.page(self.template.absolute_url()).text
        )
        document = self.anonymous.page(
            f"{case.absolute_url()}/@@download/setup_document"
        )
        self.assertEqual(document.status_code, 200)
        # REST: the same public fields, never the private ones.
        data = self.anonymous.get_json(case.absolute_url()).json()
        self.assertEqual(data["financing_plan"], A_SETUP["financing_plan"])
        self.assertEqual(data["project_sheet"]["title"], "Le Village Vertical")
        self.assertNotIn("private_details", data)
        self.assertNotIn("proposer_email", data)
        self.assertNotIn(PRIVATE, str(data))
        self.assertIn(PRIVATE, str(reviewer.get_json(case.absolute_url()).json()))

    def test_a_hidden_sheet_is_not_linked_and_a_missing_situation_is_refused(self):
        response = self.share(self.anonymous, project_sheet=self.hidden_sheet.UID())
        self.assertEqual(response.status_code, 200, response.text[-2000:])
        self.assertIn("Merci d'avoir partagé votre montage", response.text)
        [case] = self.items("ObservatoryCase", Title="bail réel solidaire")
        self.assertIsNone(case.project_sheet)

        refused = self.share(self.anonymous, title="Sans difficulté", situation="")
        self.assertIn("Champ obligatoire", refused.text.replace("Ce champ est", ""))
        self.assertEqual(self.items("ObservatoryCase", Title="Sans difficulté"), [])
