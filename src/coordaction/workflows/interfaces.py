from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICoordactionWorkflowsLayer(IDefaultBrowserLayer):
    """Browser layer of the workflows and group spaces, registered by their profile.

    Their REST services (@workflow, @roster, @join-request) and the privacy of the
    spaces are registered for it, so that they leave with the workflows profile.
    """
