"""Read an import file into rows, each with the line of the file it starts on.

CSV: UTF-8 (with or without BOM), the first line names the columns, ``,`` or ``;``
between cells (whichever the header uses most), cells quoted with ``"`` when they
hold a separator or a line break. A row's line is its row number in a spreadsheet
(the header is 1). JSON's is the line of the text where the row's object starts. JSON: a list of objects with the same keys as
the CSV columns; list columns may be real lists, numbers real numbers.

A problem with the file as a whole (not UTF-8, broken JSON, duplicate column...)
is a ``FileError``: no row of such a file is imported.
"""

from coordaction.policy.site.spreadsheet import cell_text
from dataclasses import dataclass
from dataclasses import field
import csv
import io
import json
import re


@dataclass
class Row:
    line: int
    values: dict
    # Why the row could not be read, when it could not.
    error: str | None = None


@dataclass
class ParsedFile:
    format: str  # "csv" or "json"
    rows: list = field(default_factory=list)
    # The CSV header, in file order; None for JSON (each object has its keys).
    columns: list | None = None


class FileError(Exception):
    def __init__(self, line, message):
        super().__init__(f"ligne {line} : {message}")
        self.line = line
        self.message = message


def decode(data):
    """The text of the file, which must be UTF-8."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileError(
            line,
            "le fichier n'est pas encodé en UTF-8 : enregistrez-le au format "
            "« CSV UTF-8 » (ou « Unicode (UTF-8) » dans LibreOffice).",
        )


def guess_format(filename, text):
    name = (filename or "").lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith(".csv"):
        return "csv"
    return "json" if text.lstrip().startswith(("[", "{")) else "csv"


def read(data, filename=None):
    """A ParsedFile from the bytes (or text) of a CSV or JSON file."""
    text = decode(data)
    if not text.strip():
        raise FileError(1, "le fichier est vide.")
    if guess_format(filename, text) == "json":
        return read_json(text)
    return read_csv(text)


def sniff_delimiter(text):
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if header.count(";") > header.count(",") else ","


def _is_blank(cells):
    return all(not cell.strip() for cell in cells)


def read_csv(text):
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    parsed = ParsedFile("csv")
    header_line = None
    # A row's line is its row number in a spreadsheet: the header is line 1, and
    # a cell on several lines (quoted line breaks) still makes one row.
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            if _is_blank(cells):
                continue
            if parsed.columns is None:
                header_line = line
                parsed.columns = _header(cells, line)
                continue
            width = len(parsed.columns)
            if len(cells) > width and _is_blank(cells[width:]):
                cells = cells[:width]
            if len(cells) != width:
                error = (
                    f"la ligne compte {len(cells)} cellules, l'en-tête {width} : "
                    "un guillemet mal fermé, ou un séparateur de trop ?"
                )
                parsed.rows.append(Row(line, {}, error))
                continue
            cells = [cell_text(cell) for cell in cells]
            parsed.rows.append(Row(line, dict(zip(parsed.columns, cells, strict=True))))
    except csv.Error as error:
        raise FileError(line + 1, f"CSV illisible ({error}).")
    if header_line is None:
        raise FileError(1, "le fichier est vide.")
    return parsed


def _header(cells, line):
    # Spreadsheets often add empty columns at the right.
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    columns = [cell.strip().lower() for cell in cells]
    for position, name in enumerate(columns, start=1):
        if not name:
            raise FileError(
                line, f"la colonne n° {position} de l'en-tête n'a pas de nom."
            )
        if name in columns[: position - 1]:
            raise FileError(line, f"la colonne « {name} » apparaît deux fois.")
    return columns


_SPACE = re.compile(r"\s*")


def read_json(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileError(error.lineno, f"JSON illisible ({error.msg}).")
    if not isinstance(data, list):
        raise FileError(1, "le fichier JSON doit être une liste d'objets : [{…}, {…}].")
    parsed = ParsedFile("json")
    # Decode the list again, element by element, to know where each one starts.
    decoder = json.JSONDecoder()
    position = _SPACE.match(text, 0).end() + 1  # after "["
    for value in data:
        position = _SPACE.match(text, position).end()
        line = text.count("\n", 0, position) + 1
        _value, position = decoder.raw_decode(text, position)
        position = _SPACE.match(text, position).end() + 1  # after "," or "]"
        if isinstance(value, dict):
            values = {str(key).strip().lower(): cell for key, cell in value.items()}
            parsed.rows.append(Row(line, values))
        else:
            error = "chaque élément de la liste doit être un objet {…}."
            parsed.rows.append(Row(line, {}, error))
    return parsed
