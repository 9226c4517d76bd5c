"""HTTP caching by default (plone.app.caching, rules in the main profile's
``registry/caching.xml``), for a portal without a caching proxy as for one behind
Varnish (the ``caching`` profile adds purging and longer shared lifetimes):

- the hashed bundles (``++webresource++…``, Plone's "stable resources", the
  portal's own ``++resource++`` files under such an address included: see
  configure.zcml) are kept a year, and browsers are told they never change
  (``immutable``: no revalidation when a visitor reloads), by
  ``ImmutableCaching``;
- other resources a day;
- pages, feeds, files and searches: shared (``public``, a short ``s-maxage``) only
  for anonymous visitors and what they may see, otherwise
  ``private, max-age=0``; browsers ask again each time and get a 304 while
  nothing changed (an ETag from the user, the catalog, the language… and
  ``Today``, since the agenda and the project sheets change with the date).
"""

from coordaction.policy import _
from datetime import date
from plone.app.caching.interfaces import IETagValue
from plone.app.caching.operations.default import StrongCaching
from plone.caching.interfaces import ICachingOperationType
from zope.component import adapter
from zope.interface import Interface
from zope.interface import implementer
from zope.interface import provider


@provider(ICachingOperationType)
class ImmutableCaching(StrongCaching):
    """Strong caching, said ``immutable``. Its options are strong caching's
    (``plone.app.caching.strongCaching.<rule>.maxage``: a year for the stable
    resources in the profile)."""

    title = _("Immutable caching")
    description = _(
        "Cache in browsers and proxies, and tell browsers not to check again: "
        "only for resources whose address changes with their content."
    )
    sort = 0

    def modifyResponse(self, rulename, response, class_=None):
        super().modifyResponse(rulename, response, class_)
        cache_control = response.getHeader("Cache-Control") or ""
        if "public" in cache_control and "immutable" not in cache_control:
            response.setHeader("Cache-Control", f"{cache_control}, immutable")


@implementer(IETagValue)
@adapter(Interface, Interface)
class Today:
    """The ``coordaction.today`` ETag component: a page cached yesterday is made
    again today (upcoming events, sheets to confirm, expired ads)."""

    def __init__(self, published, request):
        pass

    def __call__(self):
        return date.today().isoformat()
