"""The map of the projects above the faceted results of the Projets section."""

from plone.app.layout.viewlets import ViewletBase
import json


# eea criterion id of the Projets page -> @projects-geojson filter
CRITERIA = {
    "etape": "stage",
    "recrute": "looking_for_members",
    "region": "regions",
    "departement": "departements",
    "forme": "legal_forms",
    "statut": "tenure",
    "espaces": "shared_spaces",
    "texte": "SearchableText",
}
TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


class ProjectMapViewlet(ViewletBase):
    def available(self):
        return self.context.getId() == "projets"

    def criteria(self):
        return json.dumps(CRITERIA)

    def geojson_url(self):
        return f"{self.portal_state.portal_url()}/@projects-geojson"

    def resources(self):
        return f"{self.portal_state.portal_url()}/++resource++coordaction"

    def tiles(self):
        return TILES
