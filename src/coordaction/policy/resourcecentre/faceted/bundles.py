"""eea.facetednavigation's scripts and styles only on the pages that use them, and
only those they use.

eea registers its three bundles (``faceted.jquery``: jQuery UI, select2, jsTree,
jQuery BBQ and other plugins, about 470 kB; ``faceted.view``; ``faceted.edit``) for
every page of the site. Each has an expression in the profile
(``registry/faceted-bundles.xml``) that includes it only if the request names it,
as this subscriber does:

- a faceted page gets ``faceted.view`` and ``coordaction-faceted-page``
  (``browser/static/faceted-page.js``: the two functions of jQuery BBQ that eea's
  page calls), and ``faceted.jquery`` only if one of its visible widgets uses a
  plugin of it (``PLAIN_WIDGETS`` are those that use none: the widgets of the
  sections' pages, ``criteria.py``);
- the "Faceted criteria" screen gets all of eea's bundles.

Not Plone's ``add_bundle_on_request`` with the bundles turned off: Plone drops a
bundle that depends on one turned off.
"""

from Acquisition import aq_inner
from eea.facetednavigation.interfaces import ICriteria
from eea.facetednavigation.interfaces import IFacetedNavigable


# The request's key that the bundles' expressions read.
REQUEST_KEY = "coordaction.faceted_bundles"
# eea's widgets whose script needs nothing but jQuery, the address's fragment
# (faceted-page.js) and eea's own faceted.view (read in eea's widgets/*/view.js).
PLAIN_WIDGETS = frozenset(
    {
        "boolean",
        "checkbox",
        "criteria",
        "radio",
        "range",
        "resultsperpage",
        "select",
        "sorting",
        "text",
    }
)
PAGE_BUNDLES = ("coordaction-faceted-page", "faceted.view")
PLUGINS_BUNDLE = "faceted.jquery"
EDIT_BUNDLES = (*PAGE_BUNDLES, PLUGINS_BUNDLE, "faceted.edit")
PAGE_VIEWS = frozenset({"facetednavigation_view", "facetednavigation_simple_view"})
EDIT_VIEW = "configure_faceted.html"


def needs_plugins(context):
    """Whether a visible widget of the faceted page ``context`` uses eea's plugins."""
    return any(
        criterion.widget not in PLAIN_WIDGETS
        for criterion in ICriteria(context).values()
        if not criterion.hidden
    )


def bundles_for(published):
    """The bundles the page ``published`` (a view, once traversed) needs."""
    context = getattr(published, "context", None)
    if context is None or not IFacetedNavigable.providedBy(aq_inner(context)):
        return ()
    name = getattr(published, "__name__", None)
    if name == EDIT_VIEW:
        return EDIT_BUNDLES
    if name not in PAGE_VIEWS:
        return ()
    if needs_plugins(aq_inner(context)):
        return (*PAGE_BUNDLES, PLUGINS_BUNDLE)
    return PAGE_BUNDLES


def add_faceted_bundles(event):
    """After traversal (``IPubAfterTraversal``): the bundles of the page about to
    be rendered."""
    request = event.request
    bundles = bundles_for(request.get("PUBLISHED"))
    if bundles:
        request.set(REQUEST_KEY, bundles)
