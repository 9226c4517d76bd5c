"""Create the items the demo's data files describe (``content/*.json``).

A file holds the items of one section of the site, keyed by field name as in the
JSON files of the import, and checked by the import's converter
(``coordaction.policy.importexport.validate``): each value by its field (type,
vocabulary, constraint), each item by the invariants of its schemas. A file::

    {
      "section": "agenda",             # its folder, from the site root
      "portal_type": "Event",          # the type of its items
      "owner": "contributeur",         # who creates them: their creator and Owner
      "defaults": {"language": "fr"},  # fields of every item that does not say them
      "items": [{"id": "...", "title": "...", ...}]
    }

Besides its fields, an item says its ``id``; it may say its ``portal_type`` and
``owner`` (when they are not the file's), the workflow ``state`` to reach (the
owner submits for review, a Manager does the rest) and the ``comment`` of the
step that reaches it (a reason to decline a proposal), its publication and expiry
dates ``effective`` and ``expires``, and the ``items`` it contains. Other keys are
the ``extras`` of its type (the roster of a working group), which Python applies.

What a JSON value cannot be, the field's type says how to read it:

- dates relative to the day the demo is built, Paris time: ``"+12d 19:00"`` (in
  twelve days, at 19:00), ``"-10d 09:00"``; a year: ``"+1y"`` (next year), ``"-2y"``;
  or absolute dates: ``"2024-09-12"``, ``"2024-09-12 10:00"``;
- rich text: its HTML;
- files, drawn in memory and named after the item: ``{"pdf": [paragraphs]}``,
  ``{"odt": [paragraphs]}``, ``{"ods": [rows]}``,
  ``{"png": {"sky": [r, g, b], "walls": [r, g, b]}}``;
- relations: paths from the site root (``"trames-types/statuts-..."``).

Idempotent: an item whose id exists is left as it is, with what it contains.
"""

from coordaction.policy.demo import files
from coordaction.policy.importexport.validate import CellError
from coordaction.policy.importexport.validate import RowValidator
from coordaction.policy.importexport.validate import describe
from DateTime import DateTime
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.interfaces import INamedField
from z3c.relationfield import RelationValue
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.schema import getFieldNames
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IInt
from zope.schema.interfaces import ITime
from zope.schema.interfaces import ValidationError
import json
import pathlib
import pytz
import re


CONTENT = pathlib.Path(__file__).parent / "content"
PARIS = pytz.timezone("Europe/Paris")
# The keys of an item that are not its fields.
ITEM_KEYS = {
    "id",
    "portal_type",
    "owner",
    "state",
    "comment",
    "effective",
    "expires",
    "items",
}
DATE_INDEXES = ("effective", "effectiveRange", "expires")
# The dates of an item besides its fields, and how they are set (expiry first).
DATES = {
    "expires": lambda obj, when: obj.setExpirationDate(when),
    "effective": lambda obj, when: obj.setEffectiveDate(when),
}
RELATIVE_DAY = re.compile(r"^([+-]\d+)d(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
RELATIVE_YEAR = re.compile(r"^([+-]\d+)y$")
# The files the data may ask for: (media type, maker of the bytes from the title).
DRAWN_FILES = {
    "pdf": (files.PDF, files.pdf_bytes),
    "odt": (files.ODT, files.odt_bytes),
    "ods": (files.ODS, files.ods_bytes),
    "png": (files.PNG, lambda _title, colours: files.house_png_bytes(**colours)),
}


class DemoDataError(ValueError):
    """Data the demo cannot load: ``str`` says the file, the item and why."""


def read(name):
    """The data of ``content/<name>.json``."""
    return json.loads((CONTENT / f"{name}.json").read_text(encoding="utf-8"))


def moment(text, today):
    """The naive date and time a date of the data means."""
    if not isinstance(text, str):
        raise CellError(f"une date est attendue, pas « {text} ».")
    match = RELATIVE_DAY.match(text.strip())
    if match:
        days, hour, minute, second = match.groups()
        day = today + timedelta(days=int(days))
        clock = time(int(hour or 0), int(minute or 0), int(second or 0))
        return datetime.combine(day, clock)
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise CellError(
            f"date illisible « {text} » : « 2024-09-12 », « 2024-09-12 10:00 », "
            "« +12d 19:00 » (dans douze jours) ou « -10d » (il y a dix jours)."
        )


def zope_date(text, today):
    """The DateTime, Paris time, of a date of the data."""
    when = moment(text, today)
    return DateTime(f"{when:%Y/%m/%d %H:%M:%S} Europe/Paris")


class Loader:
    """Creates the items of the data files on a site, as of ``today``.

    ``extras``: {portal_type: (keys, function(item, {key: value}))}, for what an
    item of that type says besides its fields."""

    def __init__(self, portal, today, extras=None):
        self.portal = portal
        self.today = today
        self.extras = extras or {}
        self.validators = {}

    def load(self, name):
        """Create what is missing of a data file: (items created in its section,
        items created inside them)."""
        return self.load_data(read(name), name)

    def load_data(self, data, name):
        """Create what is missing of the data of a file called ``name``."""
        section = self.portal.unrestrictedTraverse(data["section"])
        created, inside = 0, 0
        for item in data["items"]:
            count = self.create_item(section, item, data, name)
            if count:
                created += 1
                inside += count - 1
        return created, inside

    def create_item(self, container, item, data, name):
        """Create the item and what it contains: how many items were created.
        Everything is checked first: refused data create nothing."""
        item_id = item["id"]
        if item_id in container.objectIds():
            return 0
        try:
            portal_type = item.get("portal_type", data["portal_type"])
            owner = item.get("owner", data["owner"])
            given = {**data.get("defaults", {}), **item}
            fields, extras = self.split(portal_type, given)
            values = self.field_values(container, portal_type, item_id, fields)
            dates = {
                key: zope_date(item[key], self.today) for key in DATES if key in item
            }
        except CellError as error:
            raise DemoDataError(f"{name}.json, « {item_id} » : {error}")
        with api.env.adopt_user(username=owner):
            obj = api.content.create(
                container=container,
                type=portal_type,
                id=item_id,
                safe_id=False,
                **values,
            )
        for key, when in dates.items():
            DATES[key](obj, when)
        reach_state(obj, item.get("state"), owner, item.get("comment", ""))
        # Once it is in its state: a chantier takes offers once it is published.
        if extras:
            self.extras[portal_type][1](obj, extras)
        obj.reindexObject(idxs=DATE_INDEXES)
        return 1 + sum(
            self.create_item(obj, child, data, name) for child in item.get("items", ())
        )

    def split(self, portal_type, given):
        """The fields of an item, and its extras (what its type's function applies)."""
        names = fields_of(portal_type) - ITEM_KEYS
        given = {key: value for key, value in given.items() if key not in ITEM_KEYS}
        fields = {key: value for key, value in given.items() if key in names}
        extras = {key: value for key, value in given.items() if key not in names}
        known, _apply = self.extras.get(portal_type, ((), None))
        unknown = sorted(set(extras) - set(known))
        if unknown:
            raise CellError(f"{portal_type} n'a pas de champ {', '.join(unknown)}.")
        return fields, extras

    def validator(self, container, portal_type):
        key = ("/".join(container.getPhysicalPath()), portal_type)
        if key not in self.validators:
            self.validators[key] = RowValidator(
                container, portal_type, columns=fields_of(portal_type)
            )
        return self.validators[key]

    def field_values(self, container, portal_type, item_id, fields):
        """The values of the fields, each checked by its field, then together by
        the invariants of the schemas; a CellError says all that is wrong."""
        validator = self.validator(container, portal_type)
        values, errors = {}, []
        for field_name, raw in fields.items():
            _schema, bound = validator.fields[field_name]
            try:
                values[field_name] = self.value(validator, bound, raw, item_id, fields)
            except CellError as error:
                errors.append(f"{field_name} : {error}")
        if not errors:
            errors = validator.invariant_errors(values, None)
        if errors:
            raise CellError(" ".join(errors))
        return values

    def value(self, validator, bound, raw, item_id, fields):
        """The value of a field from the data, checked by the field."""
        if IRelationList.providedBy(bound):
            return [self.relation(bound.value_type, path) for path in raw]
        if IRelationChoice.providedBy(bound):
            return self.relation(bound, raw)
        if IRichText.providedBy(bound):
            value = RichTextValue(raw, bound.default_mime_type, bound.output_mime_type)
        elif INamedField.providedBy(bound):
            value = drawn_file(bound, raw, item_id, fields.get("title", item_id))
        elif IDatetime.providedBy(bound):
            value = PARIS.localize(moment(raw, self.today))
        elif IDate.providedBy(bound):
            value = moment(raw, self.today).date()
        elif ITime.providedBy(bound):
            try:
                value = time.fromisoformat(raw)
            except (TypeError, ValueError):
                raise CellError(f"heure illisible « {raw} » : « 14:30 ».")
        elif ICollection.providedBy(bound) and raw == []:
            # The data's empty list stays one (an empty cell of the import is the
            # field's missing value).
            value = []
        else:
            if IInt.providedBy(bound) and isinstance(raw, str):
                match = RELATIVE_YEAR.match(raw.strip())
                if match:
                    raw = self.today.year + int(match.group(1))
            return validator.convert(bound, raw)
        check(bound, value)
        return value

    def relation(self, bound, path):
        """A relation to the item at ``path``, which the field's source must hold."""
        target = self.portal.unrestrictedTraverse(path, None)
        if target is None:
            raise CellError(f"« {path} » n'existe pas sur le site.")
        check(bound, target)
        return RelationValue(getUtility(IIntIds).getId(target))


def check(bound, value):
    try:
        bound.validate(value)
    except ValidationError as error:
        raise CellError(describe(bound, error, value))


def fields_of(portal_type):
    """The names of the fields of a type (of its schema and behaviors)."""
    return {
        name
        for schema in iterSchemataForType(portal_type)
        for name in getFieldNames(schema)
    }


def drawn_file(bound, spec, item_id, title):
    """A file the data describes (``{"pdf": [paragraphs]}``...), drawn in memory."""
    if not isinstance(spec, dict) or len(spec) != 1 or set(spec) - set(DRAWN_FILES):
        raise CellError(
            'un fichier s\'écrit {"pdf": [paragraphes]}, {"odt": [paragraphes]}, '
            '{"ods": [lignes]} ou {"png": {"sky": [r, v, b], "walls": [r, v, b]}}.'
        )
    ((kind, content),) = spec.items()
    media_type, make = DRAWN_FILES[kind]
    return bound._type(
        data=make(title, content), filename=f"{item_id}.{kind}", contentType=media_type
    )


def reach_state(obj, state, owner, comment=""):
    """Bring the item to a state of its workflow: the owner submits it for review,
    the current user (a Manager) takes the other transitions."""
    if not state or state == api.content.get_state(obj):
        return
    if state == "pending":
        with api.env.adopt_user(username=owner):
            api.content.transition(obj, to_state=state, comment=comment)
    else:
        api.content.transition(obj, to_state=state, comment=comment)
