"""Upgrade steps of the coordaction.workflows profile."""

from coordaction.workflows.groups import ensure_portal_groups
from coordaction.workflows.groups import grant_editorial_roles
from coordaction.workflows.setuphandlers import enable_placeful_workflow
from DateTime import DateTime
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


def to_1002(context):
    """Events follow the publication workflow; each keeps the state it had."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    events = [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="Event")
    ]
    states = {
        event.UID(): workflow_tool.getInfoFor(event, "review_state", None)
        for event in events
    }
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "workflow", run_dependencies=False)
    for event in events:
        keep_state(event, states[event.UID()])


def keep_state(item, state, workflow_id="coordaction_publication_workflow"):
    """Give an item, under its new workflow, the state it had under the old one."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    if workflow_id not in workflow_tool.getChainFor(item):
        return
    workflow = workflow_tool[workflow_id]
    if state not in workflow.states:
        state = workflow.initial_state
    workflow_tool.setStatusOf(
        workflow_id,
        item,
        {
            "review_state": state,
            "action": None,
            "actor": "admin",
            "comments": "Migration vers le workflow de publication",
            "time": DateTime(),
        },
    )
    workflow.updateRoleMappingsFor(item)
    item.reindexObject(idxs=["review_state", "allowedRolesAndUsers"])


def to_1003(context):
    """Reviewers find the items waiting for them in the review list."""
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        PROFILE, "workflow", run_dependencies=False
    )


def to_1004(context):
    """Observatory situations follow the publication workflow; the photo bank's
    policy (images there are reviewed before they are published) exists.

    The policy is given to the photo bank section when the section is created
    (coordaction.policy, upgrade 1009); no situation exists before this step."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("workflow", "placeful_workflow"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)


def to_1005(context):
    """Reviewers reach the review list from their personal menu."""
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        PROFILE, "actions", run_dependencies=False
    )
