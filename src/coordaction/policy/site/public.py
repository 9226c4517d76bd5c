"""What the public sees: the catalog as an anonymous visitor finds it, whoever
asks (the home page, the letter)."""

from DateTime import DateTime
from plone import api


def public_brains(**query):
    """What an anonymous visitor finds in the catalog, whoever asks: published
    items, within their publication dates, that anyone may view."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        allowedRolesAndUsers=["Anonymous"],
        effectiveRange=DateTime(),
        review_state="published",
        **query,
    )
