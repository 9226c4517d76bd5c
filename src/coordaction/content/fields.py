"""Field types of our own, where zope.schema's need a different behaviour."""

from zope import schema
from zope.interface import implementer
from zope.schema.interfaces import IFloat


class ICoordinate(IFloat):
    """A latitude or longitude in decimal degrees."""


@implementer(ICoordinate)
class Coordinate(schema.Float):
    """A float that forms show and read with the precision a map needs: the
    locale's decimal format keeps three decimals and would round a position to
    about a hundred metres, silently, on every save."""
