"""Two Zope instances sharing one RelStorage behind HAProxy, Varnish in front,
started by the command of the local trial (ops/scaleout.py, make scaleout)."""

from concurrent.futures import ThreadPoolExecutor
from ops.tests import services
from plone.testing import Layer
import json
import os
import requests
import signal
import subprocess
import time
import unittest


ADMIN = ("admin", "admin")
JSON = {"Accept": "application/json"}


class ClusterLayer(Layer):
    defaultBases = (services.POSTGRESQL_LAYER,)
    process = None

    def setUp(self):
        base = services.POSTGRESQL_LAYER
        if base.folder is None or services.missing("haproxy"):
            return
        self.dsn, _ = base.relstorage_site("cluster")
        self.var = base.folder / "cluster"
        self.log = self.var / "scaleout.log"
        with open(self.log, "ab") as output:
            self.process = subprocess.Popen(
                [
                    str(services.BIN / "python"),
                    "ops/scaleout.py",
                    "--var",
                    str(self.var),
                    "--dsn",
                    self.dsn,
                    "--port",
                    str(services.free_port()),
                    *(
                        []
                        if services.missing("varnish")
                        else ["--varnish-port", str(services.free_port())]
                    ),
                ],
                cwd=services.ROOT,
                env=services.environment(),
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 600
        while "READY" not in self.log.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.tearDown()
                raise AssertionError(
                    "ops/scaleout.py did not start:\n"
                    + self.log.read_text(errors="replace")[-3000:]
                )
            time.sleep(1)

    def tearDown(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(120)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def state(self):
        return json.loads((self.var / "run" / "state.json").read_text())


CLUSTER_LAYER = ClusterLayer(name="coordaction.scaleout:Cluster")


@services.skip_unless_available("postgresql", "haproxy")
class TestTwoInstances(unittest.TestCase):
    layer = CLUSTER_LAYER

    def setUp(self):
        self.state = self.layer.state()
        self.web1 = self.state["instances"]["web1"]["url"]
        self.web2 = self.state["instances"]["web2"]["url"]
        self.portal = self.state["balancer_url"]

    def test_an_edit_through_one_instance_is_seen_through_the_other(self):
        created = requests.post(
            f"{self.web1}/contribuer",
            json={"@type": "Document", "id": "note", "title": "Écrit par web1"},
            headers=JSON,
            auth=ADMIN,
            timeout=60,
        )
        self.assertEqual(created.status_code, 201, created.text[:500])
        seen = requests.get(
            f"{self.web2}/contribuer/note", headers=JSON, auth=ADMIN, timeout=60
        )
        self.assertEqual(seen.json()["title"], "Écrit par web1")

        edited = requests.patch(
            f"{self.web2}/contribuer/note",
            json={"title": "Corrigé par web2"},
            headers=JSON,
            auth=ADMIN,
            timeout=60,
        )
        self.assertEqual(edited.status_code, 204, edited.text[:500])
        for url in (self.web1, self.portal):
            seen = requests.get(
                f"{url}/contribuer/note", headers=JSON, auth=ADMIN, timeout=60
            )
            self.assertEqual(seen.json()["title"], "Corrigé par web2", url)

    def test_the_balancer_sends_requests_to_both_instances(self):
        log_dir = self.layer.var / "log"
        before = {
            name: (log_dir / name / "access.log").read_text().count("\n")
            for name in ("web1", "web2")
        }
        for _ in range(10):
            response = requests.get(f"{self.portal}/contribuer", timeout=60)
            self.assertEqual(response.status_code, 200)
        for name in ("web1", "web2"):
            after = (log_dir / name / "access.log").read_text().count("\n")
            self.assertGreaterEqual(after - before[name], 3, name)

    def test_killing_an_instance_loses_no_request_the_balancer_can_retry(self):
        requests_count, killed_after = 240, 40
        done = []

        def read(number):
            response = requests.get(f"{self.portal}/contribuer", timeout=60)
            done.append(number)
            return response.status_code

        web1_pid = self.state["instances"]["web1"]["pid"]
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = [pool.submit(read, number) for number in range(requests_count)]
            while len(done) < killed_after:
                time.sleep(0.05)
            os.killpg(web1_pid, signal.SIGKILL)
            statuses = [result.result() for result in results]
        self.assertEqual(
            {status: statuses.count(status) for status in set(statuses)},
            {200: requests_count},
        )

        # The trial's supervisor starts web1 again; it serves the same data.
        deadline = time.monotonic() + 300
        while self.layer.state()["instances"]["web1"]["pid"] in (web1_pid, None):
            self.assertLess(time.monotonic(), deadline, "web1 was not started again")
            time.sleep(1)
        response = requests.get(f"{self.web1}/contribuer", timeout=60)
        self.assertEqual(response.status_code, 200)
