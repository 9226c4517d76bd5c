"""REST: ``@facets``, one request for a page of results *and* the counts of every
facet, with the same filters as the faceted pages.

    GET /@facets?collection=ressources&themes=foncier&themes=financement
                 &regions=53&SearchableText=coopérative&year_min=2015
                 &sort_on=date&b_start=0&b_size=20

Collections: ressources, trames, observatoire, projets, annonces, images, agenda. A filter repeated is an OR
within its facet; different facets combine with AND. Bad filters answer 400 with
a French message."""

from coordaction.content.i18n import in_request_language
from coordaction.content.licenses import get_license
from coordaction.content.serializers import license_json
from coordaction.policy import _
from coordaction.policy.resourcecentre.facets.collections import COLLECTIONS
from coordaction.policy.resourcecentre.facets.search import FacetedQuery
from coordaction.policy.resourcecentre.facets.search import FacetError
from coordaction.policy.resourcecentre.facets.search import facet_counts
from coordaction.policy.resourcecentre.facets.search import facet_result_sets
from coordaction.policy.resourcecentre.facets.search import search_results
from plone import api
from plone.restapi.batching import HypermediaBatch
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from urllib.parse import urlencode
from zExceptions import BadRequest
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import json
import Missing


def vocabulary_titles(name, context):
    vocabulary = getUtility(IVocabularyFactory, name)(context)
    return {term.value: in_request_language(term.title) for term in vocabulary}


class ItemSerializer:
    """A result as an external site shows it: plone.restapi's summary of the brain
    (``@id``, ``@type``, ``title``, ``description``, ``review_state``,
    ``type_title``, and the ``metadata_fields`` a client asks for, as ``@search``),
    with the date and the fields the collection's page shows, vocabulary values
    with their titles, from catalog metadata only."""

    def __init__(self, faceted_query, request):
        self.collection = faceted_query.collection
        self.request = request
        self.titles = {
            facet.index: {
                value: in_request_language(title)
                for value, title in faceted_query.terms(facet).items()
            }
            for facet in self.collection.facets
            if facet.vocabulary and facet.index != "review_state"
        }

    def term(self, index, value):
        return {"token": value, "title": self.titles[index].get(value, value)}

    def __call__(self, brain):
        item = getMultiAdapter((brain, self.request), ISerializeToJsonSummary)()
        item["effective"] = (
            json_compatible(brain.effective) if brain.effective else None
        )
        for name in self.collection.item_fields:
            value = getattr(brain, name, None)
            if value is Missing.Value:
                value = None
            if name == "preview_url":
                # The image at plone.app.imaging's "preview" scale (400 pixels).
                item[name] = f"{brain.getURL()}/@@images/image/preview"
            elif name == "license_spdx":
                item["license"] = (
                    license_json(value, None) if get_license(value) else None
                )
            elif name in self.titles and value is not None:
                item[name] = (
                    [self.term(name, entry) for entry in value]
                    if isinstance(value, (list, tuple))
                    else self.term(name, value)
                )
            else:
                item[name] = json_compatible(value)
        return item


class FacetsGet(Service):
    """Its answer: ``@id``, ``items_total``, ``items`` and ``batching`` as
    plone.restapi's ``@search`` answers, plus ``collection``, ``b_start``,
    ``b_size`` and ``facets`` (the counts)."""

    def render(self):
        """plone.restapi's ``render`` (permission check, JSON), with the keys in
        their order (the facets in the page's order: plone.restapi sorts them) and
        compact (external sites read it, nobody needs it indented)."""
        self.check_permission()
        content = self.reply()
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(content, separators=(",", ":"))

    def reply(self):
        params = {key: self.request.form[key] for key in self.request.form}
        name = params.get("collection")
        collection = COLLECTIONS.get(name)
        if collection is None:
            raise BadRequest(
                in_request_language(
                    _(
                        "Give “collection”: ${names}.",
                        mapping={"names": ", ".join(COLLECTIONS)},
                    )
                )
            )
        try:
            faceted_query = FacetedQuery(collection, params, self.context)
        except FacetError as error:
            raise BadRequest(str(error)) from None
        catalog = api.portal.get_tool("portal_catalog")
        result_sets = facet_result_sets(catalog, faceted_query)
        # HypermediaBatch reads the batch from the request: ours, checked, with
        # our default size.
        self.request.form["b_start"] = faceted_query.b_start
        self.request.form["b_size"] = faceted_query.b_size
        batch = HypermediaBatch(
            self.request, search_results(catalog, faceted_query, result_sets)
        )
        serialize = ItemSerializer(faceted_query, self.request)
        url = f"{self.context.absolute_url()}/@facets"
        answer = {
            "@id": f"{url}?{urlencode(params, doseq=True)}",
            "collection": collection.name,
            "items_total": batch.items_total,
            "b_start": faceted_query.b_start,
            "b_size": faceted_query.b_size,
            "items": [serialize(brain) for brain in batch],
            "facets": facet_counts(catalog, faceted_query, result_sets),
        }
        if batch.links:
            answer["batching"] = batch.links
        return answer
