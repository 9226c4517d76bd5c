"""Real services for the scale-out tests: PostgreSQL, Zope instances, HAProxy,
Varnish, started by the project's own commands (scripts/, instance/, the Makefile).

These tests need Debian's postgresql, haproxy and varnish and take minutes: they run
with ``make test-scaleout`` (COORDACTION_SCALEOUT_TESTS=1), as .ci/run does, and are
skipped, with the reason, by ``make test`` or when a binary is missing.
"""

from pathlib import Path
from plone.testing import Layer
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest


ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ENABLED = os.environ.get("COORDACTION_SCALEOUT_TESTS") == "1"


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, ROOT / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pgcluster = _load("coordaction_pgcluster", "ops/pgcluster.py")


def missing(*names):
    """The Debian binaries among postgresql, haproxy, varnish that are absent."""
    found = {
        "postgresql": pgcluster.pg_bin() is not None,
        "haproxy": bool(shutil.which("haproxy") or Path("/usr/sbin/haproxy").exists()),
        "varnish": bool(
            shutil.which("varnishd") or Path("/usr/sbin/varnishd").exists()
        ),
    }
    return [name for name in names if not found[name]]


def skip_unless_available(*names):
    if not ENABLED:
        return unittest.skip(
            "scale-out tests (minutes, real services): run them with make test-scaleout"
        )
    absent = missing(*names)
    if absent:
        return unittest.skip(
            f"Debian package(s) {', '.join(absent)} missing (apt-get install "
            f"{' '.join(absent)}; .ci/system-packages installs them)"
        )
    return lambda cls: cls


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("COORDACTION_") or key == "COORDACTION_SCALEOUT_TESTS"
    }
    env.update({"COORDACTION_DEMO": "0", **extra})
    return env


def run(command, timeout=600, **extra_env):
    """Run a command of the project from its root; its output on failure."""
    result = subprocess.run(
        list(map(str, command)),
        cwd=ROOT,
        env=environment(**extra_env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, command))} exited {result.returncode}\n"
            f"--- stdout:\n{result.stdout[-3000:]}\n--- stderr:\n{result.stderr[-3000:]}"
        )
    return result.stdout


def make(target, timeout=600, env=None, **variables):
    """``make TARGET NAME=value...``: the documented command itself."""
    return run(
        ["make", "--no-print-directory", target]
        + [f"{name}={value}" for name, value in variables.items()],
        timeout=timeout,
        **(env or {}),
    )


def make_instance(var, storage="filestorage", dsn=None, name="instance", port=None):
    command = [
        BIN / "python",
        "ops/instance/make_instance.py",
        "--var",
        var,
        "--host",
        "127.0.0.1",
        "--port",
        port or free_port(),
        "--storage",
        storage,
        "--name",
        name,
    ]
    if dsn:
        command += ["--dsn", dsn]
    run(command)
    return Path(var) / name / "etc" / "zope.conf"


def inventory(zope_conf):
    """Every item of the site with its files' checksums (ops/tests/sitedata.py)."""
    output = run([BIN / "python", "-m", "ops.tests.sitedata", "inventory", zope_conf])
    line = next(line for line in output.splitlines() if line.startswith("INVENTORY "))
    return json.loads(line[len("INVENTORY ") :])


class PostgreSQLLayer(Layer):
    """A throwaway PostgreSQL server (ops/pgcluster.py), and a FileStorage site
    with items and files: the reference the storage tests compare with."""

    items = 12
    folder = None

    def setUp(self):
        if not ENABLED or missing("postgresql"):
            return
        self.folder = Path(tempfile.mkdtemp(prefix="coordaction-scaleout-"))
        self.folder.chmod(0o755)
        self.postgresql = self.folder / "postgresql"
        self.dsn = pgcluster.start(self.postgresql, fast=True)
        self.filestorage_var = self.folder / "filestorage"
        self.filestorage_conf = make_instance(self.filestorage_var)
        run([BIN / "coordaction-create-site", self.filestorage_conf])
        run(
            [
                BIN / "python",
                "-m",
                "ops.tests.sitedata",
                "populate",
                self.filestorage_conf,
                self.items,
            ]
        )
        self.reference = inventory(self.filestorage_conf)

    def tearDown(self):
        if self.folder is None:
            return
        pgcluster.destroy(self.postgresql)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def new_database(self, name):
        return pgcluster.createdb(self.postgresql, name)

    def relstorage_site(self, name):
        """A new database holding a copy of the reference site (make
        migrate-relstorage), and the zope.conf of an instance on it."""
        dsn = self.new_database(name)
        var = self.folder / name
        shutil.copytree(self.filestorage_var / "filestorage", var / "filestorage")
        shutil.copytree(self.filestorage_var / "blobstorage", var / "blobstorage")
        make(
            "migrate-relstorage",
            env={"COORDACTION_STORAGE": "relstorage", "COORDACTION_DSN": dsn},
            VAR=var,
        )
        return dsn, var / "instance" / "etc" / "zope.conf"


POSTGRESQL_LAYER = PostgreSQLLayer(name="coordaction.scaleout:PostgreSQL")
