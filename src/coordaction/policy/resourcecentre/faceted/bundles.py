"""eea.facetednavigation's scripts and styles only on the pages that use them.

eea registers its three bundles (``faceted.jquery``: jQuery UI and plugins,
``faceted.view``, ``faceted.edit``) for every page of the site: about 700 kB that a
visitor's browser downloads and compiles on the home page, a form or a document,
where nothing uses them. Each has an expression in the profile
(``registry/faceted-bundles.xml``) that includes it only if the request names it,
as this subscriber does for a faceted page (the first two) or its "Faceted
criteria" screen (all three). Not Plone's ``add_bundle_on_request`` with the
bundles turned off: Plone drops a bundle that depends on one turned off, and the
view depends on the jQuery bundle.
"""

from Acquisition import aq_inner
from eea.facetednavigation.interfaces import IFacetedNavigable


# The request's key that the bundles' expressions read.
REQUEST_KEY = "coordaction.faceted_bundles"
# The faceted pages' views, and the bundles each needs.
VIEW_BUNDLES = ("faceted.jquery", "faceted.view")
EDIT_BUNDLES = (*VIEW_BUNDLES, "faceted.edit")
BUNDLES_OF_VIEW = {
    "facetednavigation_view": VIEW_BUNDLES,
    "facetednavigation_simple_view": VIEW_BUNDLES,
    "configure_faceted.html": EDIT_BUNDLES,
}


def bundles_for(published):
    """The bundles the page ``published`` (a view, once traversed) needs."""
    context = getattr(published, "context", None)
    if context is None or not IFacetedNavigable.providedBy(aq_inner(context)):
        return ()
    return BUNDLES_OF_VIEW.get(getattr(published, "__name__", None), ())


def add_faceted_bundles(event):
    """After traversal (``IPubAfterTraversal``): the bundles of the page about to
    be rendered."""
    request = event.request
    bundles = bundles_for(request.get("PUBLISHED"))
    if bundles:
        request.set(REQUEST_KEY, bundles)
