"""Inactive content (expired, or not yet effective) is for those who may "Access
inactive portal content": owners, reviewers and site administrators.

Plone hides it from the catalog's results for the others, but still serves an
expired item at its URL and lets anyone lift the filter with ``show_inactive``
(``@search?show_inactive=1``). Here, before the request is published:

- an expired ad (its expiry: ``content.classified_ad``) is refused as a private
  item is, page and REST alike;
- ``show_inactive`` is dropped from the request of those who may not see inactive
  content site-wide, so that the catalog filters as it does without it.

``may_see`` says the same for one item: relations name an inactive item only to
those who may see it (``relations``)."""

from AccessControl import Unauthorized
from coordaction.content.content.classified_ad import IClassifiedAd
from coordaction.content.interfaces import ICoordactionContentLayer
from DateTime import DateTime
from plone import api
from Products.CMFCore.permissions import AccessInactivePortalContent
from Products.CMFPlone.utils import isExpired


def may_see_inactive(obj):
    return api.user.has_permission(AccessInactivePortalContent, obj=obj)


def is_inactive(obj):
    """Expired, or not yet effective (what the catalog's effectiveRange hides)."""
    effective, expires = getattr(obj, "effective", None), getattr(obj, "expires", None)
    if effective is None or expires is None:
        return False
    now = DateTime()
    return not effective() <= now <= expires()


def may_see(obj):
    """Whether the current user may see ``obj`` anywhere: view it, and if it is
    inactive, see inactive content. The catalog answers the same for its results."""
    if not api.user.has_permission("View", obj=obj):
        return False
    return not is_inactive(obj) or may_see_inactive(obj)


def refuse_inactive(event):
    """IPubAfterTraversal: apply both rules to the request about to be published."""
    request = event.request
    if not ICoordactionContentLayer.providedBy(request):
        return  # not a request to the portal (the Zope root, another site)
    # A REST service stands in PARENTS for the item it serves: its context.
    traversed = [getattr(obj, "context", obj) for obj in request.get("PARENTS", ())]
    for obj in traversed:
        if (
            IClassifiedAd.providedBy(obj)
            and isExpired(obj)
            and not may_see_inactive(obj)
        ):
            raise Unauthorized("Cette annonce a expiré.")
    if "show_inactive" in request.form and not may_see_inactive(api.portal.get()):
        del request.form["show_inactive"]
