"""Where logging in leads: back to the page the person was reading, or, when they
came from nowhere in particular (the home page, the login page itself, no page),
to *Mon espace*, the members' home."""

from plone import api
from plone.base.interfaces import IRedirectAfterLogin
from urllib.parse import urlsplit
from zope.interface import implementer


@implementer(IRedirectAfterLogin)
class ToMonEspace:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, came_from=None, is_initial_login=False):
        portal_url = api.portal.get().absolute_url()
        path = urlsplit(came_from or "").path.rstrip("/")
        home = urlsplit(portal_url).path.rstrip("/")
        if not came_from or path == home or path.endswith(("/login", "/@@login")):
            return f"{portal_url}/@@mon-espace"
        return came_from
