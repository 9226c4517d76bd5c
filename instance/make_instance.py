"""Write the configuration of a Zope instance for the pip install path.

    python instance/make_instance.py [--var DIR] [--host H] [--port P]

Writes DIR/instance/etc/{zope.conf,zope.ini,site.zcml} (DIR defaults to ./var) from
the templates beside this script. The storage is the embedded default, ZODB
FileStorage with blobs under DIR. Settings may also come from the environment:
COORDACTION_HOST, COORDACTION_PORT, COORDACTION_THREADS, COORDACTION_DEBUG.
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


def make_instance(var, host, port, threads, debug):
    var = Path(var).resolve()
    home = var / "instance"
    etc = home / "etc"
    log_dir = var / "log"
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
    }
    values["storage"] = render("filestorage.conf.in", **values)
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
    args = parser.parse_args(argv)
    etc = make_instance(args.var, args.host, args.port, args.threads, args.debug)
    print(f"Instance configuration written to {etc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
