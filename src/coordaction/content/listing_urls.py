"""The address a listing links an item to: its page. An image's or a file's own
address gives the file itself (their ``(Default)`` view is ``@@display-file``), so
for the types Plone lists with ``/view`` (the ``plone.types_use_view_action_in_listings``
record: Image and File) the link goes to ``…/view``, as Plone's own listings do."""

from plone import api


def page_url(brain):
    """The address of the page of the item of ``brain`` (a catalog brain)."""
    url = brain.getURL()
    if brain.portal_type in _types_listed_with_view():
        return f"{url}/view"
    return url


def _types_listed_with_view():
    return (
        api.portal.get_registry_record(
            "plone.types_use_view_action_in_listings", default=()
        )
        or ()
    )
