"""1009: the home page (the site root's layout) and Mon espace, with their control
panel, their registry records and the "Mon espace" link of the personal menu.

Only the records of the home page are imported: importing the whole registry
profile again would put back the shipped values of records an administrator may
have changed since (the site title, the CORS origins)."""

from coordaction.policy.home import use_home_page
from pathlib import Path
from plone import api
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from Products.GenericSetup.context import DirectoryImportContext
from zope.component import getUtility


PROFILE = "profile-coordaction.policy:default"
PROFILE_DIRECTORY = Path(__file__).resolve().parents[1] / "profiles" / "default"
HOME_RECORDS = PROFILE_DIRECTORY / "registry" / "home.xml"


def install_home_pages(context):
    setup = api.portal.get_tool("portal_setup")
    environ = DirectoryImportContext(setup, str(PROFILE_DIRECTORY), should_purge=False)
    RegistryImporter(getUtility(IRegistry), environ).importDocument(
        HOME_RECORDS.read_bytes()
    )
    for step in ("controlpanel", "actions"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    use_home_page(api.portal.get())
