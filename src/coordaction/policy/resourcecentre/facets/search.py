"""Results and facet counts for one set of filters, in one pass over the catalog.

Counts follow the usual rule of faceted search: the counts of a facet are those
of the items that match every *other* filter, so that a visitor sees what each
value would add. Every count goes through the same security filter as a catalog
search by that visitor (allowedRolesAndUsers, and effectiveRange for those who
may not see inactive content): a private item is never counted."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import union
from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from DateTime import DateTime
from plone import api
from Products.CMFCore.permissions import AccessInactivePortalContent
from Products.ZCatalog.query import IndexQuery
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.ParseTree import QueryError
from Products.ZCTextIndex.QueryParser import QueryParser
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


MAX_BATCH_SIZE = 100
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


def secured(catalog, query):
    """The query with the security filters portal_catalog.searchResults adds."""
    query = dict(query)
    query["allowedRolesAndUsers"] = catalog._listAllowedRolesAndUsers(
        api.user.get_current()
    )
    if not api.user.has_permission(AccessInactivePortalContent, obj=api.portal.get()):
        query["effectiveRange"] = DateTime()
    return query


def result_set(catalog, query):
    """The record ids matching a (secured) query, without loading any brain."""
    cat = catalog._catalog
    query = cat.make_query(query)
    plan = cat.getCatalogPlan(query)
    plan.start()
    rs = None
    for index_id in plan.plan() or cat._sorted_search_indexes(query):
        if index_id in cat.indexes:
            rs = cat._search_index(plan, index_id, query, rs)
            if not rs:
                break
    plan.stop()
    if rs is None:
        return IISet()
    return rs


def scores_and_ids(rs):
    """A full-text search gives a mapping of record id to score: split it."""
    if hasattr(rs, "keys") and not isinstance(rs, IISet):
        return rs, IISet(rs.keys())
    return None, rs


def value_docs(catalog, index_id, value, rs):
    """The record ids of ``rs`` whose ``index_id`` holds ``value``."""
    index = catalog._catalog.getIndex(index_id)
    forward = getattr(index, "_index", None)
    if isinstance(value, str) and forward is not None and hasattr(forward, "get"):
        # Field and keyword indexes: a direct look-up of the value's records.
        docs = forward.get(value)
        if docs is None:
            return IISet()
        if isinstance(docs, int):
            docs = IISet((docs,))
        return intersection(rs, docs)
    index_query = IndexQuery(
        {index_id: value},
        index.id,
        index.query_options,
        index.operators,
        index.useOperator,
    )
    docs = index.query_index(index_query, rs)
    return intersection(rs, docs) if docs else IISet()


def facet_result_sets(catalog, faceted_query):
    """{facet: the record ids matching every filter except that facet's own}.

    One secured search gives the base set (type, state, security, text, years);
    each facet's set is then the base intersected with the other facets' selected
    values, through index lookups only. The state facet of templates changes the
    base itself: there, one search per facet."""
    facets = faceted_query.collection.facets
    if any(facet.index == "review_state" for facet in facets):
        sets = {
            facet.index: scores_and_ids(
                result_set(
                    catalog,
                    secured(catalog, faceted_query.catalog_query(without=facet.index)),
                )
            )[1]
            for facet in facets
        }
        sets[ALL_FILTERS] = scores_and_ids(
            result_set(catalog, secured(catalog, faceted_query.catalog_query()))
        )[1]
        sets[SCORES] = None
        return sets
    scores, base = scores_and_ids(
        result_set(
            catalog, secured(catalog, faceted_query.catalog_query(without_filters=True))
        )
    )
    selected = {}
    for index, values in faceted_query.filters.items():
        docs = IISet()
        for value in values:
            docs = union(docs, value_docs(catalog, index, value, base))
        selected[index] = docs
    sets = {}
    for facet in facets:
        rs = base
        for index, docs in selected.items():
            if index != facet.index:
                rs = intersection(rs, docs)
        sets[facet.index] = rs
    matching = base
    for docs in selected.values():
        matching = intersection(matching, docs)
    sets[ALL_FILTERS] = matching
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
            count = len(value_docs(catalog, facet.index, value, rs)) if rs else 0
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


def search_results(catalog, faceted_query, result_sets=None):
    """The brains of the requested batch, sorted, and the total.

    Sorted by date or title, the batch comes from the record ids already found
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
        scores, rs = result_sets[SCORES], result_sets[ALL_FILTERS]
        ranked = sorted(rs, key=lambda rid: -scores[rid])[start : start + size]
        cat = catalog._catalog
        return [cat[rid] for rid in ranked], len(rs)
    if result_sets is not None and sort_on not in (None, "start"):
        rs = result_sets[ALL_FILTERS]
        total = len(rs)
        if not total:
            return [], 0
        cat = catalog._catalog
        brains = cat.sortResults(
            rs,
            cat.getIndex(sort_on),
            reverse=sort_order == "descending",
            limit=start + size,
            merge=True,
        )
        return list(brains[start : start + size]), total
    query = faceted_query.catalog_query()
    if sort_on == "start":
        # The start index (DateRecurringIndex) keeps a set of occurrences per
        # event and cannot sort: sort on the metadata, as plone.app.event does.
        brains = sorted(catalog.searchResults(**query), key=lambda brain: brain.start)
    else:
        if sort_on:
            query["sort_on"] = sort_on
            query["sort_order"] = sort_order
        brains = catalog.searchResults(**query)
    total = len(brains)
    return brains[start : start + size], total
