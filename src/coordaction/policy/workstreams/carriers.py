"""Who carries a chantier: the person who wrote it (its Owner) and, when a working
group carries it, that group's coordinators, who get Plone's ``Editor`` role on
the chantier (and lose it when another group, or none, carries it). Carriers hold
``coordaction: Manage Workstream`` there: they answer the offers of help and say
where the chantier stands."""

from coordaction.content.permissions import MANAGE_WORKSTREAM_PERMISSION
from coordaction.content.relations import readable_target
from coordaction.workflows.notifications import reviewer_addresses
from coordaction.workflows.spaces.lifecycle import coordinators_group_id
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from coordaction.workflows.spaces.roster import email_of
from zope.security import checkPermission
import re


CARRYING_ROLE = "Editor"
COORDINATORS_GROUP = re.compile(r"^groupe-[0-9a-f]{32}-coordination$")


def carrying_group(workstream):
    """The working-group space that carries the chantier, whoever asks (None when
    none does or its relation is broken)."""
    relation = getattr(workstream, "working_group", None)
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def visible_carrying_group(workstream):
    """The carrying space, when the current user may see it."""
    return readable_target(getattr(workstream, "working_group", None))


def grant_carrying_group(workstream, event=None):
    """Subscriber (added, modified): the coordinators of the carrying group, and
    only they, carry the chantier with its author."""
    space = carrying_group(workstream)
    wanted = coordinators_group_id(space) if space is not None else None
    local_roles = dict(workstream.get_local_roles())
    changed = False
    for principal, roles in local_roles.items():
        if (
            principal != wanted
            and COORDINATORS_GROUP.match(principal)
            and CARRYING_ROLE in roles
        ):
            kept = [role for role in roles if role != CARRYING_ROLE]
            workstream.manage_delLocalRoles([principal])
            if kept:
                workstream.manage_setLocalRoles(principal, kept)
            changed = True
    roles = list(local_roles.get(wanted, ()))
    if wanted and CARRYING_ROLE not in roles:
        workstream.manage_setLocalRoles(wanted, [*roles, CARRYING_ROLE])
        changed = True
    if changed:
        workstream.reindexObjectSecurity()


def carrier_ids(workstream):
    """The user ids of the people who carry the chantier."""
    ids = set(workstream.users_with_local_role("Owner"))
    space = carrying_group(workstream)
    if space is not None:
        ids |= WorkingGroupRoster(space).coordinator_ids()
    return sorted(ids)


def carrier_addresses(workstream):
    """Where the offers go; the reviewers when no carrier has an address."""
    addresses = sorted(
        {email_of(user_id) for user_id in carrier_ids(workstream)} - {""}
    )
    return addresses or reviewer_addresses()


def may_manage(workstream):
    return bool(checkPermission(MANAGE_WORKSTREAM_PERMISSION, workstream))
