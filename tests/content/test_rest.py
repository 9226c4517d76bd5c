"""The content model through plone.restapi, as an external site or an editor's
script would use it."""

from tests import builders
from tests import samples
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import commit
import ast
import base64


def upload(data, filename, content_type):
    return {
        "data": base64.b64encode(data).decode("ascii"),
        "encoding": "base64",
        "filename": filename,
        "content-type": content_type,
    }


VALID = {
    "centre-de-ressources": {
        "@type": "Resource",
        "title": "Financer un habitat participatif",
        "resource_kind": "guide",
        "themes": ["financement"],
        "regions": ["76"],
        "audiences": ["futurs-habitants"],
        "year": 2024,
        "license_spdx": "CC-BY-NC-SA-4.0",
        "file": upload(
            samples.pdf_bytes("Financer"), "financer.pdf", "application/pdf"
        ),
    },
    "trames-types": {
        "@type": "LegalTemplate",
        "title": "Règlement intérieur type",
        "document_kind": "reglement-interieur",
        "legal_forms": ["scia", "cooperative-habitants"],
        "file_editable": upload(
            samples.odt_bytes("Article 1"),
            "reglement.odt",
            "application/vnd.oasis.opendocument.text",
        ),
    },
    "projets": {
        "@type": "ProjectSheet",
        "title": "La Maison des Babayagas",
        "stage": "habite",
        "commune": "Montreuil",
        "postal_code": "93100",
        "departement": "93",
        "region": "11",
        "latitude": 48.8611,
        "longitude": 2.4436,
        "contact_email": "babayagas@example.org",
    },
    "petites-annonces": {
        "@type": "ClassifiedAd",
        "title": "Terrain à Brest",
        "ad_kind": "foncier-bati",
        "text": "Un terrain de 2000 m² pour un projet.",
        "region": "53",
        "departement": "29",
    },
}


class TestSerialization(SiteTestCase):
    users = {"relectrice": {"roles": ("Member", "Reviewer")}}

    def build(self):
        self.resource, self.template, self.sheet, self.ad = builders.published_samples(
            self.portal
        )

    def test_resource_with_its_license_object(self):
        data = self.anonymous.get_json(self.resource.absolute_url()).json()
        self.assertEqual(data["@type"], "Resource")
        self.assertEqual(data["resource_kind"], {"token": "guide", "title": "Guide"})
        self.assertEqual([theme["title"] for theme in data["themes"]], ["Foncier"])
        self.assertEqual(data["regions"], [{"token": "53", "title": "Bretagne"}])
        self.assertEqual(data["year"], 2023)
        self.assertEqual(
            data["license_spdx"],
            {
                "id": "CC-BY-SA-4.0",
                "title": "Attribution - Partage dans les mêmes conditions 4.0 "
                "International (CC BY-SA 4.0)",
                "url": "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
                "badge": f"{self.portal.absolute_url()}"
                "/++resource++coordaction-licenses/by-sa.svg",
            },
        )
        self.assertEqual(data["file"]["filename"], "guide.pdf")
        self.assertTrue(data["file"]["download"].endswith("/@@download/file"))

    def test_legal_template(self):
        data = self.anonymous.get_json(self.template.absolute_url()).json()
        self.assertEqual(data["document_kind"]["title"], "Statuts")
        self.assertEqual(data["legal_forms"][0]["token"], "cooperative-habitants")
        self.assertEqual(data["license_spdx"]["id"], "CC-BY-4.0")
        self.assertEqual(data["file_editable"]["filename"], "statuts.odt")

    def test_project_sheet_without_contact_email_for_anonymous(self):
        data = self.anonymous.get_json(self.sheet.absolute_url()).json()
        self.assertEqual(data["commune"], "Villeurbanne")
        self.assertEqual(data["latitude"], 45.7719)
        self.assertEqual(data["stage"]["title"], "Habité")
        self.assertNotIn("contact_email", data)
        self.assertNotIn("contact@village-vertical.example.org", str(data))

    def test_contact_email_is_serialized_for_reviewers(self):
        reviewer = Client(self.portal.absolute_url(), "relectrice")
        data = reviewer.get_json(self.sheet.absolute_url()).json()
        self.assertEqual(data["contact_email"], "contact@village-vertical.example.org")

    def test_classified_ad_without_author_email_for_anonymous(self):
        data = self.anonymous.get_json(self.ad.absolute_url()).json()
        self.assertEqual(data["ad_kind"]["token"], "groupe-cherche-membres")
        self.assertIsNotNone(data["expires"])
        self.assertNotIn("contact_email", data)
        self.assertNotIn("annonce@example.org", str(data))

    def test_contact_email_never_leaks_through_a_listing(self):
        data = self.anonymous.get_json(
            f"{self.portal['projets'].absolute_url()}/@search?fullobjects=1&portal_type=ProjectSheet"
        ).json()
        self.assertEqual(data["items_total"], 1)
        self.assertNotIn("contact@village-vertical.example.org", str(data))

    def test_private_item_is_refused_to_anonymous(self):
        draft = builders.resource(
            self.portal["centre-de-ressources"], title="Brouillon"
        )
        commit()
        response = self.anonymous.get_json(draft.absolute_url())
        self.assertEqual(response.status_code, 401)


class TestCreation(SiteTestCase):
    users = {"contributrice": {"roles": ("Member", "Contributor")}, "membre": {}}

    def setUp(self):
        super().setUp()
        self.contributor = self.signed_in("contributrice")

    def post(self, client, section, body):
        return client.api("POST", section, json=body)

    def test_contributor_creates_each_type(self):
        for section, body in VALID.items():
            response = self.post(self.contributor, section, body)
            self.assertEqual(response.status_code, 201, (section, response.text))
            data = response.json()
            self.assertEqual(data["@type"], body["@type"])
            self.assertEqual(data["review_state"], "private")
        created = self.contributor.get_json(
            f"{self.url}/centre-de-ressources/financer-un-habitat-participatif"
        ).json()
        self.assertEqual(created["license_spdx"]["id"], "CC-BY-NC-SA-4.0")
        template = self.contributor.get_json(
            f"{self.url}/trames-types/reglement-interieur-type"
        ).json()
        self.assertEqual(template["license_spdx"]["id"], "CC-BY-SA-4.0", "site default")

    def test_member_and_anonymous_cannot_create(self):
        member = Client(self.url, "membre")
        self.assertIn(
            self.post(
                member, "centre-de-ressources", VALID["centre-de-ressources"]
            ).status_code,
            (401, 403),
        )
        anonymous = Client(self.url)
        self.assertEqual(
            self.post(anonymous, "projets", VALID["projets"]).status_code, 401
        )
        self.assertNotIn("la-maison-des-babayagas", self.portal["projets"])

    def test_contributor_cannot_create_a_working_group(self):
        response = self.post(
            self.contributor,
            "groupes-de-travail",
            {"@type": "WorkingGroup", "title": "Mon groupe"},
        )
        self.assertIn(response.status_code, (401, 403))

    def assertRefused(self, section, changes, message, drop=()):
        body = {**VALID[section], **changes}
        for key in drop:
            body.pop(key)
        response = self.post(self.contributor, section, body)
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()
        self.assertEqual(error["type"], "BadRequest")
        self.assertNotIn("traceback", error)
        # plone.restapi's format (the one Volto reads): the list of field errors,
        # each with its message, written as a Python literal in "message".
        problems = ast.literal_eval(error["message"])
        messages = " | ".join(f"{p.get('field', '')}: {p['message']}" for p in problems)
        self.assertIn(message, messages)
        return problems

    def test_bad_coordinates(self):
        self.assertRefused(
            "projets",
            {"latitude": 123.0},
            "La latitude doit être comprise entre -90 et 90 degrés.",
        )
        self.assertRefused(
            "projets",
            {"latitude": 45.0},
            "Indiquez la latitude et la longitude, ou aucune des deux.",
            drop=("longitude",),
        )

    def test_departement_outside_the_region(self):
        self.assertRefused(
            "projets",
            {"departement": "69"},
            "Le département 69 n'est pas dans la région choisie.",
        )

    def test_postal_code(self):
        self.assertRefused(
            "projets", {"postal_code": "931"}, "Un code postal compte cinq chiffres"
        )
        self.assertRefused(
            "projets",
            {"postal_code": "69003"},
            "Le code postal 69003 ne correspond pas au département 93.",
        )

    def test_move_in_year_in_the_future_for_a_lived_in_place(self):
        self.assertRefused(
            "projets",
            {"move_in_year": 2040, "start_year": 2020},
            "ne peut pas être dans le futur",
        )

    def test_template_file_of_the_wrong_type(self):
        self.assertRefused(
            "trames-types",
            {
                "file_editable": upload(
                    b"MZ\x90\x00", "virus.exe", "application/octet-stream"
                )
            },
            "n'est pas un modèle modifiable : déposez un fichier ODT, ODS, DOCX ou XLSX.",
        )

    def test_oversize_upload(self):
        from plone import api

        api.portal.set_registry_record("coordaction.max_upload_mb", 1)
        commit()
        big = upload(
            b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10), "gros.pdf", "application/pdf"
        )
        self.assertRefused(
            "centre-de-ressources", {"file": big}, "la limite est de 1 Mo."
        )

    def test_file_and_link_together(self):
        self.assertRefused(
            "centre-de-ressources",
            {"external_url": "https://www.youtube.com/watch?v=abc"},
            "Choisissez un fichier ou un lien externe, pas les deux.",
        )

    def test_unknown_license_and_missing_required_field(self):
        self.assertRefused(
            "centre-de-ressources", {"license_spdx": "GPL-3.0"}, "license_spdx"
        )
        self.assertRefused("petites-annonces", {}, "text", drop=("text",))

    def test_expiry_before_publication_is_refused(self):
        self.assertRefused(
            "petites-annonces",
            {"effective": "2027-01-10T10:00:00", "expires": "2027-01-01T10:00:00"},
            "expiration",
        )

    def test_nothing_is_created_by_a_refused_request(self):
        self.assertRefused("projets", {"latitude": 123.0}, "latitude")
        self.assertNotIn("la-maison-des-babayagas", self.portal["projets"])
