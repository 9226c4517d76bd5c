"""The server's time under load (issue 20, point 5): ``make bench-load``.

With the portal running on its demo content (``make start``), 20 anonymous
clients (threads, each with its own connection) ask for the same page again and
again for a few seconds, one page after the other; then as many clients log in
(the login form, as a person fills it: GET, then POST). For each it reports the
median and 95th percentile of the answer times, the requests per second, and the
errors (anything but 200 for a page, a login without its cookie).

Twice: straight to Zope (``make start`` alone: plone.app.caching's headers, no
shared cache), then through Varnish with the project's VCL
(``ops/instance/varnish.vcl.in``, what the profile ``coordaction.policy:caching``
is for: anonymous pages kept for their ``s-maxage``), started here on a free port
in front of the same portal. ``--no-varnish`` skips the second.

    .venv/bin/python ops/bench/load.py [--url http://localhost:8080/coordaction]
        [--clients 20] [--seconds 10] [--no-varnish] [--json var/bench-load.json]
"""

from closed_loop import closed_loop
from pathlib import Path
from urllib.parse import urlsplit
import argparse
import json
import lxml.html
import os
import requests
import shutil
import socket
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parents[2]
PAGES = ("", "agenda", "centre-de-ressources", "projets", "petites-annonces")
LOGIN = ("contributeur", "demo-contribution")  # a demo account (make start)
VCL = ROOT / "ops" / "instance" / "varnish.vcl.in"


def get_page(session, url):
    response = session.get(url, timeout=60)
    return response.status_code == 200 and len(response.content) > 0


def log_in(session, url):
    """The login form, filled and sent as a person does (a new visitor each time)."""
    session.cookies.clear()
    form_page = session.get(f"{url}/login", timeout=60)
    page = lxml.html.fromstring(form_page.text, base_url=form_page.url)
    form = next(
        form for form in page.forms if form.xpath(".//input[@name='__ac_password']")
    )
    fields = dict(form.form_values())
    fields.update({"__ac_name": LOGIN[0], "__ac_password": LOGIN[1]})
    button = form.xpath(".//*[@type='submit'][@name]")
    if button:
        fields[button[0].get("name")] = button[0].get("value", "")
    response = session.post(
        f"{url}/login", data=fields, timeout=60, allow_redirects=False
    )
    return response.status_code in (200, 302, 303) and "__ac" in session.cookies


def measure(portal_url, clients, seconds):
    results = {}
    for path in PAGES:
        url = f"{portal_url}/{path}".rstrip("/")
        get_page(requests.Session(), url)  # warm: templates, catalog
        results[f"/{path}"] = closed_loop(
            lambda session, _number, _turn, url=url: get_page(session, url),
            clients,
            seconds,
        )
        print(f"  /{path:<24} {format_row(results[f'/{path}'])}", flush=True)
    results["connexion"] = closed_loop(
        lambda session, _number, _turn: log_in(session, portal_url), clients, seconds
    )
    print(f"  {'connexion':<25} {format_row(results['connexion'])}", flush=True)
    return results


def format_row(result):
    return (
        f"{result['requests']:>6} {result['median_ms'] or 0:>8.0f} "
        f"{result['p95_ms'] or 0:>8.0f} {result['per_second']:>8.1f} {result['errors']:>7}"
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Varnish:
    """varnishd with the project's VCL in front of the portal, on a free port."""

    def __init__(self, backend_port):
        self.backend_port = backend_port
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="coordaction-bench-load-"))
        # varnishd started by root works as the user "varnish": let it in.
        self.folder.chmod(0o755)
        self.process = None

    def __enter__(self):
        vcl = self.folder / "varnish.vcl"
        vcl.write_text(
            VCL.read_text(encoding="utf-8").replace(
                "@BACKEND_PORT@", str(self.backend_port)
            ),
            encoding="utf-8",
        )
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        self.process = subprocess.Popen(
            [
                varnishd,
                "-F",
                "-n",
                str(self.folder / "work"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(vcl),
                "-s",
                "malloc,64m",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        for _ in range(60):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.5)
        raise SystemExit("Varnish n'a pas démarré.")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)
        return False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8080/coordaction")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--no-varnish", action="store_true")
    parser.add_argument("--json", default=str(ROOT / "var" / "bench-load.json"))
    args = parser.parse_args(argv)
    try:
        requests.get(args.url, timeout=30).raise_for_status()
    except requests.RequestException as error:
        print(
            f"Le portail ne répond pas sur {args.url} ({error}) : make start d'abord."
        )
        return 2
    header = f"  {'page':<25} {'requêtes':>6} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'erreurs':>7}"
    data = {"clients": args.clients, "seconds": args.seconds, "cpus": os.cpu_count()}
    print(
        f"{args.clients} clients simultanés, {args.seconds:g} s par page ; Zope seul :"
    )
    print(header)
    data["zope"] = measure(args.url, args.clients, args.seconds)
    if not args.no_varnish:
        address = urlsplit(args.url)
        with Varnish(address.port or 80) as varnish:
            cached = args.url.replace(address.netloc, f"127.0.0.1:{varnish.port}", 1)
            print(f"À travers Varnish (VCL du projet, {cached}) :")
            print(header)
            data["varnish"] = measure(cached, args.clients, args.seconds)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(data, indent=2), encoding="utf-8")
    print(f"JSON : {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
