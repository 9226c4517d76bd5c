"""Import one registry file of the policy profile.

An upgrade step imports only the records it brings: importing the whole registry
profile again would put back the shipped values of records an administrator may
have changed since (the site title, the CORS origins...)."""

from pathlib import Path
from plone import api
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from Products.GenericSetup.context import DirectoryImportContext
from zope.component import getUtility


PROFILE_DIRECTORY = Path(__file__).resolve().parents[1] / "profiles" / "default"


def import_registry_file(name):
    """Import ``profiles/default/registry/<name>`` into the site's registry."""
    setup = api.portal.get_tool("portal_setup")
    environ = DirectoryImportContext(setup, str(PROFILE_DIRECTORY), should_purge=False)
    RegistryImporter(getUtility(IRegistry), environ).importDocument(
        (PROFILE_DIRECTORY / "registry" / name).read_bytes()
    )
