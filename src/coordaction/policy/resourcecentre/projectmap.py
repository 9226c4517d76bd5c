"""The map of the projects above the faceted results of the Projets section, and
its "Autour de…": a commune and a radius that keep the map *and* the results to
the projects within that circle."""

from coordaction.content.sections import PROJECTS
from coordaction.content.sections import section_by_id
from coordaction.policy.resourcecentre.faceted.criteria import TEXT_CRITERION
from coordaction.policy.resourcecentre.facets.collections import collection_of
from coordaction.policy.resourcecentre.facets.search import DEFAULT_RADIUS_KM
from coordaction.policy.resourcecentre.facets.search import RADIUS_KM
from coordaction.policy.resourcecentre.facets.search import FacetError
from coordaction.policy.resourcecentre.facets.search import circle_of
from coordaction.policy.resourcecentre.map_settings import map_setting
from plone import api
from plone.app.layout.viewlets import ViewletBase
from zope.globalrequest import getRequest
import json


# The radius a visitor chooses from, in km (RADIUS_KM bounds them).
RADIUS_CHOICES = (5, 10, 20, 30, 50, 75, 100)
# A UID no item has: "no project within the circle" for the catalog.
NO_UID = "no-project-within-the-circle"


def criteria():
    """{eea criterion id of the Projets page: its @projects-geojson filter}, from
    the facets of the Projets in the table of sections."""
    projects = section_by_id(PROJECTS)
    mapping = {
        facet.param: facet.index for facet in projects.search.facets if facet.counted
    }
    mapping[TEXT_CRITERION] = "SearchableText"
    # "Autour de…": the same names in the page's address and in the API.
    mapping["near"] = "near"
    mapping["radius_km"] = "radius_km"
    return mapping


def keep_to_the_circle(section, event):
    """Subscriber: the results (and eea's counts) of the Projets page keep to the
    projects within ``radius_km`` of the commune ``near`` when the page's address
    has them. A wrong value is left aside here: the map says what is wrong."""
    if section.getId() != PROJECTS:
        return
    request = getRequest()
    form = getattr(request, "form", {})
    # eea's script sends its lists as jQuery writes them: near[]=69123.
    params = {
        name: form.get(name, form.get(f"{name}[]")) for name in ("near", "radius_km")
    }
    if not params["near"]:
        return
    collection = collection_of(section_by_id(PROJECTS))
    params = {
        name: value[0] if isinstance(value, list) and len(value) == 1 else value
        for name, value in params.items()
        if value not in (None, "", [])
    }
    try:
        circle = circle_of(collection, params)
    except FacetError:
        return
    portal_path = "/".join(api.portal.get().getPhysicalPath())
    catalog = api.portal.get_tool("portal_catalog")
    uids = [
        brain.UID
        for brain in catalog.unrestrictedSearchResults(
            portal_type=collection.portal_type,
            path=f"{portal_path}/{collection.section}",
            has_coordinates=True,
        )
        if circle.contains(brain.latitude, brain.longitude)
    ]
    event.query["UID"] = uids or [NO_UID]


class ProjectMapViewlet(ViewletBase):
    def available(self):
        return self.context.getId() == PROJECTS

    def criteria(self):
        return json.dumps(criteria())

    def geojson_url(self):
        return f"{self.portal_state.portal_url()}/@projects-geojson"

    def land_url(self):
        return f"{self.portal_state.portal_url()}/@land-geojson"

    def communes_url(self):
        return f"{self.portal_state.portal_url()}/@communes"

    def resources(self):
        return f"{self.portal_state.portal_url()}/++resource++coordaction"

    def tiles(self):
        return map_setting("tile_url")

    def tiles_attribution(self):
        return map_setting("tile_attribution")

    def tiles_max_zoom(self):
        return map_setting("tile_max_zoom")

    def radius_choices(self):
        low, high = RADIUS_KM
        return [
            {"value": radius, "selected": radius == DEFAULT_RADIUS_KM}
            for radius in RADIUS_CHOICES
            if low <= radius <= high
        ]
