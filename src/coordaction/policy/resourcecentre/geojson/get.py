"""REST: ``@projects-geojson``, the published projects as a GeoJSON
FeatureCollection for maps, filterable like ``@facets?collection=projets``.

    GET /@projects-geojson?regions=53&looking_for_members=true
    GET /@projects-geojson?near=69123&radius_km=10     (around Lyon, 10 km)

Only public fields go out (no contact e-mail); projects without coordinates are
left out and counted in ``without_coordinates``. A project's first photo (an Image
inside its sheet that the visitor may see) comes as a thumbnail, with its credit
and licence (``photo_credit``)."""

from coordaction.content.licenses import get_license
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
# plone.app.imaging's "thumb" scale: 128 pixels.
PHOTO_SCALE = "thumb"


def first_photos(catalog, section_path):
    """{path of a project sheet: (the URL of its first photo's thumbnail, the
    credit and licence to show with it)}, from one catalog search of the Images
    the visitor may see in the section."""
    photos = {}
    for brain in catalog.searchResults(
        portal_type="Image",
        path={"query": section_path, "depth": 2},
        sort_on="getObjPositionInParent",
    ):
        parent = brain.getPath().rsplit("/", 1)[0]
        if parent in photos:
            continue
        license = get_license(brain.license_spdx)
        credit = " · ".join(
            part for part in (brain.credit_text, license and license.short) if part
        )
        photos[parent] = (f"{brain.getURL()}/@@images/image/{PHOTO_SCALE}", credit)
    return photos


def project_feature(brain, stages, photos, **extra):
    """A project sheet's brain as a GeoJSON Feature of the project map (its
    public fields only; ``extra``: more properties)."""
    return {
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
            "photo_url": photos.get(brain.getPath(), (None, None))[0],
            "photo_credit": photos.get(brain.getPath(), (None, None))[1],
            **extra,
        },
    }


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
        portal_path = "/".join(api.portal.get().getPhysicalPath())
        photos = first_photos(catalog, f"{portal_path}/{collection.section}")
        circle = faceted_query.circle
        features = []
        without_coordinates = 0
        for brain in catalog.searchResults(
            **faceted_query.catalog_query(), sort_on="sortable_title"
        ):
            if brain.latitude is None or brain.longitude is None:
                if circle is None:
                    without_coordinates += 1
                continue
            if circle is not None and not circle.contains(
                brain.latitude, brain.longitude
            ):
                continue
            features.append(project_feature(brain, stages, photos))
        return {
            "type": "FeatureCollection",
            "features": features,
            "without_coordinates": without_coordinates,
        }
