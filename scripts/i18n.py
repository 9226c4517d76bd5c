"""Rebuild the ``coordaction`` message catalogue and sync its translations.

    make i18n

Message ids are English texts (the English default of each message). This script
extracts them into ``coordaction.pot`` (i18ndude), then syncs the two catalogues:

- ``en``: each msgid is its own English translation (filled in);
- ``fr``: a new msgid gets its French text from ``scripts/english_msgids.tsv``
  when the table knows it; otherwise it stays empty for a translator to write
  (``tests/setup/test_i18n.py`` fails until it is).

``scripts/english_msgids.py`` turns French msgids (as other branches may still add
them) into English ones, then runs this script.
"""

from pathlib import Path
import ast
import re
import subprocess
import sys


ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "src" / "coordaction" / "policy" / "locales"
POT = LOCALES / "coordaction.pot"
LANGUAGES = {
    "fr": ("Français", "nplurals=2; plural=(n > 1)"),
    "en": ("English", "nplurals=2; plural=(n != 1)"),
}
I18NDUDE = Path(sys.executable).parent / "i18ndude"
# An entry without translation: its msgid (on one line or several), an empty msgstr.
EMPTY_TRANSLATION = re.compile(
    r'^(msgid (?P<id>(?:"(?:[^"\\\n]|\\.)*"\n)+))msgstr ""(?=\n\n|\n?\Z)', re.MULTILINE
)
# i18ndude writes a msgid with line breaks as it is, breaks included.
RAW_MULTILINE_MSGID = re.compile(r'^msgid "((?:[^"\\]|\\.)*)"$', re.MULTILINE)


def catalogue(language, domain="coordaction"):
    return LOCALES / language / "LC_MESSAGES" / f"{domain}.po"


def run(*args):
    subprocess.run([str(I18NDUDE), *map(str, args)], check=True, cwd=ROOT)


def unquote(quoted):
    """The text of one or several quoted PO lines."""
    return "".join(
        ast.literal_eval(line) for line in quoted.splitlines() if line.strip()
    )


def quote(text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n") + '"'


def split_multiline_msgids(path):
    """Write the msgids i18ndude left with raw line breaks as PO strings, one line
    per line of the message, so that sync and the catalogues keep them."""

    def split(match):
        if "\n" not in match[1]:
            return match[0]
        lines = match[1].split("\n")
        pieces = [line + "\\n" for line in lines[:-1]] + [lines[-1]] * bool(lines[-1])
        return 'msgid ""\n' + "\n".join(f'"{piece}"' for piece in pieces)

    text = path.read_text(encoding="utf-8")
    path.write_text(RAW_MULTILINE_MSGID.sub(split, text), encoding="utf-8")


def fill(po_file, translation):
    """Write ``translation(msgid)`` into the empty translations it knows."""
    text = po_file.read_text(encoding="utf-8")

    def filled(match):
        found = translation(unquote(match["id"]))
        return f"{match[1]}msgstr {quote(found)}" if found else match[0]

    po_file.write_text(EMPTY_TRANSLATION.sub(filled, text), encoding="utf-8")


def table():
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from english_msgids import load_table

    return load_table()


ENTRY = re.compile(
    r'^msgid ((?:"(?:[^"\\\n]|\\.)*"\n)+)msgstr ((?:"(?:[^"\\\n]|\\.)*"(?:\n|\Z))+)',
    re.MULTILINE,
)


def entries(path):
    """{msgid: msgstr} of a .pot or .po file."""
    return {
        unquote(match[1]): unquote(match[2])
        for match in ENTRY.finditer(path.read_text(encoding="utf-8"))
        if unquote(match[1])
    }


def french_msgids_unknown_to(known):
    """The msgids of the template that are neither an English msgid of the table
    nor translated into French: French msgids added since the table was written
    (or new English ones waiting for their French text)."""
    english = set(known.values())
    french = entries(catalogue("fr"))
    return [
        msgid
        for msgid in entries(POT)
        if msgid not in english and (msgid in known or not french.get(msgid))
    ]


def set_header(po_file, language):
    """The header's language, plural rule and domain (i18ndude leaves templates'
    placeholders in a new catalogue)."""
    name, plurals = LANGUAGES[language]
    text = po_file.read_text(encoding="utf-8")
    header, separator, entries = text.partition("\n\n")
    for field, value in (
        ("Plural-Forms", plurals),
        ("Language-Code", language),
        ("Language-Name", name),
        ("Domain", "coordaction"),
    ):
        header = re.sub(
            rf'^"{field}: .*"$',
            lambda _match, line=f'"{field}: {value}\\n"': line,
            header,
            flags=re.MULTILINE,
        )
    po_file.write_text(header + separator + entries, encoding="utf-8")


def main():
    run(
        "rebuild-pot",
        "--pot",
        POT,
        "--create",
        "coordaction",
        ROOT / "src" / "coordaction",
    )
    split_multiline_msgids(POT)
    for language in LANGUAGES:
        po_file = catalogue(language)
        po_file.parent.mkdir(parents=True, exist_ok=True)
        if not po_file.exists():
            po_file.write_text(POT.read_text(encoding="utf-8"), encoding="utf-8")
        run("sync", "--pot", POT, po_file)
        set_header(po_file, language)
    known = table()
    french = {english: french for french, english in known.items()}
    # A French msgid not yet made English (scripts/english_msgids.py) is its own
    # French text; an English one takes the table's.
    fill(
        catalogue("fr"),
        lambda msgid: french.get(msgid) or (msgid if msgid in known else None),
    )
    fill(
        catalogue("en"),
        lambda msgid: None if known.get(msgid, msgid) != msgid else msgid,
    )
    print(f"{POT.relative_to(ROOT)} and its fr and en catalogues are up to date.")


if __name__ == "__main__":
    main()
