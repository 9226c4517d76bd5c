"""1004: faceted navigation of the four public sections."""

from coordaction.policy.resourcecentre.faceted.pages import apply_faceted_configurations
from plone import api


def configure_faceted_sections(context):
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        "profile-coordaction.policy:default",
        "plone.app.registry",
        run_dependencies=False,
    )
    apply_faceted_configurations(api.portal.get())
