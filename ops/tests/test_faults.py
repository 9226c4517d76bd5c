"""Faults, bounded in time and count, on loopback only: an import killed half-way,
concurrent editors on the same items, PostgreSQL restarted under load."""

from concurrent.futures import ThreadPoolExecutor
from ops.tests import importfile
from ops.tests import services
from ops.tests.test_cluster import ADMIN
from ops.tests.test_cluster import CLUSTER_LAYER
from ops.tests.test_cluster import JSON
import json
import os
import random
import requests
import shutil
import signal
import subprocess
import threading
import time
import unittest


@services.skip_unless_available("postgresql")
class TestImportKilledHalfWay(unittest.TestCase):
    layer = services.POSTGRESQL_LAYER

    rows, batch, kill_after = 160, 20, 40

    def export(self, zope_conf, name):
        path = self.layer.folder / name
        services.run([services.BIN / "coordaction-export", zope_conf, "projets", path])
        exported = json.loads(path.read_text(encoding="utf-8"))
        return {
            row["external_id"]: row
            for row in exported
            if row["external_id"].startswith("imp-")
        }

    def test_kill_9_during_a_large_import_leaves_whole_rows_and_it_resumes(self):
        var = self.layer.folder / "import-killed"
        shutil.copytree(self.layer.filestorage_var, var)
        zope_conf = services.make_instance(var)
        source = importfile.write_csv(
            importfile.project_rows(self.rows), self.layer.folder / "projets.csv"
        )
        command = [
            str(services.BIN / "coordaction-import"),
            str(zope_conf),
            "projets",
            str(source),
            "--batch",
            str(self.batch),
        ]
        importing = subprocess.Popen(
            command,
            env=services.environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        watchdog = threading.Timer(600, importing.kill)
        watchdog.start()
        try:
            for line in importing.stdout:
                if f"… {self.kill_after} lignes enregistrées" in line:
                    os.killpg(importing.pid, signal.SIGKILL)
                    break
        finally:
            watchdog.cancel()
            importing.wait()
        self.assertEqual(importing.returncode, -signal.SIGKILL, "not killed in time")

        # The database opens; what the import left are whole rows.
        after_kill = self.export(zope_conf, "after-kill.json")
        self.assertGreaterEqual(len(after_kill), self.kill_after)
        self.assertLess(len(after_kill), self.rows)

        # The same command again goes on where it stopped.
        resumed = services.run(command)
        self.assertIn(
            f"Créés : {self.rows - len(after_kill)} ; mis à jour : 0 ; "
            f"inchangés : {len(after_kill)} ; lignes refusées : 0.",
            resumed,
        )
        final = self.export(zope_conf, "final.json")
        self.assertEqual(len(final), self.rows)
        for external_id, row in after_kill.items():
            self.assertEqual(row, final[external_id], external_id)
        expected = {
            row["external_id"]: row for row in importfile.project_rows(self.rows)
        }
        for external_id, row in final.items():
            self.assertEqual(row["title"], expected[external_id]["title"])
            self.assertEqual(row["commune"], expected[external_id]["commune"])


@services.skip_unless_available("postgresql", "haproxy")
class TestFaultsOfTheCluster(unittest.TestCase):
    layer = CLUSTER_LAYER

    def setUp(self):
        self.state = self.layer.state()
        self.portal = self.state["balancer_url"]

    def create(self, url, name, title):
        response = requests.post(
            f"{url}/contribuer",
            json={"@type": "Document", "id": name, "title": title},
            headers=JSON,
            auth=ADMIN,
            timeout=60,
        )
        self.assertIn(response.status_code, (201, 400), response.text[:300])

    def test_four_editors_make_500_edits_to_the_same_items_and_none_is_lost(self):
        items = [f"partagee-{number}" for number in range(5)]
        for name in items:
            self.create(self.portal, name, "Page partagée")
        # Each editor writes its own field of the same five pages: concurrent
        # writes to one page conflict (ZODB ConflictError) and Zope retries them;
        # an edit lost would leave an editor's field at an older value.
        fields = {
            "redaction": ("title", lambda value: value),
            "resume": ("description", lambda value: value),
            "mots-cles": ("subjects", lambda value: [value]),
            "droits": ("rights", lambda value: value),
        }
        edits_per_editor = 125
        last = {}
        failures = []

        def edit(editor):
            field, shape = fields[editor]
            session = requests.Session()
            session.auth = ADMIN
            chooser = random.Random(editor)
            for number in range(edits_per_editor):
                name = chooser.choice(items)
                value = f"{editor} {number}"
                response = session.patch(
                    f"{self.portal}/contribuer/{name}",
                    json={field: shape(value)},
                    headers=JSON,
                    timeout=120,
                )
                if response.status_code != 204:
                    failures.append((editor, number, response.status_code))
                else:
                    last[(editor, name)] = value

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(edit, fields))
        elapsed = time.monotonic() - started
        self.assertEqual(failures, [])
        self.assertEqual(len(fields) * edits_per_editor, 500)

        for name in items:
            page = requests.get(
                f"{self.state['instances']['web2']['url']}/contribuer/{name}",
                headers=JSON,
                auth=ADMIN,
                timeout=60,
            ).json()
            for editor, (field, shape) in fields.items():
                if (editor, name) in last:
                    self.assertEqual(
                        page[field], shape(last[(editor, name)]), (name, field)
                    )
        print(f"\n    500 modifications concurrentes en {elapsed:.0f} s", end=" ")

    def test_instances_recover_when_postgresql_restarts_under_load(self):
        pids = {
            name: instance["pid"] for name, instance in self.state["instances"].items()
        }
        stop = threading.Event()
        statuses = []

        def read():
            while not stop.is_set() and len(statuses) < 2000:
                try:
                    statuses.append(
                        requests.get(
                            f"{self.portal}/contribuer", timeout=30
                        ).status_code
                    )
                except requests.RequestException:
                    statuses.append(None)

        with ThreadPoolExecutor(max_workers=2) as pool:
            readers = [pool.submit(read) for _ in range(2)]
            time.sleep(3)
            services.pgcluster.restart(services.POSTGRESQL_LAYER.postgresql, fast=True)
            time.sleep(5)
            stop.set()
            for reader in readers:
                reader.result()
        self.assertIn(200, statuses)

        # Without restarting them, every instance reads and writes again.
        for name, instance in self.layer.state()["instances"].items():
            deadline = time.monotonic() + 60
            while True:
                response = requests.get(f"{instance['url']}/contribuer", timeout=30)
                if response.status_code == 200:
                    break
                self.assertLess(time.monotonic(), deadline, f"{name} did not recover")
                time.sleep(1)
            self.create(instance["url"], f"apres-redemarrage-{name}", "Après")
            edited = requests.patch(
                f"{instance['url']}/contribuer/apres-redemarrage-{name}",
                json={"title": f"Écrit par {name} après le redémarrage"},
                headers=JSON,
                auth=ADMIN,
                timeout=60,
            )
            self.assertEqual(edited.status_code, 204, edited.text[:300])
        self.assertEqual(
            {name: i["pid"] for name, i in self.layer.state()["instances"].items()},
            pids,
        )
