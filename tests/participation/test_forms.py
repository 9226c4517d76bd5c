"""The public forms of the Contribuer section, filled as visitors fill them over
HTTP: what they create, whom they e-mail, and what they refuse."""

from coordaction.policy.participation.settings import set_setting
from plone import api
from tests.http import Client
from tests.http import VisitorTestCase
from tests.http import admin
from tests.http import commit
from tests.http import make_user
from tests.mailbox import mails
import lxml.html
import transaction


AD_FORM = "contribuer/deposer-une-annonce"
PROJECT_FORM = "contribuer/deposer-une-fiche-projet"
CONTACT_FORM = "contribuer/nous-contacter"
SUBMIT = "form.buttons.submit"
DOWNLOAD_CSV = {"form.buttons.download": "1", "csv_delimiter": ","}


def widgets(**values):
    """easyform's request names: form.widgets.<field>, lists for selects."""
    data = {}
    for name, value in values.items():
        if name == "consent":
            data["form.widgets.consent:list"] = "selected" if value else []
        elif isinstance(value, list):
            data[f"form.widgets.{name}:list"] = value
        else:
            data[f"form.widgets.{name}"] = value
    return data


AN_AD = {
    "title": "Groupe cherche deux foyers à Rennes",
    "ad_kind": ["groupe-cherche-membres"],
    "text": "Nous sommes six foyers, le chantier commence en 2027.",
    "region": ["53"],
    "departement": ["35"],
    "commune": "Rennes",
    "contact_email": "claire@example.net",
    "consent": True,
}

A_PROJECT = {
    "title": "Les Voisins du Canal",
    "description": "Un projet.",
    "stage": ["recherche-foncier"],
    "commune": "Nantes",
    "postal_code": "44000",
    "departement": ["44"],
    "region": ["52"],
    "contact_email": "canal@example.net",
    "consent": True,
}


def a_project(**changes):
    """The widgets of the project form, filled with A_PROJECT and ``changes``."""
    return widgets(**{**A_PROJECT, **changes})


class ParticipationTestCase(VisitorTestCase):
    def items(self, portal_type, **query):
        transaction.begin()  # see what the server committed
        catalog = api.portal.get_tool("portal_catalog")
        return [
            brain._unrestrictedGetObject()
            for brain in catalog.unrestrictedSearchResults(
                portal_type=portal_type, **query
            )
        ]


class TestDepositAnAd(ParticipationTestCase):
    def test_the_form_is_french_with_consent_and_privacy_link(self):
        page = self.visitor.page(AD_FORM)
        self.assertEqual(page.status_code, 200)
        for text in (
            "Déposer une petite annonce",
            "Type d'annonce",
            "Votre adresse électronique",
            "J'accepte que ces informations soient conservées",
            "Déposer l'annonce",
        ):
            self.assertIn(text, page.text)
        self.assertIn(f"{self.portal.absolute_url()}/donnees-personnelles", page.text)
        self.assertEqual(self.visitor.page("donnees-personnelles").status_code, 200)

    def test_an_anonymous_ad_waits_for_review_and_its_address_stays_private(self):
        response = self.visitor.submit(AD_FORM, widgets(**AN_AD), SUBMIT)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Merci, votre annonce est enregistrée", response.text)
        [ad] = self.items("ClassifiedAd", Title="Groupe cherche deux foyers")
        self.assertEqual(api.content.get_state(ad), "pending")
        self.assertEqual(ad.contact_email, "claire@example.net")
        self.assertEqual((ad.region, ad.departement), ("53", "35"))
        self.assertEqual(ad.creators, ("Dépôt public",))
        # The reviewers' list shows it, without writing anything (no CSRF check).
        reviewer = Client(self.portal.absolute_url(), "relectrice")
        listing = reviewer.page("full_review_list", allow_redirects=False)
        self.assertEqual(listing.status_code, 200)
        self.assertIn("Groupe cherche deux foyers à Rennes", listing.text)
        # The reviewers are told, the visitor gets an acknowledgement.
        [review] = mails(self.portal, to="relectrice@example.org")
        self.assertIn("À relire : Groupe cherche deux foyers à Rennes", review.subject)
        [receipt] = mails(self.portal, to="claire@example.net")
        self.assertIn("Bien reçu", receipt.subject)
        # Not public before a reviewer publishes it.
        self.assertIn(
            self.visitor.page(ad.absolute_url(), allow_redirects=False).status_code,
            (302, 401),
        )
        # Published, it shows without the address, with a way to reply.
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(ad, transition="publish")
        commit()
        [published] = mails(self.portal, to="claire@example.net")[1:]
        self.assertIn("Publié : Groupe cherche deux foyers à Rennes", published.subject)
        page = self.visitor.page(ad.absolute_url())
        self.assertIn("Groupe cherche deux foyers à Rennes", page.text)
        self.assertNotIn("claire@example.net", page.text)
        self.assertIn("Répondre à l'annonce", page.text)
        self.assertNotIn(
            "claire@example.net", self.visitor.get_json(ad.absolute_url()).text
        )

    def test_a_double_submit_creates_one_ad(self):
        first = self.visitor.submit(AD_FORM, widgets(**AN_AD), SUBMIT)
        again = self.visitor.submit(AD_FORM, widgets(**AN_AD), SUBMIT)
        for response in (first, again):
            self.assertIn("Merci, votre annonce est enregistrée", response.text)
        self.assertEqual(len(self.items("ClassifiedAd", Title="deux foyers")), 1)
        self.assertEqual(len(mails(self.portal, to="claire@example.net")), 1)
        # Another ad of the same person is another ad.
        other = self.visitor.submit(
            AD_FORM,
            widgets(**{**AN_AD, "title": "Groupe cherche trois foyers"}),
            SUBMIT,
        )
        self.assertIn("Merci, votre annonce est enregistrée", other.text)
        self.assertEqual(len(self.items("ClassifiedAd", Title="foyers")), 2)

    def test_missing_and_invalid_fields_get_french_errors_and_create_nothing(self):
        values = {**AN_AD, "title": "", "contact_email": "pas-une-adresse"}
        del values["consent"]
        response = self.visitor.submit(AD_FORM, widgets(**values), SUBMIT)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Il y a des erreurs", response.text)
        self.assertIn("Champ obligatoire", response.text)
        self.assertIn("Doit être cochée", response.text)
        self.assertEqual(self.items("ClassifiedAd", Title="Rennes"), [])
        self.assertEqual(mails(self.portal), [])

    def test_the_lists_start_on_a_prompt_and_must_be_chosen(self):
        """A visitor who skips Région does not file an ad in Guadeloupe."""
        tree = lxml.html.fromstring(self.visitor.page(AD_FORM).text)
        for name in ("ad_kind", "region", "departement"):
            (chosen,) = tree.cssselect(f"#form-widgets-{name} option[selected]")
            self.assertEqual(chosen.text_content(), "Choisissez une valeur…", name)
        values = {**AN_AD, "title": "Annonce sans région", "region": ["--NOVALUE--"]}
        response = self.visitor.submit(AD_FORM, widgets(**values), SUBMIT)
        self.assertIn("Il y a des erreurs", response.text)
        self.assertIn("Champ obligatoire", response.text)
        self.assertEqual(self.items("ClassifiedAd", Title="sans région"), [])

    def test_a_departement_outside_the_region_is_refused(self):
        values = {**AN_AD, "title": "Terrain à Brest ou à Lyon", "departement": ["69"]}
        response = self.visitor.submit(AD_FORM, widgets(**values), SUBMIT)
        self.assertIn(
            "Le département 69 n'est pas dans la région choisie.", response.text
        )
        self.assertEqual(self.items("ClassifiedAd", Title="Brest"), [])

    def test_the_honeypot_rejects_robots(self):
        values = widgets(**{**AN_AD, "title": "Achetez des montres"})
        values["protected_1"] = "http://spam.example"
        response = self.visitor.submit(AD_FORM, values, SUBMIT)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.items("ClassifiedAd", Title="montres"), [])
        self.assertEqual(mails(self.portal), [])

    def test_anonymous_posts_are_limited_per_hour(self):
        set_setting("anonymous_posts_per_hour", 2)
        commit()
        for number in range(3):
            title = f"Foncier disponible numéro {number}"
            response = self.visitor.submit(
                AD_FORM, widgets(**{**AN_AD, "title": title}), SUBMIT
            )
        self.assertIn("Trop d'envois depuis votre connexion", response.text)
        self.assertEqual(len(self.items("ClassifiedAd", Title="numéro")), 2)
        # A member is not limited.
        make_user("adherente", roles=("Member",))
        commit()
        member = Client(self.portal.absolute_url(), "adherente")
        response = member.submit(
            AD_FORM, widgets(**{**AN_AD, "title": "Foncier numéro membre"}), SUBMIT
        )
        self.assertIn("Merci, votre annonce est enregistrée", response.text)
        [ad] = self.items("ClassifiedAd", Title="membre")
        self.assertEqual(ad.getOwner().getId(), "adherente")


class TestDepositAProjectSheet(ParticipationTestCase):
    def test_a_project_sheet_arrives_pending_in_the_project_database(self):
        values = a_project(
            description="Douze foyers autour d'un jardin partagé.",
            households_planned="12",
            looking_for_members="selected",
        )
        values["form.widgets.looking_for_members:list"] = values.pop(
            "form.widgets.looking_for_members"
        )
        response = self.visitor.submit(PROJECT_FORM, values, SUBMIT)
        self.assertIn("Merci, votre fiche projet est enregistrée", response.text)
        [sheet] = self.items("ProjectSheet", Title="Voisins du Canal")
        self.assertEqual(api.content.get_state(sheet), "pending")
        self.assertEqual(sheet.aq_parent.getId(), "projets")
        self.assertEqual(sheet.households_planned, 12)
        self.assertTrue(sheet.looking_for_members)
        self.assertEqual(
            sheet.Description(), "Douze foyers autour d'un jardin partagé."
        )
        self.assertTrue(mails(self.portal, to="relectrice@example.org"))

    def test_a_bad_postal_code_is_reported_and_nothing_created(self):
        values = a_project(
            title="Projet au code postal faux",
            postal_code="4400",
            contact_email="faux@example.net",
        )
        response = self.visitor.submit(PROJECT_FORM, values, SUBMIT)
        self.assertIn("code postal", response.text.lower())
        self.assertEqual(self.items("ProjectSheet", Title="code postal faux"), [])

    def test_a_javascript_website_is_refused_and_nothing_created(self):
        values = a_project(
            title="Projet au site piégé",
            website="javascript:alert(document.cookie)",
            contact_email="piege@example.net",
        )
        response = self.visitor.submit(PROJECT_FORM, values, SUBMIT)
        self.assertIn(
            "Adresse invalide : seules les adresses http ou https sont acceptées",
            response.text,
        )
        self.assertEqual(self.items("ProjectSheet", Title="site piégé"), [])

    def test_a_website_without_its_scheme_is_explained_in_french(self):
        values = a_project(
            title="Projet sans adresse complète",
            website="exemple.org",
            contact_email="incomplet@example.net",
        )
        response = self.visitor.submit(PROJECT_FORM, values, SUBMIT)
        self.assertIn("par exemple https://exemple.org", response.text)
        self.assertNotIn("The specified URI is not valid", response.text)
        self.assertEqual(self.items("ProjectSheet", Title="adresse complète"), [])


class TestSavedSubmissions(ParticipationTestCase):
    MESSAGE = widgets(
        name="Inès Martin",
        email="ines@example.net",
        subject="Atelier : financer le foncier avec un OFS",
        message="Retours d'expérience de trois groupes accompagnés.",
        consent=True,
    )

    def test_saved_submissions_are_for_administrators_only(self):
        self.visitor.submit(CONTACT_FORM, self.MESSAGE, SUBMIT)
        form_url = f"{self.portal.absolute_url()}/{CONTACT_FORM}"
        manager = admin(self.portal.absolute_url())
        download = manager.page(f"{form_url}/actions/saved/@@data", params=DOWNLOAD_CSV)
        self.assertEqual(download.status_code, 200)
        self.assertIn("Objet", download.text)
        self.assertIn("financer le foncier avec un OFS", download.text)
        self.assertIn("ines@example.net", download.text)
        self.assertIn("savedDataStorage", manager.get_json(form_url).json())
        make_user("adherente", roles=("Member",))
        commit()
        for client in (self.visitor, Client(self.portal.absolute_url(), "adherente")):
            self.assertNotIn("ines@example.net", client.get_json(form_url).text)
            self.assertNotIn(
                "ines@example.net", client.page(f"{form_url}/@@saveddata").text
            )
            download = client.page(
                f"{form_url}/actions/saved/@@data",
                params=DOWNLOAD_CSV,
                allow_redirects=False,
            )
            self.assertIn(download.status_code, (302, 401, 403, 404))
            self.assertNotIn("ines@example.net", download.text)

    def test_an_administrator_can_export_them_as_a_spreadsheet(self):
        from collective.easyform.api import get_actions
        from collective.easyform.api import set_actions
        from io import BytesIO
        import openpyxl

        form = self.portal.unrestrictedTraverse(CONTACT_FORM)
        actions = get_actions(form)
        actions["saved"].DownloadFormat = "xlsx"
        set_actions(form, actions)
        commit()
        self.visitor.submit(CONTACT_FORM, self.MESSAGE, SUBMIT)
        download = admin(self.portal.absolute_url()).page(
            f"{form.absolute_url()}/actions/saved/@@data",
            params={"form.buttons.download": "1"},
        )
        self.assertEqual(download.status_code, 200)
        self.assertIn("spreadsheetml", download.headers["Content-Type"])
        sheet = openpyxl.load_workbook(BytesIO(download.content)).active
        cells = {cell.value for row in sheet.iter_rows() for cell in row}
        self.assertIn("Atelier : financer le foncier avec un OFS", cells)

    def test_the_contact_form_writes_to_the_team(self):
        values = widgets(
            name="Paul Durand",
            email="paul@example.net",
            subject="Adhésion de notre association",
            message="Comment notre association peut-elle adhérer ?",
            consent=True,
        )
        response = self.visitor.submit(CONTACT_FORM, values, SUBMIT)
        self.assertIn("Merci, votre message est envoyé", response.text)
        team = api.portal.get_registry_record("plone.email_from_address")
        [mail] = mails(self.portal, to=team)
        self.assertEqual(mail.subject, "Adhésion de notre association")
        self.assertIn("paul@example.net", mail.reply_to)


class TestFormsThroughTheWeb(ParticipationTestCase):
    def test_an_administrator_sees_and_edits_the_create_content_action(self):
        manager = admin(self.portal.absolute_url())
        form_url = f"{self.portal.absolute_url()}/{AD_FORM}"
        listing = manager.page(f"{form_url}/actions")
        self.assertEqual(listing.status_code, 200)
        self.assertIn("Créer l'annonce, à relire", listing.text)
        edit = manager.page(f"{form_url}/actions/create_ad/@@edit")
        self.assertEqual(edit.status_code, 200)
        self.assertIn("Type de contenu créé", edit.text)
        self.assertIn("Dossier où le créer", edit.text)
        add = manager.page(f"{form_url}/actions/@@add-action")
        self.assertIn("Créer un contenu à relire", add.text)

    def test_the_footer_leads_to_our_contact_form_and_the_mise_en_lien(self):
        page = self.visitor.page("").text
        self.assertIn(f"{self.portal.absolute_url()}/contribuer/nous-contacter", page)
        self.assertNotIn("/contact-info", page)
        self.assertIn(f"{self.portal.absolute_url()}/@@mise-en-lien", page)
        self.assertIn("Trouver un projet près de chez soi", page)
