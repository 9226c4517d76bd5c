"""CORS for the associations' websites: the origins allowed to read the portal's
REST API from a browser are a registry setting (``coordaction.cors_allowed_origins``),
editable without code. Cross-origin access is read-only and without credentials:
another site's page reads what an anonymous visitor may read, and nothing more."""

from coordaction.policy.site.http_headers import add_vary
from plone import api
from plone.rest.cors import CORSPolicy


class RegistryCORSPolicy(CORSPolicy):
    allow_credentials = False
    allow_methods = ["GET", "HEAD", "OPTIONS"]
    allow_headers = ["Accept", "Content-Type"]
    expose_headers = ["Content-Length", "Content-Type"]
    max_age = "3600"

    @property
    def allow_origin(self):
        origins = api.portal.get_registry_record(
            "coordaction.cors_allowed_origins", default=None
        )
        return [
            origin.strip().rstrip("/") for origin in origins or () if origin.strip()
        ]

    def _process_origin_and_credentials(self, origin):
        super()._process_origin_and_credentials(origin)
        # The answer depends on the Origin: caches must keep one copy per origin.
        add_vary(self.request.response, "Origin")
