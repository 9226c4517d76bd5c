"""A private PostgreSQL server in a folder, for local trials and tests of RelStorage.

    python ops/pgcluster.py start DIR [--port P] [--db NAME] [--fast]
    python ops/pgcluster.py stop DIR
    python ops/pgcluster.py restart DIR
    python ops/pgcluster.py dsn DIR [--db NAME]
    python ops/pgcluster.py createdb DIR NAME

Uses Debian's PostgreSQL binaries (/usr/lib/postgresql/<version>/bin, or
COORDACTION_PG_BIN), never the system service: ``initdb`` makes a cluster in
DIR/data (once), ``pg_ctl`` starts it on 127.0.0.1 only, on a free port (or --port),
its socket in DIR. The superuser is ``coordaction``, trusted on loopback without a
password: **for local trials and tests only** — a real deployment gives RelStorage a
DSN with a password (COORDACTION_DSN). PostgreSQL refuses to run as root: as root,
the cluster belongs to the ``postgres`` system user (COORDACTION_PG_OS_USER).
``start`` prints the DSN of database NAME (``coordaction``, created if missing).
``--fast`` turns fsync off: for throwaway test clusters only.
"""

from pathlib import Path
import argparse
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time


SUPERUSER = "coordaction"


def pg_bin():
    """The folder of Debian's PostgreSQL server binaries, or None."""
    configured = os.environ.get("COORDACTION_PG_BIN")
    if configured:
        return Path(configured) if (Path(configured) / "pg_ctl").exists() else None
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda path: int(Path(path).parent.parent.name),
    )
    return Path(candidates[-1]).parent if candidates else None


def os_user():
    """The system user that runs the server: None when we are not root."""
    if os.geteuid() != 0:
        return None
    return os.environ.get("COORDACTION_PG_OS_USER", "postgres")


def _owner_command(command):
    user = os_user()
    command = list(map(str, command))
    return ["runuser", "-u", user, "--", *command] if user else command


def run_as_owner(command, **kwargs):
    return subprocess.run(_owner_command(command), check=True, **kwargs)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dsn(folder, db="coordaction"):
    port = (Path(folder) / "port").read_text().strip()
    return f"host=127.0.0.1 port={port} dbname={db} user={SUPERUSER}"


def _give_to_owner(folder):
    user = os_user()
    if not user:
        return
    entry = pwd.getpwnam(user)
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, entry.pw_uid, entry.pw_gid)
    # The server user must be able to reach the folder.
    for parent in folder.parents:
        if not parent.stat().st_mode & 0o001:
            raise SystemExit(
                f"{user} cannot reach {folder}: {parent} is closed to others "
                f"(chmod o+x {parent}, or choose another folder)"
            )


def is_running(folder):
    folder = Path(folder).resolve()
    if not (folder / "data" / "postmaster.pid").exists():
        return False
    status = subprocess.run(
        _owner_command([pg_bin() / "pg_ctl", "status", "-D", folder / "data"]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return status.returncode == 0


def psql(folder, sql, db="postgres"):
    port = (Path(folder) / "port").read_text().strip()
    return subprocess.run(
        [
            str(pg_bin() / "psql"),
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            port,
            "-U",
            SUPERUSER,
            "-d",
            db,
            "-tAc",
            sql,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def createdb(folder, name):
    exists = psql(folder, f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
    if not exists:
        psql(folder, f'CREATE DATABASE "{name}"')
    return dsn(folder, name)


def start(folder, port=None, db="coordaction", fast=False, timeout=60):
    binaries = pg_bin()
    if binaries is None:
        raise SystemExit(
            "PostgreSQL's server binaries are missing (apt-get install postgresql)"
        )
    folder = Path(folder).resolve()
    data = folder / "data"
    folder.mkdir(parents=True, exist_ok=True)
    if not (data / "PG_VERSION").exists():
        _give_to_owner(folder)
        run_as_owner(
            [
                binaries / "initdb",
                "-D",
                data,
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
            stdout=subprocess.DEVNULL,
        )
    if is_running(folder):
        return dsn(folder, db)
    port = port or free_port()
    (folder / "port").write_text(f"{port}\n")
    options = [
        "-c listen_addresses=127.0.0.1",
        f"-c port={port}",
        f"-c unix_socket_directories={folder}",
        "-c max_connections=200",
    ]
    if fast:
        options += [
            "-c fsync=off",
            "-c full_page_writes=off",
            "-c synchronous_commit=off",
        ]
    _give_to_owner(folder)
    run_as_owner(
        [
            binaries / "pg_ctl",
            "start",
            "-D",
            data,
            "-l",
            folder / "server.log",
            "-w",
            "-t",
            str(timeout),
            "-o",
            " ".join(options),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            createdb(folder, db)
            break
        except subprocess.CalledProcessError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    return dsn(folder, db)


def stop(folder, mode="fast"):
    folder = Path(folder).resolve()
    if not is_running(folder):
        return
    run_as_owner(
        [pg_bin() / "pg_ctl", "stop", "-D", folder / "data", "-m", mode, "-w"],
        stdout=subprocess.DEVNULL,
    )


def restart(folder, fast=False):
    """Stop and start again on the same port (the DSN stays valid)."""
    folder = Path(folder).resolve()
    port = int((folder / "port").read_text())
    stop(folder)
    return start(folder, port=port, fast=fast)


def destroy(folder):
    stop(folder, mode="immediate")
    shutil.rmtree(folder, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "action", choices=["start", "stop", "restart", "dsn", "createdb"]
    )
    parser.add_argument("folder")
    parser.add_argument("name", nargs="?", help="database name (createdb)")
    parser.add_argument("--port", type=int)
    parser.add_argument("--db", default="coordaction")
    parser.add_argument("--fast", action="store_true")
    args = parser.parse_args(argv)
    if args.action == "start":
        print(start(args.folder, port=args.port, db=args.db, fast=args.fast))
    elif args.action == "stop":
        stop(args.folder)
    elif args.action == "restart":
        print(restart(args.folder, fast=args.fast))
    elif args.action == "dsn":
        print(dsn(args.folder, args.db))
    elif args.action == "createdb":
        if not args.name:
            parser.error("createdb needs a database name")
        print(createdb(args.folder, args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
