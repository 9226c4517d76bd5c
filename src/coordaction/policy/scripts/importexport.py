"""Import project sheets or resources from a CSV or JSON file, or export them.

    coordaction-import ZOPE_CONF TYPE FILE [--dry-run] [--batch N]
    coordaction-export ZOPE_CONF TYPE FILE.csv|FILE.json

TYPE is ``projets`` (fiches projets, into the « projets » section) or
``ressources`` (into the « centre-de-ressources » section). The columns are
documented in docs/import.md. The import checks every row before writing it:
refused rows are listed with their line number and reason, the others are
imported; with --dry-run nothing is saved. Running the same file again updates
the items instead of duplicating them (external_id column). The import commits
every N written rows (--batch, 100; 0: one commit at the end): stopped half-way,
it keeps whole rows only, and running the same file again goes on where it stopped. Exit status: 0, or 1
when a row was refused, 2 for a usage error.

Environment: COORDACTION_SITE_ID (default ``coordaction``), COORDACTION_ADMIN_USER,
COORDACTION_ADMIN_PASSWORD (as for ``coordaction-create-site``).
"""

from contextlib import contextmanager
from pathlib import Path
import sys
import transaction


USAGE = (
    "usage : coordaction-import ZOPE_CONF TYPE FICHIER [--dry-run] [--batch N]\n"
    "        coordaction-export ZOPE_CONF TYPE FICHIER.csv|FICHIER.json\n"
    "TYPE : projets ou ressources"
)


def _usage(message=None):
    if message:
        print(message, file=sys.stderr)
    print(USAGE, file=sys.stderr)
    return 2


def _section(key):
    from coordaction.policy.importexport.columns import SECTIONS

    return SECTIONS.get(key)


@contextmanager
def _section_folder(zope_conf, section):
    """The folder of ``section`` on the site, as the Zope administrator; None, once
    said, when the site or the folder is missing. The database is closed after."""
    from coordaction.policy.scripts.zope_app import existing_site
    from coordaction.policy.scripts.zope_app import site_id
    from coordaction.policy.scripts.zope_app import zope_as_admin

    with zope_as_admin(zope_conf) as app:
        site = existing_site(app, site_id())
        container = None if site is None else site.get(section.folder)
        if site is not None and container is None:
            print(
                f"La rubrique « {section.folder} » n'existe pas sur le site.",
                file=sys.stderr,
            )
        yield container


def import_main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    dry_run = "--dry-run" in argv
    arguments = [argument for argument in argv if argument != "--dry-run"]
    batch = 100
    if "--batch" in arguments:
        position = arguments.index("--batch")
        try:
            batch = int(arguments[position + 1])
        except (IndexError, ValueError):
            return _usage("--batch attend un nombre de lignes.")
        del arguments[position : position + 2]
    if len(arguments) != 3 or any(a.startswith("-") for a in arguments):
        return _usage()
    zope_conf, key, filename = arguments
    section = _section(key)
    if section is None:
        return _usage(f"Type inconnu « {key} » : projets ou ressources.")
    path = Path(filename)
    if not path.is_file():
        return _usage(f"Fichier introuvable : {filename}")
    data = path.read_bytes()

    from coordaction.policy.importexport.run import import_file

    with _section_folder(zope_conf, section) as container:
        if container is None:
            return 1
        report = import_file(
            container,
            section.portal_type,
            data,
            filename=path.name,
            dry_run=dry_run,
            commit_every=None if dry_run else batch,
            on_commit=lambda written: print(
                f"… {written} lignes enregistrées", flush=True
            ),
        )
        if dry_run:
            transaction.abort()
        else:
            transaction.get().note(f"coordaction-import {key} {path.name}")
            transaction.commit()
    print(f"Import de {path.name} dans « {section.folder} » ({section.title}).")
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def export_main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if len(argv) != 3:
        return _usage()
    zope_conf, key, filename = argv
    section = _section(key)
    if section is None:
        return _usage(f"Type inconnu « {key} » : projets ou ressources.")
    file_format = Path(filename).suffix.lower().lstrip(".")
    if file_format not in ("csv", "json"):
        return _usage("Le fichier d'export doit finir par .csv ou .json.")

    from coordaction.policy.importexport.run import WRITERS
    from coordaction.policy.importexport.run import export_rows

    with _section_folder(zope_conf, section) as container:
        if container is None:
            return 1
        rows = export_rows(container, section.portal_type)
        transaction.abort()
    Path(filename).write_text(
        WRITERS[file_format](rows, section.portal_type), encoding="utf-8"
    )
    print(f"{len(rows)} élément(s) de « {section.folder} » exporté(s) dans {filename}.")
    return 0


def main(argv=None):
    """``coordaction-import`` or ``coordaction-export``, after the program's name;
    or ``python -m coordaction.policy.scripts.importexport import|export ...``."""
    argv = sys.argv[1:] if argv is None else list(argv)
    program = Path(sys.argv[0]).name
    if program.endswith("export"):
        return export_main(argv)
    if program.endswith("import"):
        return import_main(argv)
    if argv and argv[0] in ("import", "export"):
        return (import_main if argv[0] == "import" else export_main)(argv[1:])
    return _usage()


if __name__ == "__main__":
    sys.exit(main())
