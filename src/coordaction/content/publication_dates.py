"""Publication and expiration dates read and written in the portal's time zone.

plone.app.dexterity's ``IPublication`` adapter hands the edit form the wall-clock
parts of the stored ``DateTime`` in whatever zone it was stored in, and stores what
the form sends back as a ``DateTime`` in the zone ``DateTime`` computed when the
process imported it; plone.restapi converts what a client sends to Python's local
time. Three zones that agree only when the server runs in the portal's zone: a
date stored in Paris time and saved unchanged by a server in UTC (or the other way
round) moved by one hour in winter, two in summer.

Here both sides speak one zone, the portal's (``plone.portal_timezone``, as
plone.app.event reads it): the form shows and the adapter stores wall-clock time in
that zone, and a REST client's ISO date, whatever its offset, is converted to it.
The server's ``TZ`` no longer matters.
"""

from coordaction.content.deserializers import DatetimeFieldDeserializer
from coordaction.content.interfaces import ICoordactionContentLayer
from DateTime import DateTime
from datetime import UTC
from datetime import datetime
from plone.app.dexterity.behaviors import metadata
from plone.app.event.base import default_timezone
from plone.behavior.interfaces import IBehaviorAssignable
from plone.dexterity.interfaces import IDexterityContainer
from plone.dexterity.interfaces import IDexterityItem
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IDatetime
import dateutil.parser


def portal_zone(context):
    return default_timezone(context, as_tzinfo=True)


def wall_clock(moment, context):
    """``moment`` (aware) as naive wall-clock time in the portal's zone."""
    return moment.astimezone(portal_zone(context)).replace(tzinfo=None)


class PortalZoneDateProperty(metadata.DCFieldProperty):
    """A DC date field of the adapter, as naive wall-clock time in the portal's zone.

    The form's widget shows minutes: the value read has no seconds either, so a
    date saved unchanged compares equal and is not written again."""

    def __get__(self, inst, klass):
        value = super().__get__(inst, klass)
        if inst is None or not isinstance(value, datetime):
            return value
        stored = getattr(inst.context, self._get_name, None)
        if isinstance(stored, DateTime):
            # Not asdatetime(): for a zone given by name it answers local mean time.
            moment = stored.utcdatetime().replace(tzinfo=UTC)
            value = wall_clock(moment, inst.context)
        return value.replace(second=0, microsecond=0)

    def __set__(self, inst, value):
        field = self._field.bind(inst)
        field.validate(value)
        if isinstance(value, datetime):
            zone = portal_zone(inst.context)
            if value.tzinfo is None:
                value = zone.localize(value)
            # Stored with its offset (GMT+1, GMT+2), as DateTime() stores local time.
            value = DateTime(value.astimezone(zone).isoformat())
        setattr(inst.context, self._get_name, value)


class Publication(metadata.Publication):
    effective = PortalZoneDateProperty(
        metadata.IPublication["effective"], get_name="effective_date"
    )
    expires = PortalZoneDateProperty(
        metadata.IPublication["expires"], get_name="expiration_date"
    )


class DublinCore(metadata.DublinCore):
    effective = Publication.effective
    expires = Publication.expires


def behavior_adapter(behavior, factory):
    """An adapter factory for dexterity content that has ``behavior`` enabled, as
    plone.behavior registers them (None for the others)."""

    def adapt(context):
        assignable = IBehaviorAssignable(context, None)
        if assignable is None or not assignable.supports(behavior):
            return None
        return factory(context)

    return adapt


# Registered for items and containers: more specific than plone.app.dexterity's
# adapters (for any dexterity content), so these win without overriding them.
publication = behavior_adapter(metadata.IPublication, Publication)
dublin_core = behavior_adapter(metadata.IDublinCore, DublinCore)
# IDublinCore extends these three: a lookup of one of them for an item or a
# container would otherwise find ours above (more specific), which answers None
# where plone.dublincore is not enabled (an Image asked for ICategorization).
# Registered as specifically, their own behavior's adapter wins again.
basic = behavior_adapter(metadata.IBasic, metadata.Basic)
categorization = behavior_adapter(metadata.ICategorization, metadata.Categorization)
ownership = behavior_adapter(metadata.IOwnership, metadata.Ownership)


@implementer(IFieldDeserializer)
@adapter(IDatetime, IDexterityItem, ICoordactionContentLayer)
class PublicationDateDeserializer(DatetimeFieldDeserializer):
    """An ISO date of a REST client for ``effective`` or ``expires``: converted to
    the portal's zone (not to the server process's), as the adapter expects.
    Other dates, and what is not a date, go to the project's date deserializer
    (which explains in French what is expected)."""

    def __call__(self, value):
        if (
            not isinstance(value, str)
            or self.field.interface is not metadata.IPublication
        ):
            return super().__call__(value)
        try:
            moment = dateutil.parser.parse(value)
        except (ValueError, OverflowError):
            return super().__call__(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # as plone.restapi reads it
        value = wall_clock(moment, self.context)
        self.field.validate(value)
        return value


@adapter(IDatetime, IDexterityContainer, ICoordactionContentLayer)
class FolderPublicationDateDeserializer(PublicationDateDeserializer):
    pass
