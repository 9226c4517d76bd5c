"""Benchmark of the REST reads: FileStorage against RelStorage, one instance against
two behind HAProxy, side by side in one run (make bench-scaleout).

    .venv/bin/python ops/bench/scaleout.py [--seconds 20] [--clients 4] [--var DIR]

In DIR (var/bench-scaleout): a site with 40 resources (half published, each with a
PDF), built once on FileStorage and copied by zodbconvert into a private PostgreSQL
(ops/pgcluster.py); then, one after the other, with the same anonymous REST
reads (the JSON of the published resources, in turn, and a @search):

1. FileStorage, one Zope instance;
2. RelStorage, one Zope instance (web1 of the trial of ops/scaleout.py);
3. RelStorage, two Zope instances behind HAProxy (the same trial).

All three run at once (FileStorage on --port + 10, the trial on --port): after a
warm-up of each, --rounds rounds of --seconds of load on each in turn (the order
turns every round, so that the machine's load drifts alike on all), from --clients
threads, each request after the previous one (a closed loop). Per configuration:
the median over the rounds of the throughput, of the median and of the 95th
percentile latencies; errors summed.
Every Zope instance has the same number of threads (--threads). Results in
DIR/results.json and as a table. The load generator runs on the same machine: on
2 cores it takes its share of CPU from the servers.
"""

from pathlib import Path
import argparse
import json
import os
import platform
import requests
import shutil
import signal
import statistics
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "ops"))
sys.path.insert(0, str(ROOT / "ops" / "instance"))
sys.path.insert(0, str(ROOT))

from closed_loop import closed_loop  # noqa: E402
from make_instance import make_instance  # noqa: E402
from scaleout import Cluster  # noqa: E402
from scaleout import wait_for  # noqa: E402
import pgcluster  # noqa: E402


BIN = Path(sys.executable).parent
ITEMS = 40


def run(command, **env):
    subprocess.run(
        list(map(str, command)),
        check=True,
        cwd=ROOT,
        env={**os.environ, "COORDACTION_DEMO": "0", **env},
        stdout=subprocess.DEVNULL,
    )


def build(var):
    """The FileStorage site and its RelStorage copy (once); the DSN."""
    filestorage = var / "filestorage"
    meta = var / "meta.json"
    dsn = pgcluster.start(var / "postgresql")
    if meta.exists():
        return dsn
    shutil.rmtree(filestorage, ignore_errors=True)
    make_instance(filestorage, "127.0.0.1", 0, 4, False)
    conf = filestorage / "instance" / "etc" / "zope.conf"
    print("Site de test (FileStorage)…", flush=True)
    run([BIN / "coordaction-create-site", conf])
    run([BIN / "python", "-m", "ops.tests.sitedata", "populate", conf, ITEMS])
    print("Copie dans PostgreSQL (zodbconvert)…", flush=True)
    pgcluster.psql(var / "postgresql", "DROP DATABASE IF EXISTS coordaction")
    dsn = pgcluster.createdb(var / "postgresql", "coordaction")
    make_instance(
        filestorage, "127.0.0.1", 0, 4, False, "relstorage", dsn, name="convert"
    )
    run([BIN / "zodbconvert", filestorage / "convert" / "etc" / "zodbconvert.conf"])
    meta.write_text(json.dumps({"items": ITEMS, "built": time.time()}))
    return dsn


def read_urls(portal):
    """The anonymous REST reads: each published resource's JSON, and a search."""
    found = requests.get(
        f"{portal}/@search",
        params={"portal_type": "Resource", "b_size": 100},
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()
    urls = [item["@id"] for item in found["items"]]
    if not urls:
        raise SystemExit("no published resource to read")
    urls.append(f"{portal}/@search?portal_type=Resource&themes=foncier")
    return urls


def load(base, urls, seconds, clients):
    """The URLs in turn, as JSON, from ``clients`` clients (each its own order)."""
    paths = [url.split("/coordaction", 1)[1] for url in urls]

    def read(session, number, turn):
        url = f"{base}{paths[(number + turn) % len(paths)]}"
        response = session.get(url, headers={"Accept": "application/json"}, timeout=60)
        return response.status_code == 200

    return closed_loop(read, clients, seconds)


CONFIGURATIONS = (
    ("filestorage_1", "FileStorage, 1 instance"),
    ("relstorage_1", "RelStorage, 1 instance"),
    ("relstorage_2", "RelStorage, 2 instances (HAProxy)"),
)


def start_filestorage(var, args):
    filestorage = var / "filestorage"
    make_instance(filestorage, "127.0.0.1", args.port + 10, args.threads, False)
    with open(filestorage / "server.log", "ab") as output:
        server = subprocess.Popen(
            [str(BIN / "runwsgi"), str(filestorage / "instance" / "etc" / "zope.ini")],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    portal = f"http://127.0.0.1:{args.port + 10}/coordaction"
    wait_for(portal, server, 300, "FileStorage instance")
    return server, portal


def measure_rounds(bases, urls, args):
    """Every configuration in turn, --rounds times, the order turning each round:
    the machine's load drifts alike on all of them."""
    for key, label in CONFIGURATIONS:
        print(f"  {label} : échauffement ({args.warmup} s)…", flush=True)
        load(bases[key], urls, args.warmup, args.clients)
    rounds = {key: [] for key, _label in CONFIGURATIONS}
    for number in range(args.rounds):
        order = CONFIGURATIONS[number % 3 :] + CONFIGURATIONS[: number % 3]
        for key, label in order:
            result = load(bases[key], urls, args.seconds, args.clients)
            rounds[key].append(result)
            print(
                f"  tour {number + 1}, {label} : {result['per_second']} req/s, "
                f"médiane {result['median_ms']} ms",
                flush=True,
            )
    summary = {}
    for key, results in rounds.items():
        summary[key] = {
            "per_second": round(statistics.median(r["per_second"] for r in results), 1),
            "median_ms": round(statistics.median(r["median_ms"] for r in results), 1),
            "p95_ms": round(statistics.median(r["p95_ms"] for r in results), 1),
            "errors": sum(r["errors"] for r in results),
            "rounds": results,
        }
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", default="var/bench-scaleout")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8096)
    args = parser.parse_args(argv)
    var = Path(args.var).resolve()
    var.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        var.chmod(0o755)
    load_before = os.getloadavg()
    dsn = build(var)
    server = cluster = None
    try:
        server, filestorage_portal = start_filestorage(var, args)
        cluster = Cluster(var / "cluster", 2, args.port, dsn, threads=args.threads)
        cluster.start()
        web1 = f"http://127.0.0.1:{cluster.instance_port('web1')}/coordaction"
        urls = read_urls(cluster.balancer_url)
        results = measure_rounds(
            {
                "filestorage_1": filestorage_portal,
                "relstorage_1": web1,
                "relstorage_2": cluster.balancer_url,
            },
            urls,
            args,
        )
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(60)
        if cluster is not None:
            cluster.stop()
        pgcluster.stop(var / "postgresql")
    report = {
        "settings": vars(args),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_before": load_before,
            "load_after": os.getloadavg(),
        },
        "results": results,
    }
    (var / "results.json").write_text(json.dumps(report, indent=2))
    print()
    print("| configuration | req/s | médiane | p95 | erreurs |")
    print("| --- | --- | --- | --- | --- |")
    for key, label in CONFIGURATIONS:
        result = results[key]
        print(
            f"| {label} | {result['per_second']} | {result['median_ms']} ms "
            f"| {result['p95_ms']} ms | {result['errors']} |"
        )
    print(
        f"\nCharge de la machine (1, 5, 15 min) avant : {load_before}, "
        f"après : {os.getloadavg()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
