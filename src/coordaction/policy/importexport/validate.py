"""Convert the cells of a row to field values, and check them with the types' own
schemas: the field's type, its vocabulary, its constraint (our validators), its
bounds, and the invariants of the schema (département in its région, move-in year
of a lived-in project...). No rule is written twice: what the edit form refuses,
the import refuses, with the same French message.
"""

from coordaction.content.i18n import in_request_language
from coordaction.content.validators import FrenchValidationError
from coordaction.policy.importexport.columns import EXTERNAL_ID
from coordaction.policy.importexport.columns import EXTERNAL_ID_ATTRIBUTE
from coordaction.policy.importexport.columns import IMPORT_STATES
from coordaction.policy.importexport.columns import LIST_SEPARATOR
from coordaction.policy.importexport.columns import STATE
from coordaction.policy.importexport.columns import column_names
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from plone.dexterity.utils import iterSchemataForType
from plone.schema.email import InvalidEmail
from types import SimpleNamespace
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import InvalidURI
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import TooSmall
from zope.schema.interfaces import ValidationError
from zope.schema.interfaces import WrongContainedType
from zope.schema.interfaces import WrongType
import math
import unicodedata


TRUE = {"oui", "o", "true", "vrai", "1", "yes", "y", "x"}
FALSE = {"non", "n", "false", "faux", "0", "no"}
STATE_ALIASES = {
    "publie": "published",
    "publiee": "published",
    "public": "published",
    "brouillon": "private",
    "prive": "private",
    "privee": "private",
}


def fr(message):
    """A message in French: our messages ids are French, zope's get translated."""
    if message is None:
        return ""
    return in_request_language(message)


def fold(text):
    """Lower case, without accents: to compare what people type."""
    decomposed = unicodedata.normalize("NFKD", str(text).strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class CellError(Exception):
    """A cell that cannot be converted or is refused; ``str`` is the French reason."""


@dataclass
class CheckedRow:
    line: int
    external_id: str | None = None
    values: dict = dataclass_field(default_factory=dict)  # field name: value
    state: str | None = None
    errors: list = dataclass_field(default_factory=list)  # French messages

    @property
    def ok(self):
        return not self.errors


def existing_value(schema, obj, name):
    return getattr(schema(obj), name, None)


class RowValidator:
    """Checks the rows of one type, for one container.

    ``columns``: the field names a row may have; by default, the documented
    columns of the type (``columns.py``). The demo content passes its own."""

    def __init__(self, container, portal_type, columns=None):
        self.container = container
        self.portal_type = portal_type
        self.columns = (
            list(columns) if columns is not None else column_names(portal_type)
        )
        self.schemata = list(iterSchemataForType(portal_type))
        self.fields = {}  # column: (schema, field bound to the container)
        for schema in self.schemata:
            for name, schema_field in getFieldsInOrder(schema):
                if name in self.columns and name not in self.fields:
                    self.fields[name] = (schema, schema_field.bind(container))
        missing = set(self.columns) - set(self.fields) - {EXTERNAL_ID, STATE}
        if missing:  # a column documented without its field: a bug, not a bad row
            raise LookupError(f"{portal_type} has no field {sorted(missing)}")
        # Only the schemata with invariants need the whole item to be checked.
        self.invariant_schemata = [
            schema
            for schema in self.schemata
            if any(base.queryDirectTaggedValue("invariants") for base in schema.__iro__)
        ]

    # -- the file -------------------------------------------------------------

    def unknown_columns(self, names):
        return [name for name in names if name not in self.columns]

    def unknown_columns_message(self, unknown):
        listed = ", ".join(f"« {name} »" for name in unknown)
        word = "colonne inconnue" if len(unknown) == 1 else "colonnes inconnues"
        return f"{word} : {listed} (colonnes possibles : {', '.join(self.columns)})."

    # -- one row --------------------------------------------------------------

    def external_id_of(self, values):
        raw = values.get(EXTERNAL_ID)
        if raw is None or isinstance(raw, (dict, list, bool)):
            return None
        return str(raw).strip() or None

    def check(self, row, existing=None):
        """A CheckedRow: the converted values of the cells the row has, or its errors.

        ``existing`` is the item the row updates: its values stand in for the
        columns the row does not have, when the invariants are checked."""
        checked = CheckedRow(row.line)
        if row.error:
            checked.errors.append(row.error)
            return checked
        unknown = self.unknown_columns(row.values)
        if unknown:
            checked.errors.append(self.unknown_columns_message(unknown))
        checked.external_id = self.external_id_of(row.values)
        if checked.external_id is None:
            checked.errors.append(
                f"{EXTERNAL_ID} : obligatoire : l'identifiant stable de la ligne dans "
                "la base d'origine."
            )
        elif "\n" in checked.external_id or len(checked.external_id) > 200:
            checked.errors.append(
                f"{EXTERNAL_ID} : une seule ligne de 200 caractères au plus."
            )
        if STATE in row.values:
            try:
                checked.state = self.convert_state(row.values[STATE], existing)
            except CellError as error:
                checked.errors.append(f"{STATE} : {error}")
        for name, (_schema, bound) in self.fields.items():
            if name in row.values:
                try:
                    checked.values[name] = self.convert(bound, row.values[name])
                except CellError as error:
                    checked.errors.append(f"{name} : {error}")
            elif existing is None:
                # A new item gets the defaults of the columns the file has not got.
                default = _copy(bound.default)
                if bound.required and default in (None, bound.missing_value):
                    checked.errors.append(f"{name} : obligatoire (colonne absente).")
                else:
                    checked.values[name] = default
        if not checked.errors:
            checked.errors.extend(self.invariant_errors(checked.values, existing))
        return checked

    def convert_state(self, raw, existing):
        state = fold(raw) if isinstance(raw, str) else None
        if not state:
            return None
        state = STATE_ALIASES.get(state, state)
        if state in IMPORT_STATES:
            return state
        if existing is not None and state == current_state(existing):
            return state  # another state an export wrote: kept as it is
        raise CellError(
            f"état inconnu « {raw} » : indiquez published (publié) ou private "
            "(brouillon)."
        )

    def convert(self, bound, raw):
        """The value of a cell, checked by the field (type, vocabulary, constraint)."""
        value = self.empty_value(bound) if _is_empty(raw) else self.to_value(bound, raw)
        try:
            bound.validate(value)
        except ValidationError as error:
            raise CellError(describe(bound, error, value))
        return value

    def empty_value(self, bound):
        if IBool.providedBy(bound):
            return False
        if bound.required and bound.default is not None:
            return bound.default  # a required field with a default, as the licence
        return _copy(bound.missing_value)

    def to_value(self, bound, raw):
        if IChoice.providedBy(bound):
            return choice_value(bound, raw)
        if ICollection.providedBy(bound):
            if isinstance(raw, str):
                items = [item.strip() for item in raw.split(LIST_SEPARATOR)]
            elif isinstance(raw, (list, tuple)):
                items = [
                    item.strip() if isinstance(item, str) else item for item in raw
                ]
            else:
                raise CellError(
                    f"une liste est attendue (valeurs séparées par {LIST_SEPARATOR})."
                )
            items = [item for item in items if not _is_empty(item)]
            values = [self.to_value(bound.value_type, item) for item in items]
            return bound._type(values) if isinstance(bound._type, type) else values
        if isinstance(raw, (dict, list)):
            raise CellError("une seule valeur est attendue, pas une liste.")
        if IBool.providedBy(bound):
            return bool_value(raw)
        if IInt.providedBy(bound):
            return int_value(raw)
        if IFloat.providedBy(bound):
            return float_value(raw)
        return str(raw).replace("\r\n", "\n").replace("\r", "\n").strip()

    def invariant_errors(self, values, existing):
        """The French messages of the schema invariants, for the whole item the row
        describes: its cells, and otherwise what the item has (or the defaults)."""
        errors = []
        for schema in self.invariant_schemata:
            data = {}
            for name, schema_field in getFieldsInOrder(schema):
                if name in values:
                    data[name] = values[name]
                elif existing is not None:
                    data[name] = existing_value(schema, existing, name)
                else:
                    data[name] = _copy(schema_field.bind(self.container).default)
            problems = []
            try:
                schema.validateInvariants(SimpleNamespace(**data), problems)
            except Invalid:
                pass
            for problem in problems:
                message = problem.args[0] if problem.args else problem
                errors.append(fr(message))
        return errors


def _copy(value):
    return list(value) if isinstance(value, (list, tuple)) else value


def _is_empty(raw):
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, (list, tuple)):
        return not raw
    return False


def current_state(obj):
    from plone import api

    return api.content.get_state(obj, default=None)


def choice_value(bound, raw):
    """The vocabulary value of a token; also the French title, and the code a
    spreadsheet shortened (1 for 01)."""
    vocabulary = bound.vocabulary
    if vocabulary is None:  # an unbound named vocabulary: cannot happen once bound
        raise CellError("liste de valeurs introuvable.")
    token = str(raw).strip()
    candidates = [token]
    if token.isdigit() and len(token) == 1:
        candidates.append(token.zfill(2))
    for candidate in candidates:
        try:
            return vocabulary.getTermByToken(candidate).value
        except LookupError:
            pass
    folded = fold(token)
    for term in vocabulary:
        if folded in (fold(term.token), fold(fr(term.title or ""))):
            return term.value
    tokens = [term.token for term in vocabulary]
    possible = ", ".join(tokens[:12]) + (", …" if len(tokens) > 12 else "")
    raise CellError(f"valeur inconnue « {token} » (valeurs possibles : {possible}).")


def bool_value(raw):
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    folded = fold(raw)
    if folded in TRUE:
        return True
    if folded in FALSE:
        return False
    raise CellError(f"« {raw} » : indiquez oui ou non.")


def int_value(raw):
    if isinstance(raw, bool):
        raise CellError(f"« {raw} » n'est pas un nombre entier.")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    text = str(raw).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        number = None
    if number is not None and number.is_integer():
        return int(number)  # "2013.0", as some spreadsheets write it
    raise CellError(f"« {raw} » n'est pas un nombre entier.")


def float_value(raw):
    if isinstance(raw, bool):
        raise CellError(f"« {raw} » n'est pas un nombre.")
    if isinstance(raw, (int, float)):
        number = float(raw)
    else:
        text = str(raw).strip().replace("\xa0", "").replace(" ", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise CellError(
                f"« {raw} » n'est pas un nombre décimal (par exemple 45.7578)."
            )
    if not math.isfinite(number):
        raise CellError(f"« {raw} » n'est pas un nombre décimal (par exemple 45.7578).")
    return number


def describe(bound, error, value):
    """A French reason for a zope.schema ValidationError. Our validators give
    theirs; zope.schema's own errors get one that names the bound or the value."""
    if isinstance(error, FrenchValidationError):
        return error.doc()
    if isinstance(error, RequiredMissing):
        return "obligatoire."
    if isinstance(error, TooSmall):
        return f"{value} est trop petit : {bound.min} au moins."
    if isinstance(error, TooBig):
        return f"{value} est trop grand : {bound.max} au plus."
    if isinstance(error, TooLong):
        return f"texte trop long : {bound.max_length} caractères au plus."
    if isinstance(error, WrongContainedType) and error.errors:
        inner = error.errors[0]
        return describe(bound.value_type, inner, getattr(inner, "value", None))
    if isinstance(error, InvalidURI):
        return (
            f"« {value} » n'est pas une adresse web (par exemple https://exemple.org)."
        )
    if isinstance(error, InvalidEmail):
        return f"« {value} » n'est pas une adresse de courriel."
    if isinstance(error, ConstraintNotSatisfied):
        if isinstance(value, str) and "\n" in value:
            return "le texte doit tenir sur une ligne."
        return f"valeur refusée : « {value} »."
    if isinstance(error, WrongType):
        return f"type de valeur inattendu : « {value} »."
    return fr(error.doc())


def external_id_of_item(obj):
    """The external id of an item: the one it was imported with, or its UID."""
    return getattr(obj, EXTERNAL_ID_ATTRIBUTE, None) or obj.UID()
