"""1008: the home page (the site root's layout) and Mon espace, with their control
panel, their registry records and the "Mon espace" link of the personal menu."""

from coordaction.policy.home.site_root import use_home_page
from coordaction.policy.upgrades.records import import_registry_file
from plone import api


PROFILE = "profile-coordaction.policy:default"


def install_home_pages(context):
    import_registry_file("home.xml")
    setup = api.portal.get_tool("portal_setup")
    for step in ("controlpanel", "actions"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    use_home_page(api.portal.get())
