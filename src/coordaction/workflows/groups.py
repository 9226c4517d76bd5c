"""The portal-wide groups of people, with their French titles and global roles."""

from coordaction.content import sections
from coordaction.content import site_items
from coordaction.content.i18n import in_site_language
from coordaction.workflows import _
from plone import api


# group id: (title, global roles, description)
PORTAL_GROUPS = {
    "Reviewers": (
        _("Reviewers"),
        ["Reviewer"],
        _("Publish, refuse with a comment or mark a template as obsolete."),
    ),
    "equipe-editoriale": (
        _("Editorial team"),
        ["Contributor"],
        _(
            "Write resources, templates, project sheets and ads and submit them "
            "for review."
        ),
    ),
    "membres-du-reseau": (
        _("Network members"),
        ["NetworkMember"],
        _("The people of the member associations: they see the intranet."),
    ),
    "organisation-rnhp": (
        _("National meetings organisers"),
        [],
        _(
            "Create the editions of the RNHP, study, retain, schedule or decline "
            "the contributions proposed for them."
        ),
    ),
    "equipe-lettre": (
        _("Letter team"),
        [],
        _("Compose the letter of the network, test it and send it to its subscribers."),
    ),
    "Site Administrators": (
        _("Site administrators"),
        ["Site Administrator"],
        _("Configure the portal, its lists, its forms and its spaces."),
    ),
}


def ensure_portal_groups(portal):
    for group_id, (title, roles, description) in PORTAL_GROUPS.items():
        group = api.group.get(groupname=group_id)
        if group is None:
            group = api.group.create(
                groupname=group_id,
                title=in_site_language(title),
                description=in_site_language(description),
            )
        else:
            group.setGroupProperties(
                {
                    "title": in_site_language(title),
                    "description": in_site_language(description),
                }
            )
        api.group.grant_roles(groupname=group_id, roles=roles)


def grant_editorial_roles(portal):
    """The editorial team edits what is published in the public sections (called
    once they exist), and only there: a global role would open every
    working-group space to them. Its role is the project's EditorialTeam, not
    Plone's Editor (which also retracts the section, configures its faceted
    page and delegates roles)."""
    for entry in sections.SECTIONS:
        section = portal.get(entry.id) if entry.editorial else None
        if section is not None:
            api.group.grant_roles(
                groupname="equipe-editoriale", obj=section, roles=["EditorialTeam"]
            )


# The groups that run a section (or the letter's archive) or write there: the
# roles Plone gives for that, there only.
# The network's members propose chantiers (reviewed before they are published).
SECTION_TEAMS = {
    sections.MEETINGS: ("organisation-rnhp", ["Editor", "Reviewer"]),
    sections.WORKSTREAMS: ("membres-du-reseau", ["Contributor"]),
    site_items.LETTER_ARCHIVE: ("equipe-lettre", ["Contributor", "Editor"]),
}


def grant_section_teams(portal):
    for section_id, (group_id, roles) in SECTION_TEAMS.items():
        section = portal.get(section_id)
        if section is not None:
            api.group.grant_roles(groupname=group_id, obj=section, roles=roles)
