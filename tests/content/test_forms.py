"""The add forms, as an editor fills them in a browser: French labels, fieldsets,
and French errors that create nothing."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from tests.http import SiteTestCase
from tests.http import as_manager
from tests.http import commit
import re
import unittest


class TestAddForms(SiteTestCase):
    users = {"contributrice": {"roles": ("Member", "Contributor")}}

    def setUp(self):
        super().setUp()
        self.editor = self.signed_in("contributrice")

    def form(self, section, portal_type):
        response = self.editor.page(f"{section}/++add++{portal_type}")
        self.assertEqual(response.status_code, 200)
        return response.text

    def submit(self, section, portal_type, fields):
        page = self.form(section, portal_type)
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page)[1]
        data = {"_authenticator": token, "form.buttons.save": "Enregistrer", **fields}
        return self.editor.session.post(
            self.editor.url(f"{section}/++add++{portal_type}"), data=data, timeout=60
        )

    def test_project_sheet_form_is_french_and_grouped(self):
        page = self.form("projets", "ProjectSheet")
        for text in (
            "Proposer une fiche projet",
            "L'essentiel",
            "Le projet",
            "Contact et carte",
            "Latitude",
            "Étape du projet",
            "Courriel de contact",
            "Jamais affiché au public",
        ):
            self.assertTrue(text in page, text)

    def test_resource_form_offers_the_licences_with_the_site_default(self):
        page = self.form("centre-de-ressources", "Resource")
        self.assertTrue("Tous droits réservés" in page)
        selected = re.search(
            r'<option[^>]*selected="selected"[^>]*value="(CC[^"]*)"', page
        )
        self.assertEqual(selected[1] if selected else None, "CC-BY-SA-4.0")

    def test_bad_coordinates_get_a_french_error_and_create_nothing(self):
        response = self.submit(
            "projets",
            "ProjectSheet",
            {
                "form.widgets.IDublinCore.title": "Projet mal placé",
                "form.widgets.stage:list": "reflexion",
                "form.widgets.commune": "Lyon",
                "form.widgets.postal_code": "69003",
                "form.widgets.departement:list": "69",
                "form.widgets.region:list": "84",
                "form.widgets.latitude": "123",
                "form.widgets.longitude": "4,83",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(
            "La latitude doit être comprise entre -90 et 90 degrés." in response.text,
            re.findall(r'class="invalid-feedback">([^<]*)<', response.text),
        )
        self.assertNotIn("projet-mal-place", self.portal["projets"].objectIds())

    def test_a_valid_sheet_is_created(self):
        response = self.submit(
            "projets",
            "ProjectSheet",
            {
                "form.widgets.IDublinCore.title": "Projet bien placé",
                "form.widgets.stage:list": "reflexion",
                "form.widgets.commune": "Lyon",
                "form.widgets.postal_code": "69003",
                "form.widgets.departement:list": "69",
                "form.widgets.region:list": "84",
                "form.widgets.latitude": "45,7578",
                "form.widgets.longitude": "4,832",
                # the browser sends the pre-selected site default
                "form.widgets.ICreativeCommonsLicense.license_spdx:list": "CC-BY-SA-4.0",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(
            "/projets/projet-bien-place" in response.url
            and "Enregistré comme brouillon : soumettez-le à la relecture"
            in response.text,
            re.findall(r'invalid-feedback">\s*([^<]*)<', response.text)
            or re.findall(r"portalMessage[^>]*>(.*?)</div>", response.text, re.S),
        )
        self.assertTrue("Auvergne-Rhône-Alpes" in response.text)


class TestEditForm(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def test_coordinates_keep_their_precision_in_the_edit_form(self):
        from tests import builders
        from tests.http import admin

        portal = self.layer["portal"]
        as_manager(portal)
        sheet = builders.project_sheet(
            portal["projets"], latitude=45.771936, longitude=4.890212
        )
        commit()
        page = admin(portal.absolute_url()).page(f"{sheet.absolute_url()}/edit").text
        self.assertTrue('value="45,771936"' in page)
        self.assertTrue('value="4,890212"' in page)
