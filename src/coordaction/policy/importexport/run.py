"""Import rows into a section of the site, and export its items in the same columns.

Every row is checked completely before anything is written (``validate``); a bad
row is reported with its line and skipped, the good ones are written. Each row is
written inside a savepoint: if writing it fails half-way (a subscriber, a
conflict...), that row is rolled back and reported, the others stay. The caller
commits (the console script) or the publisher does (the page).

A row finds the item it updates by its ``external_id``, kept on the item (items
created on the site have none: their UID stands for it in the export). Running the
same file again changes nothing; a changed cell updates that item only.

The state column is set directly on the item's workflow, with an entry in its
history, and not through a transition: a migration of thousands of items must not
send a notification e-mail per item.
"""

from coordaction.policy.importexport import parse
from coordaction.policy.importexport.columns import EXTERNAL_ID
from coordaction.policy.importexport.columns import EXTERNAL_ID_ATTRIBUTE
from coordaction.policy.importexport.columns import LIST_SEPARATOR
from coordaction.policy.importexport.columns import STATE
from coordaction.policy.importexport.columns import column_names
from coordaction.policy.importexport.validate import RowValidator
from coordaction.policy.importexport.validate import current_state
from coordaction.policy.importexport.validate import external_id_of_item
from coordaction.policy.site.spreadsheet import spreadsheet_cell
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from DateTime import DateTime
from plone.dexterity.utils import addContentToContainer
from plone.dexterity.utils import createContent
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import getToolByName
from ZODB.POSException import ConflictError
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
import csv
import io
import json
import logging
import transaction


logger = logging.getLogger(__name__)
HISTORY_COMMENT = "État fixé par un import de fichier."
STATE_INDEXES = ("review_state", "effective", "effectiveRange")


@dataclass
class Report:
    portal_type: str
    dry_run: bool = False
    # The external ids of the items, in file order.
    created: list = dataclass_field(default_factory=list)
    updated: list = dataclass_field(default_factory=list)
    unchanged: list = dataclass_field(default_factory=list)
    # (line, French message); a row may have several.
    errors: list = dataclass_field(default_factory=list)

    @property
    def refused_lines(self):
        return sorted({line for line, _message in self.errors})

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        refused = len(self.refused_lines)
        if self.dry_run:
            return (
                "Simulation, rien n'a été enregistré. "
                f"À créer : {len(self.created)} ; à mettre à jour : {len(self.updated)} ; "
                f"inchangés : {len(self.unchanged)} ; lignes refusées : {refused}."
            )
        return (
            f"Créés : {len(self.created)} ; mis à jour : {len(self.updated)} ; "
            f"inchangés : {len(self.unchanged)} ; lignes refusées : {refused}."
        )

    def error_lines(self):
        return [f"ligne {line} : {message}" for line, message in self.errors]

    def lines(self):
        return [self.summary(), *self.error_lines()]


# -- reading the items ---------------------------------------------------------


def items_of(container, portal_type):
    """The items of a type in the container (and its folders), oldest first."""
    catalog = getToolByName(container, "portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=portal_type, path="/".join(container.getPhysicalPath())
    )
    items = [brain._unrestrictedGetObject() for brain in brains]
    # The catalog keeps creation dates to the minute: sort on the items' own.
    return sorted(items, key=lambda obj: (obj.created(), obj.getPhysicalPath()))


def items_by_external_id(container, portal_type):
    return {external_id_of_item(obj): obj for obj in items_of(container, portal_type)}


def token_of(bound, value):
    vocabulary = getattr(bound, "vocabulary", None)
    if vocabulary is not None:
        try:
            return vocabulary.getTerm(value).token
        except LookupError:
            pass
    return str(value)


def to_cell(bound, value):
    """The value as the JSON export writes it (the CSV writes the same, flattened)."""
    if ICollection.providedBy(bound):
        return [to_cell(bound.value_type, item) for item in value or ()]
    if IChoice.providedBy(bound):
        return None if value is None else token_of(bound, value)
    if IBool.providedBy(bound):
        return bool(value)
    if IInt.providedBy(bound) or IFloat.providedBy(bound):
        return value
    return "" if value is None else str(value)


def read_item(validator, obj):
    """{column: cell} of an item."""
    row = {EXTERNAL_ID: external_id_of_item(obj)}
    for name in validator.columns:
        if name in (EXTERNAL_ID, STATE):
            continue
        schema, bound = validator.fields[name]
        row[name] = to_cell(bound, getattr(schema(obj), name, None))
    row[STATE] = current_state(obj)
    return {name: row[name] for name in validator.columns}


# -- import --------------------------------------------------------------------


def import_file(
    container,
    portal_type,
    data,
    filename=None,
    dry_run=False,
    commit_every=None,
    on_commit=None,
):
    """Parse a CSV or JSON file (bytes) and import its rows: a Report.
    ``commit_every``, ``on_commit``: see ``import_rows``."""
    report = Report(portal_type, dry_run=dry_run)
    try:
        parsed = parse.read(data, filename)
    except parse.FileError as error:
        report.errors.append((error.line, error.message))
        return report
    if parsed.columns is not None:
        validator = RowValidator(container, portal_type)
        unknown = validator.unknown_columns(parsed.columns)
        if unknown:  # a misspelt column would silently lose its data: refuse all
            report.errors.append((1, validator.unknown_columns_message(unknown)))
            return report
        if EXTERNAL_ID not in parsed.columns:
            report.errors.append(
                (
                    1,
                    f"la colonne « {EXTERNAL_ID} » est obligatoire : rien n'est importé.",
                )
            )
            return report
    return import_rows(
        container,
        portal_type,
        parsed.rows,
        dry_run,
        report=report,
        commit_every=commit_every,
        on_commit=on_commit,
    )


def _as_rows(rows):
    for position, row in enumerate(rows, start=2):
        if isinstance(row, parse.Row):
            yield row
        elif isinstance(row, tuple):
            yield parse.Row(*row)
        else:  # a dict: its line is its position after a header
            yield parse.Row(position, row)


def import_rows(
    container,
    portal_type,
    rows,
    dry_run=False,
    report=None,
    commit_every=None,
    on_commit=None,
):
    """Import rows (``parse.Row``, ``(line, dict)`` or dicts) into the container.

    Returns a Report: the external ids created, updated and unchanged, and the
    errors ``(line, message)`` of the refused rows. With ``dry_run``, everything is
    checked and counted, and nothing is written.

    ``commit_every`` (the console script, never a web request): commit after that
    many written rows, so that a large import stopped half-way (a crash, a kill)
    keeps what it wrote, whole rows only, and the same file run again goes on
    where it stopped (the rows already written are found unchanged). ``on_commit``
    is called with the number of rows written after each of these commits."""
    report = report or Report(portal_type, dry_run=dry_run)
    written = 0
    validator = RowValidator(container, portal_type)
    index = items_by_external_id(container, portal_type)
    seen = {}  # external id: line
    for row in _as_rows(rows):
        external_id = validator.external_id_of(row.values) if not row.error else None
        if external_id is not None:
            if external_id in seen:
                report.errors.append(
                    (
                        row.line,
                        f"{EXTERNAL_ID} : « {external_id} » est déjà celui de la "
                        f"ligne {seen[external_id]}.",
                    )
                )
                continue
            seen[external_id] = row.line
        existing = index.get(external_id)
        checked = validator.check(row, existing)
        if not checked.ok:
            report.errors.extend((row.line, message) for message in checked.errors)
            continue
        if existing is None:
            outcome = report.created
            changes = checked.values
        else:
            changes = changed_values(validator, existing, checked.values)
            state_changes = checked.state not in (None, current_state(existing))
            outcome = report.updated if changes or state_changes else report.unchanged
        if dry_run or outcome is report.unchanged:
            outcome.append(external_id)
            continue
        # Index what the previous rows queued first: rolling a savepoint back empties
        # CMFCore's indexing queue (its data manager that joined after the
        # savepoint is aborted), which would lose the indexing of earlier rows.
        processQueue()
        savepoint = transaction.savepoint()
        try:
            if existing is None:
                index[external_id] = create(
                    container, portal_type, external_id, changes, checked.state
                )
            else:
                update(validator, existing, changes, checked.state)
        except ConflictError:
            raise
        except Exception as error:
            savepoint.rollback()
            logger.exception("Import: line %s not written", row.line)
            report.errors.append(
                (
                    row.line,
                    f"l'enregistrement a échoué ({type(error).__name__} : {error}) ; "
                    "rien n'a été écrit pour cette ligne.",
                )
            )
            if existing is None:
                index.pop(external_id, None)
            continue
        outcome.append(external_id)
        written += 1
        if commit_every and written % commit_every == 0:
            transaction.get().note(f"import: {written} lignes")
            transaction.commit()
            if on_commit is not None:
                on_commit(written)
    return report


def changed_values(validator, obj, values):
    changes = {}
    for name, value in values.items():
        schema, bound = validator.fields[name]
        current = getattr(schema(obj), name, None)
        if to_cell(bound, current) != to_cell(bound, value):
            changes[name] = value
    return changes


def create(container, portal_type, external_id, values, state):
    """A new item, named after its title as the add form names it."""
    content = createContent(portal_type, **values)
    setattr(content, EXTERNAL_ID_ATTRIBUTE, external_id)
    obj = addContentToContainer(container, content)
    if state and state != current_state(obj):
        set_state(obj, state)
    return obj


def update(validator, obj, changes, state):
    if changes:
        by_schema = {}
        for name, value in changes.items():
            schema, _bound = validator.fields[name]
            setattr(schema(obj), name, value)
            by_schema.setdefault(schema, []).append(name)
        notify(
            ObjectModifiedEvent(
                obj,
                *(Attributes(schema, *names) for schema, names in by_schema.items()),
            )
        )
        obj.reindexObject()
    if state and state != current_state(obj):
        set_state(obj, state)


def set_state(obj, state):
    """Put the item in a state of its workflow, with a line in its history."""
    from plone import api

    workflow_tool = getToolByName(obj, "portal_workflow")
    user = api.user.get_current()
    for workflow in workflow_tool.getWorkflowsFor(obj):
        if state not in workflow.states:
            raise ValueError(f"l'état « {state} » n'existe pas dans {workflow.id}")
        workflow_tool.setStatusOf(
            workflow.id,
            obj,
            {
                workflow.state_var: state,
                "action": None,
                "actor": user.getId() if user is not None else None,
                "comments": HISTORY_COMMENT,
                "time": DateTime(),
            },
        )
        workflow.updateRoleMappingsFor(obj)
    if state == "published" and not obj.effective_date:
        obj.setEffectiveDate(DateTime())
    if obj.objectIds():
        # Its photos' permissions follow the sheet: reindex them too.
        obj.reindexObject(idxs=STATE_INDEXES)
        obj.reindexObjectSecurity()
    else:
        obj.reindexObject(idxs=(*STATE_INDEXES, "allowedRolesAndUsers"))


# -- export --------------------------------------------------------------------


def export_rows(container, portal_type):
    """The items of the container as rows {column: value}, in the import columns."""
    validator = RowValidator(container, portal_type)
    return [read_item(validator, obj) for obj in items_of(container, portal_type)]


def csv_cell(value):
    """A value as the text of its cell; a text a spreadsheet would run as a
    formula (a title "=HYPERLINK(…)" sent by the public) stays text."""
    if isinstance(value, list):
        return spreadsheet_cell(LIST_SEPARATOR.join(str(item) for item in value))
    if isinstance(value, bool):
        return "oui" if value else "non"
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_cell(value)
    return str(value)


def write_csv(rows, portal_type, delimiter=","):
    """The rows as CSV text (UTF-8 once encoded), the header first."""
    columns = column_names(portal_type)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(name)) for name in columns])
    return out.getvalue()


def write_json(rows, portal_type=None):
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


WRITERS = {"csv": write_csv, "json": write_json}
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}


def export_file(container, portal_type, file_format):
    """The text of the export, in ``csv`` or ``json``."""
    return WRITERS[file_format](export_rows(container, portal_type), portal_type)
