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
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from urllib.parse import urlencode
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import json
import Missing


def vocabulary_titles(name, context):
    vocabulary = getUtility(IVocabularyFactory, name)(context)
    return {term.value: in_request_language(term.title) for term in vocabulary}


class ItemSerializer:
    """A result as an external site shows it, from catalog metadata only."""

    def __init__(self, faceted_query):
        self.collection = faceted_query.collection
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
        item = {
            "@id": brain.getURL(),
            "@type": brain.portal_type,
            "title": brain.Title,
            "description": brain.Description,
            "review_state": brain.review_state,
            "effective": json_compatible(brain.effective) if brain.effective else None,
        }
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
    def render(self):
        """Compact JSON: external sites read it, nobody needs it indented."""
        content = self.reply()
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(content, separators=(",", ":"))

    def error(self, message):
        self.request.response.setStatus(400)
        return {"error": {"type": "BadRequest", "message": message}}

    def reply(self):
        params = {key: self.request.form[key] for key in self.request.form}
        name = params.get("collection")
        collection = COLLECTIONS.get(name)
        if collection is None:
            return self.error(
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
            return self.error(str(error))
        catalog = api.portal.get_tool("portal_catalog")
        result_sets = facet_result_sets(catalog, faceted_query)
        brains, total = search_results(catalog, faceted_query, result_sets)
        serialize = ItemSerializer(faceted_query)
        url = f"{self.context.absolute_url()}/@facets"
        return {
            "@id": f"{url}?{urlencode(params, doseq=True)}",
            "collection": collection.name,
            "items_total": total,
            "b_start": faceted_query.b_start,
            "b_size": faceted_query.b_size,
            "items": [serialize(brain) for brain in brains],
            "facets": facet_counts(catalog, faceted_query, result_sets),
        }
