"""Upgrade steps of the coordaction.workflows profile."""

from coordaction.workflows.groups import ensure_portal_groups
from coordaction.workflows.groups import grant_editorial_roles
from coordaction.workflows.setuphandlers import enable_placeful_workflow
from plone import api


PROFILE = "profile-coordaction.workflows:default"


def to_1001(context):
    """The workflows, roles and groups of the portal, and its working-group spaces."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "workflow", "placeful_workflow"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    enable_placeful_workflow()
    portal = api.portal.get()
    ensure_portal_groups(portal)
    grant_editorial_roles(portal)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
