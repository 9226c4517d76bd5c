"""HTTP caching behind a caching proxy: the ``coordaction.policy:caching`` profile
(plone.app.caching rules, in its registry.xml) and the proxy's address.

The proxies that receive PURGE requests belong to the hosting, not to the code:
COORDACTION_CACHING_PROXIES (one URL or several, separated by spaces or commas, e.g.
``http://127.0.0.1:6081``), read by ``coordaction-create-site`` at every run, as the
mail settings are. When it is set, the site gets the caching profile (once) and
purges those proxies; when it is unset nothing changes.
"""

from plone import api
import os
import re


CACHING_PROFILE = "coordaction.policy:caching"
PROXIES_RECORD = "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies"


def proxies_from_environment():
    value = os.environ.get("COORDACTION_CACHING_PROXIES", "")
    return tuple(url.rstrip("/") for url in re.split(r"[\s,]+", value) if url)


def configure_caching_from_environment():
    """Install the caching profile and set the proxies of the environment; the
    proxies set, or None when the environment names none."""
    proxies = proxies_from_environment()
    if not proxies:
        return None
    setup = api.portal.get_tool("portal_setup")
    if setup.getLastVersionForProfile(CACHING_PROFILE) == "unknown":
        setup.runAllImportStepsFromProfile(f"profile-{CACHING_PROFILE}")
    api.portal.set_registry_record(PROXIES_RECORD, proxies)
    return proxies
