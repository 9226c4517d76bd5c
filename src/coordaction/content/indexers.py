"""Catalog indexers: what facets, listings and the map read. Full-text search
(SearchableText) is plone.app.dexterity's textindexer: see searchable_text.py."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.content.addresses import safe_href
from coordaction.content.behaviors.license import credit_of
from coordaction.content.confirmation import is_up_to_date
from coordaction.content.content.classified_ad import IClassifiedAd
from coordaction.content.content.legal_template import ILegalTemplate
from coordaction.content.content.project_sheet import IProjectSheet
from coordaction.content.content.resource import IResource
from coordaction.content.licenses import allows_reuse
from coordaction.content.sections import PHOTO_BANK
from plone import api
from plone.app.contenttypes.content import Link
from plone.app.contenttypes.interfaces import IImage
from plone.app.contenttypes.utils import replace_link_variables_by_paths
from plone.indexer import indexer


@indexer(IProjectSheet)
def project_sheet_regions(context):
    return [context.region] if context.region else []


@indexer(IClassifiedAd)
def classified_ad_regions(context):
    return [context.region] if context.region else []


@indexer(IProjectSheet)
def project_sheet_departements(context):
    return [context.departement] if context.departement else []


@indexer(IClassifiedAd)
def classified_ad_departements(context):
    return [context.departement] if context.departement else []


@indexer(IProjectSheet)
def project_sheet_legal_forms(context):
    return [context.legal_form] if context.legal_form else []


@indexer(IProjectSheet)
def project_sheet_has_coordinates(context):
    return context.latitude is not None and context.longitude is not None


@indexer(Link)
def link_remote_url(context):
    """Plone's ``getRemoteUrl`` of a Link, without an address a link may not lead
    to (saved before the address rule): Plone's navigation puts it in an href
    for those who cannot edit the Link. Registered for the class, to come
    before plone.app.contenttypes' indexer for ILink."""
    return safe_href(replace_link_variables_by_paths(context, context.remoteUrl))


@indexer(IResource)
def resource_download_url(context):
    if context.file:
        return f"{context.absolute_url()}/@@download/file"
    return safe_href(context.external_url)


@indexer(ILegalTemplate)
def legal_template_download_url(context):
    files = context.template_files()
    if not files:
        return None
    return f"{context.absolute_url()}/@@download/{files[0][0]}"


@indexer(IImage)
def image_download_url(context):
    if not getattr(context, "image", None):
        return None
    return f"{context.absolute_url()}/@@download/image"


@indexer(IImage)
def image_credit_text(context):
    """The credit the photo bank shows under each thumbnail."""
    return credit_of(context)


def _sheet_of(image):
    """The project sheet a photo is in, or None."""
    parent = aq_parent(aq_inner(image))
    return parent if IProjectSheet.providedBy(parent) else None


@indexer(IImage)
def image_shown_in(context):
    """The sections that list an image besides the one it lives in: the photo bank
    lists its own images, and the photos of project sheets that anyone may reuse
    (under a Creative Commons licence or in the public domain)."""
    path = context.getPhysicalPath()
    portal_path = api.portal.get().getPhysicalPath()
    if path[len(portal_path) : len(portal_path) + 1] == (PHOTO_BANK,):
        return [PHOTO_BANK]
    if _sheet_of(context) is not None and allows_reuse(
        getattr(context, "license_spdx", None)
    ):
        return [PHOTO_BANK]
    return []


@indexer(IImage)
def image_review_state(context):
    """An image's state: that of its workflow, or, for a photo of a project sheet
    (which has none: it is seen as its sheet is), its sheet's."""
    state = api.content.get_state(context, default=None)
    sheet = _sheet_of(context) if state is None else None
    if sheet is not None:
        state = api.content.get_state(sheet, default=None)
    if state is None:
        raise AttributeError("review_state")
    return state


def reindex_photos_state(sheet, event):
    """A sheet's photos are in its state: index it again with them when it
    changes (their security is indexed again by the workflow tool)."""
    for photo in sheet.photos():
        photo.reindexObject(idxs=["review_state"])


@indexer(IProjectSheet)
def project_sheet_up_to_date(context):
    """Confirmed within two years (a yes/no facet of the Projets)."""
    return is_up_to_date(context)
