"""Catalog indexers: what facets, listings and the map read. Full-text search
(SearchableText) is plone.app.dexterity's textindexer: see searchable_text.py."""

from coordaction.content.addresses import safe_href
from coordaction.content.behaviors.license import credit_of
from coordaction.content.content.classified_ad import IClassifiedAd
from coordaction.content.content.legal_template import ILegalTemplate
from coordaction.content.content.project_sheet import IProjectSheet
from coordaction.content.content.resource import IResource
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
