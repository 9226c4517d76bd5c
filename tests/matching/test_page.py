"""The Mise en lien page as an anonymous future resident sees it: the published
projects looking for members and the current ads of their région, nothing else."""

from collective.honeypot.config import HONEYPOT_FIELD
from tests.http import Client
from tests.matching.layer import PAYS_DE_LA_LOIRE_FUNCTIONAL_TESTING
from tests.matching.visitor import PAGE
from tests.matching.visitor import document
from tests.matching.visitor import errors
from tests.matching.visitor import form_fields
from tests.matching.visitor import result_titles
from tests.matching.visitor import texts
import unittest


class TestMatchingPage(unittest.TestCase):
    layer = PAYS_DE_LA_LOIRE_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.visitor = Client(self.portal.absolute_url())

    def search(self, query):
        response = self.visitor.page(f"{PAGE}?{query}")
        self.assertEqual(response.status_code, 200)
        return response

    def test_first_visit_shows_the_criteria_in_french_and_no_result(self):
        response = self.search("")
        self.assertIn("Trouver un projet d'habitat participatif", response.text)
        self.assertIn("Pays de la Loire", response.text)  # a choice of the form
        self.assertIn("Toutes les étapes", response.text)
        self.assertEqual(errors(response), [])
        self.assertEqual(result_titles(response, "projects"), [])
        self.assertEqual(texts(response, "form.coordaction-matching-subscribe"), [])

    def test_a_region_lists_its_published_projects_looking_for_members_and_ads(self):
        response = self.search("region=52")
        self.assertEqual(
            sorted(result_titles(response, "projects")),
            [
                "Coopérative angevine",
                "Hameau de Saint-Nazaire",
                "Les Écoquartiers de Rezé",
            ],
        )
        self.assertEqual(
            sorted(result_titles(response, "ads")),
            [
                "Groupe nantais cherche deux foyers",
                "Logement dans une coopérative d'Angers",
                "Terrain à bâtir en Pays de la Loire",
            ],
        )
        self.assertEqual(
            texts(response, ".coordaction-matching-count"),
            ["3 projets cherchent des membres", "3 annonces"],
        )
        for hidden in (
            "Projet nantais au complet",  # not looking for members
            "Projet nantais en brouillon",
            "Projet lyonnais",
            "Je cherche un groupe à Nantes",  # not an ad a resident answers
            "Annonce expirée de Rezé",
            "Annonce pas encore relue",
            "Groupe lyonnais cherche des membres",
        ):
            self.assertNotIn(hidden, response.text)

    def test_each_result_says_where_it_is_and_links_to_it(self):
        response = self.search("region=52&departement=44")
        [reze] = [
            line
            for line in texts(response, ".coordaction-matching-projects li")
            if "Rezé" in line
        ]
        self.assertEqual(
            reze,
            "Les Écoquartiers de Rezé — Rezé, Loire-Atlantique (44), Pays de la Loire "
            "— Conception — 12 foyers prévus",
        )
        links = {
            link.text_content(): link.get("href")
            for link in document(response).cssselect(".coordaction-matching-list a")
        }
        self.assertEqual(
            links["Les Écoquartiers de Rezé"],
            self.portal["projets"]["les-ecoquartiers-de-reze"].absolute_url(),
        )
        self.assertEqual(
            links["Groupe nantais cherche deux foyers"],
            self.portal["petites-annonces"][
                "groupe-nantais-cherche-deux-foyers"
            ].absolute_url(),
        )
        self.assertEqual(
            self.visitor.page(links["Les Écoquartiers de Rezé"]).status_code, 200
        )

    def test_a_departement_keeps_its_items_and_the_ads_of_the_whole_region(self):
        response = self.search("region=52&departement=44")
        self.assertEqual(
            sorted(result_titles(response, "projects")),
            ["Hameau de Saint-Nazaire", "Les Écoquartiers de Rezé"],
        )
        self.assertEqual(
            sorted(result_titles(response, "ads")),
            [
                "Groupe nantais cherche deux foyers",
                "Terrain à bâtir en Pays de la Loire",
            ],
        )

    def test_stage_size_and_tenure_narrow_the_projects_not_the_ads(self):
        for query, expected in (
            ("etape=conception", ["Les Écoquartiers de Rezé"]),
            ("occupation=propriete", ["Hameau de Saint-Nazaire"]),
            # At most 20 households; a project that does not say stays.
            ("foyers=20", ["Coopérative angevine", "Les Écoquartiers de Rezé"]),
            ("foyers=20&etape=chantier", []),
        ):
            with self.subTest(query):
                response = self.search(f"region=52&{query}")
                self.assertEqual(sorted(result_titles(response, "projects")), expected)
                self.assertEqual(len(result_titles(response, "ads")), 3)

    def test_nothing_matching_is_said_plainly(self):
        response = self.search("region=11")
        self.assertIn(
            "Aucun projet ne correspond à votre recherche pour l'instant.",
            response.text,
        )
        self.assertIn(
            "Aucune annonce ne correspond à votre recherche pour l'instant.",
            response.text,
        )
        # One can still ask to be told when something comes.
        self.assertEqual(len(texts(response, "form.coordaction-matching-subscribe")), 1)

    def test_bad_criteria_are_explained_in_french(self):
        for query, message in (
            ("region=", "Choisissez une région."),
            ("region=99", "Choisissez une région de la liste."),
            (
                "region=52&departement=69",
                "Le département Rhône (69) n'est pas dans la région Pays de la "
                "Loire : choisissez un département de la région, ou aucun.",
            ),
            (
                "region=52&departement=999",
                "Choisissez un département de la liste, ou aucun.",
            ),
            (
                "region=52&etape=demolition",
                "Choisissez une étape du projet de la liste, ou aucune.",
            ),
            (
                "region=52&occupation=squat",
                "Choisissez un statut d'occupation de la liste, ou aucun.",
            ),
            (
                "region=52&foyers=beaucoup",
                "Le nombre de foyers est un nombre entier de 1 à 1000, par exemple 12.",
            ),
            (
                "region=52&foyers=0",
                "Le nombre de foyers est un nombre entier de 1 à 1000, par exemple 12.",
            ),
            ("region=52&region=53", "Choisissez une région de la liste."),
        ):
            with self.subTest(query):
                response = self.search(query)
                self.assertEqual(errors(response), [message])
                self.assertEqual(result_titles(response, "projects"), [])
                self.assertEqual(
                    texts(response, "form.coordaction-matching-subscribe"), []
                )

    def test_the_form_keeps_the_criteria_chosen(self):
        response = self.search("region=52&departement=44&etape=chantier&foyers=40")
        self.assertIn('<option value="52" selected', response.text)
        self.assertIn('<option value="44" selected', response.text)
        self.assertIn('<option value="chantier" selected', response.text)
        self.assertIn('value="40"', response.text)

    def test_the_search_address_carries_no_csrf_token_nor_honeypot(self):
        member = Client(self.portal.absolute_url(), "membre")
        response = member.page(f"{PAGE}?region=52")
        self.assertEqual(len(result_titles(response, "projects")), 3)
        _action, search = form_fields(response, "form.coordaction-matching-criteria")
        # Neither the CSRF token nor the honeypot field: a clean search address.
        self.assertEqual(
            sorted(search), ["departement", "etape", "foyers", "occupation", "region"]
        )
        _action, alert = form_fields(response, "form.coordaction-matching-subscribe")
        self.assertIn("_authenticator", alert)
        self.assertIn(HONEYPOT_FIELD, alert)
