"""eea's counters served from one computation (faceted/counter.py) answer what eea's
own counter answers, facet by facet, for many searches, as anonymous and as an
editor; one catalog search serves the counters of a search."""

from coordaction.policy.resourcecentre.faceted.counter import SharedFacetedCounter
from eea.facetednavigation.browser.app.counter import FacetedQueryCounter
from eea.facetednavigation.browser.app.query import FacetedQueryHandler
from eea.facetednavigation.interfaces import ICriteria
from plone.app.testing import TEST_USER_ID
from plone.app.testing import logout
from plone.app.testing import setRoles
from tests.resourcecentre.test_faceted_pages import FACETED_ADS
from tests.resourcecentre.test_faceted_pages import FACETED_PROJECTS
from tests.resourcecentre.test_faceted_pages import FACETED_RESOURCES_AND_TEMPLATES
from unittest import mock
import json
import unittest


def counted(section):
    return [
        cid
        for cid, criterion in ICriteria(section).items()
        if criterion.get("count") and not criterion.hidden
    ]


class SameCountsAsEea:
    """Mixed into a TestCase with ``layer``, ``section`` and ``searches``."""

    section = None
    # Searches as eea's JavaScript sends them (its sorted query, "cid[]" keys).
    searches = ()

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        self.context = self.portal[self.section]

    def answers(self, view_class, form, cid, operator="or"):
        self.request.form = {
            **form,
            "cid": cid,
            f"{cid}-operator": operator,
        }
        view = view_class(self.context, self.request)
        if view_class is FacetedQueryCounter:
            # eea's own counting (its __call__ adds only a RAM cache), with the
            # keys as JSON gives them.
            kwargs = {
                key: value for key, value in self.request.form.items() if key != "cid"
            }
            return json.loads(json.dumps(view.query(cid, **kwargs)))
        return json.loads(view())

    def assert_same_counts(self):
        cids = counted(self.context)
        self.assertTrue(cids)
        counter = SharedFacetedCounter(self.context, self.request)
        # The page's counters are computed together (not eea's fallback).
        self.assertTrue(counter.shared(dict(self.searches[0]), counter.widgets()))
        for form in self.searches:
            for cid in cids:
                ours = self.answers(SharedFacetedCounter, form, cid)
                eeas = self.answers(FacetedQueryCounter, form, cid)
                self.assertEqual(ours, eeas, (form, cid))

    def assert_same_counts_in_one_request(self, operator="or"):
        """The page script's request (``cids``) answers each facet's counts."""
        cids = counted(self.context)
        for form in self.searches:
            self.request.form = {
                **form,
                "cids": cids,
                **{f"{cid}-operator": operator for cid in cids},
            }
            together = json.loads(SharedFacetedCounter(self.context, self.request)())
            self.assertEqual(sorted(together), sorted(cids))
            for cid in cids:
                eeas = self.answers(FacetedQueryCounter, form, cid, operator)
                self.assertEqual(together[cid], eeas, (form, cid))

    def test_same_counts_as_eea_for_anonymous_visitors(self):
        logout()
        self.assert_same_counts()

    def test_same_counts_in_one_request(self):
        logout()
        self.assert_same_counts_in_one_request()

    def test_same_counts_in_one_request_when_all_values_must_match(self):
        # "and": eea counts each facet, as it would have.
        logout()
        self.assert_same_counts_in_one_request("and")

    def test_same_counts_as_eea_for_an_editor(self):
        setRoles(self.portal, TEST_USER_ID, ["Editor"])
        self.assert_same_counts()


PAGE = {"b_start": "0", "parpage[]": "20", "tri[]": "effective", "reversed": "on"}


class TestResourceCentre(SameCountsAsEea, unittest.TestCase):
    layer = FACETED_RESOURCES_AND_TEMPLATES.integration
    section = "centre-de-ressources"
    searches = (
        PAGE,
        {**PAGE, "theme[]": "foncier"},
        {**PAGE, "theme[]": ["foncier", "financement"], "region[]": "53"},
        {**PAGE, "nature[]": "guide", "licence[]": "CC-BY-4.0"},
        {**PAGE, "texte": "coopératives"},
        {**PAGE, "texte": "guide", "region[]": "53"},
        {**PAGE, "annee[]": ["2018", "2021"]},
        {**PAGE, "annee[]": ["2018", "2021"], "theme[]": "foncier"},
        {**PAGE, "theme[]": "valeur-inconnue"},
    )


class TestProjects(SameCountsAsEea, unittest.TestCase):
    layer = FACETED_PROJECTS.integration
    section = "projets"
    searches = (
        {"b_start": "0", "parpage[]": "20", "tri[]": "sortable_title"},
        {"b_start": "0", "parpage[]": "20", "region[]": "53"},
        {"b_start": "0", "parpage[]": "20", "etape[]": "conception", "region[]": "53"},
        {"b_start": "0", "parpage[]": "20", "a-jour": "on"},
        {"b_start": "0", "parpage[]": "20", "a-jour": "on", "region[]": "53"},
    )


class TestAds(SameCountsAsEea, unittest.TestCase):
    layer = FACETED_ADS.integration
    section = "petites-annonces"
    searches = (
        {"b_start": "0", "parpage[]": "20"},
        {"b_start": "0", "parpage[]": "20", "departement[]": "44"},
    )


class TestOneComputation(unittest.TestCase):
    layer = FACETED_PROJECTS.integration

    def test_the_counters_of_a_search_cost_one_catalog_search(self):
        logout()
        portal = self.layer["portal"]
        request = self.layer["request"]
        section = portal["projets"]
        cids = counted(section)
        self.assertGreater(len(cids), 3)
        with mock.patch.object(
            FacetedQueryHandler,
            "query",
            autospec=True,
            side_effect=FacetedQueryHandler.query,
        ) as searches:
            for cid in cids:
                request.form = {
                    "b_start": "0",
                    "parpage[]": "20",
                    "region[]": "53",
                    "cid": cid,
                }
                json.loads(SharedFacetedCounter(section, request)())
        self.assertEqual(searches.call_count, 1)
