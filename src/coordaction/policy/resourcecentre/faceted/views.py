"""The French results of the faceted sections.

``coordaction-faceted-results`` is a faceted layout: eea's ``@@faceted_query`` renders
the ``content-core`` macro of its template with the batch of brains it found
(``folderContents``). The macro asks this view for what to show of each brain, read
from catalog metadata without waking the objects.
"""

from coordaction.content.addresses import safe_href
from coordaction.content.behaviors.license import license_of
from coordaction.content.licenses import badge_url
from coordaction.content.listing_urls import page_url
from coordaction.content.sections import section_of_type
from datetime import datetime
from plone import api
from Products.Five.browser import BrowserView
from zoneinfo import ZoneInfo
from zope.component import getMultiAdapter
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


def kind_facet(portal_type):
    """The facet of the table of sections that says what kind of item a result of
    ``portal_type`` is (its type of resource, of document…), or None."""
    try:
        search = section_of_type(portal_type).search
    except KeyError:
        return None
    if search is None or search.kind is None:
        return None
    return next(facet for facet in search.facets if facet.index == search.kind)


# Items never published carry this effective date in the catalog.
NO_DATE_BEFORE = 1900


def _text(value):
    """A metadata value, or "" when the column is empty (Missing.Value, None)."""
    return value if isinstance(value, str) else ""


class FacetedResultsView(BrowserView):
    """Helpers of the results layout, one result at a time."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self._vocabularies = {}

    def _vocabulary(self, name):
        if name not in self._vocabularies:
            factory = queryUtility(IVocabularyFactory, name)
            self._vocabularies[name] = factory(self.context) if factory else None
        return self._vocabularies[name]

    def _translate(self, message):
        return translate(message, context=self.request)

    def kind(self, brain):
        """The French label of the kind of item (type of resource, of document…)."""
        facet = kind_facet(brain.portal_type)
        value = _text(getattr(brain, facet.index, None)) if facet else ""
        if not value:
            return ""
        vocabulary = self._vocabulary(facet.vocabulary)
        try:
            return self._translate(vocabulary.getTerm(value).title or value)
        except (AttributeError, LookupError):
            return value

    def license(self, brain):
        """{url, badge, short, title} of the item's licence, or None."""
        # license_of reads ``license_spdx``, which brains carry as metadata.
        license = license_of(brain)
        if license is None:
            return None
        return {
            "url": license.url,
            "badge": badge_url(license),
            "short": license.short,
            "title": self._translate(license.title),
        }

    def date(self, brain):
        """The publication date, dd/mm/YYYY in the portal's time zone, or ""."""
        effective = getattr(brain, "effective", None)
        if not effective or not hasattr(effective, "asdatetime"):
            return ""
        if effective.year() < NO_DATE_BEFORE:
            return ""
        moment = effective.asdatetime()
        zone = api.portal.get_registry_record("plone.portal_timezone", default=None)
        if zone and moment.tzinfo is not None:
            moment = moment.astimezone(ZoneInfo(zone))
        return datetime.strftime(moment, "%d/%m/%Y")

    def download_url(self, brain):
        return safe_href(_text(getattr(brain, "download_url", None)))

    def obsolete(self, brain):
        return brain.review_state == "obsolete"

    def results(self, batch):
        """What the template shows of each brain of the batch."""
        return [
            {
                "title": brain.Title,
                "url": page_url(brain),
                "description": _text(brain.Description),
                "kind": self.kind(brain),
                "license": self.license(brain),
                "date": self.date(brain),
                "download_url": self.download_url(brain),
                "obsolete": self.obsolete(brain),
            }
            for brain in batch
        ]

    def default_batch(self):
        """The first page of results, when this layout is shown as a page."""
        query = getMultiAdapter((self.context, self.request), name="faceted_query")
        return query.query(batch=True)


class FacetedGalleryView(FacetedResultsView):
    """The photo bank's results: a thumbnail per image, with its credit and licence,
    from catalog metadata (the ``credit_text`` and ``license_spdx`` columns)."""

    # plone.app.imaging's scale names: "preview" is 400 pixels wide at most.
    THUMBNAIL_SCALE = "preview"

    def results(self, batch):
        return [
            {
                "title": brain.Title,
                "url": page_url(brain),
                "thumbnail": f"{brain.getURL()}/@@images/image/{self.THUMBNAIL_SCALE}",
                "credit": _text(getattr(brain, "credit_text", None)),
                "license": self.license(brain),
            }
            for brain in batch
        ]
