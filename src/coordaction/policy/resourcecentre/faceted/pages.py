"""Faceted navigation of the public sections (eea.facetednavigation).

Each section of the table of sections that lists a type is a Folder of the
navigation skeleton (``skeleton.py``) made faceted-navigable, whose criteria are
made from its ``search`` in that table (``criteria.py``), the one definition of its
facets that ``@facets`` reads too, and whose results are shown by our French
layout (``views.py``).

``apply_faceted_configurations(portal)`` is idempotent: it removes the criteria of
each section before adding those of its search under their fixed names, as eea's
XML import does, so running it again (an upgrade step, ``make create-site``) gives
the same criteria, and a hand-made change in the "Faceted criteria" screen is reset
to what the table says.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.content import sections
from coordaction.content.sections import PHOTO_BANK
from coordaction.policy.resourcecentre.faceted.criteria import section_criteria
from eea.facetednavigation.config import ANNO_FACETED_LAYOUT
from eea.facetednavigation.interfaces import ICriteria
from eea.facetednavigation.interfaces import IFacetedLayout
from eea.facetednavigation.interfaces import IFacetedNavigable
from eea.facetednavigation.interfaces import IPossibleFacetedNavigable
from eea.facetednavigation.subtypes.subtyper import FacetedSubtyper
from plone.base.interfaces import IPloneSiteRoot
from Products.CMFCore.indexing import processQueue
from zope.annotation.interfaces import IAnnotations
from zope.interface import alsoProvides
import logging


logger = logging.getLogger("coordaction.policy")

# The faceted layout (a ``faceted:view`` of ``configure.zcml``) showing the results.
RESULTS_LAYOUT = "coordaction-faceted-results"
# The photo bank shows its results as a gallery of thumbnails.
GALLERY_LAYOUT = "coordaction-faceted-gallery"

# The page of a Folder once faceted (eea's view: the facets, then the results).
FACETED_VIEW = "facetednavigation_view"


def faceted_sections():
    """{section id: the Section} of the sections with a faceted page: those that
    list a type. Read from the table of sections at each call."""
    return {section.id: section for section in sections.SECTIONS if section.listed_type}


# Section id -> its results layout, when it is not RESULTS_LAYOUT.
SECTION_LAYOUTS = {PHOTO_BANK: GALLERY_LAYOUT}


def results_layout(section_id):
    return SECTION_LAYOUTS.get(section_id, RESULTS_LAYOUT)


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


def replace_criteria(folder, criteria):
    """Replace the criteria of a faceted folder by ``criteria`` ([Criterion]), as
    eea's XML import does: all removed, then each added under its name."""
    stored = ICriteria(folder)
    for cid, _criterion in stored.items():
        stored.delete(cid)
    for cid, widget, position, properties in criteria:
        stored.add(widget, position, properties["section"], _cid_=cid)
        stored.edit(cid, widget=widget, **properties)


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


def apply_faceted_configuration(folder, section):
    """Make ``folder`` the faceted page of ``section`` (its entry in the table)."""
    enable_faceted_navigation(folder)
    replace_criteria(folder, section_criteria(section))
    set_results_layout(folder, results_layout(section.id))
    if folder.getLayout() != FACETED_VIEW:
        folder.setLayout(FACETED_VIEW)
    folder.reindexObject(idxs=["object_provides"])
    return ICriteria(folder).keys()


def keep_to_section_type(section, event):
    """Subscriber: the catalog query of a faceted section lists its type only.

    The hidden "type" criterion says so, but eea takes a checkbox's default from
    the request when a parameter names its index: ``?portal_type=Folder`` would
    list folders in the Centre de ressources. (What a visitor may see is still the
    catalog's business: this only keeps each section to its type.)
    """
    entry = faceted_sections().get(section.getId())
    if entry and IPloneSiteRoot.providedBy(aq_parent(aq_inner(section))):
        event.query["portal_type"] = entry.listed_type
        if entry.search.shown_in:  # nor ?shown_in= the images of other places
            event.query["shown_in"] = entry.id


def apply_faceted_configurations(portal):
    """Configure the faceted navigation of every section; return {id: criteria ids}.

    A section missing from the site (removed by an administrator) is skipped.
    """
    configured = {}
    for section_id, section in faceted_sections().items():
        folder = portal.get(section_id)
        if folder is None:
            logger.warning(
                "No section %s: its faceted navigation is skipped", section_id
            )
            continue
        configured[section_id] = apply_faceted_configuration(folder, section)
    processQueue()
    return configured
