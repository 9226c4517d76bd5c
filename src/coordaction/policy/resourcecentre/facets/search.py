"""Results and facet counts for one set of filters, in one pass over the catalog.

Counts follow the usual rule of faceted search: the counts of a facet are those
of the items that match every *other* filter, so that a visitor sees what each
value would add. Every count goes through the same security filter as a catalog
search by that visitor (allowedRolesAndUsers, and effectiveRange for those who
may not see inactive content): a private item is never counted."""

from coordaction.content.communes import Circle
from coordaction.content.communes import commune_by_insee
from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from coordaction.policy.resourcecentre.facets.record_sets import in_all
from coordaction.policy.resourcecentre.facets.record_sets import located_within
from coordaction.policy.resourcecentre.facets.record_sets import ranked_brains
from coordaction.policy.resourcecentre.facets.record_sets import record_ids
from coordaction.policy.resourcecentre.facets.record_sets import sorted_brains
from coordaction.policy.resourcecentre.facets.record_sets import with_any_value
from coordaction.policy.resourcecentre.facets.record_sets import with_value
from DateTime import DateTime
from plone import api
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.ParseTree import QueryError
from Products.ZCTextIndex.QueryParser import QueryParser
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
from ZTUtils.Lazy import LazyMap
import math


MAX_BATCH_SIZE = 100
# "Autour de…": the radius around a commune, in kilometres.
RADIUS_KM = (5, 100)
DEFAULT_RADIUS_KM = 20
SORTS = {
    # name: (sort_on, sort_order)
    "relevance": (None, None),
    "date": ("effective", "descending"),
    "title": ("sortable_title", "ascending"),
    "start": ("start", "ascending"),
}
ALL_FILTERS = object()  # key of the set matching every filter
SCORES = object()  # key of the full-text scores of the base set, if any
RESERVED = {
    "collection",
    "SearchableText",
    "b_start",
    "b_size",
    "sort_on",
    "year_min",
    "year_max",
    "near",
    "radius_km",
    # plone.restapi's summary serializer: the catalog metadata to add to items.
    "metadata_fields",
}


class FacetError(ValueError):
    """A filter a client sent that we cannot apply; its message says why, in French."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return in_request_language(self.message)


def _int(params, name, default, minimum=None, maximum=None):
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise FacetError(
            _(
                "“${name}” must be a whole number, not “${value}”.",
                mapping={"name": name, "value": raw},
            )
        )
    if minimum is not None and value < minimum:
        raise FacetError(
            _(
                "“${name}” cannot be less than ${minimum}.",
                mapping={"name": name, "minimum": minimum},
            )
        )
    if maximum is not None and value > maximum:
        raise FacetError(
            _(
                "“${name}” cannot exceed ${maximum}.",
                mapping={"name": name, "maximum": maximum},
            )
        )
    return value


def _values(params, name):
    raw = params.get(name)
    if raw is None:
        return []
    values = raw if isinstance(raw, (list, tuple)) else [raw]
    return [value for value in values if value not in (None, "")]


def _check_full_text(text):
    """A full-text query the catalog can parse (balanced parentheses, AND, OR,
    NOT between words), or a FacetError."""
    catalog = api.portal.get_tool("portal_catalog")
    lexicon = getattr(catalog, catalog.Indexes["SearchableText"].lexicon_id)
    try:
        QueryParser(lexicon).parseQuery(text)
    except (ParseError, QueryError):
        raise FacetError(
            _(
                "Invalid full-text search: “${text}”. Check the brackets, the quotes "
                "and the words AND, OR, NOT.",
                mapping={"text": text[:100]},
            )
        ) from None


def _single(params, name):
    raw = params.get(name)
    if isinstance(raw, (list, tuple)):
        raise FacetError(_("“${name}” takes only one value.", mapping={"name": name}))
    return (raw or "").strip() if isinstance(raw, str) else raw


def circle_of(collection, params):
    """The circle of ``near`` (a commune's INSEE code) and ``radius_km``, or None."""
    near = _single(params, "near")
    radius = _single(params, "radius_km")
    if not near:
        if radius:
            raise FacetError(
                _("“radius_km” goes with “near”, the INSEE code of a municipality.")
            )
        return None
    if not collection.located:
        raise FacetError(
            _(
                "“near” only applies to the collections of located items: ${names}.",
                mapping={"names": "projets"},
            )
        )
    commune = commune_by_insee(near)
    if commune is None:
        raise FacetError(
            _(
                "Unknown municipality: “${code}”. Give its INSEE code (@communes "
                "finds it from a name or a postcode).",
                mapping={"code": str(near)[:20]},
            )
        )
    radius_km = DEFAULT_RADIUS_KM
    if radius:
        try:
            radius_km = float(str(radius).replace(",", "."))
        except ValueError:
            radius_km = math.nan
        if not math.isfinite(radius_km):
            raise FacetError(
                _(
                    "“radius_km” is a number of kilometres, not “${value}”.",
                    mapping={"value": str(radius)[:20]},
                )
            )
        low, high = RADIUS_KM
        if not low <= radius_km <= high:
            raise FacetError(
                _(
                    "“radius_km” is between ${minimum} and ${maximum} km.",
                    mapping={"minimum": low, "maximum": high},
                )
            )
    return Circle(commune, radius_km)


class FacetedQuery:
    """The filters of one request, checked against the collection's facets."""

    def __init__(self, collection, params, context=None):
        self.collection = collection
        self.context = context
        facets = {facet.index: facet for facet in collection.facets}
        unknown = sorted(set(params) - set(facets) - RESERVED)
        if unknown:
            raise FacetError(
                _(
                    "Unknown filter: ${names}. Possible filters: ${known}.",
                    mapping={
                        "names": ", ".join(unknown),
                        "known": ", ".join(
                            sorted(set(facets) | RESERVED - {"collection"})
                        ),
                    },
                )
            )
        if isinstance(params.get("SearchableText"), (list, tuple)):
            raise FacetError(_("“SearchableText” takes only one value."))
        self.text = (params.get("SearchableText") or "").strip()
        if self.text:
            _check_full_text(self.text)
        self.b_start = _int(params, "b_start", 0, minimum=0)
        self.b_size = _int(params, "b_size", 20, minimum=1, maximum=MAX_BATCH_SIZE)
        self.year_min = (
            _int(params, "year_min", None, minimum=0) if collection.year_range else None
        )
        self.year_max = (
            _int(params, "year_max", None, minimum=0) if collection.year_range else None
        )
        self.sort = params.get("sort_on") or (
            "relevance" if self.text else collection.default_sort
        )
        self.circle = circle_of(collection, params)
        if self.sort not in SORTS:
            raise FacetError(
                _(
                    "Unknown sort: “${sort}”. Possible sorts: relevance, date, title, "
                    "start.",
                    mapping={"sort": self.sort},
                )
            )
        self.filters = {}
        for index, facet in facets.items():
            values = _values(params, index)
            if not values:
                continue
            if facet.boolean:
                parsed = []
                for value in values:
                    if value.lower() not in ("true", "false", "1", "0"):
                        raise FacetError(
                            _(
                                "“${name}” is true or false.",
                                mapping={"name": index},
                            )
                        )
                    parsed.append(value.lower() in ("true", "1"))
                values = parsed
            else:
                known = self.terms(facet)
                wrong = [value for value in values if value not in known]
                if wrong:
                    raise FacetError(
                        _(
                            "Unknown value for “${name}”: ${values}.",
                            mapping={"name": index, "values": ", ".join(wrong)},
                        )
                    )
            self.filters[index] = values

    def terms(self, facet):
        """{value: title} of a facet, in vocabulary order (built once a request)."""
        if facet.boolean:
            return {True: _("Yes"), False: _("No")}
        cache = self.__dict__.setdefault("_terms", {})
        if facet.vocabulary not in cache:
            vocabulary = getUtility(IVocabularyFactory, facet.vocabulary)(self.context)
            cache[facet.vocabulary] = {term.value: term.title for term in vocabulary}
        return cache[facet.vocabulary]

    def catalog_query(self, without=None, without_filters=False):
        collection = self.collection
        query = {"portal_type": collection.portal_type}
        if collection.within_section:
            portal_path = "/".join(api.portal.get().getPhysicalPath())
            query["path"] = f"{portal_path}/{collection.section}"
        if collection.shown_in:
            query["shown_in"] = collection.section
        states = self.filters.get("review_state") if without != "review_state" else None
        query["review_state"] = list(states or collection.default_states)
        if without == "review_state":
            query["review_state"] = list(collection.states)
        if collection.upcoming:
            query["end"] = {"query": DateTime(), "range": "min"}
        if self.text:
            query["SearchableText"] = self.text
        if self.year_min is not None or self.year_max is not None:
            low = self.year_min if self.year_min is not None else 0
            high = self.year_max if self.year_max is not None else 9999
            query["year"] = {"query": (low, high), "range": "min:max"}
        for index, values in self.filters.items():
            if without_filters or index == without or index == "review_state":
                continue
            query[index] = list(values)  # a list means any of these values
        return query


def facet_result_sets(catalog, faceted_query):
    """{facet: the record ids matching every filter except that facet's own}.

    One secured search gives the base set (type, state, security, text, years);
    each facet's set is then the base intersected with the other facets' selected
    values, through index lookups only (record_sets). The state facet of templates
    changes the base itself: there, one search per facet. "Autour de…" (a circle)
    narrows each search to the items within it, from their coordinates."""
    facets = faceted_query.collection.facets
    circle = faceted_query.circle

    def search(query):
        scores, rs = record_ids(catalog, query)
        if circle is not None:
            rs = located_within(catalog, rs, circle.contains)
        return scores, rs

    if any(facet.index == "review_state" for facet in facets):
        sets = {
            facet.index: search(faceted_query.catalog_query(without=facet.index))[1]
            for facet in facets
        }
        sets[ALL_FILTERS] = search(faceted_query.catalog_query())[1]
        sets[SCORES] = None
        return sets
    scores, base = search(faceted_query.catalog_query(without_filters=True))
    selected = {
        index: with_any_value(catalog, index, values, base)
        for index, values in faceted_query.filters.items()
    }
    sets = {
        facet.index: in_all(
            base, *(docs for index, docs in selected.items() if index != facet.index)
        )
        for facet in facets
    }
    sets[ALL_FILTERS] = in_all(base, *selected.values())
    sets[SCORES] = scores
    return sets


def facet_counts(catalog, faceted_query, result_sets=None):
    """{index: {"title", "values": [{value, title, count, selected}]}}."""
    facets = {}
    if result_sets is None:
        result_sets = facet_result_sets(catalog, faceted_query)
    for facet in faceted_query.collection.facets:
        rs = result_sets[facet.index]
        selected = faceted_query.filters.get(facet.index, [])
        values = []
        terms = faceted_query.terms(facet)
        if facet.index == "review_state":
            terms = {
                key: title
                for key, title in terms.items()
                if key in faceted_query.collection.states
            }
        for value, title in terms.items():
            count = len(with_value(catalog, facet.index, value, rs)) if rs else 0
            if count or value in selected:
                values.append(
                    {
                        "value": value,
                        "title": in_request_language(title),
                        "count": count,
                        "selected": value in selected,
                    }
                )
        facets[facet.index] = {
            "title": in_request_language(facet.title),
            "values": values,
        }
    return facets


def page_of(brains, total):
    """A page of results as ZCatalog answers a search with ``b_start`` and
    ``b_size``: the brains of the page, the total in ``actual_result_count``
    (what plone.batching, hence plone.restapi's HypermediaBatch, reads)."""
    return LazyMap(lambda brain: brain, list(brains), actual_result_count=total)


def search_results(catalog, faceted_query, result_sets=None):
    """The requested page of results, sorted, with the total (``page_of``).

    Sorted by date or title, the page comes from the record ids already found
    for the counts, sorted by the catalog without a second search; by relevance
    (scores) or by start (see below), through a catalog search."""
    sort_on, sort_order = SORTS[faceted_query.sort]
    start, size = faceted_query.b_start, faceted_query.b_size
    if (
        result_sets is not None
        and sort_on is None
        and result_sets.get(SCORES) is not None
    ):
        # By relevance: the scores of the full-text search already made.
        rs = result_sets[ALL_FILTERS]
        brains = ranked_brains(catalog, result_sets[SCORES], rs, start, size)
        return page_of(brains, len(rs))
    if result_sets is not None and sort_on not in (None, "start"):
        rs = result_sets[ALL_FILTERS]
        reverse = sort_order == "descending"
        brains = sorted_brains(catalog, rs, sort_on, reverse, start, size)
        return page_of(brains, len(rs))
    query = faceted_query.catalog_query()
    circle = faceted_query.circle
    if circle is not None:
        # Unsorted without full text: in title order, within the circle.
        brains = [
            brain
            for brain in catalog.searchResults(**query, sort_on="sortable_title")
            if circle.contains(brain.latitude, brain.longitude)
        ]
        return page_of(brains[start : start + size], len(brains))
    if sort_on == "start":
        # The start index (DateRecurringIndex) keeps a set of occurrences per
        # event and cannot sort: sort on the metadata, as plone.app.event does.
        brains = sorted(catalog.searchResults(**query), key=lambda brain: brain.start)
        return page_of(brains[start : start + size], len(brains))
    if sort_on:
        query["sort_on"] = sort_on
        query["sort_order"] = sort_order
    brains = catalog.searchResults(**query)
    return page_of(brains[start : start + size], len(brains))
