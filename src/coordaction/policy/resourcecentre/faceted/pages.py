"""Faceted navigation of the public sections (eea.facetednavigation).

Each section below is a Folder of the navigation skeleton (``skeleton.py``) made
faceted-navigable, whose criteria are imported from an XML file shipped next to this
module (``<section id>.xml``, eea's export format) and whose results are shown by our
French layout (``views.py``).

``apply_faceted_configurations(portal)`` is idempotent: the import purges the
criteria before adding those of the file under their fixed names, so running it again
(an upgrade step, ``make create-site``) gives the same criteria, and a hand-made
change in the "Faceted criteria" screen is reset to what the file says.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.content.sections import PHOTO_BANK
from coordaction.content.sections import SECTIONS
from eea.facetednavigation.config import ANNO_FACETED_LAYOUT
from eea.facetednavigation.interfaces import ICriteria
from eea.facetednavigation.interfaces import IFacetedLayout
from eea.facetednavigation.interfaces import IFacetedNavigable
from eea.facetednavigation.interfaces import IPossibleFacetedNavigable
from eea.facetednavigation.subtypes.subtyper import FacetedSubtyper
from pathlib import Path
from plone.base.interfaces import IPloneSiteRoot
from Products.CMFCore.indexing import processQueue
from Products.GenericSetup.context import SnapshotImportContext
from Products.GenericSetup.interfaces import IBody
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
import logging


logger = logging.getLogger("coordaction.policy")

HERE = Path(__file__).resolve().parent

# The faceted layout (a ``faceted:view`` of ``configure.zcml``) showing the results.
RESULTS_LAYOUT = "coordaction-faceted-results"
# The photo bank shows its results as a gallery of thumbnails.
GALLERY_LAYOUT = "coordaction-faceted-gallery"

# The page of a Folder once faceted (eea's view: the facets, then the results).
FACETED_VIEW = "facetednavigation_view"

# Section id -> the portal type it lists (coordaction.content.sections). Its
# criteria are in ``<section id>.xml``.
FACETED_SECTIONS = {
    section.id: section.listed_type for section in SECTIONS if section.listed_type
}

# Section id -> its results layout, when it is not RESULTS_LAYOUT.
SECTION_LAYOUTS = {PHOTO_BANK: GALLERY_LAYOUT}


def results_layout(section_id):
    return SECTION_LAYOUTS.get(section_id, RESULTS_LAYOUT)


def criteria_file(section_id):
    return HERE / f"{section_id}.xml"


def enable_faceted_navigation(section):
    """Make a Folder faceted-navigable, as eea's "Enable faceted navigation" action.

    Returns True when it was not yet faceted. Folders do not have eea's "Faceted
    navigable" behavior: the section itself is marked as a possible faceted folder.
    """
    if not IPossibleFacetedNavigable.providedBy(section):
        alsoProvides(section, IPossibleFacetedNavigable)
    if IFacetedNavigable.providedBy(section):
        return False
    # eea's @@faceted_subtyper, without a request: enabling from a setup step must
    # not redirect the response nor leave an English status message.
    FacetedSubtyper(section, None).enable()
    return True


def import_criteria(section, xml):
    """Replace the criteria of a faceted section by those of an eea XML export.

    The same import as the "Import" button of @@faceted_exportimport, except that an
    error is raised instead of being returned as a message.
    """
    environ = SnapshotImportContext(section, "utf-8")
    importer = getMultiAdapter((section, environ), IBody)
    importer.body = xml


def set_results_layout(section, layout=RESULTS_LAYOUT):
    """Choose the faceted layout of a section, as its "Faceted layout" menu does.

    eea's ``update_layout`` checks the name against every layout it offers, which
    compiles all their templates: checking ours is enough.
    """
    if IFacetedLayout(section).get_macro(layout) is None:
        raise ValueError(f"{section.getId()}: no faceted layout {layout!r}")
    annotations = IAnnotations(section)
    if annotations.get(ANNO_FACETED_LAYOUT) != layout:
        annotations[ANNO_FACETED_LAYOUT] = layout


def apply_faceted_configuration(section):
    enable_faceted_navigation(section)
    import_criteria(section, criteria_file(section.getId()).read_bytes())
    set_results_layout(section, results_layout(section.getId()))
    if section.getLayout() != FACETED_VIEW:
        section.setLayout(FACETED_VIEW)
    section.reindexObject(idxs=["object_provides"])
    return ICriteria(section).keys()


def keep_to_section_type(section, event):
    """Subscriber: the catalog query of a faceted section lists its type only.

    The hidden "type" criterion says so, but eea takes a checkbox's default from
    the request when a parameter names its index: ``?portal_type=Folder`` would
    list folders in the Centre de ressources. (What a visitor may see is still the
    catalog's business: this only keeps each section to its type.)
    """
    portal_type = FACETED_SECTIONS.get(section.getId())
    if portal_type and IPloneSiteRoot.providedBy(aq_parent(aq_inner(section))):
        event.query["portal_type"] = portal_type


def apply_faceted_configurations(portal):
    """Configure the faceted navigation of every section; return {id: criteria ids}.

    A section missing from the site (removed by an administrator) is skipped.
    """
    configured = {}
    for section_id in FACETED_SECTIONS:
        section = portal.get(section_id)
        if section is None:
            logger.warning(
                "No section %s: its faceted navigation is skipped", section_id
            )
            continue
        configured[section_id] = apply_faceted_configuration(section)
    processQueue()
    return configured
