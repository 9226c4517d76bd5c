"""Working-group spaces: each WorkingGroup has two Plone groups, its members and its
coordinators, with local roles on the space; its workflow state follows its
``visibility`` field; the content inside follows the workspace placeful policy."""

from Acquisition import aq_base
from coordaction.content.i18n import in_site_language
from coordaction.workflows import _
from plone import api


MEMBER_ROLES = ["Reader", "Contributor"]
COORDINATOR_ROLES = ["Reader", "Contributor", "Editor", "Coordinator"]
POLICY = "coordaction_workspace_policy"
VISIBILITY_TRANSITIONS = {
    "private": "make_private",
    "internal": "make_internal",
    "public": "make_public",
}


def members_group_id(space):
    return f"groupe-{space.UID()}-membres"


def coordinators_group_id(space):
    return f"groupe-{space.UID()}-coordination"


def _titles(space):
    title = space.Title()
    return {
        members_group_id(space): in_site_language(
            _("${space}: members", mapping={"space": title})
        ),
        coordinators_group_id(space): in_site_language(
            _("${space}: coordinators", mapping={"space": title})
        ),
    }


def ensure_space_groups(space):
    """Create (or rename) the two groups of a space and give them their local roles."""
    for group_id, title in _titles(space).items():
        group = api.group.get(groupname=group_id)
        if group is None:
            api.group.create(groupname=group_id, title=title)
        elif group.getProperty("title") != title:
            group.setGroupProperties({"title": title})
    space.manage_setLocalRoles(members_group_id(space), list(MEMBER_ROLES))
    space.manage_setLocalRoles(coordinators_group_id(space), list(COORDINATOR_ROLES))
    space.reindexObjectSecurity()


def ensure_placeful_policy(space):
    if getattr(aq_base(space), ".wf_policy_config", None) is None:
        space.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
    config = getattr(space, ".wf_policy_config")
    config.setPolicyBelow(POLICY, update_security=False)
    config.setPolicyIn("", update_security=False)


def sync_state_with_visibility(space):
    """Bring the workflow state to the visibility chosen in the edit form."""
    visibility = getattr(space, "visibility", None) or "private"
    if api.content.get_state(space, default=None) == visibility:
        return
    # Whoever may edit the space may change its visibility.
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(space, transition=VISIBILITY_TRANSITIONS[visibility])


def space_added(space, event):
    ensure_placeful_policy(space)
    ensure_space_groups(space)


def space_modified(space, event):
    ensure_space_groups(space)
    sync_state_with_visibility(space)


def visibility_changed_by_transition(space, event):
    """The workflow of a new space starts private: move it to the visibility chosen
    in the add form. Later, a transition made from the menu updates the field."""
    if event.transition is None:
        sync_state_with_visibility(space)
        return
    state = event.new_state.getId()
    if state in VISIBILITY_TRANSITIONS and getattr(space, "visibility", None) != state:
        space.visibility = state


def space_removed(space, event):
    """Delete the groups of a deleted space (not of a moved or renamed one)."""
    if event.newParent is not None:
        return
    for group_id in (members_group_id(space), coordinators_group_id(space)):
        if api.group.get(groupname=group_id) is not None:
            api.group.delete(groupname=group_id)


def space_of(context):
    """The WorkingGroup an item is in, or None."""
    from coordaction.content.content.working_group import IWorkingGroup

    for ancestor in context.aq_chain:
        if IWorkingGroup.providedBy(ancestor):
            return ancestor
    return None
