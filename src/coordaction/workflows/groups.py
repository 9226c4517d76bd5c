"""The portal-wide groups of people, with their French titles and global roles."""

from coordaction.content import sections
from coordaction.content.i18n import in_french
from coordaction.workflows import _
from plone import api


# group id: (title, global roles, description)
PORTAL_GROUPS = {
    "Reviewers": (
        _("Réviseurs/relecteurs"),
        ["Reviewer"],
        _(
            "Publient, refusent avec un commentaire ou marquent une trame comme obsolète."
        ),
    ),
    "equipe-editoriale": (
        _("Équipe éditoriale"),
        ["Contributor"],
        _(
            "Rédigent ressources, trames, fiches projets et annonces et les soumettent à la relecture."
        ),
    ),
    "membres-du-reseau": (
        _("Membres du réseau"),
        ["NetworkMember"],
        _("Les personnes des associations membres : elles voient l'intranet."),
    ),
    "Site Administrators": (
        _("Administrateurs du site"),
        ["Site Administrator"],
        _("Configurent le portail, ses listes, ses formulaires et ses espaces."),
    ),
}


def ensure_portal_groups(portal):
    for group_id, (title, roles, description) in PORTAL_GROUPS.items():
        group = api.group.get(groupname=group_id)
        if group is None:
            group = api.group.create(
                groupname=group_id,
                title=in_french(title),
                description=in_french(description),
            )
        else:
            group.setGroupProperties(
                {"title": in_french(title), "description": in_french(description)}
            )
        api.group.grant_roles(groupname=group_id, roles=roles)


def grant_editorial_roles(portal):
    """The editorial team edits the public sections (called once they exist), and
    only them: a global Editor role would open every working-group space to them."""
    for entry in sections.SECTIONS:
        section = portal.get(entry.id) if entry.editorial else None
        if section is not None:
            api.group.grant_roles(
                groupname="equipe-editoriale", obj=section, roles=["Editor"]
            )
