"""The catalog internals that ``@facets`` relies on, and only here.

``@facets`` answers a page of results and the counts of every facet in one pass:
one secured catalog search gives a set of record ids (RIDs), then each facet value
is an index look-up intersected with it, without loading a brain. That is several
times faster than one ``searchResults`` per facet, but it reads ZCatalog's and
BTrees' private parts (``Catalog._search_index``, the catalog plan, ``index._index``,
``Catalog.sortResults``...). They live in this module so that one test,
``tests/resourcecentre/test_record_sets.py``, compares its answers with
``catalog.searchResults`` on a real site and checks that every private name used
below still exists: if ZCatalog changes under us, that test fails first.

A "record set" is a ``BTrees.IIBTree.IISet`` of record ids; a full-text search
gives a mapping of record id to score instead (``record_ids`` splits it)."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import union
from DateTime import DateTime
from plone import api
from Products.CMFCore.permissions import AccessInactivePortalContent
from Products.ZCatalog.query import IndexQuery
from ZTUtils.Lazy import LazyMap


# What this module reads of ZCatalog, for the test that watches it.
CATALOG_TOOL_METHODS = ("_listAllowedRolesAndUsers",)
CATALOG_TOOL_ATTRIBUTES = ("_counter",)
CATALOG_METHODS = (
    "make_query",
    "getCatalogPlan",
    "_sorted_search_indexes",
    "_search_index",
    "getIndex",
    "sortResults",
    "__getitem__",
)
CATALOG_ATTRIBUTES = ("indexes", "schema", "data")
INDEX_ATTRIBUTES = ("_index", "query_options", "operators", "useOperator")
INDEX_METHODS = ("query_index",)


def secured(catalog, query):
    """The query with the security filters ``portal_catalog.searchResults`` adds
    for the current user (``allowedRolesAndUsers``, and ``effectiveRange`` for
    those who may not see inactive content): a private item is never found."""
    query = dict(query)
    query["allowedRolesAndUsers"] = catalog._listAllowedRolesAndUsers(
        api.user.get_current()
    )
    if not api.user.has_permission(AccessInactivePortalContent, obj=api.portal.get()):
        query["effectiveRange"] = DateTime()
    return query


def _search(catalog, query):
    """The record ids (or ids and scores) matching a query, as ZCatalog's own
    ``Catalog.search`` finds them before it loads and sorts brains."""
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
    return IISet() if rs is None else rs


def record_ids(catalog, query):
    """``(scores, ids)`` of the items matching ``query`` (secured here): ``ids`` an
    IISet of record ids; ``scores`` {record id: score} when the query has full
    text, else None."""
    rs = _search(catalog, secured(catalog, query))
    if hasattr(rs, "keys") and not isinstance(rs, IISet):
        return rs, IISet(rs.keys())
    return None, rs


def result_record_ids(results):
    """The record ids of a search's results (``catalog.searchResults``), without
    making their brains."""
    if isinstance(results, LazyMap):
        values = results._seq
        if values and isinstance(values[0], tuple):
            values = [value[1] for value in values]
        return IISet(values)
    return IISet(brain.getRID() for brain in results)


def catalog_state(catalog):
    """What changes whenever the catalog does: its counter of changes, and the
    transaction that last changed it (two databases may have counted as many)."""
    return catalog.getCounter(), getattr(catalog._counter, "_p_serial", None)


def with_value(catalog, index_id, value, rs):
    """The record ids of ``rs`` whose index ``index_id`` holds ``value``."""
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


def with_any_value(catalog, index_id, values, rs):
    """The record ids of ``rs`` whose index holds one of ``values`` (an OR)."""
    docs = IISet()
    for value in values:
        docs = union(docs, with_value(catalog, index_id, value, rs))
    return docs


def in_all(rs, *others):
    """The record ids of ``rs`` found in each of ``others`` (an AND)."""
    for docs in others:
        rs = intersection(rs, docs)
    return rs


def located_within(catalog, rs, contains):
    """The record ids of ``rs`` whose ``latitude`` and ``longitude`` metadata
    ``contains(latitude, longitude)`` accepts: read from the catalog's metadata
    records, without loading a brain."""
    cat = catalog._catalog
    latitude, longitude = cat.schema["latitude"], cat.schema["longitude"]
    found = IISet()
    for rid in rs:
        record = cat.data[rid]
        lat, lon = record[latitude], record[longitude]
        located = isinstance(lat, float | int) and isinstance(lon, float | int)
        if located and contains(lat, lon):
            found.insert(rid)
    return found


def sorted_brains(catalog, rs, index_id, reverse, start, size):
    """The brains of ``rs[start:start + size]`` sorted on an index, as
    ``searchResults(sort_on=...)`` would give them, without searching again."""
    if not rs:
        return []
    cat = catalog._catalog
    brains = cat.sortResults(
        rs, cat.getIndex(index_id), reverse=reverse, limit=start + size, merge=True
    )
    return list(brains[start : start + size])


def ranked_brains(catalog, scores, rs, start, size):
    """The brains of ``rs[start:start + size]``, best full-text score first."""
    ranked = sorted(rs, key=lambda rid: -scores[rid])[start : start + size]
    cat = catalog._catalog
    return [cat[rid] for rid in ranked]
