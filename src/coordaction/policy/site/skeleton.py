"""The navigation skeleton of the portal: the published sections a visitor sees
in the main menu. Creating it is idempotent: existing sections are kept as they are
(an administrator may have edited them), missing ones are created and published."""

from coordaction.content import sections
from coordaction.content.sections import PHOTO_BANK
from coordaction.content.site_items import ensure_item
from coordaction.content.site_items import publish
from coordaction.workflows.photobank import ensure_photobank_policy
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from Products.CMFCore.indexing import processQueue


def _entry(section):
    """The table's entry of a section folder, or None."""
    try:
        return sections.section_by_id(section.getId())
    except KeyError:
        return None


def ensure_navigation_skeleton(portal):
    """Create and publish the sections that are missing; return the created ones."""
    created = []
    for position, entry in enumerate(sections.SECTIONS):
        section, is_new = ensure_item(
            portal,
            entry.id,
            "Folder",
            title=entry.title,
            description=entry.description,
        )
        if is_new:
            created.append(section)
            restrict_section_types(section)
            make_unordered(section)
            use_section_page(section)
            use_section_workflow(section)
        publish(section)
        portal.moveObjectToPosition(entry.id, position)
    # Index now, while the site is the active component site: a queue left for the
    # end of the transaction may be processed outside of it (without our FTIs).
    processQueue()
    return created


def make_unordered(section):
    """Sections that hold thousands of items (those whose types are limited) keep
    no manual order: Plone would copy the whole order list on each addition, and
    plone.restapi on each GET of an item."""
    entry = _entry(section)
    if (
        entry is not None
        and entry.allowed_types
        and section.getOrdering().__class__.__name__ != "UnorderedOrdering"
    ):
        section.setOrdering("unordered")


def restrict_section_types(section):
    """Offer in the "Add" menu of a section only the types it is for."""
    entry = _entry(section)
    if entry is None or not entry.allowed_types:
        return
    allowed = list(entry.allowed_types)
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


def section_page(section):
    """The page of its own a section is shown with (the table's ``page``), or None."""
    entry = _entry(section)
    return entry.page if entry is not None else None


def use_section_page(section):
    """Show a section with its page, unless an administrator chose a default page
    (an item of the section shown in its place): that choice is kept."""
    layout = section_page(section)
    if layout and section.getDefaultPage() is None:
        section.setLayout(layout)


def forget_section_page(section):
    """Back to the type's default view, for a site without our pages (uninstall)."""
    layout = section_page(section)
    if layout and section.getLayout() == layout:
        section.setLayout(section.getTypeInfo().default_view)
