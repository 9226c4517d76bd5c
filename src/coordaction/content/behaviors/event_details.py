"""What an event of the shared agenda says besides Plone's: the commune it takes
place in and its position (for the map), the link to follow it online and the
link to register (every one a ``WebAddress``: http(s) only); and, never shown,
the address of whoever proposed it through the public form."""

from coordaction.content import _
from coordaction.content.communes import commune_named
from coordaction.content.fields import Coordinate
from coordaction.content.fields import WebAddress
from coordaction.content.permissions import VIEW_CONTACT_PERMISSION
from coordaction.content.validators import check_latitude
from coordaction.content.validators import check_longitude
from plone.app.dexterity.textindexer import searchable
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.schema.email import Email
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IEventDetails(model.Schema):
    searchable("commune")
    commune = schema.TextLine(
        title=_("Municipality"),
        description=_("Where it takes place; leave empty for an online event."),
        required=False,
        max_length=100,
    )
    latitude = Coordinate(
        title=_("Latitude"),
        description=_(
            "In decimal degrees; left empty, that of the municipality is taken."
        ),
        required=False,
        constraint=check_latitude,
    )
    longitude = Coordinate(
        title=_("Longitude"),
        description=_(
            "In decimal degrees; left empty, that of the municipality is taken."
        ),
        required=False,
        constraint=check_longitude,
    )
    online_url = WebAddress(
        title=_("Online link"),
        description=_("To follow it at a distance (video conference, stream)."),
        required=False,
    )
    registration_url = WebAddress(
        title=_("Registration link"),
        required=False,
    )
    directives.read_permission(proposer_email=VIEW_CONTACT_PERMISSION)
    proposer_email = Email(
        title=_("Proposer's e-mail"),
        description=_(
            "Of whoever proposed it through the public form; never shown: they "
            "are told when it is published."
        ),
        required=False,
    )


def locate(event, _event=None):
    """An event with a municipality and no position gets the municipality's,
    when its name, or its name and the event's région, say which one."""
    if getattr(event, "latitude", None) is not None:
        return
    commune = commune_named(
        getattr(event, "commune", None), regions=getattr(event, "regions", None) or ()
    )
    if commune is not None:
        event.latitude = commune.latitude
        event.longitude = commune.longitude
