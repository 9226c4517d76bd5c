"""1006: the public's participation: its settings and control panel, the
scheduled job's token, the forms of the Contribuer section, the privacy notice,
the footer links to the Mise en lien and to our contact form."""

from coordaction.policy.participation.forms import ensure_participation
from coordaction.policy.participation.scheduled import ensure_scheduled_token
from coordaction.policy.upgrades.records import import_registry_file
from plone import api


def install_participation(context):
    import_registry_file("participation.xml")
    setup = api.portal.get_tool("portal_setup")
    for step in ("controlpanel", "actions"):
        setup.runImportStepFromProfile(
            "profile-coordaction.policy:default", step, run_dependencies=False
        )
    ensure_scheduled_token()
    ensure_participation(api.portal.get())
