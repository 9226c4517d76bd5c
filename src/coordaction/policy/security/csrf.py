"""CSRF protection of the REST API for browsers' sessions.

plone.restapi turns plone.protect's automatic check off for its services: they are
meant for clients that send an ``Authorization`` header (Basic, or a JWT Bearer),
which a foreign page cannot make a browser send. But a logged-in person's browser
also sends the ``__ac`` session cookie (or plone.restapi's ``auth_token`` cookie) to
every request, including a "simple" cross-site ``fetch`` with ``Accept:
application/json`` and a ``text/plain`` body: without this check, any site could
submit, publish or create content in the name of whoever visits it.

A write (POST, PATCH, PUT, DELETE) to a REST service authenticated by a cookie must
carry plone.protect's token (``X-CSRF-TOKEN`` header or ``_authenticator``), or be
JSON (``Content-Type: application/json``, which a foreign page can only send after a
CORS preflight the portal does not grant with credentials: see ``cors.py``) coming
from the portal's own pages (``Origin``, or else ``Referer``, on the portal's host).
Otherwise: 403 with a French message.
"""

from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from coordaction.policy.interfaces import ICoordactionLayer
from plone import api
from plone.protect.authenticator import check
from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from urllib.parse import urlsplit
from zExceptions import Forbidden


WRITES = ("POST", "PATCH", "PUT", "DELETE")


def origin_of(url):
    parts = urlsplit(url or "")
    return (parts.scheme, parts.netloc) if parts.netloc else None


# plone.session's ticket (the login form's) and plone.restapi's JWT cookie.
SESSION_COOKIES = ("__ac", "auth_token")


def sends_its_password(request):
    """plone.restapi logs in whoever POSTs JSON with ``login`` and ``password``
    (``@login``): whoever knows the password is no forgery."""
    if request.getHeader("Content-Type") != "application/json":
        return False
    try:
        body = json_body(request)
    except DeserializationError:
        return False
    return isinstance(body, dict) and "login" in body and "password" in body


def authenticated_by_cookie(request):
    # ZPublisher keeps the Authorization header in ``_auth`` (where PAS's Basic
    # and plone.restapi's JWT plugins read it), not among the headers.
    return (
        any(request.cookies.get(name) for name in SESSION_COOKIES)
        and not getattr(request, "_auth", None)
        and not api.user.is_anonymous()
        and not sends_its_password(request)
    )


def has_token(request):
    """plone.protect's token of the person (``_authenticator`` field or
    ``X-CSRF-TOKEN`` header) is there and valid."""
    try:
        check(request)
    except Forbidden:
        return False
    return True


def same_origin_json(request):
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip()
    if content_type.lower() != "application/json":
        return False
    sender = request.getHeader("Origin") or request.getHeader("Referer")
    portal = api.portal.get().absolute_url()
    return origin_of(sender) is not None and origin_of(sender) == origin_of(portal)


def refuse_cross_site_writes(event):
    """IPubAfterTraversal: the person is known, the service not yet run."""
    request = event.request
    if not (
        ICoordactionLayer.providedBy(request)
        and IAPIRequest.providedBy(request)
        and request.method in WRITES
        and authenticated_by_cookie(request)
    ):
        return
    if has_token(request) or same_origin_json(request):
        return
    raise Forbidden(
        in_request_language(
            _(
                "Request refused: a change sent with your session must carry the "
                "security token (X-CSRF-TOKEN header) or come from the portal's pages "
                "as JSON. API clients authenticate with the Authorization header."
            )
        )
    )
