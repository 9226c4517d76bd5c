"""The address rule (``coordaction.content.addresses``) on the address fields of
Plone's own types, which our schemas do not define: a Link's ``remoteUrl`` (http,
https, mailto or an address in the portal) and an Event's ``event_url`` (http or
https). The same check in the edit forms (a z3c.form validator for the Link, a
data converter for the event) and in the REST API (field deserializers:
plone.restapi answers 400 with the message).
plone.app.event's own check raises ``zope.interface.Invalid``, which
plone.restapi turns into a 500: ours runs first."""

from coordaction.content.addresses import WEB_AND_MAIL_SCHEMES
from coordaction.content.addresses import WEB_SCHEMES
from coordaction.content.addresses import check_address
from coordaction.content.deserializers import MAX_LINE
from coordaction.content.deserializers import check_length
from coordaction.content.interfaces import ICoordactionContentLayer
from plone.app.contenttypes.interfaces import ILink
from plone.app.event.dx.behaviors import IEventContact
from plone.app.event.dx.interfaces import IDXEvent
from plone.app.z3cform.interfaces import ILinkWidget
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.deserializer.dxfields import LinkTextLineFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from z3c.form.converter import FieldDataConverter
from z3c.form.interfaces import ITextWidget
from z3c.form.util import getSpecification
from z3c.form.validator import SimpleFieldValidator
from z3c.form.validator import WidgetValidatorDiscriminators
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IURI
from zope.schema.interfaces import ITextLine


LINK_FIELD = "remoteUrl"


def check_link_target(value):
    """A Link leads to a web or mail address, or into the portal (a path,
    ``${portal_url}/…``, ``resolveuid/…``)."""
    return check_address(value, WEB_AND_MAIL_SCHEMES, relative=True)


def check_event_url(value):
    return check_address(value, WEB_SCHEMES)


class LinkTargetValidator(SimpleFieldValidator):
    """On the fields edited with Plone's link widget (a Link's ``remoteUrl``: the
    Link schema is a model built at run time, its field has no fixed identity)."""

    def validate(self, value, force=False):
        check_link_target(value)
        super().validate(value, force)


@adapter(getSpecification(IEventContact["event_url"]), ITextWidget)
class EventURLConverter(FieldDataConverter):
    """In the event form: the field reads the typed text (``fromUnicode``) and
    runs plone.app.event's own check, which answers "URL not accepted" in
    English, before any validator; ours comes first."""

    def toFieldValue(self, value):
        check_event_url(value.strip())
        return super().toFieldValue(value)


WidgetValidatorDiscriminators(
    LinkTargetValidator,
    request=ICoordactionContentLayer,
    field=ITextLine,
    widget=ILinkWidget,
)


@implementer(IFieldDeserializer)
@adapter(ITextLine, ILink, ICoordactionContentLayer)
class LinkTargetDeserializer(LinkTextLineFieldDeserializer):
    """More specific than the project's line deserializer for a Link's lines:
    it checks their length too."""

    def __call__(self, value):
        check_length(self.field, value, MAX_LINE)
        if self.field.getName() == LINK_FIELD and isinstance(value, str):
            check_link_target(value.strip())
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IURI, IDXEvent, ICoordactionContentLayer)
class EventURLDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if self.field.getName() == "event_url" and isinstance(value, str):
            check_event_url(value.strip())
        return super().__call__(value)
