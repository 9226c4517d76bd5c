"""@facets: results and facet counts in one request, as an external site reads them."""

from tests.http import Client
from tests.resourcecentre.layer import SAMPLE_CONTENT_FUNCTIONAL_TESTING
import unittest


def counts(data, facet):
    return {value["value"]: value["count"] for value in data["facets"][facet]["values"]}


class TestFacetsAPI(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.anonymous = Client(self.portal.absolute_url())

    def facets(self, client=None, expect=200, **params):
        response = (client or self.anonymous).get_json(
            "@facets?"
            + "&".join(
                f"{key}={value}"
                for key, values in params.items()
                for value in (values if isinstance(values, list) else [values])
            )
        )
        self.assertEqual(response.status_code, expect, response.text[:2000])
        return response

    def test_results_and_counts_in_one_answer(self):
        data = self.facets(collection="ressources").json()
        self.assertEqual(data["items_total"], 5)
        self.assertEqual(
            counts(data, "resource_kind"),
            {"guide": 2, "fiche-pratique": 1, "etude": 1, "video": 1},
        )
        self.assertEqual(counts(data, "regions"), {"53": 2, "84": 2, "11": 1})
        self.assertEqual(data["facets"]["resource_kind"]["title"], "Type de ressource")
        self.assertEqual(
            [value["title"] for value in data["facets"]["resource_kind"]["values"]],
            ["Guide", "Fiche pratique", "Étude ou rapport", "Vidéo"],
        )

    def test_filters_narrow_results_and_other_facets(self):
        data = self.facets(collection="ressources", themes="financement").json()
        self.assertEqual(
            sorted(item["title"] for item in data["items"]),
            ["Guide du financement", "Étude sur la coopérative"],
        )
        # Other facets count within the filter; the facet itself keeps its options.
        self.assertEqual(counts(data, "resource_kind"), {"guide": 1, "etude": 1})
        self.assertEqual(counts(data, "themes")["foncier"], 1)
        self.assertTrue(
            [
                v
                for v in data["facets"]["themes"]["values"]
                if v["value"] == "financement"
            ][0]["selected"]
        )

    def test_values_of_one_facet_combine_with_or_and_facets_with_and(self):
        data = self.facets(
            collection="ressources", resource_kind=["etude", "video"]
        ).json()
        self.assertEqual(data["items_total"], 2)
        data = self.facets(
            collection="ressources",
            resource_kind=["guide"],
            regions="53",
            year_min=2020,
        ).json()
        self.assertEqual(
            [item["title"] for item in data["items"]], ["Guide du financement"]
        )

    def test_items_carry_their_licence_and_labels(self):
        data = self.facets(collection="ressources", license_spdx="CC0-1.0").json()
        [item] = data["items"]
        self.assertEqual(item["title"], "Vidéo des rencontres")
        self.assertEqual(item["license"]["id"], "CC0-1.0")
        self.assertEqual(
            item["license"]["url"],
            "https://creativecommons.org/publicdomain/zero/1.0/deed.fr",
        )
        self.assertEqual(item["resource_kind"], {"token": "video", "title": "Vidéo"})
        self.assertEqual(item["year"], 2024)

    def test_full_text_ignores_accents_and_titles_weigh_more(self):
        for word in ("coopérative", "cooperative"):
            data = self.facets(collection="ressources", SearchableText=word).json()
            self.assertEqual(
                [item["title"] for item in data["items"]],
                ["Étude sur la coopérative", "Monter un groupe d'habitants"],
                word,
            )

    def test_private_items_are_neither_listed_nor_counted(self):
        for client in (self.anonymous, Client(self.portal.absolute_url(), "membre")):
            data = self.facets(
                client, collection="ressources", resource_kind="guide"
            ).json()
            self.assertEqual(data["items_total"], 2)
            self.assertEqual(counts(data, "resource_kind")["guide"], 2)
            self.assertNotIn("Guide brouillon", str(data))
            self.assertNotIn("Guide du groupe", str(data))

    def test_obsolete_templates_only_when_asked(self):
        data = self.facets(collection="trames").json()
        self.assertEqual([item["title"] for item in data["items"]], ["Statuts 2026"])
        self.assertEqual(counts(data, "review_state"), {"published": 1, "obsolete": 1})
        data = self.facets(collection="trames", review_state="obsolete").json()
        self.assertEqual([item["title"] for item in data["items"]], ["Statuts 2014"])
        self.assertEqual(data["items"][0]["review_state"], "obsolete")

    def test_expired_ads_never_show(self):
        data = self.facets(collection="annonces").json()
        self.assertEqual(
            [item["title"] for item in data["items"]], ["Annonce actuelle"]
        )
        self.assertEqual(counts(data, "regions"), {"52": 1})

    def test_projects_with_boolean_and_place_facets(self):
        data = self.facets(collection="projets", looking_for_members="true").json()
        self.assertEqual([item["title"] for item in data["items"]], ["Projet lyonnais"])
        self.assertEqual(counts(data, "looking_for_members"), {True: 1, False: 1})
        data = self.facets(collection="projets", departements="35").json()
        [item] = data["items"]
        self.assertEqual(item["commune"], "Rennes")
        self.assertEqual(item["latitude"], 48.1173)
        self.assertNotIn("contact_email", item)

    def test_projects_are_sorted_by_title_as_on_their_page(self):
        # The Projet rennais is the newest: by date, it would come first.
        data = self.facets(collection="projets").json()
        self.assertEqual(
            [item["title"] for item in data["items"]],
            ["Projet lyonnais", "Projet rennais"],
        )
        data = self.facets(collection="projets", sort_on="date").json()
        self.assertEqual(
            [item["title"] for item in data["items"]],
            ["Projet rennais", "Projet lyonnais"],
        )

    def test_bad_filters_get_a_400_in_french(self):
        for params, message in (
            ({}, "Indiquez « collection »"),
            ({"collection": "inconnue"}, "Indiquez « collection »"),
            (
                {"collection": "ressources", "couleur": "bleu"},
                "Filtre inconnu : couleur",
            ),
            (
                {"collection": "ressources", "themes": "cuisine"},
                "Valeur inconnue pour « themes » : cuisine",
            ),
            (
                {"collection": "ressources", "year_min": "hier"},
                "« year_min » doit être un nombre entier",
            ),
            (
                {"collection": "ressources", "b_size": "100000"},
                "« b_size » ne peut pas dépasser 100",
            ),
            (
                {"collection": "ressources", "b_start": "-5"},
                "« b_start » ne peut pas être inférieur à 0",
            ),
            ({"collection": "ressources", "sort_on": "couleur"}, "Tri inconnu"),
            (
                {"collection": "projets", "looking_for_members": "peut-être"},
                "vaut true ou false",
            ),
        ):
            response = self.facets(expect=400, **params)
            error = response.json()["error"]
            self.assertIn(message, error["message"], params)
            self.assertNotIn("traceback", response.text.lower())

    def test_batching(self):
        data = self.facets(collection="ressources", sort_on="title", b_size=2).json()
        self.assertEqual(data["items_total"], 5)
        self.assertEqual(
            [item["title"] for item in data["items"]],
            ["Étude sur la coopérative", "Guide du financement"],
        )
        data = self.facets(
            collection="ressources", sort_on="title", b_size=2, b_start=2
        ).json()
        self.assertEqual(
            [item["title"] for item in data["items"]],
            ["Guide du foncier", "Monter un groupe d'habitants"],
        )


class TestAgendaCollection(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def test_events_to_come_by_date(self):
        client = Client(self.layer["portal"].absolute_url())
        data = client.get_json("@facets?collection=agenda").json()
        self.assertEqual(
            [item["title"] for item in data["items"]],
            ["Rencontres nationales", "Atelier foncier à Rennes"],
        )
        self.assertEqual(
            {
                value["value"]: value["count"]
                for value in data["facets"]["regions"]["values"]
            },
            {"84": 1, "53": 1},
        )
        data = client.get_json("@facets?collection=agenda&regions=53").json()
        self.assertEqual(
            [item["title"] for item in data["items"]], ["Atelier foncier à Rennes"]
        )
        self.assertEqual(data["items"][0]["location"], "Rennes")


class TestSameAnswerAsThePages(unittest.TestCase):
    """An external site and a visitor of the faceted page see the same results."""

    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def test_facets_equal_the_faceted_page(self):
        from tests.resourcecentre.test_faceted_pages import result_titles

        client = Client(self.layer["portal"].absolute_url())
        for page_params, api_params in (
            ([], "collection=ressources"),
            ([("theme", "financement")], "collection=ressources&themes=financement"),
            (
                [("region", "53"), ("nature", "guide")],
                "collection=ressources&regions=53&resource_kind=guide",
            ),
            (
                [("licence", "CC-BY-SA-4.0")],
                "collection=ressources&license_spdx=CC-BY-SA-4.0",
            ),
        ):
            page = client.session.get(
                client.url("centre-de-ressources/@@faceted_query"),
                params=page_params,
                timeout=60,
            )
            self.assertEqual(page.status_code, 200)
            data = client.get_json(f"@facets?{api_params}&b_size=100").json()
            self.assertEqual(
                sorted(result_titles(page.text)),
                sorted(item["title"] for item in data["items"]),
                page_params,
            )
            self.assertTrue(data["items"], page_params)
