from plone.app.contenttypes.interfaces import IPloneAppContenttypesLayer
from plone.app.event.interfaces import IBrowserLayer as IPloneAppEventLayer
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICoordactionContentLayer(
    IPloneAppContenttypesLayer, IPloneAppEventLayer, IDefaultBrowserLayer
):
    """Browser layer of the content model's views, registered by its profile.

    It extends the layers of the views it replaces (plone.app.contenttypes'
    ``image_view``, plone.app.event's ``event_summary``): a view registered for a
    layer is only preferred to another layer's when its layer is more specific,
    and the order in which a site's layers mark the request is not that. (On a
    site made by ``make start``, Plone's image view won: "5.1 KB".)
    """
