from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICoordactionContentLayer(IDefaultBrowserLayer):
    """Browser layer of the content model's views, registered by its profile."""
