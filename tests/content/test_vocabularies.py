"""The vocabularies contributors choose from, with their French titles."""

from coordaction.content.i18n import in_site_language
from coordaction.content.licenses import LICENSES
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import unittest


def vocabulary(name, context=None):
    return getUtility(IVocabularyFactory, f"coordaction.vocabularies.{name}")(context)


def titles(name):
    """The titles of a vocabulary's terms, in the site's language (French)."""
    return {term.value: in_site_language(term.title) for term in vocabulary(name)}


class TestGeography(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_the_18_regions_with_their_official_codes(self):
        regions = titles("regions")
        self.assertEqual(len(regions), 18)
        self.assertEqual(regions["84"], "Auvergne-Rhône-Alpes")
        self.assertEqual(regions["11"], "Île-de-France")
        self.assertEqual(regions["94"], "Corse")
        self.assertEqual(regions["06"], "Mayotte")

    def test_the_101_departements(self):
        departements = titles("departements")
        self.assertEqual(len(departements), 101)
        self.assertEqual(departements["2A"], "2A – Corse-du-Sud")
        self.assertEqual(departements["974"], "974 – La Réunion")
        self.assertNotIn("20", departements)

    def test_each_departement_belongs_to_a_region(self):
        from coordaction.content.vocabularies.geography import departements
        from coordaction.content.vocabularies.geography import regions

        self.assertTrue(
            all(region in regions() for _name, region in departements().values())
        )
        in_ile_de_france = sorted(
            code for code, (_name, region) in departements().items() if region == "11"
        )
        self.assertEqual(
            in_ile_de_france, ["75", "77", "78", "91", "92", "93", "94", "95"]
        )


class TestFixedLists(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_legal_forms(self):
        forms = titles("legal_forms")
        for value, title in (
            ("cooperative-habitants", "Coopérative d'habitants"),
            ("scia", "Société civile immobilière d'attribution (SCIA)"),
            ("sccc", "Société civile coopérative de construction (SCCC)"),
            ("sas-cooperative", "SAS coopérative"),
            ("sci", "Société civile immobilière (SCI)"),
            ("scic", "Société coopérative d'intérêt collectif (SCIC)"),
            ("association", "Association"),
            ("copropriete", "Copropriété"),
            ("autre", "Autre forme"),
        ):
            self.assertEqual(forms[value], title)
        self.assertIn("BRS/OFS", forms["brs-ofs"])

    def test_project_stages_in_order(self):
        self.assertEqual(
            list(titles("project_stages").values()),
            [
                "En réflexion",
                "Groupe constitué",
                "Recherche de foncier",
                "Conception",
                "Chantier",
                "Habité",
            ],
        )

    def test_ad_kinds(self):
        self.assertEqual(
            list(titles("ad_kinds").values()),
            [
                "Je cherche un groupe",
                "Groupe cherche des membres",
                "Recherche de foncier",
                "Foncier ou bâti disponible",
                "Logement dans un habitat participatif",
                "Compétences à partager",
            ],
        )

    def test_other_lists_are_in_french(self):
        self.assertEqual(
            titles("document_kinds")["reglement-interieur"], "Règlement intérieur"
        )
        self.assertEqual(titles("audiences")["bailleurs-sociaux"], "Bailleurs sociaux")
        self.assertEqual(titles("tenures")["location-sociale"], "Location sociale")
        self.assertEqual(titles("partners")["collectivite"], "Collectivité locale")

    def test_licenses_are_stored_as_spdx_ids(self):
        self.assertEqual(
            list(titles("licenses")),
            [
                "CC0-1.0",
                "CC-BY-4.0",
                "CC-BY-SA-4.0",
                "CC-BY-NC-4.0",
                "CC-BY-NC-SA-4.0",
                "CC-BY-ND-4.0",
                "CC-BY-NC-ND-4.0",
                "CC-PDM-1.0",
                "LicenseRef-All-Rights-Reserved",
            ],
        )
        self.assertEqual(
            titles("licenses")["LicenseRef-All-Rights-Reserved"], "Tous droits réservés"
        )
        self.assertEqual(len(LICENSES), 9)


class TestListsAdministratorsExtend(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_default_themes_resource_kinds_and_shared_spaces(self):
        self.assertEqual(titles("themes")["foncier"], "Foncier")
        self.assertEqual(titles("resource_kinds")["video"], "Vidéo")
        self.assertEqual(titles("shared_spaces")["salle-commune"], "Salle commune")

    def test_a_theme_added_in_the_registry_is_offered(self):
        record = "coordaction.themes"
        api.portal.set_registry_record(
            record,
            [*api.portal.get_registry_record(record), "mobilite|Mobilité"],
        )
        self.assertEqual(titles("themes")["mobilite"], "Mobilité")

    def test_a_malformed_line_is_refused_in_french(self):
        from coordaction.content.settings import IContentSettings
        from zope.interface import Invalid

        field = IContentSettings["themes"]
        with self.assertRaises(Invalid) as raised:
            field.validate(["foncier|Foncier", "sans séparateur"])
        from zope.i18n import translate

        self.assertIn(
            "Chaque entrée demande un identifiant et un libellé",
            translate(raised.exception.args[0], target_language="fr"),
        )
        with self.assertRaises(Invalid):
            field.validate(["foncier|Foncier", "foncier|Terrains"])
