"""In which language a message is rendered.

Message ids are English (their default); the French catalogue is the portal's
language. Two cases:

- what answers the person making a request (a page, a REST answer, an error, a form
  message) is in the language Plone negotiated for that request: French unless the
  browser or client asks for English (``Accept-Language: en``);
- what the portal writes for other people or keeps (e-mails, notifications, digests,
  the mail queue, titles of groups and folders it creates, the labels of the faceted
  pages it stores) is in the site's language, whatever the language of the request
  that triggered it.
"""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.i18n import translate


FALLBACK_LANGUAGE = "fr"


def site_language():
    """The site's language (``plone.default_language``): French."""
    registry = queryUtility(IRegistry)
    language = registry.get("plone.default_language") if registry is not None else None
    return (language or FALLBACK_LANGUAGE).split("-")[0]


def in_site_language(message):
    """A message (a msgid with its mapping) in the site's language: for e-mails and
    whatever is written for people other than the one making the request."""
    return translate(message, target_language=site_language())


def in_request_language(message, request=None):
    """A message in the language negotiated for the request (French by default,
    English for ``Accept-Language: en``); in the site's language outside a request."""
    request = request if request is not None else getRequest()
    if request is None or not hasattr(request, "get"):
        return in_site_language(message)
    return translate(message, context=request)


def type_title(portal_type, request=None):
    """The title of a content type (its FTI's, in its own domain), in the language
    of the request: "Ressource", "Chantier", "Page"…"""
    fti = api.portal.get_tool("portal_types").getTypeInfo(portal_type)
    if fti is None:
        return portal_type
    return translate(
        fti.Title(), domain=fti.i18n_domain, context=request or getRequest()
    )
