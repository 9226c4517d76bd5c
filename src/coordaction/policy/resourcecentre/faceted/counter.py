"""eea's counters of a faceted page, served from one computation per search.

eea's JavaScript asks ``@@faceted_counter`` once per counted facet (five on the
resource centre, eight on the projects), each time a search changes. eea answers
each with a catalog search of its own: the page's search without that facet's own
choice. Here the first of these requests computes the counters of every facet at
once, and the others read them from Plone's RAM cache:

- one catalog search, eea's own (``faceted_query``, so the section's type, the
  text, the years, the hidden criteria and the visitor's rights apply as on the
  page), without the choices of any counted facet;
- for each counted facet, that set of items narrowed to the choices of the other
  facets, and counted per value of the facet's vocabulary as eea's widget counts
  (``Widget.count``: the items the index gives for the value, within the set), with
  BTrees' intersections of record ids rather than Python sets of them.

The answer is eea's, to the value: ``tests/resourcecentre/test_faceted_counter.py``
compares both for many searches. A search this does not cover (a facet whose
values must all match, "and"; a widget that filters the results after the search)
is counted by eea as before.

The page's script (``browser/static/faceted-page.js``) sends the counters a
search asks for at the same moment as one request, ``cids`` naming the facets:
the answer is then ``{facet: its counts}``, one request per search instead of
five to eight.
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from coordaction.policy.resourcecentre.facets.record_sets import catalog_state
from coordaction.policy.resourcecentre.facets.record_sets import in_all
from coordaction.policy.resourcecentre.facets.record_sets import result_record_ids
from eea.facetednavigation.browser.app.counter import FacetedQueryCounter
from eea.facetednavigation.interfaces import ICriteria
from eea.facetednavigation.interfaces import IFacetedCatalog
from eea.facetednavigation.interfaces import IWidgetFilterBrains
from plone import api
from plone.memoize import ram
from Products.CMFCore.utils import getToolByName
from Products.CMFPlone.utils import safe_unicode
from zope.component import getMultiAdapter
from zope.component import queryAdapter
from zope.component import queryUtility
import json
import threading


# The searches being counted, each with its lock: eea's JavaScript sends the
# counters of a page at once, and the first to arrive counts for the others.
_COUNTING = {}
_COUNTING_GUARD = threading.Lock()

# The widgets whose counters are computed together: a value list matched with
# "or" (checkbox), or a yes/no (boolean).
SHARED_WIDGETS = ("checkbox", "boolean")


def as_set(records):
    """Record ids as BTrees wants them."""
    if isinstance(records, (IISet, IITreeSet)):
        return records
    return IISet(records or ())


def widget_counts(widget, index, records, matching):
    """What eea's ``Widget.count`` answers for results ``records`` (an IISet),
    rule for rule (eea/facetednavigation/widgets/widget.py); ``matching(index,
    value)``: the record ids the index gives for a value."""
    sequence = [key for key, _title in widget.vocabulary()]
    if not sequence:
        return {}
    counts = {"": len(records), "all": len(records)}
    for value in sequence:
        normalized = safe_unicode(value)
        if index.meta_type == "BooleanIndex":
            if normalized in ("False", 0):
                normalized = False
            elif normalized in ("True", 1):
                normalized = True
        if not value:
            counts[value] = len(records)
            continue
        found = len(intersection(records, matching(index, normalized)))
        if isinstance(value, str):
            counts[value] = found
        elif isinstance(normalized, str):
            counts[normalized] = found
        elif isinstance(normalized, bool):
            counts["selected"] = found
        else:
            counts[value.decode("utf-8")] = found
    return counts


def selected(form, cid):
    """The values chosen in facet ``cid`` (eea sends "cid" or "cid[]")."""
    values = form.get(cid, form.get(f"{cid}[]"))
    if values in (None, ""):
        return []
    return values if isinstance(values, list) else [values]


def _counts_key(method, counter, form):
    """The page, the search, who asks (what they may see) and the catalog's state."""
    catalog = api.portal.get_tool("portal_catalog")
    user = api.user.get_current()
    return (
        "/".join(counter.context.getPhysicalPath()),
        tuple(sorted((key, repr(value)) for key, value in form.items())),
        tuple(sorted(catalog._listAllowedRolesAndUsers(user))),
        *catalog_state(catalog),
    )


class SharedFacetedCounter(FacetedQueryCounter):
    """``@@faceted_counter`` of the portal's faceted pages."""

    def index(self):
        """eea's counter renders an empty template before it counts."""
        return ""

    def widgets(self):
        """{cid: eea widget} of the page's visible counted facets."""
        criteria = ICriteria(self.context)
        widgets = {}
        for cid, criterion in criteria.items():
            if criterion.hidden or not criterion.get("count"):
                continue
            widget = criteria.widget(cid=cid)(self.context, self.request, criterion)
            widgets[cid] = widget
        return widgets

    def shared(self, form, widgets):
        """Whether this search's counters may be computed together."""
        if any(widget.widget_type not in SHARED_WIDGETS for widget in widgets.values()):
            return False
        if any(
            form.get(f"{cid}-operator", form.get(f"{cid}-operator[]")) == "and"
            for cid in widgets
        ):
            return False
        criteria = ICriteria(self.context)
        return not any(
            queryAdapter(
                criteria.widget(cid=cid)(self.context, self.request, criterion),
                IWidgetFilterBrains,
            )
            for cid, criterion in criteria.items()
        )

    def __call__(self, *args, **kwargs):
        form = {**self.request.form, **kwargs}
        cids = form.pop("cids", None)
        widgets = self.widgets()
        if cids is None:
            # eea's own request: the counts of one facet.
            cid = form.pop("cid", None)
            if cid not in widgets or not self.shared(form, widgets):
                return super().__call__(*args, **kwargs)
            return self.answer(self.counts_of(form, widgets)[cid])
        # The page script's request: {facet: its counts} for several facets.
        cids = [cid for cid in selected({"cids": cids}, "cids") if cid in widgets]
        if self.shared(form, widgets):
            counts = self.counts_of(form, widgets)
            return self.answer({cid: counts[cid] for cid in cids})
        return self.answer({cid: self.counted_by_eea(form, cid) for cid in cids})

    def answer(self, counts):
        self.request.response.setHeader(
            "Content-Type", "application/json; charset=utf-8"
        )
        return json.dumps(counts)

    def counts_of(self, form, widgets):
        """Every counted facet's counts, computed together."""
        form = dict(form)
        for name in widgets:
            form.pop(f"{name}-operator", None)
            form.pop(f"{name}-operator[]", None)
        return self.all_counts(form)

    def counted_by_eea(self, form, cid):
        """One facet's counts, by eea (which edits the request's form)."""
        request_form = self.request.form
        self.request.form = dict(form)
        try:
            return self.query(cid, **form)
        finally:
            self.request.form = request_form

    def all_counts(self, form):
        """{cid: eea's counts} of every counted facet for the search ``form``:
        computed by the first request, the others wait for it and find it in
        the RAM cache."""
        key = _counts_key(None, self, form)
        with _COUNTING_GUARD:
            lock = _COUNTING.setdefault(key, threading.Lock())
        try:
            with lock:
                return self.counted(form)
        finally:
            with _COUNTING_GUARD:
                _COUNTING.pop(key, None)

    @ram.cache(_counts_key)
    def counted(self, form):
        """The computation itself (see the module's docstring)."""
        widgets = self.widgets()
        base = {
            key: value
            for key, value in form.items()
            if key.removesuffix("[]") not in widgets
        }
        handler = getMultiAdapter((self.context, self.request), name="faceted_query")
        # eea's search reads the request's form: the base search's, meanwhile.
        request_form = self.request.form
        self.request.form = dict(base)
        try:
            brains = handler.query(batch=False, sort=False, counter_query=True, **base)
        finally:
            self.request.form = request_form
        items = result_record_ids(brains)
        catalog = api.portal.get_tool("portal_catalog")
        faceted_catalog = queryUtility(IFacetedCatalog)

        # eea's apply_index, without looking for its optional tool at each value.
        faceted_tool = getToolByName(self.context, "portal_faceted", None)
        apply_index = (
            faceted_tool.apply_index
            if faceted_tool is not None
            else faceted_catalog._apply_index
        )

        def matching(index, value):
            return as_set(apply_index(index, value)[0])

        indexes = {
            cid: catalog._catalog.getIndex(widget.data.get("index"))
            for cid, widget in widgets.items()
        }
        choices = {}
        for cid, widget in widgets.items():
            values = selected(form, cid)
            if not values:
                continue
            if widget.widget_type == "boolean":
                values = [True]
            choices[cid] = multiunion(
                [matching(indexes[cid], value) for value in values]
            )
        counts = {}
        for cid, widget in widgets.items():
            narrowed = in_all(
                items, *(chosen for other, chosen in choices.items() if other != cid)
            )
            counts[cid] = widget_counts(widget, indexes[cid], narrowed, matching)
        return counts
