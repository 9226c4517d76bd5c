"""Turn the French msgids of the ``coordaction`` domain into English msgids.

    .venv/bin/python scripts/english_msgids.py        # or: make english-msgids

The portal was written with French texts as msgids. This script replaces each
French msgid found in the table ``scripts/english_msgids.tsv`` (one line per
message: the French msgid, a tab, the English msgid; a line break is written ``\\n``)
by its English msgid:

- in Python, the string given to ``_()`` (the English text is the msgid and its
  default);
- in page templates and GenericSetup XML, the content of an ``i18n:translate``
  element (its ``i18n:name`` children kept as they are) and the attributes named in
  ``i18n:attributes``, where the element is in the ``coordaction`` domain;
- in ZCML of the ``coordaction`` domain, the ``title`` and ``description`` attributes;
- in the French catalogue, whose entry keeps its French text as the translation of
  the English msgid.

Then it rebuilds the catalogues as ``make i18n`` does (scripts/i18n.py): the French
catalogue translates every English msgid of the table into its French text.

It can be run again at any time (after merging branches that added French msgids):
what is already English is left alone. French msgids that the table does not know
yet are listed at the end: add a line to the table for each, and run it again.
"""

from pathlib import Path
import ast
import html
import io
import re
import subprocess
import sys
import tokenize


ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "coordaction"
TABLE = Path(__file__).resolve().parent / "english_msgids.tsv"
DOMAIN = "coordaction"


def load_table(path=TABLE):
    """The table: {French msgid: English msgid}, checked so that a second run
    changes nothing (no English msgid is another message's French msgid, and no two
    French msgids share an English one)."""
    table = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        french, _tab, english = (
            part.replace("\\n", "\n") for part in line.partition("\t")
        )
        if not english:
            raise SystemExit(f"{path.name}:{number}: no tab between French and English")
        if french in table:
            raise SystemExit(f"{path.name}:{number}: « {french} » is there twice")
        table[french] = english
    english_to_french = {}
    for french, english in table.items():
        if english in english_to_french:
            raise SystemExit(
                f"{path.name}: « {english} » translates both « {french} » and "
                f"« {english_to_french[english]} »: give them different English texts"
            )
        english_to_french[english] = french
        if english in table and english != french:
            raise SystemExit(
                f"{path.name}: « {english} » is both an English msgid and a French "
                "one: a second run would change it again"
            )
    return table


# --- Python: the first argument of _() ---------------------------------------


def python_quote(text):
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n")
    if '"' in text and "'" not in text:
        return "'" + escaped + "'"
    return '"' + escaped.replace('"', '\\"') + '"'


def python_literal(text, indent):
    """The msgid as Python source: one literal, or adjacent literals, one per line
    of the message and of about 70 characters at most, aligned at ``indent``."""
    pieces = []
    for line in re.findall(r"[^\n]*\n|[^\n]+", text):
        while len(line) > 70 and " " in line[20:70]:
            cut = line.rindex(" ", 20, 70) + 1
            pieces.append(line[:cut])
            line = line[cut:]
        pieces.append(line)
    return ("\n" + " " * indent).join(python_quote(piece) for piece in pieces or [""])


def rewrite_python(text, table):
    """The source with the French msgids given to ``_()`` made English."""
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    skip = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT}
    changes = []
    for index, token in enumerate(tokens[:-2]):
        if token.type != tokenize.NAME or token.string != "_":
            continue
        if tokens[index + 1].string != "(":
            continue
        strings = []
        for following in tokens[index + 2 :]:
            if following.type == tokenize.STRING:
                strings.append(following)
            elif following.type not in skip:
                break
        if not strings or any(s.string.lstrip("rRbB")[:1] in "fF" for s in strings):
            continue
        msgid = "".join(ast.literal_eval(s.string) for s in strings)
        if msgid in table:
            changes.append((strings[0].start, strings[-1].end, table[msgid]))
    if not changes:
        return text, 0
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(position):
        return offsets[position[0] - 1] + position[1]

    for start, end, english in reversed(changes):
        literal = python_literal(english, start[1])
        text = text[: offset(start)] + literal + text[offset(end) :]
    return text, len(changes)


# --- Markup: page templates, GenericSetup XML, ZCML --------------------------

TAG = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[?!][^>]*>"
    r"|<(?P<close>/?)(?P<name>[A-Za-z_][\w:.-]*)"
    r"(?P<attrs>(?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'))?)*)\s*(?P<empty>/?)>",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?""")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
RAW_TEXT = {"script", "style"}


class Element:
    def __init__(self, match, parent, html_void):
        self.name = match["name"]
        self.start, self.open_end = match.start(), match.end()
        self.attrs_offset = match.start("attrs")
        self.attributes = {}
        for attribute in ATTRIBUTE.finditer(match["attrs"]):
            quoted = 2 if attribute[2] is not None else 3
            value = attribute[quoted]
            self.attributes[attribute[1]] = (
                value,
                self.attrs_offset + attribute.start(quoted),
                self.attrs_offset + attribute.end(quoted),
            )
        self.parent = parent
        self.children = []
        own = self.value("i18n:domain") or self.value("i18n_domain")
        self.domain = own or (parent.domain if parent else None)
        self.empty = bool(match["empty"]) or (html_void and self.name.lower() in VOID)
        self.close_start = self.end = self.open_end

    def value(self, name):
        attribute = self.attributes.get(name)
        return attribute[0] if attribute else None


def parse(text, is_html):
    """The elements of a template or an XML file, in document order."""
    elements = []
    stack = []
    position = 0
    while True:
        match = TAG.search(text, position)
        if match is None:
            break
        position = match.end()
        if match["name"] is None:
            continue
        if match["close"]:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].name == match["name"]:
                    for open_element in stack[depth:]:
                        open_element.close_start = match.start()
                        open_element.end = match.end()
                    del stack[depth:]
                    break
            continue
        element = Element(match, stack[-1] if stack else None, is_html)
        if element.parent:
            element.parent.children.append(element)
        elements.append(element)
        if element.empty:
            continue
        if element.name.lower() in RAW_TEXT:
            close = text.find(f"</{element.name}", position)
            if close != -1:
                position = close
        stack.append(element)
    return elements


def normalize(text):
    return " ".join(text.split())


def content_msgid(text, element):
    """The msgid of an ``i18n:translate=""`` element, as zope.tal makes it, and the
    source of its ``i18n:name`` children."""
    pieces, names, cursor = [], {}, element.open_end
    for child in element.children:
        pieces.append(text[cursor : child.start])
        source = text[child.start : child.end]
        name = child.value("i18n:name")
        if name:
            names[name] = source
            pieces.append("${" + name + "}")
        else:
            pieces.append(source)
        cursor = child.end
    pieces.append(text[cursor : element.close_start])
    return normalize("".join(pieces)), names


def first_markup_change(text, table, is_html, is_zcml):
    """(start, end, replacement) of the first French msgid of the file, or None."""
    for element in parse(text, is_html):
        if element.domain != DOMAIN:
            continue
        if is_zcml:
            names = ("title", "description")
        else:
            names = []
            for item in (element.value("i18n:attributes") or "").split(";"):
                words = item.split()
                if len(words) == 1:
                    names.append(words[0])
        for name in names:
            attribute = element.attributes.get(name)
            if attribute and normalize(html.unescape(attribute[0])) in table:
                english = table[normalize(html.unescape(attribute[0]))]
                return attribute[1], attribute[2], html.escape(english, quote=True)
        translate = element.attributes.get("i18n:translate")
        if translate is None or is_zcml:
            continue
        if translate[0]:
            if translate[0] in table:
                return translate[1], translate[2], table[translate[0]]
            continue
        if element.empty or any(
            name in element.attributes for name in ("tal:content", "tal:replace")
        ):
            continue
        msgid, children = content_msgid(text, element)
        if msgid not in table:
            continue
        inner = text[element.open_end : element.close_start]
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        english = re.sub(
            r"\$\{(\w+)\}",
            lambda match, children=children: children.get(match[1], match[0]),
            table[msgid],
        )
        return element.open_end, element.close_start, lead + english + trail
    return None


def rewrite_markup(text, table, is_html, is_zcml=False):
    count = 0
    while (change := first_markup_change(text, table, is_html, is_zcml)) is not None:
        start, end, replacement = change
        text = text[:start] + replacement + text[end:]
        count += 1
    return text, count


# --- The French catalogue ----------------------------------------------------

ENTRY_ID = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"(?:\n|$))+)', re.MULTILINE)


def po_string(lines):
    return "".join(
        ast.literal_eval(line) for line in re.findall(r'^(".*")$', lines, re.MULTILINE)
    )


def po_literal(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rewrite_french_catalogue(path, table):
    """The entries of French msgids become entries of their English msgids, with the
    French text they had as their translation."""
    if not path.exists():
        return 0
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    present = set()
    for block in blocks:
        match = ENTRY_ID.search(block + "\n")
        if match:
            present.add(po_string(match[1]))
    kept, count = [], 0
    for block in blocks:
        match = ENTRY_ID.search(block + "\n")
        msgid = po_string(match[1]) if match else ""
        if msgid not in table:
            kept.append(block)
            continue
        count += 1
        english = table[msgid]
        if english in present:
            continue
        present.add(english)
        french = po_string(match[2]) or msgid
        comments = block[: match.start()]
        kept.append(
            f"{comments}msgid {po_literal(english)}\nmsgstr {po_literal(french)}"
        )
    path.write_text("\n\n".join(kept), encoding="utf-8")
    return count


# --- The whole conversion ----------------------------------------------------


def source_files():
    for path in sorted(SOURCES.rglob("*")):
        if "locales" in path.parts or "static" in path.parts or not path.is_file():
            continue
        if path.suffix in (".py", ".pt", ".xml", ".zcml"):
            yield path


def to_change(table):
    """The French msgids to change: one that reads the same in both languages
    (Agenda, Contact) stays."""
    return {french: english for french, english in table.items() if french != english}


def convert(table):
    changed = {}
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            new, count = rewrite_python(text, table)
        else:
            new, count = rewrite_markup(
                text,
                table,
                is_html=path.suffix == ".pt",
                is_zcml=path.suffix == ".zcml",
            )
        if count:
            path.write_text(new, encoding="utf-8")
            changed[path] = count
    return changed


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import i18n

    table = load_table()
    changed = convert(to_change(table))
    for path, count in changed.items():
        print(f"{path.relative_to(ROOT)}: {count} message(s) made English")
    python_files = [str(path) for path in changed if path.suffix == ".py"]
    ruff = Path(sys.executable).parent / "ruff"
    if python_files and ruff.exists():
        subprocess.run([str(ruff), "format", "-q", *python_files], check=True)
    count = rewrite_french_catalogue(i18n.catalogue("fr"), to_change(table))
    print(f"{i18n.catalogue('fr').relative_to(ROOT)}: {count} entries made English")
    i18n.main()
    unknown = i18n.french_msgids_unknown_to(table)
    if unknown:
        print(
            f"\n{len(unknown)} msgid(s) look French and are not in "
            f"{TABLE.relative_to(ROOT)}: add a line for each "
            "(French, a tab, English) and run this script again:"
        )
        for msgid in unknown:
            print(f"{msgid}\t")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
