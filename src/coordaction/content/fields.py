"""Field types of our own, where zope.schema's need a different behaviour."""

from coordaction.content.addresses import WEB_AND_MAIL_SCHEMES
from coordaction.content.addresses import WEB_SCHEMES
from coordaction.content.addresses import check_address
from zope import schema
from zope.interface import implementer
from zope.schema.interfaces import IURI
from zope.schema.interfaces import IFloat


class ICoordinate(IFloat):
    """A latitude or longitude in decimal degrees."""


@implementer(ICoordinate)
class Coordinate(schema.Float):
    """A float that forms show and read with the precision a map needs: the
    locale's decimal format keeps three decimals and would round a position to
    about a hundred metres, silently, on every save."""


class IWebAddress(IURI):
    """An address a visitor may follow: see ``coordaction.content.addresses``."""


@implementer(IWebAddress)
class WebAddress(schema.URI):
    """A URI restricted to http and https (and mailto with ``mailto=True``): the
    field of every address of our types and behaviors, so that forms, REST, the
    deposit forms and the importer all refuse ``javascript:`` and the like."""

    def __init__(self, mailto=False, **kw):
        self.schemes = WEB_AND_MAIL_SCHEMES if mailto else WEB_SCHEMES
        super().__init__(**kw)

    def _validate(self, value):
        # Ours first: it also explains, in French, an address without a scheme
        # that zope.schema would refuse in English ("exemple.org"). A value that
        # is not text at all is zope.schema's WrongType.
        if isinstance(value, str):
            check_address(value, self.schemes)
        super()._validate(value)
