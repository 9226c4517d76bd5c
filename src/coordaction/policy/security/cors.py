"""CORS for the associations' websites: the origins allowed to read the portal's
REST API from a browser are set in a control panel (``cors_settings``).
Cross-origin access is without credentials: another site's page reads what an
anonymous visitor may read, and may post nothing but a sign-up to the letter
(``@letter-subscription``, which a visitor of that page sends with their consent)."""

from coordaction.policy.security.cors_settings import allowed_origins
from coordaction.policy.site.http_headers import add_vary
from plone import api
from plone.rest.cors import CORSPolicy


# The one service another site's page may post to.
PUBLIC_POST = "@letter-subscription"


class RegistryCORSPolicy(CORSPolicy):
    allow_credentials = False
    read_methods = ["GET", "HEAD", "OPTIONS"]
    allow_headers = ["Accept", "Content-Type"]
    expose_headers = ["Content-Length", "Content-Type"]
    max_age = "3600"

    @property
    def allow_methods(self):
        """POST only at the exact address of the letter's sign-up service."""
        asked = self.request.get("ACTUAL_URL", "").rstrip("/")
        if asked == f"{api.portal.get().absolute_url()}/{PUBLIC_POST}":
            return [*self.read_methods, "POST"]
        return self.read_methods

    @property
    def allow_origin(self):
        return allowed_origins()

    def _process_origin_and_credentials(self, origin):
        super()._process_origin_and_credentials(origin)
        # The answer depends on the Origin: caches must keep one copy per origin.
        add_vary(self.request.response, "Origin")
