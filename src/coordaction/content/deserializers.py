"""plone.restapi: what a client may write into our fields. A value of the wrong
shape is refused with a French message naming what is expected (plone.restapi
answers 400 with the list of field errors), never stored half-understood nor left
to fail later with a Python error (500).

Each deserializer extends plone.restapi's own for the field type and is
registered on the content model's browser layer."""

from coordaction.content import _
from coordaction.content.behaviors.license import ILicenseField
from coordaction.content.i18n import in_request_language
from coordaction.content.interfaces import ICoordactionContentLayer
from coordaction.content.licenses import get_license
from dateutil.rrule import rrulestr
from plone import api
from plone.app.event.dx.behaviors import IEventRecurrence
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.interfaces import IDexterityContent
from plone.namedfile.interfaces import INamedField
from plone.restapi.deserializer import dxfields
from plone.restapi.deserializer import relationfield
from plone.restapi.interfaces import IFieldDeserializer
from z3c.relationfield.interfaces import IRelationChoice
from zope.component import adapter
from zope.interface import Invalid
from zope.interface import implementer
from zope.schema.interfaces import IURI
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import ITime
from zope.schema.interfaces import ValidationError
import base64
import codecs
import datetime
import math


# The longest texts a client may send where a field sets no limit: a line (a
# title, a URL) and a plain text (a description, an ad).
MAX_LINE = 2_000
MAX_TEXT = 100_000


def refuse(message, **mapping):
    """The error plone.restapi reports on the field, in French."""
    return ValueError(in_request_language(_(message, mapping=mapping)))


@implementer(IFieldDeserializer)
@adapter(ILicenseField, IDexterityContent, ICoordactionContentLayer)
class LicenseFieldDeserializer(dxfields.ChoiceFieldDeserializer):
    """A licence is written as its SPDX id (``"CC-BY-4.0"``), as a vocabulary term
    (``{"token": ...}``) or as the object it is served as (``{"id": ...,
    "title": ...}``, see serializers.license_json): a client can send back what it
    read."""

    def __call__(self, value):
        if isinstance(value, dict):
            value = value.get("id", value.get("token"))
        if value is None and not self.field.required:
            return super().__call__(value)
        if not isinstance(value, str) or get_license(value) is None:
            raise refuse(
                _(
                    "Unknown licence: “${value}”. Give the SPDX identifier of an offered "
                    "licence, for example “CC-BY-SA-4.0”."
                ),
                value=str(value)[:100],
            )
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(ICollection, IDexterityContent, ICoordactionContentLayer)
class CollectionFieldDeserializer(dxfields.CollectionFieldDeserializer):
    """A list is a JSON list of tokens (or of ``{"token": ...}`` objects):
    plone.restapi would wrap a lone string into a list and fail on a dict."""

    def __call__(self, value):
        if value is None:
            return super().__call__(value)
        if not isinstance(value, list):
            raise refuse(_('A list is expected, for example ["value"].'))
        if not IRelationChoice.providedBy(self.field.value_type):
            for item in value:
                if not is_term(item):
                    raise refuse(
                        _(
                            'Each item of the list must be a simple value or an object {"token": '
                            "...}."
                        )
                    )
        return super().__call__(list(value))


def is_term(value):
    """A vocabulary value as a client may send it: a token, or {"token": ...}."""
    if isinstance(value, dict):
        value = value.get("token")
    return isinstance(value, (str, int, float, bool))


@implementer(IFieldDeserializer)
@adapter(IChoice, IDexterityContent, ICoordactionContentLayer)
class ChoiceFieldDeserializer(dxfields.ChoiceFieldDeserializer):
    """A choice is a token or ``{"token": ..., "title": ...}`` as it is served."""

    def __call__(self, value):
        if value is not None and not is_term(value):
            raise refuse(
                _(
                    "A value of the list is expected: its identifier or an object "
                    '{"token": ...}.'
                )
            )
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IRelationChoice, IDexterityContent, ICoordactionContentLayer)
class RelationChoiceFieldDeserializer(relationfield.RelationChoiceFieldDeserializer):
    """A related item is its URL, path or UID, or the summary it is served as
    (``{"@id": ..., "UID": ...}``)."""

    def __call__(self, value):
        if isinstance(value, dict):
            value = value.get("@id") or value.get("UID")
        if value is not None and not isinstance(value, (str, int)):
            raise refuse(
                _(
                    'A related item is expected: its address, its UID or an object {"@id": '
                    "...}."
                )
            )
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IBool, IDexterityContent, ICoordactionContentLayer)
class BoolFieldDeserializer(dxfields.DefaultFieldDeserializer):
    """``true`` or ``false``: any other string would be read as false."""

    def __call__(self, value):
        if value is None and not self.field.required:
            return self.field.missing_value
        if not isinstance(value, bool):
            raise refuse(_("Yes or no is expected: true or false."))
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IInt, IDexterityContent, ICoordactionContentLayer)
class IntFieldDeserializer(dxfields.DefaultFieldDeserializer):
    """A whole number, e.g. ``2024`` (or ``"2024"``)."""

    def __call__(self, value):
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int)
        ):
            raise refuse(_("A whole number is expected, for example 2024."))
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IFloat, IDexterityContent, ICoordactionContentLayer)
class FloatFieldDeserializer(dxfields.DefaultFieldDeserializer):
    """A number, e.g. ``45.77`` (or ``"45.77"``)."""

    def __call__(self, value):
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                pass
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if value is not None and not (
            isinstance(value, float) and math.isfinite(value)
        ):
            raise refuse(_("A number is expected, for example 45.77."))
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IDatetime, IDexterityContent, ICoordactionContentLayer)
class DatetimeFieldDeserializer(dxfields.DatetimeFieldDeserializer):
    """A date is an ISO 8601 string, e.g. ``2027-03-01T10:00:00+01:00``."""

    def __call__(self, value):
        if value is not None:
            if not isinstance(value, str):
                raise refuse(
                    _(
                        "A date in ISO 8601 format is expected, for example "
                        "“2027-03-01T10:00:00+01:00”."
                    )
                )
            try:
                return super().__call__(value)
            except (ValueError, OverflowError):
                raise refuse(
                    _(
                        "Invalid date: “${value}”. A date in ISO 8601 format is expected, for "
                        "example “2027-03-01T10:00:00+01:00”."
                    ),
                    value=value[:100],
                ) from None
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IDate, IDexterityContent, ICoordactionContentLayer)
class DateFieldDeserializer(dxfields.DefaultFieldDeserializer):
    """A day is an ISO 8601 string, e.g. ``2027-06-04``."""

    def __call__(self, value):
        if value is None:
            return super().__call__(value)
        try:
            day = datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise refuse(
                _("Invalid day: a date such as “2027-06-04” is expected.")
            ) from None
        self.field.validate(day)
        return day


@implementer(IFieldDeserializer)
@adapter(ITime, IDexterityContent, ICoordactionContentLayer)
class TimeFieldDeserializer(dxfields.DefaultFieldDeserializer):
    """A time of day is an ISO 8601 string, e.g. ``14:30`` or ``14:30:00``."""

    def __call__(self, value):
        if value is None:
            return super().__call__(value)
        try:
            moment = datetime.time.fromisoformat(value)
        except (TypeError, ValueError):
            raise refuse(
                _("Invalid time: a time such as “14:30” is expected.")
            ) from None
        self.field.validate(moment)
        return moment


@implementer(IFieldDeserializer)
@adapter(IRichText, IDexterityContent, ICoordactionContentLayer)
class RichTextFieldDeserializer(dxfields.RichTextFieldDeserializer):
    """A rich text is a string, or ``{"data": ..., "content-type": ...,
    "encoding": ...}`` with a content type the field accepts."""

    def __call__(self, value):
        if isinstance(value, dict):
            data = value.get("data", "")
            content_type = value.get("content-type", self.field.default_mime_type)
            encoding = value.get("encoding", "utf8")
            if not isinstance(data, str):
                raise refuse(_("The text (“data”) must be a string."))
            if not isinstance(content_type, str) or (
                content_type not in self.accepted_types()
            ):
                raise refuse(
                    _("Text type not accepted: “${value}”. Accepted types: ${types}."),
                    value=str(content_type)[:100],
                    types=", ".join(sorted(self.accepted_types())),
                )
            if not isinstance(encoding, str) or not known_encoding(encoding):
                raise refuse(
                    _("Unknown encoding: “${value}”."), value=str(encoding)[:100]
                )
        elif value is not None and not isinstance(value, str):
            raise refuse(
                _(
                    'A text is expected: a string or an object {"data": ..., '
                    '"content-type": "text/html"}.'
                )
            )
        return super().__call__(value)

    def accepted_types(self):
        types = set(self.field.allowed_mime_types or ())
        if not types:
            types = set(
                api.portal.get_registry_record("plone.allowed_types", default=())
            )
        return types | {self.field.default_mime_type}


@implementer(IFieldDeserializer)
@adapter(INamedField, IDexterityContent, ICoordactionContentLayer)
class NamedFieldDeserializer(dxfields.NamedFieldDeserializer):
    """A file is ``{"data": ..., "encoding": "base64", "filename": ...,
    "content-type": ...}``, or the object it is served as (kept unchanged)."""

    def __call__(self, value):
        if isinstance(value, dict) and "data" in value:
            data, encoding = value["data"], value.get("encoding")
            if not isinstance(data, str) or not all(
                isinstance(value.get(key, ""), str)
                for key in ("filename", "content-type", "encoding")
            ):
                raise refuse(
                    _(
                        'A file is expected: {"data": ..., "encoding": "base64", "filename": '
                        '..., "content-type": ...}.'
                    )
                )
            if encoding is not None and encoding != "base64":
                raise refuse(
                    _("Unknown file encoding: “${value}”; only “base64” is accepted."),
                    value=encoding[:50],
                )
            if encoding == "base64":
                try:
                    base64.b64decode(data, validate=True)
                except ValueError:
                    raise refuse(
                        _("The content of the file is not valid base64.")
                    ) from None
        elif value is not None and not isinstance(value, (dict, str)):
            raise refuse(
                _(
                    'A file is expected: {"data": ..., "encoding": "base64", "filename": '
                    '..., "content-type": ...}.'
                )
            )
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(ITextLine, IDexterityContent, ICoordactionContentLayer)
class TextLineFieldDeserializer(dxfields.TextLineFieldDeserializer):
    """One line of text, of a sensible length."""

    def __call__(self, value):
        check_length(self.field, value, MAX_LINE)
        try:
            return super().__call__(value)
        except ValidationError:
            raise
        except Invalid as error:
            # A constraint that raises Invalid (plone.app.event's event_url): not
            # a ValidationError, plone.restapi would let it through as a 500.
            if IURI.providedBy(self.field):
                raise refuse(
                    _(
                        "Address refused: “${value}” is not a complete web address "
                        "(https://...)."
                    ),
                    value=str(value)[:200],
                ) from None
            raise refuse(
                _("Value refused: ${detail}"),
                detail=in_request_language(error.args[0]) if error.args else "",
            ) from None


def check_length(field, value, maximum):
    if field.max_length:
        return  # the field's own limit is checked by zope.schema
    if isinstance(value, str) and len(value) > maximum:
        raise refuse(
            _("Text too long: ${length} characters, ${maximum} at most."),
            length=len(value),
            maximum=maximum,
        )


def known_encoding(name):
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


@implementer(IFieldDeserializer)
@adapter(IText, IDexterityContent, ICoordactionContentLayer)
class TextFieldDeserializer(dxfields.DefaultFieldDeserializer):
    """A plain text of a sensible length. The recurrence of an event is an
    iCalendar rule (``RRULE:FREQ=WEEKLY;COUNT=5``): an invalid one would fail when
    the event is indexed."""

    def __call__(self, value):
        check_length(self.field, value, MAX_TEXT)
        if (
            self.field.interface is IEventRecurrence
            and self.field.__name__ == "recurrence"
            and value
        ):
            if not isinstance(value, str):
                raise refuse(_("An iCalendar recurrence rule is expected."))
            try:
                rrulestr(value, dtstart=datetime.datetime(2000, 1, 1), forceset=True)
            except (ValueError, TypeError, AttributeError, IndexError):
                raise refuse(
                    _(
                        "Invalid recurrence rule: “${value}”. Example: "
                        "“RRULE:FREQ=WEEKLY;COUNT=5”."
                    ),
                    value=value[:100],
                ) from None
        return super().__call__(value)
