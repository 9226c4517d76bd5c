"""Back up the portal's database, or restore it: FileStorage or PostgreSQL.

    python ops/backup.py backup  [--conf ZOPE_CONF] [--dir BACKUP_DIR]
    python ops/backup.py restore [--conf ZOPE_CONF] [--dir BACKUP_DIR]
                                     [--to-var DIR | --to-dsn DSN] [--date D] [--force]

(``make backup`` / ``make restore``.) The storage is the one ZOPE_CONF uses
(var/instance/etc/zope.conf by default), so the same command serves both:

- **FileStorage**: ``repozo`` (full the first time, then incremental; compressed)
  of Data.fs into BACKUP_DIR/filestorage, then an archive of the blob folder,
  BACKUP_DIR/blobstorage/<the repozo backup's name>.tar.gz. Blobs never change
  once written, so an archive made after Data.fs's backup holds every blob it refers
  to. The server may keep running.
- **RelStorage on PostgreSQL** (blobs in the database): ``pg_dump --format=custom``
  into BACKUP_DIR/postgresql/<date>.dump, one consistent snapshot, the servers
  running.

``restore`` takes the latest backup (or the last one made at or before --date,
``YYYY-MM-DD-HH-MM-SS`` as in the file names). FileStorage: into the data folder of
ZOPE_CONF, or of --to-var (a fresh folder: the site somewhere else); an existing
Data.fs is only replaced with --force, and is kept beside it (.before-restore). PostgreSQL:
into the database of ZOPE_CONF's DSN, or of --to-dsn (which must exist: ``createdb``),
with ``pg_restore --clean``; a database that already holds objects is only replaced
with --force. Stop the servers before restoring.
BACKUP_DIR defaults to the data folder's backup/ (var/backup).
"""

from datetime import UTC
from datetime import datetime
from pathlib import Path
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile


BIN = Path(sys.executable).parent


def read_storage(zope_conf):
    """What the zope.conf written by ops/instance/make_instance.py stores where."""
    text = Path(zope_conf).read_text(encoding="utf-8")
    settings = dict(
        re.findall(r"^\s*(path|blob-dir|dsn)\s+(.+?)\s*$", text, flags=re.MULTILINE)
    )
    if "<relstorage>" in text:
        return {"kind": "relstorage", "dsn": settings["dsn"].replace("$$", "$")}
    return {
        "kind": "filestorage",
        "path": Path(settings["path"]),
        "blob_dir": Path(settings["blob-dir"]),
    }


def pg_tool(name):
    """pg_dump / pg_restore: Debian's wrapper on the PATH, or the server's own."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not candidates:
        raise SystemExit(f"{name} is missing: apt-get install postgresql-client")
    return candidates[-1]


def stamp():
    return datetime.now(UTC).strftime("%Y-%m-%d-%H-%M-%S")


def backup_filestorage(storage, backup_dir):
    repozo_dir = backup_dir / "filestorage"
    blob_dir = backup_dir / "blobstorage"
    repozo_dir.mkdir(parents=True, exist_ok=True)
    blob_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [BIN / "repozo", "-B", "-z", "-r", repozo_dir, "-f", storage["path"]],
        check=True,
    )
    latest = sorted(
        path
        for path in repozo_dir.iterdir()
        if path.suffix in (".fs", ".fsz", ".deltafs", ".deltafsz")
    )[-1]
    name = latest.name.split(".")[0]
    archive = blob_dir / f"{name}.tar.gz"
    partial = archive.with_suffix(".partial")
    with tarfile.open(partial, "w:gz") as tar:
        tar.add(storage["blob_dir"], arcname="blobstorage")
    partial.rename(archive)
    print(f"Sauvegarde : {latest} et {archive}")
    return archive


def backup_postgresql(storage, backup_dir):
    target = backup_dir / "postgresql"
    target.mkdir(parents=True, exist_ok=True)
    dump = target / f"{stamp()}.dump"
    partial = dump.with_suffix(".partial")
    subprocess.run(
        [
            pg_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--file",
            partial,
            "--dbname",
            storage["dsn"],
        ],
        check=True,
    )
    partial.rename(dump)
    print(f"Sauvegarde : {dump}")
    return dump


def _pick(paths, date):
    """The last of the backups named by date, at or before ``date``."""
    paths = sorted(paths)
    if date:
        paths = [path for path in paths if path.name.split(".")[0] <= date]
    if not paths:
        raise SystemExit("Aucune sauvegarde ne convient.")
    return paths[-1]


def restore_filestorage(storage, backup_dir, to_var=None, date=None, force=False):
    if to_var:
        data_fs = Path(to_var).resolve() / "filestorage" / "Data.fs"
        blob_dir = Path(to_var).resolve() / "blobstorage"
    else:
        data_fs, blob_dir = storage["path"], storage["blob_dir"]
    if data_fs.exists() and data_fs.stat().st_size > 4:
        if not force:
            raise SystemExit(
                f"{data_fs} existe : --force pour le remplacer (il est gardé à côté)."
            )
        kept = f".before-restore-{stamp()}"
        data_fs.rename(data_fs.with_name(data_fs.name + kept))
        if blob_dir.exists():
            blob_dir.rename(blob_dir.with_name(blob_dir.name + kept))
    for suffix in (".index", ".lock", ".tmp"):
        data_fs.with_name(data_fs.name + suffix).unlink(missing_ok=True)
    data_fs.parent.mkdir(parents=True, exist_ok=True)
    command = [BIN / "repozo", "-R", "-r", backup_dir / "filestorage", "-o", data_fs]
    if date:
        command += ["-D", date]
    subprocess.run(command, check=True)
    archive = _pick((backup_dir / "blobstorage").glob("*.tar.gz"), date)
    shutil.rmtree(blob_dir, ignore_errors=True)
    with tarfile.open(archive) as tar:
        tar.extractall(blob_dir.parent, filter="fully_trusted")
    extracted = blob_dir.parent / "blobstorage"
    if extracted != blob_dir:
        extracted.rename(blob_dir)
    print(f"Restauré : {data_fs} et {blob_dir} (depuis {archive.name})")


def holds_a_database(dsn):
    """Whether RelStorage's tables are there (and hold objects) in this database."""
    import psycopg2

    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('object_state') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return False
        cursor.execute("SELECT EXISTS (SELECT 1 FROM object_state)")
        return cursor.fetchone()[0]


def restore_postgresql(storage, backup_dir, to_dsn=None, date=None, force=False):
    dump = _pick((backup_dir / "postgresql").glob("*.dump"), date)
    if not force and holds_a_database(to_dsn or storage["dsn"]):
        raise SystemExit(
            "La base contient déjà des données : --force pour la remplacer "
            "(ou --to-dsn vers une base neuve)."
        )
    subprocess.run(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--exit-on-error",
            "--dbname",
            to_dsn or storage["dsn"],
            dump,
        ],
        check=True,
    )
    print(f"Restauré : {dump.name} dans « {to_dsn or storage['dsn']} »")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["backup", "restore"])
    var = os.environ.get("COORDACTION_VAR", "var")
    parser.add_argument("--conf", default=f"{var}/instance/etc/zope.conf")
    parser.add_argument("--dir", help="backup folder (default: DATA/backup)")
    parser.add_argument("--to-var", help="restore a FileStorage into this data folder")
    parser.add_argument("--to-dsn", help="restore PostgreSQL into this database")
    parser.add_argument("--date", help="YYYY-MM-DD-HH-MM-SS: the last backup before")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    conf = Path(args.conf)
    if not conf.exists():
        parser.error(f"{conf} is missing: make instance first")
    storage = read_storage(conf)
    # zope.conf lives in DATA/NAME/etc/.
    backup_dir = Path(args.dir) if args.dir else conf.resolve().parents[2] / "backup"
    if args.action == "backup":
        if storage["kind"] == "relstorage":
            backup_postgresql(storage, backup_dir)
        else:
            backup_filestorage(storage, backup_dir)
    elif storage["kind"] == "relstorage":
        restore_postgresql(storage, backup_dir, args.to_dsn, args.date, args.force)
    else:
        restore_filestorage(storage, backup_dir, args.to_var, args.date, args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
