"""Write the configuration of a Zope instance for the pip install path.

    python ops/instance/make_instance.py [--var DIR] [--host H] [--port P]
        [--storage filestorage|relstorage] [--dsn DSN] [--name NAME]

Writes DIR/instance/etc/{zope.conf,zope.ini,site.zcml} (DIR defaults to ./var) from
the templates beside this script. The storage is the embedded default, ZODB
FileStorage with blobs under DIR, or RelStorage on the PostgreSQL database of DSN
(blobs in the database, a cache of them in DIR/blobcache/NAME); with RelStorage it
also writes etc/zodbconvert.conf, which copies DIR's FileStorage into that database.
Several instances sharing one RelStorage each get a NAME: DIR/NAME/etc, logs in
DIR/log/NAME. Settings may also come from the environment: COORDACTION_HOST,
COORDACTION_PORT, COORDACTION_THREADS, COORDACTION_DEBUG, COORDACTION_STORAGE,
COORDACTION_DSN, COORDACTION_INSTANCE.
Running it again rewrites the configuration and never touches the data.
"""

from pathlib import Path
import argparse
import os
import shutil
import sys


HERE = Path(__file__).resolve().parent


def render(template, **values):
    return (HERE / template).read_text(encoding="utf-8").format(**values)


STORAGES = ("filestorage", "relstorage")


def make_instance(
    var,
    host,
    port,
    threads,
    debug,
    storage="filestorage",
    dsn=None,
    name="instance",
):
    if storage not in STORAGES:
        raise ValueError(f"unknown storage {storage!r}: one of {', '.join(STORAGES)}")
    if storage == "relstorage" and not dsn:
        raise ValueError("RelStorage needs the DSN of its PostgreSQL database")
    var = Path(var).resolve()
    home = var / name
    etc = home / "etc"
    log_dir = var / "log" if name == "instance" else var / "log" / name
    blob_cache = var / "blobcache" / name
    for folder in (
        etc,
        log_dir,
        var / "filestorage",
        var / "blobstorage",
        var / "cache",
    ):
        folder.mkdir(parents=True, exist_ok=True)
    values = {
        "instance_home": home,
        "client_home": var,
        "etc": etc,
        "log_dir": log_dir,
        "host": host,
        "port": port,
        "threads": threads,
        "debug_mode": "on" if debug else "off",
        "blob_cache": blob_cache,
        # ZConfig reads $ as a substitution: a password may hold one.
        "dsn": (dsn or "").replace("$", "$$"),
    }
    values["storage"] = render(f"{storage}.conf.in", **values)
    if storage == "relstorage":
        blob_cache.mkdir(parents=True, exist_ok=True)
        (etc / "zodbconvert.conf").write_text(
            render("zodbconvert.conf.in", **values), encoding="utf-8"
        )
    (etc / "zope.conf").write_text(render("zope.conf.in", **values), encoding="utf-8")
    (etc / "zope.ini").write_text(render("zope.ini.in", **values), encoding="utf-8")
    shutil.copyfile(HERE / "site.zcml", etc / "site.zcml")
    return etc


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", default=os.environ.get("COORDACTION_VAR", "var"))
    parser.add_argument("--host", default=os.environ.get("COORDACTION_HOST", "0.0.0.0"))
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("COORDACTION_PORT", "8080"))
    )
    parser.add_argument(
        "--threads", type=int, default=int(os.environ.get("COORDACTION_THREADS", "4"))
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=os.environ.get("COORDACTION_DEBUG", "").lower() in {"1", "true", "on"},
    )
    parser.add_argument(
        "--storage",
        choices=STORAGES,
        default=os.environ.get("COORDACTION_STORAGE") or "filestorage",
    )
    parser.add_argument("--dsn", default=os.environ.get("COORDACTION_DSN"))
    parser.add_argument(
        "--name", default=os.environ.get("COORDACTION_INSTANCE") or "instance"
    )
    args = parser.parse_args(argv)
    if args.storage == "relstorage" and not args.dsn:
        parser.error(
            "COORDACTION_STORAGE=relstorage needs COORDACTION_DSN (or --dsn), e.g. "
            "'host=127.0.0.1 port=5432 dbname=coordaction user=coordaction password=...'"
        )
    etc = make_instance(
        args.var,
        args.host,
        args.port,
        args.threads,
        args.debug,
        storage=args.storage,
        dsn=args.dsn,
        name=args.name,
    )
    print(f"Instance configuration written to {etc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
