"""The size of a file as French readers write it: "12 Ko", "1,2 Mo"."""

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer


def file_size_text(size):
    """0 Ko, 1 Ko (under a kilobyte), 12 Ko, 1,2 Mo."""
    size = int(size or 0)
    if not size:
        return "0 Ko"
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} Mo".replace(".", ",")
    return f"{max(1, round(size / 1024))} Ko"


@indexer(IDexterityContent)
def object_size(obj):
    """The catalog's ``getObjSize`` (shown in the review list and folder listings)
    in French: Plone's (Products.CMFPlone ``CatalogTool.getObjSize``, through
    plone.base ``human_readable_size``) writes "0 KB", "5.1 KB" whatever the
    language."""
    get_size = getattr(obj, "get_size", None)
    return file_size_text(get_size() if get_size is not None else 0)
