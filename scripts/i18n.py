"""Rebuild the ``coordaction`` message catalogue and sync the French translation.

    make i18n

The portal is written in French: message ids are the French texts, so the French
catalogue starts each new message with its id, and a translator only needs to
review it. ``tests/setup/test_i18n.py`` fails when a message has no translation.
"""

from pathlib import Path
import re
import subprocess
import sys


ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "src" / "coordaction" / "policy" / "locales"
POT = LOCALES / "coordaction.pot"
FRENCH = LOCALES / "fr" / "LC_MESSAGES" / "coordaction.po"
I18NDUDE = Path(sys.executable).parent / "i18ndude"
EMPTY_TRANSLATION = re.compile(
    r'^(msgid "(?P<id>(?:[^"\\]|\\.)+)"\n)msgstr ""$', re.MULTILINE
)


def run(*args):
    subprocess.run([str(I18NDUDE), *map(str, args)], check=True, cwd=ROOT)


def fill_french(po_file):
    text = po_file.read_text(encoding="utf-8")
    filled = EMPTY_TRANSLATION.sub(
        lambda match: f'{match[1]}msgstr "{match["id"]}"', text
    )
    po_file.write_text(filled, encoding="utf-8")


def main():
    FRENCH.parent.mkdir(parents=True, exist_ok=True)
    run(
        "rebuild-pot",
        "--pot",
        POT,
        "--create",
        "coordaction",
        ROOT / "src" / "coordaction",
    )
    if not FRENCH.exists():
        FRENCH.write_text(
            POT.read_text(encoding="utf-8")
            .replace('"Language-Code: en\\n"', '"Language-Code: fr\\n"')
            .replace('"Language-Name: English\\n"', '"Language-Name: Français\\n"')
            .replace("nplurals=1; plural=0", "nplurals=2; plural=(n > 1)"),
            encoding="utf-8",
        )
    run("sync", "--pot", POT, FRENCH)
    fill_french(FRENCH)
    print(f"{POT.relative_to(ROOT)} and {FRENCH.relative_to(ROOT)} are up to date.")


if __name__ == "__main__":
    main()
