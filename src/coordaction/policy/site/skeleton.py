"""The navigation skeleton of the portal: the published sections a visitor sees
in the main menu. Creating it is idempotent: existing sections are kept as they are
(an administrator may have edited them), missing ones are created and published."""

from coordaction.content.i18n import in_site_language
from coordaction.content.sections import AGENDA
from coordaction.content.sections import PHOTO_BANK
from coordaction.content.sections import SECTIONS
from coordaction.workflows.photobank import ensure_photobank_policy
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from Products.CMFCore.indexing import processQueue


# What each section holds: the type a contributor adds there, and folders to sort.
ALLOWED_TYPES = {
    section.id: list(section.allowed_types)
    for section in SECTIONS
    if section.allowed_types
}


def ensure_navigation_skeleton(portal):
    """Create and publish the sections that are missing; return the created ones."""
    created = []
    for position, entry in enumerate(SECTIONS):
        section_id = entry.id
        section = portal.get(section_id)
        if section is None:
            section = api.content.create(
                container=portal,
                type="Folder",
                id=section_id,
                title=in_site_language(entry.title),
                description=in_site_language(entry.description),
                language="fr",
            )
            created.append(section)
            restrict_section_types(section)
            make_unordered(section)
            use_section_page(section)
            use_section_workflow(section)
        if api.content.get_state(section, default=None) != "published":
            api.content.transition(section, to_state="published")
        portal.moveObjectToPosition(section_id, position)
    # Index now, while the site is the active component site: a queue left for the
    # end of the transaction may be processed outside of it (without our FTIs).
    processQueue()
    return created


# Sections that hold thousands of items keep no manual order: Plone would copy
# the whole order list on each addition, and plone.restapi on each GET of an item.
UNORDERED = tuple(ALLOWED_TYPES)


def make_unordered(section):
    if (
        section.getId() in UNORDERED
        and section.getOrdering().__class__.__name__ != "UnorderedOrdering"
    ):
        section.setOrdering("unordered")


def restrict_section_types(section):
    """Offer in the "Add" menu of a section only the types it is for."""
    allowed = ALLOWED_TYPES.get(section.getId())
    if not allowed:
        return
    constraints = ISelectableConstrainTypes(section)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes(allowed)
    constraints.setImmediatelyAddableTypes(allowed)


# Sections whose content follows a workflow policy of its own (coordaction.workflows).
SECTION_WORKFLOWS = {PHOTO_BANK: ensure_photobank_policy}


def use_section_workflow(section):
    ensure = SECTION_WORKFLOWS.get(section.getId())
    if ensure is not None:
        ensure(section)


# Sections shown with a page of their own rather than Plone's listing of their content
# (the faceted sections get theirs from ``faceted/``).
SECTION_PAGES = {AGENDA: "agenda_view"}


def use_section_page(section):
    """Show a section with its page, unless an administrator chose a default page
    (an item of the section shown in its place): that choice is kept."""
    layout = SECTION_PAGES.get(section.getId())
    if layout and section.getDefaultPage() is None:
        section.setLayout(layout)


def forget_section_page(section):
    """Back to the type's default view, for a site without our pages (uninstall)."""
    if section.getLayout() == SECTION_PAGES.get(section.getId()):
        section.setLayout(section.getTypeInfo().default_view)
