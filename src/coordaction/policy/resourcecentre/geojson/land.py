"""REST: ``@land-geojson``, the published ads about land ("Recherche de foncier",
"Foncier ou bâti disponible") as a GeoJSON FeatureCollection: the project map's
layer of land opportunities.

    GET /@land-geojson
    GET /@land-geojson?regions=53

Each ad is placed at the centre of its commune, never more precisely (an ad gives
no address, and the map must not suggest one); an ad whose commune is unknown or
ambiguous is left out and counted in ``without_place``. Only public fields go out:
no contact address."""

from coordaction.content.communes import commune_named
from coordaction.content.vocabularies.geography import regions as region_titles
from coordaction.content.vocabularies.lists import LAND_AD_KINDS
from coordaction.policy.resourcecentre.facets.get import vocabulary_titles
from DateTime import DateTime
from plone import api
from plone.restapi.services import Service
from zExceptions import BadRequest


def land_feature(ad, commune, kinds):
    """An ad about land as a GeoJSON Feature at its commune's centre."""
    return {
        "type": "Feature",
        "id": ad.UID(),
        "geometry": {
            "type": "Point",
            "coordinates": [round(commune.longitude, 4), round(commune.latitude, 4)],
        },
        "properties": {
            "title": ad.Title(),
            "description": ad.Description(),
            "url": ad.absolute_url(),
            "commune": commune.name,
            "ad_kind": ad.ad_kind,
            "ad_kind_title": kinds.get(ad.ad_kind, ad.ad_kind),
        },
    }


class LandGeoJSONGet(Service):
    content_type = "application/geo+json"

    def reply(self):
        query = {
            "portal_type": "ClassifiedAd",
            "review_state": "published",
            "ad_kind": list(LAND_AD_KINDS),
            "effectiveRange": DateTime(),
            "sort_on": "sortable_title",
        }
        region = self.request.form.get("regions")
        if region is not None:
            if not isinstance(region, str) or region not in region_titles():
                raise BadRequest("regions : un code de région INSEE connu (ex. 53).")
            query["regions"] = region
        kinds = vocabulary_titles("coordaction.vocabularies.ad_kinds", self.context)
        features = []
        without_place = 0
        for brain in api.portal.get_tool("portal_catalog")(**query):
            ad = brain.getObject()
            commune = commune_named(
                ad.commune, departement=ad.departement, regions=[ad.region]
            )
            if commune is None:
                without_place += 1
                continue
            features.append(land_feature(ad, commune, kinds))
        return {
            "type": "FeatureCollection",
            "features": features,
            "without_place": without_place,
        }
