"""Where does a request of the bench spend its time? cProfile inside Zope.

    .venv/bin/python ops/bench/profile_requests.py                  # the bench's requests
    .venv/bin/python ops/bench/profile_requests.py --top 40 /coordaction/@facets?...
    .venv/bin/python ops/bench/profile_requests.py --zope-conf var/instance/etc/zope.conf \
        --accept text/html /coordaction/agenda        # a page of the demo (make start)

Opens the bench database (var/bench; the bench server must be stopped: the
FileStorage is locked while it runs) with the same WSGI application as runwsgi, sends
each request in-process as an anonymous visitor (WebTest: no network, no threads),
warms up, then profiles ``--repeat`` runs of each and prints the functions that take
the most time. Without paths, the requests are those of var/bench/results.json.
"""

from pathlib import Path
from urllib.parse import urlsplit
import argparse
import cProfile
import io
import json
import pstats
import sys
import time


ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench"
ZOPE_CONF = VAR / "instance" / "etc" / "zope.conf"


def bench_requests():
    results = json.loads((VAR / "results.json").read_text(encoding="utf-8"))
    requests = []
    for scenario in results["scenarios"][:1]:
        for operation in scenario["operations"].values():
            for call in operation["requests"]:
                requests.append((call["part"], call["url"], call["headers"]))
    for key in ("resource", "document"):
        requests.append(
            (key, results["items"][key]["url"], {"Accept": "application/json"})
        )
    return requests


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="*", help="/coordaction/... (default: the bench's)"
    )
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--accept", default="application/json")
    parser.add_argument(
        "--zope-conf",
        default=str(ZOPE_CONF),
        help="another instance's zope.conf (its server stopped)",
    )
    args = parser.parse_args(argv)

    from Zope2.Startup.run import make_wsgi_app
    import webtest

    calls = (
        [(path, path, {"Accept": args.accept}) for path in args.paths]
        if args.paths
        else bench_requests()
    )
    app = webtest.TestApp(
        make_wsgi_app({}, args.zope_conf),
        extra_environ={"HTTP_HOST": "127.0.0.1:8095"},
    )
    try:
        for label, url, headers in calls:
            parts = urlsplit(url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            for _ in range(args.warmup):
                app.get(path, headers=headers, status=200)
            profile = cProfile.Profile()
            started = time.perf_counter()
            profile.enable()
            for _ in range(args.repeat):
                app.get(path, headers=headers, status=200)
            profile.disable()
            each = (time.perf_counter() - started) / args.repeat * 1000
            print(f"\n=== {label}: {each:.1f} ms per request (under cProfile)")
            print(f"    {path}")
            for order in ("cumulative", "tottime"):
                out = io.StringIO()
                stats = pstats.Stats(profile, stream=out)
                stats.sort_stats(order).print_stats(args.top)
                text = out.getvalue()
                print(text[text.find("   ncalls") :].replace(str(ROOT) + "/", ""))
    finally:
        from Zope2 import DB

        DB.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
