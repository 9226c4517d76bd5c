"""1002: the CORS origins allowed to read the REST API."""

from plone import api


def import_registry(context):
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        "profile-coordaction.policy:default",
        "plone.app.registry",
        run_dependencies=False,
    )
