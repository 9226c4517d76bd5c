"""The address a listing links an item to: its page. An image's or a file's own
address gives the file itself (their ``(Default)`` view is ``@@display-file``), so
for the types Plone lists with ``/view`` (the ``plone.types_use_view_action_in_listings``
record: Image and File) the link goes to ``…/view``, as Plone's own listings do."""

from plone import api
from Products.ZCatalog.interfaces import ICatalogBrain


def page_url(item):
    """The address of the page of ``item``: a catalog brain, or the item itself."""
    url = item.getURL() if ICatalogBrain.providedBy(item) else item.absolute_url()
    if item.portal_type in _types_listed_with_view():
        return f"{url}/view"
    return url


def _types_listed_with_view():
    return (
        api.portal.get_registry_record(
            "plone.types_use_view_action_in_listings", default=()
        )
        or ()
    )
