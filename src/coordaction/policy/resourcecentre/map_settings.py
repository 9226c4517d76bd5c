"""What a site administrator sets of the project map, in the registry under
``coordaction.projectmap.*`` ("Carte des projets" control panel): the tile server
(an address template with ``{z}``, ``{x}``, ``{y}``, and ``{s}`` for its
sub-domains) and the attribution its licence asks for. Only the tiles leave the
portal: a visitor's browser asks that server for them."""

from coordaction.content.settings import read_setting
from coordaction.policy import _
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid


REGISTRY_PREFIX = "coordaction.projectmap"
OSM_FRANCE = "https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png"


def valid_tile_url(value):
    if not value.lower().startswith(("https://", "http://")) or not all(
        part in value for part in ("{z}", "{x}", "{y}")
    ):
        raise Invalid(
            _(
                "A web address (https://) with {z}, {x} and {y}, for example "
                "${example}.",
                mapping={"example": OSM_FRANCE},
            )
        )
    return True


class IProjectMapSettings(model.Schema):
    tile_url = schema.TextLine(
        title=_("Map tile server"),
        description=_(
            "The address of the tiles, with {z} (zoom), {x} and {y}, and {s} for the "
            "server's sub-domains a, b, c if it has them. Visitors' browsers load "
            "the tiles from this server."
        ),
        default=OSM_FRANCE,
        constraint=valid_tile_url,
    )
    tile_attribution = schema.TextLine(
        title=_("Attribution of the map tiles"),
        description=_("Shown at the bottom of the map, as the tiles' licence asks."),
        default="© les contributeurs d'OpenStreetMap, fond OpenStreetMap France",
    )
    tile_max_zoom = schema.Int(
        title=_("Largest zoom of the tile server"),
        default=19,
        min=1,
        max=22,
    )


def map_setting(name):
    return read_setting(IProjectMapSettings, REGISTRY_PREFIX, name)


class ProjectMapSettingsForm(RegistryEditForm):
    schema = IProjectMapSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Project map")
    description = _(
        "The background of the project map: which tile server visitors' browsers "
        "load it from, and its attribution."
    )


class ProjectMapControlPanel(ControlPanelFormWrapper):
    form = ProjectMapSettingsForm


class ProjectMapPage:
    """What a page showing the project map (project-map.js) writes in its
    markup: where the map's scripts are, and the tiles' settings."""

    def map_resources(self):
        return f"{api.portal.get().absolute_url()}/++resource++coordaction"

    def map_tiles(self):
        return map_setting("tile_url")

    def map_tiles_attribution(self):
        return map_setting("tile_attribution")

    def map_tiles_max_zoom(self):
        return map_setting("tile_max_zoom")
