"""The interface follows the request's language: French by default, English for a
browser or REST client that asks for it (``Accept-Language: en``; the site's
languages are fr and en, with request negotiation, in ``registry/site.xml``).

An answer whose words depend on that header says so to caches: ``Vary:
Accept-Language`` is added to every answer of the site, beside what the answer
already varies by (``Origin`` for CORS, ``Accept`` for the caching rules).

A request that Plone has not bound to a language (one rendered outside the site's
traversal, or built by hand) and that states no preference reads the site's
language, not zope.i18n's English fallback: the last link of plone.i18n's chain
of language preferences.
"""

from coordaction.content.i18n import site_language
from coordaction.policy.site.http_headers import add_vary
from plone.i18n.negotiate.ptsnegotiator import registerLangPrefsMethod
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility


LANGUAGE_HEADER = "Accept-Language"


class SiteLanguagePreference:
    """The site's language, for a request that prefers none."""

    def __init__(self, request):
        pass

    def getAccepted(self, request, kind="language"):
        return [site_language()]


# Below the browser's Accept-Language (10), the cookie (40) and Plone's binding (100).
registerLangPrefsMethod({"klass": SiteLanguagePreference, "priority": 1}, "language")


def negotiates_by_request():
    registry = queryUtility(IRegistry)
    return bool(registry is not None and registry.get("plone.use_request_negotiation"))


def vary_by_language(event):
    """Before the answer leaves: tell caches it depends on Accept-Language."""
    if negotiates_by_request():
        add_vary(event.request.response, LANGUAGE_HEADER)
