"""What the upgrade steps do that XML cannot say (``*.zcml`` of this package)."""

from coordaction.content import sections
from coordaction.content.confirmation import confirmed_on
from coordaction.policy.newsletter.archive import ensure_letter_archive
from coordaction.policy.participation.forms import ensure_participation
from coordaction.policy.participation.forms import replace_form_models
from coordaction.policy.resourcecentre.faceted.pages import apply_faceted_configuration
from coordaction.policy.site.skeleton import ensure_navigation_skeleton
from coordaction.policy.site.skeleton import restrict_section_types
from coordaction.workflows.groups import ensure_portal_groups
from coordaction.workflows.groups import grant_editorial_roles
from coordaction.workflows.groups import grant_section_teams
from plone import api


def ensure_groups(context):
    ensure_portal_groups(api.portal.get())


def add_meetings_section(context):
    portal = api.portal.get()
    ensure_navigation_skeleton(portal)
    grant_section_teams(portal)


def rnhp_form_creates_proposals(context):
    """The RNHP form only mailed the team (in the demo, an address nobody reads):
    it now creates a proposal to follow. Its fields and actions are replaced."""
    replace_form_models(api.portal.get(), "proposer-une-contribution-rnhp")


def add_workstreams_section(context):
    """The Chantiers section, its faceted page, the editorial team's role there and
    the network's members' right to propose chantiers."""
    portal = api.portal.get()
    ensure_navigation_skeleton(portal)
    grant_editorial_roles(portal)
    grant_section_teams(portal)
    apply_faceted_configuration(
        portal[sections.WORKSTREAMS], sections.section_by_id(sections.WORKSTREAMS)
    )


def add_letter_archive(context):
    """The letter's archive (/lettre) and its team, who compose it there."""
    portal = api.portal.get()
    ensure_portal_groups(portal)
    ensure_letter_archive(portal)
    grant_section_teams(portal)


def deposit_form_takes_photos(context):
    """The form that deposits a project sheet takes up to ten photos (its fields
    and actions are those shipped now: an administrator's changes to it are
    lost)."""
    replace_form_models(api.portal.get(), "deposer-une-fiche-projet")


def add_missing_forms(context):
    """The public forms added since (proposing an event, sharing a set-up): the
    forms that exist are kept."""
    ensure_participation(api.portal.get())


def agenda_takes_open_days(context):
    """The agenda's "Add" menu offers the open-days campaigns."""
    restrict_section_types(api.portal.get()[sections.AGENDA])


def index_images_again(context):
    """The images in the index shown_in, the photos of project sheets in their
    sheet's state; the sheets confirmed on their last change, in up_to_date."""
    for brain in api.content.find(portal_type="Image", unrestricted=True):
        brain._unrestrictedGetObject().reindexObject(idxs=["shown_in", "review_state"])
    for brain in api.content.find(portal_type="ProjectSheet", unrestricted=True):
        sheet = brain._unrestrictedGetObject()
        if getattr(sheet, "confirmed_on", None) is None:
            sheet.confirmed_on = confirmed_on(sheet)
        sheet.reindexObject(idxs=["up_to_date"])


def photo_bank_shows_project_photos(context):
    """The photo bank's faceted page lists what the index shown_in gives it, and
    the bank takes exhibitions; the Projets page offers "Informations confirmées
    depuis moins de deux ans"."""
    portal = api.portal.get()
    for section_id in (sections.PHOTO_BANK, sections.PROJECTS):
        apply_faceted_configuration(
            portal[section_id], sections.section_by_id(section_id)
        )
    # Exhibitions are added in the photo bank.
    restrict_section_types(portal[sections.PHOTO_BANK])
