"""The map of the projects above the faceted results of the Projets section."""

from coordaction.content.sections import PROJECTS
from coordaction.content.sections import section_by_id
from coordaction.policy.resourcecentre.faceted.criteria import TEXT_CRITERION
from plone.app.layout.viewlets import ViewletBase
import json


def criteria():
    """{eea criterion id of the Projets page: its @projects-geojson filter}, from
    the facets of the Projets in the table of sections."""
    projects = section_by_id(PROJECTS)
    mapping = {
        facet.param: facet.index for facet in projects.search.facets if facet.counted
    }
    mapping[TEXT_CRITERION] = "SearchableText"
    return mapping


TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


class ProjectMapViewlet(ViewletBase):
    def available(self):
        return self.context.getId() == PROJECTS

    def criteria(self):
        return json.dumps(criteria())

    def geojson_url(self):
        return f"{self.portal_state.portal_url()}/@projects-geojson"

    def resources(self):
        return f"{self.portal_state.portal_url()}/++resource++coordaction"

    def tiles(self):
        return TILES
