from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICoordactionLayer(IDefaultBrowserLayer):
    """Browser layer of the coordaction portal, registered by the policy profile."""
