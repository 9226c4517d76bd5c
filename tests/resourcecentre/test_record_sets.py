"""The catalog internals @facets reads (record_sets) answer what
``catalog.searchResults`` answers for the same query, on a real site: if ZCatalog
or BTrees change under them, these tests fail before a visitor sees wrong counts."""

from coordaction.policy.resourcecentre.facets import record_sets
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from tests.resourcecentre.layer import SAMPLE_CONTENT_INTEGRATION_TESTING
import unittest


RESOURCES = {"portal_type": "Resource", "review_state": "published"}


class TestRecordSets(unittest.TestCase):
    layer = SAMPLE_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.catalog = api.portal.get_tool("portal_catalog")

    def as_manager(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        login(self.portal, TEST_USER_NAME)

    def rids(self, **query):
        """What Plone's own search finds, as record ids."""
        return {brain.getRID() for brain in self.catalog.searchResults(**query)}

    def test_the_private_names_it_reads_still_exist(self):
        cat = self.catalog._catalog
        for name in record_sets.CATALOG_TOOL_METHODS:
            self.assertTrue(callable(getattr(self.catalog, name, None)), name)
        for name in record_sets.CATALOG_TOOL_ATTRIBUTES:
            self.assertTrue(hasattr(self.catalog, name), name)
        for name in record_sets.CATALOG_METHODS:
            self.assertTrue(callable(getattr(cat, name, None)), name)
        for name in record_sets.CATALOG_ATTRIBUTES:
            self.assertTrue(hasattr(cat, name), name)
        for index_id in ("portal_type", "themes", "regions", "year", "effective"):
            index = cat.getIndex(index_id)
            for name in record_sets.INDEX_ATTRIBUTES:
                self.assertTrue(hasattr(index, name), f"{index_id}.{name}")
            for name in record_sets.INDEX_METHODS:
                self.assertTrue(callable(getattr(index, name, None)), index_id)

    def test_record_ids_are_those_of_search_results(self):
        for query in (
            RESOURCES,
            {**RESOURCES, "themes": ["financement"]},
            {"portal_type": "LegalTemplate", "review_state": ["published", "obsolete"]},
            {"portal_type": "Resource"},  # drafts: left out for a visitor
            {**RESOURCES, "year": {"query": (2020, 2023), "range": "min:max"}},
        ):
            for who in ("anonymous", "manager"):
                with self.subTest(query=query, who=who):
                    if who == "anonymous":
                        logout()
                    else:
                        self.as_manager()
                    scores, ids = record_sets.record_ids(self.catalog, query)
                    self.assertIsNone(scores)
                    self.assertEqual(set(ids), self.rids(**query))
        # The counts would be wrong if the security filter were lost.
        logout()
        _scores, public = record_sets.record_ids(
            self.catalog, {"portal_type": "Resource"}
        )
        self.as_manager()
        _scores, every = record_sets.record_ids(
            self.catalog, {"portal_type": "Resource"}
        )
        self.assertLess(len(public), len(every))

    def test_the_record_ids_of_results_are_those_of_their_brains(self):
        for query in (RESOURCES, {**RESOURCES, "themes": ["financement"]}):
            with self.subTest(query=query):
                results = self.catalog.searchResults(**query)
                self.assertEqual(
                    set(record_sets.result_record_ids(results)), self.rids(**query)
                )

    def test_the_catalog_state_changes_with_the_catalog(self):
        before = record_sets.catalog_state(self.catalog)
        self.as_manager()
        api.content.create(
            container=self.portal, type="Document", title="Une page de plus"
        )
        self.assertNotEqual(record_sets.catalog_state(self.catalog), before)

    def test_full_text_gives_the_scores_of_search_results(self):
        logout()
        query = {**RESOURCES, "SearchableText": "coopérative"}
        scores, ids = record_sets.record_ids(self.catalog, query)
        brains = self.catalog.searchResults(**query)
        brains_by_rid = {brain.getRID(): brain for brain in brains}
        self.assertEqual(set(ids), {brain.getRID() for brain in brains})
        self.assertEqual(len(ids), 2)
        # The same ranking (ZCatalog normalises the scores it hands to brains).
        self.assertEqual(
            sorted(ids, key=lambda rid: -scores[rid]),
            sorted(ids, key=lambda rid: -brains_by_rid[rid].data_record_score_),
        )
        ranked = record_sets.ranked_brains(self.catalog, scores, ids, 0, 10)
        self.assertEqual(
            [brain.getRID() for brain in ranked],
            [brain.getRID() for brain in brains],  # searchResults ranks by score
        )

    def test_values_of_an_index_are_those_of_search_results(self):
        logout()
        _scores, base = record_sets.record_ids(self.catalog, RESOURCES)
        for index, value in (
            ("themes", "financement"),  # keyword index
            ("resource_kind", "guide"),  # field index
            ("regions", "84"),
            ("license_spdx", "CC-BY-SA-4.0"),
            ("year", 2023),  # an integer: through the index's own query
            ("themes", "cuisine"),  # nothing
        ):
            with self.subTest(index=index, value=value):
                found = record_sets.with_value(self.catalog, index, value, base)
                self.assertEqual(set(found), self.rids(**RESOURCES, **{index: value}))
        either = record_sets.with_any_value(
            self.catalog, "resource_kind", ["etude", "video"], base
        )
        self.assertEqual(
            set(either), self.rids(**RESOURCES, resource_kind=["etude", "video"])
        )
        both = record_sets.in_all(
            base,
            record_sets.with_value(self.catalog, "themes", "financement", base),
            record_sets.with_value(self.catalog, "regions", "53", base),
        )
        self.assertEqual(
            set(both), self.rids(**RESOURCES, themes="financement", regions="53")
        )

    def test_sorted_pages_are_those_of_search_results(self):
        logout()
        _scores, base = record_sets.record_ids(self.catalog, RESOURCES)
        for index, order in (
            ("sortable_title", "ascending"),
            ("year", "descending"),
        ):
            expected = [
                brain.getRID()
                for brain in self.catalog.searchResults(
                    **RESOURCES, sort_on=index, sort_order=order
                )
            ]
            self.assertEqual(len(expected), 5)
            for start, size in ((0, 2), (2, 2), (4, 2), (0, 10)):
                with self.subTest(index=index, start=start):
                    page = record_sets.sorted_brains(
                        self.catalog, base, index, order == "descending", start, size
                    )
                    self.assertEqual(
                        [brain.getRID() for brain in page],
                        expected[start : start + size],
                    )


class TestLocatedWithin(unittest.TestCase):
    layer = SAMPLE_CONTENT_INTEGRATION_TESTING

    def test_the_coordinates_are_those_of_the_brains(self):
        catalog = api.portal.get_tool("portal_catalog")
        logout()
        query = {"portal_type": "ProjectSheet"}
        _scores, base = record_sets.record_ids(catalog, query)
        east_of_rennes = record_sets.located_within(
            catalog, base, lambda latitude, longitude: longitude > 0
        )
        expected = {
            brain.getRID()
            for brain in catalog.searchResults(**query)
            if brain.longitude is not None and brain.longitude > 0
        }
        self.assertEqual(set(east_of_rennes), expected)
        self.assertEqual(len(expected), 1)  # the published project of Villeurbanne
        # Items without coordinates (resources) are never within.
        _scores, resources = record_sets.record_ids(catalog, RESOURCES)
        self.assertEqual(
            len(record_sets.located_within(catalog, resources, lambda *point: True)), 0
        )
