"""REST: ``@projects-geojson``, the published projects as a GeoJSON
FeatureCollection for maps, filterable like ``@facets?collection=projets``.

    GET /@projects-geojson?regions=53&looking_for_members=true

Only public fields go out (no contact e-mail); projects without coordinates are
left out and counted in ``without_coordinates``."""

from coordaction.content.sections import PROJECTS
from coordaction.content.sections import section_by_id
from coordaction.policy.resourcecentre.facets.collections import collection_of
from coordaction.policy.resourcecentre.facets.get import vocabulary_titles
from coordaction.policy.resourcecentre.facets.search import FacetedQuery
from coordaction.policy.resourcecentre.facets.search import FacetError
from plone import api
from plone.restapi.services import Service
from zExceptions import BadRequest


PAGE_PARAMS = ("b_start", "b_size", "sort_on")


class ProjectsGeoJSONGet(Service):
    content_type = "application/geo+json"

    def reply(self):
        collection = collection_of(section_by_id(PROJECTS))
        params = {
            key: self.request.form[key]
            for key in self.request.form
            if key not in PAGE_PARAMS
        }
        try:
            faceted_query = FacetedQuery(collection, params, self.context)
        except FacetError as error:
            raise BadRequest(str(error)) from None
        stages = vocabulary_titles(
            "coordaction.vocabularies.project_stages", self.context
        )
        catalog = api.portal.get_tool("portal_catalog")
        features = []
        without_coordinates = 0
        for brain in catalog.searchResults(
            **faceted_query.catalog_query(), sort_on="sortable_title"
        ):
            if brain.latitude is None or brain.longitude is None:
                without_coordinates += 1
                continue
            features.append(
                {
                    "type": "Feature",
                    "id": brain.UID,
                    "geometry": {
                        "type": "Point",
                        "coordinates": [brain.longitude, brain.latitude],
                    },
                    "properties": {
                        "title": brain.Title,
                        "description": brain.Description,
                        "url": brain.getURL(),
                        "commune": brain.commune,
                        "stage": brain.stage,
                        "stage_title": stages.get(brain.stage, brain.stage),
                        "looking_for_members": bool(brain.looking_for_members),
                        "households_planned": brain.households_planned,
                    },
                }
            )
        return {
            "type": "FeatureCollection",
            "features": features,
            "without_coordinates": without_coordinates,
        }
