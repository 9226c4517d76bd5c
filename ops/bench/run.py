"""Benchmark of the faceted search of the Centre de ressources (``make bench``).

    .venv/bin/python ops/bench/run.py [--repeat 50] [--warmup 10] [--rebuild] ...

1. Builds, once, a separate instance under var/bench/ (port 8095, 127.0.0.1 only):
   the site through the normal ``coordaction-create-site`` path, then 20,000
   published resources, 500 private ones and 200 in a private working-group space
   (ops/bench/build_site.py). Reused as long as var/bench/meta.json says it holds the
   requested counts; ``--rebuild`` starts again from an empty database.
2. Starts that instance (runwsgi), measures side by side, as an anonymous visitor,
   for the same filters:
     (a) what a browser sends for one filtered page of eea.facetednavigation: one
         @@faceted_query and one @@faceted_counter per counted facet, in sequence;
     (b) one @facets request;
     (c) plone.restapi's @search;
   plus the JSON GET of one resource against that of a stock Document.
   With ``--before REV``, the same measures are first taken with the code of an
   earlier revision (its ``src``, extracted with ``git archive`` under
   var/bench/before/REV, put first on the server's PYTHONPATH) on the same data:
   before and after in one run.
3. Prints medians and 95th percentiles, checks the targets, writes
   var/bench/results.json, and always stops the server.

See ops/bench/README.md (in French) for how to read the results.
"""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote
import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench"
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python"
ETC = VAR / "instance" / "etc"
ZOPE_CONF = ETC / "zope.conf"
ZOPE_INI = ETC / "zope.ini"
META = VAR / "meta.json"
BUILD_REPORT = VAR / "build.json"
RESULTS = VAR / "results.json"
SERVER_LOG = VAR / "log" / "server.log"
FACETED_DIR = ROOT / "src" / "coordaction" / "policy" / "resourcecentre" / "faceted"
POLICY_ZCML = ROOT / "src" / "coordaction" / "policy" / "configure.zcml"

HOST = "127.0.0.1"
SITE_ID = "coordaction"
SECTION = "centre-de-ressources"
ADMIN = ("admin", "admin")  # this throw-away instance listens on 127.0.0.1 only

# The targets of the brief.
TARGET_EEA_RATIO = 1.5  # the page's path at most 1.5x (b), medians (issue 20)
TARGET_P95_MS = 300.0  # p95 of (b)
TARGET_ITEM_RATIO = 1.2  # resource GET <= 1.2x document GET, medians

JSON_ACCEPT = {"Accept": "application/json"}
# What jQuery sends: $.get (faceted_query) and $.getJSON (faceted_counter).
XHR_HTML = {"Accept": "*/*", "X-Requested-With": "XMLHttpRequest"}
XHR_JSON = {
    "Accept": "application/json, text/javascript, */*; q=0.01",
    "X-Requested-With": "XMLHttpRequest",
}


class BenchError(RuntimeError):
    pass


def say(message=""):
    print(message, flush=True)


def bench_env(port, source=None):
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(source), env.get("PYTHONPATH")])
        )
    for name in ("COORDACTION_DEBUG", "COORDACTION_VAR", "COORDACTION_PUBLIC_URL"):
        env.pop(name, None)
    env.update(
        {
            "COORDACTION_SITE_ID": SITE_ID,
            "COORDACTION_ADMIN_USER": ADMIN[0],
            "COORDACTION_ADMIN_PASSWORD": ADMIN[1],
            "COORDACTION_PORT": str(port),
            "COORDACTION_HOST": HOST,
        }
    )
    env.setdefault(
        "PYTHONWARNINGS",
        "ignore::DeprecationWarning,ignore::UserWarning,ignore::FutureWarning",
    )
    return env


# --- 1. The instance and its data ------------------------------------------------


def faceted_criteria():
    """{section id: [Criterion]} of the faceted pages, made from the table of
    sections as apply_faceted_configurations makes them."""
    from coordaction.content.sections import SECTIONS
    from coordaction.policy.resourcecentre.faceted.criteria import section_criteria

    return {
        section.id: section_criteria(section)
        for section in SECTIONS
        if section.listed_type
    }


def faceted_fingerprint():
    return hashlib.sha256(repr(faceted_criteria()).encode()).hexdigest()


def write_instance(port, threads):
    """ops/instance/make_instance.py for var/bench, then the faceted ZCML if missing.

    The faceted package (coordaction.policy.resourcecentre.faceted) may not be included by the
    policy's configure.zcml yet: the bench instance then includes it from its own
    site.zcml, so that the sections can be faceted. Including it twice is harmless
    (zope.configuration reads a file once).
    """
    subprocess.run(
        [
            str(PYTHON),
            "ops/instance/make_instance.py",
            "--var",
            str(VAR),
            "--host",
            HOST,
            "--port",
            str(port),
            "--threads",
            str(threads),
        ],
        cwd=ROOT,
        env=bench_env(port),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    policy_zcml = POLICY_ZCML.read_text(encoding="utf-8")
    included_by_policy = ".faceted" in policy_zcml or ".resourcecentre" in policy_zcml
    if not included_by_policy and (FACETED_DIR / "configure.zcml").exists():
        site_zcml = ETC / "site.zcml"
        text = site_zcml.read_text(encoding="utf-8")
        marker = "  <five:loadProductsOverrides />\n"
        extra = (
            "\n  <!-- ops/bench/run.py: coordaction.policy does not include it yet -->\n"
            '  <include package="coordaction.policy.resourcecentre.faceted" />\n'
        )
        if marker not in text:
            raise BenchError(f"Cannot add the faceted ZCML to {site_zcml}")
        site_zcml.write_text(text.replace(marker, marker + extra), encoding="utf-8")
        say(
            "  ! coordaction.policy n'inclut pas encore .faceted : l'instance du banc "
            "l'inclut elle-même (var/bench/instance/etc/site.zcml)."
        )
    return not included_by_policy


def read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def wipe_data():
    for name in ("filestorage", "blobstorage"):
        folder = VAR / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    for path in (META, BUILD_REPORT):
        if path.exists():
            path.unlink()


def run_step(label, command, port, log_path):
    """Run a build step, its output shown and kept in a log; return its seconds."""
    say(f"  → {label}")
    started = time.perf_counter()
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"\n=== {datetime.datetime.now().isoformat()} {label}\n")
        process = subprocess.Popen(
            [str(part) for part in command],
            cwd=ROOT,
            env=bench_env(port),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        try:
            for line in process.stdout:
                log.write(line)
                if not line.startswith("WARNING:") and line.strip():
                    print("    " + line.rstrip(), flush=True)
            process.wait()
        except BaseException:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(30)
            raise
    if process.returncode:
        raise BenchError(
            f"{label} a échoué (code {process.returncode}) : voir {log_path}"
        )
    return time.perf_counter() - started


def ensure_data(args):
    """Build (or resume, or reuse) the bench site; return its meta."""
    requested = {
        "published": args.published,
        "private": args.private,
        "group": args.group,
    }
    meta = read_json(META)
    data_fs = VAR / "filestorage" / "Data.fs"
    if args.rebuild or (meta and meta.get("requested") != requested):
        if data_fs.exists():
            say("  Base du banc effacée (--rebuild ou autres quantités demandées).")
        wipe_data()
        meta = None
    expected_total = sum(requested.values())
    if (
        meta
        and data_fs.exists()
        and meta.get("counts", {}).get("published") == args.published
        and meta.get("counts", {}).get("resources_total") == expected_total
    ):
        say(
            f"  Site du banc réutilisé : {meta['counts']['published']} ressources "
            f"publiées (construit le {meta.get('built_at')}, en "
            f"{meta.get('build_seconds', {}).get('total', '?')} s)."
        )
        if meta.get("faceted_fingerprint") != faceted_fingerprint():
            seconds = run_step(
                "critères des facettes modifiés : réapplication",
                [PYTHON, "ops/bench/build_site.py", ZOPE_CONF, "--faceted-only"],
                args.port,
                VAR / "log" / "build.log",
            )
            meta["faceted_fingerprint"] = faceted_fingerprint()
            meta.setdefault("refreshes", []).append(
                {
                    "at": datetime.datetime.now().isoformat(),
                    "seconds": round(seconds, 1),
                }
            )
            META.write_text(json.dumps(meta, indent=2, ensure_ascii=False), "utf-8")
        meta["reused"] = True
        return meta
    if args.no_build:
        raise BenchError("Pas de site du banc à réutiliser, et --no-build est donné.")
    if data_fs.exists():
        say(
            "  Construction inachevée trouvée : elle est reprise là où elle s'était arrêtée."
        )
    say(
        f"  Construction du site du banc : {args.published} publiées, "
        f"{args.private} privées, {args.group} dans un espace de groupe privé."
    )
    log_path = VAR / "log" / "build.log"
    timings = {}
    started = time.perf_counter()
    timings["create_site"] = run_step(
        "coordaction-create-site (le chemin normal de création du site)",
        [BIN / "coordaction-create-site", ZOPE_CONF],
        args.port,
        log_path,
    )
    timings["fill"] = run_step(
        "ops/bench/build_site.py (facettes, document, espace de groupe, ressources)",
        [
            PYTHON,
            "ops/bench/build_site.py",
            ZOPE_CONF,
            "--published",
            args.published,
            "--private",
            args.private,
            "--group",
            args.group,
            "--report",
            BUILD_REPORT,
        ],
        args.port,
        log_path,
    )
    timings["total"] = time.perf_counter() - started
    report = read_json(BUILD_REPORT)
    if not report:
        raise BenchError(f"ops/bench/build_site.py n'a pas écrit {BUILD_REPORT}")
    counts = report["counts"]
    if (
        counts["published"] != args.published
        or counts["resources_total"] != expected_total
    ):
        raise BenchError(f"Décompte inattendu après construction : {counts}")
    meta = {
        "requested": requested,
        "counts": counts,
        "paths": report["paths"],
        "text_word": report["text_word"],
        "seed": report["seed"],
        "faceted": report["faceted"],
        "faceted_fingerprint": faceted_fingerprint(),
        "built_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "build_seconds": {key: round(value, 1) for key, value in timings.items()},
        "build_phases": report["phases"],
        "created_in_last_run": report["created_now"],
    }
    META.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    say(
        f"  Construit en {timings['total'] / 60:.1f} min "
        f"(création du site {timings['create_site']:.0f} s, "
        f"remplissage {timings['fill']:.0f} s)."
    )
    meta["reused"] = False
    return meta


# --- 2. The server ---------------------------------------------------------------


def source_of(revision):
    """The ``src`` of an earlier revision, extracted once under var/bench/before."""
    folder = VAR / "before" / revision
    if not (folder / "src").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        try:
            archive = subprocess.run(
                ["git", "archive", revision, "src"],
                cwd=ROOT,
                check=True,
                capture_output=True,
                timeout=120,
            ).stdout
        except subprocess.CalledProcessError as error:
            raise BenchError(
                f"git archive {revision} : {error.stderr.decode(errors='replace')}"
            ) from error
        subprocess.run(
            ["tar", "-x", "-C", str(folder)], input=archive, check=True, timeout=120
        )
    return folder / "src"


def ini_for(source):
    """This instance's zope.ini for the code of ``source``: without the project's
    WSGI filters that code does not have yet (it would not start)."""
    text = ZOPE_INI.read_text(encoding="utf-8")
    for name, module in re.findall(r"\[filter:(\w+)\]\s*use = call:([\w.]+):", text):
        if not (source / (module.replace(".", "/") + ".py")).exists():
            text = re.sub(rf"^\s+{name}\n", "", text, flags=re.MULTILINE)
    ini = source.parent / "zope.ini"
    ini.write_text(text, encoding="utf-8")
    return ini


def port_in_use(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex((HOST, port)) == 0


class Server:
    """runwsgi in its own process group, stopped (the whole group) on exit."""

    def __init__(self, port, timeout, source=None):
        self.port = port
        self.timeout = timeout
        self.source = source
        self.process = None
        self.log = None

    def __enter__(self):
        if port_in_use(self.port):
            raise BenchError(
                f"Le port {self.port} est déjà pris : un serveur du banc tourne-t-il "
                "encore ? Arrêtez-le d'abord."
            )
        SERVER_LOG.parent.mkdir(parents=True, exist_ok=True)
        self.log = open(SERVER_LOG, "a", encoding="utf-8")
        self.log.write(f"\n=== {datetime.datetime.now().isoformat()} runwsgi\n")
        self.log.flush()
        ini = ZOPE_INI if self.source is None else ini_for(self.source)
        self.process = subprocess.Popen(
            [str(BIN / "runwsgi"), str(ini)],
            cwd=ROOT,
            env=bench_env(self.port, self.source),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def wait_ready(self, session, url):
        started = time.perf_counter()
        while time.perf_counter() - started < self.timeout:
            if self.process.poll() is not None:
                raise BenchError(
                    f"Le serveur s'est arrêté (code {self.process.returncode}) : "
                    f"voir {SERVER_LOG}"
                )
            try:
                response = session.get(url, timeout=5)
                if response.status_code == 200:
                    return time.perf_counter() - started
            except Exception:  # not listening yet
                pass
            time.sleep(1)
        raise BenchError(
            f"Le serveur ne répond pas après {self.timeout} s : {SERVER_LOG}"
        )

    def __exit__(self, *exc):
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
        if self.log:
            self.log.close()
        return False


# --- 3. What a browser sends to eea.facetednavigation ----------------------------


class FacetedPage(HTMLParser):
    """The widgets of a faceted page, as eea's JavaScript finds them at load time."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.widgets = {}
        self.order = []
        self.current = None
        self.select = None
        self.in_version = False
        self.version = ""
        self.baseurl = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        element_id = attrs.get("id") or ""
        if tag == "div" and element_id == "faceted-version":
            self.in_version = True
        if "faceted-form" in classes and attrs.get("data-baseurl"):
            self.baseurl = attrs["data-baseurl"]
        if (
            tag == "div"
            and "faceted-widget" in classes
            and element_id.endswith("_widget")
        ):
            wid = element_id[: -len("_widget")]
            kinds = [
                name[len("faceted-") : -len("-widget")]
                for name in classes
                if name.startswith("faceted-")
                and name.endswith("-widget")
                and name != "faceted-widget"
            ]
            self.current = wid
            self.widgets[wid] = {
                "kind": kinds[0] if kinds else "?",
                "counted": "faceted-count" in classes,
                "operator": attrs.get("data-operator"),
                "operator_visible": False,
                "checked": [],
                "selected": None,
                "reversed": False,
                "text": None,
            }
            self.order.append(wid)
            return
        widget = self.widgets.get(self.current)
        if widget is None:
            return
        if tag == "a" and attrs.get("data-name") == "operator":
            widget["operator_visible"] = True
            widget["operator"] = attrs.get("data-value") or widget["operator"]
        elif tag == "input" and attrs.get("type") == "checkbox" and "checked" in attrs:
            if element_id == f"{self.current}_reversed":
                widget["reversed"] = True
            else:
                widget["checked"].append(attrs.get("value"))
        elif tag == "input" and element_id == self.current and attrs.get("value"):
            widget["text"] = attrs["value"]
        elif tag == "select":
            self.select = element_id
        elif tag == "option" and "selected" in attrs and self.select == self.current:
            widget["selected"] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        if tag == "div" and self.in_version:
            self.in_version = False

    def handle_data(self, data):
        if self.in_version:
            self.version += data.strip()


def load_query(page, filters):
    """Faceted.Query once the page has loaded with these filters in its hash.

    The widgets' defaults (checked boxes, sort, results per page, operators shown),
    then the visitor's choices; the hash (jQuery.param, traditional) is read back by
    Faceted.URLHandler.get, which makes every scalar a one-item list.
    """
    query = {}
    for wid in page.order:
        widget = page.widgets[wid]
        if widget["kind"] in ("checkboxes", "checkbox") and widget["checked"]:
            query[wid] = list(widget["checked"])
        if widget["operator_visible"]:
            query[f"{wid}-operator"] = widget["operator"]
        if widget["kind"] in ("sorting", "resultsperpage") and widget["selected"]:
            query[wid] = [widget["selected"]]
        if widget["kind"] == "sorting" and widget["selected"] and widget["reversed"]:
            query["reversed"] = "on"
        if widget["kind"] == "text" and widget["text"]:
            query[wid] = [widget["text"]]
    query["b_start"] = 0
    query.update(filters)
    return {
        key: [str(item) for item in value] if isinstance(value, list) else [str(value)]
        for key, value in query.items()
    }


def sorted_query(query):
    """Faceted.SortedQuery: keys sorted, empty or "all" values left out."""
    return {
        key: query[key]
        for key in sorted(query)
        if query[key] not in ("", "all", None) and query[key] != []
    }


def jquery_param(data):
    """jQuery.param(data) as $.get/$.getJSON send it (not traditional: a[]=1&a[]=2)."""

    def encode(value):
        return quote(str(value), safe="-_.!~*'()").replace("%20", "+")

    parts = []
    for key, value in data.items():
        if isinstance(value, list):
            parts.extend(f"{encode(key + '[]')}={encode(item)}" for item in value)
        else:
            parts.append(f"{encode(key)}={encode(value)}")
    return "&".join(parts)


def browser_requests(page, base, filters, batched=False):
    """[(label, url, headers)]: @@faceted_query, then one @@faceted_counter per
    counted widget, as Faceted.Form.do_form_query and each widget's count() build
    them (QUERY_INITIALIZED then hash_changed, on a page loaded with a hash).

    ``batched``: the counters as the portal's page script sends them, one
    @@faceted_counter for all, ``cids`` naming the facets (faceted-page.js)."""
    query = load_query(page, filters)
    calls = []
    data = sorted_query(query)
    data["b_start"] = data["b_start"][0]
    if page.version:
        data["version"] = page.version
    calls.append(
        ("faceted_query", f"{base}@@faceted_query?{jquery_param(data)}", XHR_HTML)
    )
    counters = {}  # wid: the query its count() sends
    for wid in page.order:
        widget = page.widgets[wid]
        if not widget["counted"]:
            continue
        data = sorted_query(query)
        data["cid"] = wid
        if page.version:
            data["version"] = page.version
        operator_key = f"{wid}-operator"
        if widget["operator"] and operator_key not in data:
            data[operator_key] = widget["operator"]
        counters[wid] = data
    if batched:
        merged = {}
        for data in counters.values():
            merged.update(data)  # with each facet's operator
        del merged["cid"]
        cids = "&".join(f"cids={wid}" for wid in counters)
        calls.append(
            (
                "faceted_counter (cids)",
                f"{base}@@faceted_counter?{jquery_param(merged)}&{cids}",
                XHR_JSON,
            )
        )
        return calls
    for wid, data in counters.items():
        calls.append(
            (
                f"faceted_counter:{wid}",
                f"{base}@@faceted_counter?{jquery_param(data)}",
                XHR_JSON,
            )
        )
    return calls


def criteria_of_section():
    """{index: (criterion id, widget, counted)} of the section's faceted page."""
    return {
        criterion.properties["index"]: (
            criterion.cid,
            criterion.widget,
            criterion.properties.get("count") is True,
        )
        for criterion in faceted_criteria()[SECTION]
        if criterion.properties.get("index")
    }


# --- 4. Measuring ----------------------------------------------------------------


def timed_get(session, url, headers, timeout):
    started = time.perf_counter()
    response = session.get(url, headers=headers, timeout=timeout, allow_redirects=False)
    body = response.content
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise BenchError(f"{response.status_code} pour {url} : {body[:300]!r}")
    return elapsed, response, len(body)


class Operation:
    """One measured thing: one request, or a sequence of requests timed as a whole.

    ``one_page_load``: the requests of one run are those of one page load, and
    nothing of a run may be reused by the next: each run adds its own ``_``
    parameter (jQuery's cache breaker, which eea ignores) to its URLs. The
    counters of one run share their computation, as those of a page do; the next
    run computes them again, as a visitor's different search would."""

    runs = 0

    def __init__(self, key, label, calls, one_page_load=False):
        self.key = key
        self.label = label
        self.calls = calls  # [(part label, url, headers)]
        self.one_page_load = one_page_load
        self.samples = []  # total ms per repetition
        self.parts = {part: [] for part, _url, _headers in calls}
        self.sizes = {}

    def run(self, session, timeout, record=True):
        total = 0.0
        Operation.runs += 1
        for part, url, headers in self.calls:
            if self.one_page_load:
                url = f"{url}&_={Operation.runs}"
            elapsed, _response, size = timed_get(session, url, headers, timeout)
            total += elapsed
            if record:
                self.parts[part].append(elapsed)
            self.sizes[part] = size
        if record:
            self.samples.append(total)
        return total


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summary(values):
    return {
        "n": len(values),
        "median_ms": round(statistics.median(values), 1),
        "p95_ms": round(percentile(values, 0.95), 1),
        "min_ms": round(min(values), 1),
        "max_ms": round(max(values), 1),
        "mean_ms": round(statistics.fmean(values), 1),
    }


def check_answers(session, base_site, scenario, operations, timeout):
    """The same question gets the same number of items from (a), (b) and (c)."""
    totals = {}
    counter_call = scenario["check_counter"]
    for part, url, headers in operations["a"].calls:
        if part == counter_call:
            _ms, response, _size = timed_get(session, url, headers, timeout)
            totals["a"] = response.json().get(scenario["check_value"])
    if "a2" in operations:
        _part, url, headers = operations["a2"].calls[1]
        _ms, response, _size = timed_get(session, url, headers, timeout)
        facet = counter_call.split(":", 1)[1]
        totals["a2"] = response.json().get(facet, {}).get(scenario["check_value"])
    for key in ("b", "c"):
        _part, url, headers = operations[key].calls[0]
        _ms, response, _size = timed_get(session, url, headers, timeout)
        totals[key] = response.json().get("items_total")
    return totals


def build_scenarios(page, base_site, section_url, criteria, text_word, batched=True):
    theme_id = criteria["themes"][0]
    region_id = criteria["regions"][0]
    text_id = criteria["SearchableText"][0]
    definitions = [
        {
            "name": "themes=foncier ET regions=53",
            "eea": {theme_id: ["foncier"], region_id: ["53"]},
            "rest": [("themes", "foncier"), ("regions", "53")],
        },
        {
            "name": f"themes=foncier ET regions=53 ET SearchableText={text_word}",
            "eea": {theme_id: ["foncier"], region_id: ["53"], text_id: [text_word]},
            "rest": [
                ("themes", "foncier"),
                ("regions", "53"),
                ("SearchableText", text_word),
            ],
        },
    ]
    scenarios = []
    for number, definition in enumerate(definitions, start=1):
        rest = "&".join(f"{key}={quote(value)}" for key, value in definition["rest"])
        calls_a = browser_requests(page, section_url, definition["eea"])
        operations = {}
        if batched:
            operations["a2"] = Operation(
                f"s{number}.a2",
                "(a') la page d'ici : 1 faceted_query + 1 faceted_counter (cids)",
                browser_requests(page, section_url, definition["eea"], batched=True),
                one_page_load=True,
            )
        operations.update(
            {
                "a": Operation(
                    f"s{number}.a",
                    f"(a) eea : 1 faceted_query + {len(calls_a) - 1} faceted_counter",
                    calls_a,
                    one_page_load=True,
                ),
                "b": Operation(
                    f"s{number}.b",
                    "(b) @facets",
                    [
                        (
                            "@facets",
                            f"{base_site}/@facets?collection=ressources&{rest}",
                            JSON_ACCEPT,
                        )
                    ],
                ),
                "c": Operation(
                    f"s{number}.c",
                    "(c) @search",
                    [
                        (
                            "@search",
                            f"{base_site}/@search?portal_type=Resource&{rest}"
                            "&review_state=published&b_size=20",
                            JSON_ACCEPT,
                        )
                    ],
                ),
            }
        )
        scenarios.append(
            {
                "number": number,
                "name": definition["name"],
                "operations": operations,
                # The count of "foncier" by the theme counter is the number of items
                # matching every filter (the other filters stay, theme is let go).
                "check_counter": f"faceted_counter:{theme_id}",
                "check_value": "foncier",
            }
        )
    return scenarios


def measure(args, meta, source=None):
    """The measures, with the code of ``source`` (an earlier revision's src) if
    given: then without (a'), which that code may not answer."""
    import requests

    base_site = f"http://{HOST}:{args.port}/{SITE_ID}"
    section_url = f"{base_site}/{SECTION}/"
    session = requests.Session()
    session.headers["User-Agent"] = "coordaction-bench/1"
    with Server(args.port, args.server_timeout, source) as server:
        if source is not None:
            say(f"  → code d'avant : {source}")
        say(f"  → serveur : {BIN / 'runwsgi'} {ZOPE_INI.relative_to(ROOT)}")
        ready = server.wait_ready(session, base_site)
        say(f"    prêt en {ready:.1f} s (journal : {SERVER_LOG.relative_to(ROOT)})")

        # The data the server sees, as an anonymous visitor.
        _ms, response, _size = timed_get(
            session,
            f"{base_site}/@search?portal_type=Resource&b_size=1",
            JSON_ACCEPT,
            args.timeout,
        )
        visible = response.json()["items_total"]
        if visible != args.published:
            raise BenchError(
                f"Un visiteur anonyme voit {visible} ressources au lieu de "
                f"{args.published} : base incohérente (relancez avec --rebuild)."
            )
        say(f"    un visiteur anonyme voit {visible} ressources (les privées non)")

        # The faceted page, as the browser gets it.
        _ms, response, _size = timed_get(
            session, section_url, {"Accept": "text/html"}, args.timeout
        )
        page = FacetedPage()
        page.feed(response.text)
        if not any(widget["counted"] for widget in page.widgets.values()):
            raise BenchError(
                f"{section_url} n'est pas une page à facettes avec compteurs "
                "(apply_faceted_configurations a-t-il tourné ?)"
            )
        base = page.baseurl or section_url
        criteria = criteria_of_section()
        scenarios = build_scenarios(
            page,
            base_site,
            base,
            criteria,
            meta["text_word"],
            batched=source is None,
        )
        items = {
            "resource": Operation(
                "item.resource",
                "GET d'une ressource",
                [("resource", f"{base_site}/{meta['paths']['resource']}", JSON_ACCEPT)],
            ),
            "document": Operation(
                "item.document",
                "GET d'un Document",
                [("document", f"{base_site}/{meta['paths']['document']}", JSON_ACCEPT)],
            ),
        }
        operations = [op for s in scenarios for op in s["operations"].values()]
        operations += list(items.values())

        say("\n  Requêtes du navigateur (scénario 1) :")
        for part, url, _headers in scenarios[0]["operations"]["a"].calls:
            say(f"    {part:<26} {url.replace(base_site, '')}")

        checks = {}
        for scenario in scenarios:
            checks[scenario["number"]] = check_answers(
                session, base_site, scenario, scenario["operations"], args.timeout
            )

        say(f"\n  Échauffement : {args.warmup} fois chaque mesure…")
        warm = {op.key: [] for op in operations}
        for _round in range(args.warmup):
            for op in operations:
                warm[op.key].append(op.run(session, args.timeout, record=False))
        round_ms = (
            sum(statistics.median(values) for values in warm.values())
            if args.warmup
            else 0
        )
        repeat = args.repeat
        left = args.deadline - time.monotonic() - 45
        if round_ms and repeat * round_ms / 1000 > left:
            repeat = max(5, int(left * 1000 / round_ms))
            say(
                f"  ! {args.repeat} répétitions ne tiennent pas dans le temps imparti "
                f"(~{round_ms / 1000:.1f} s par tour) : {repeat} seulement."
            )
        say(f"  Mesure : {repeat} répétitions, mesures alternées à chaque tour…")
        load_before = os.getloadavg()
        started = time.perf_counter()
        for number in range(repeat):
            # Rotate the order so that no operation always runs first or last.
            shift = number % len(operations)
            for op in operations[shift:] + operations[:shift]:
                op.run(session, args.timeout)
            if (number + 1) % 10 == 0 or number + 1 == repeat:
                say(
                    f"    {number + 1}/{repeat}  ({time.perf_counter() - started:.0f} s)"
                )
        load_after = os.getloadavg()
    return {
        "scenarios": scenarios,
        "items": items,
        "checks": checks,
        "page": page,
        "repeat": repeat,
        "load": {"before": load_before, "after": load_after},
        "seconds": time.perf_counter() - started,
        "server_ready_s": ready,
    }


# --- 5. Report -------------------------------------------------------------------


def verdict(ok):
    return "PASS" if ok else "FAIL"


def git_state():
    """The commit and the files changed in the working tree: what was measured."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"head": head, "src_changes": [line.strip() for line in changed]}


# How the report names each measure.
NAMES = {"a": "a", "a2": "a'", "b": "b", "c": "c"}


def medians(scenario):
    """{operation key: its median, ms} of a measured scenario."""
    return {
        key: statistics.median(op.samples) for key, op in scenario["operations"].items()
    }


def report(args, meta, measured, zcml_overlay, run_started, before=None):
    lines = []
    out = lines.append
    results = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "loadavg_before": measured["load"]["before"],
            "loadavg_after": measured["load"]["after"],
        },
        "settings": {
            "repeat_requested": args.repeat,
            "repeat": measured["repeat"],
            "warmup": args.warmup,
            "timeout_s": args.timeout,
            "percentile": "nearest rank",
        },
        "dataset": {
            key: meta.get(key)
            for key in (
                "requested",
                "counts",
                "seed",
                "built_at",
                "build_seconds",
                "build_phases",
                "reused",
            )
        },
        "faceted_zcml_included_by_bench": zcml_overlay,
        "git": git_state(),
        "scenarios": [],
        "items": {},
        "targets": [],
        "before": None,
    }
    if before is not None:
        results["before"] = {
            "revision": args.before,
            "repeat": before["repeat"],
            "scenarios": [
                {
                    "name": scenario["name"],
                    "stats": {
                        key: summary(op.samples)
                        for key, op in scenario["operations"].items()
                    },
                }
                for scenario in before["scenarios"]
            ],
        }
    targets = []
    width = 62
    out("")
    out(
        f"Résultats ({measured['repeat']} répétitions, {args.warmup} d'échauffement ; ms)"
    )
    for scenario in measured["scenarios"]:
        ops = scenario["operations"]
        stats = {key: summary(op.samples) for key, op in ops.items()}
        out("")
        out(f"Scénario {scenario['number']} : {scenario['name']}")
        out(f"  {'':<{width}} {'médiane':>9} {'p95':>9}")
        for key in [key for key in ("a", "a2", "b", "c") if key in ops]:
            op = ops[key]
            out(
                f"  {op.label:<{width}} {stats[key]['median_ms']:>9.1f} {stats[key]['p95_ms']:>9.1f}"
            )
            if key == "a":
                for part, values in op.parts.items():
                    part_stats = summary(values)
                    out(
                        f"  {'    dont ' + part:<{width}} "
                        f"{part_stats['median_ms']:>9.1f} {part_stats['p95_ms']:>9.1f}"
                    )
        eea_ratio = stats["a"]["median_ms"] / stats["b"]["median_ms"]
        out(f"  {'ratio (a)/(b), médianes':<{width}} {eea_ratio:>9.2f}x")
        # The page's path: what the browser sends today, (a') if measured.
        page_key = "a2" if "a2" in ops else "a"
        page_ratio = stats[page_key]["median_ms"] / stats["b"]["median_ms"]
        page_label = "(a')" if page_key == "a2" else "(a)"
        if page_key == "a2":
            label = "ratio (a')/(b), médianes"
            out(f"  {label:<{width}} {page_ratio:>9.2f}x")
        if before is not None:
            then = medians(before["scenarios"][scenario["number"] - 1])
            out(
                f"  {'avant (' + args.before + ') : (a), (b), (a)/(b)':<{width}} "
                f"{then['a']:>9.1f} {then['b']:>9.1f} {then['a'] / then['b']:>8.2f}x"
            )
        out(
            f"  {'ratio (c)/(b), médianes':<{width}} "
            f"{stats['c']['median_ms'] / stats['b']['median_ms']:>9.2f}x"
        )
        check = measured["checks"][scenario["number"]]
        same = len(set(check.values())) == 1
        out(
            "  nombre d'éléments trouvés : "
            + "  ".join(f"({NAMES[key]}) {value}" for key, value in check.items())
            + ("" if same else "   ! DIFFÉRENTS")
        )
        targets.append(
            (
                f"S{scenario['number']} {page_label} au plus {TARGET_EEA_RATIO:g}x (b)",
                page_ratio <= TARGET_EEA_RATIO,
                f"{page_ratio:.2f}x",
            )
        )
        targets.append(
            (
                f"S{scenario['number']} p95 de (b) < {TARGET_P95_MS:g} ms",
                stats["b"]["p95_ms"] < TARGET_P95_MS,
                f"{stats['b']['p95_ms']:.1f} ms",
            )
        )
        results["scenarios"].append(
            {
                "name": scenario["name"],
                "same_item_count": same,
                "item_counts": check,
                "ratio_a_over_b": round(eea_ratio, 2),
                "ratio_page_over_b": round(page_ratio, 2),
                "operations": {
                    key: {
                        "label": op.label,
                        "requests": [
                            {"part": part, "url": url, "headers": headers}
                            for part, url, headers in op.calls
                        ],
                        "stats": stats[key],
                        "parts": {part: summary(v) for part, v in op.parts.items()},
                        "response_bytes": op.sizes,
                        "samples_ms": [round(value, 2) for value in op.samples],
                    }
                    for key, op in ops.items()
                },
            }
        )
    items = measured["items"]
    item_stats = {key: summary(op.samples) for key, op in items.items()}
    ratio = item_stats["resource"]["median_ms"] / item_stats["document"]["median_ms"]
    out("")
    out("GET d'un élément (Accept: application/json)")
    out(f"  {'':<{width}} {'médiane':>9} {'p95':>9}")
    for key, op in items.items():
        url = op.calls[0][1].split(f"/{SITE_ID}/", 1)[1]
        label = f"{op.label} ({url})"
        out(
            f"  {label:<{width}} {item_stats[key]['median_ms']:>9.1f} {item_stats[key]['p95_ms']:>9.1f}"
        )
    out(f"  {'ratio ressource/document, médianes':<{width}} {ratio:>9.2f}x")
    targets.append(
        (
            f"GET ressource <= {TARGET_ITEM_RATIO:g}x GET document",
            ratio <= TARGET_ITEM_RATIO,
            f"{ratio:.2f}x",
        )
    )
    for key, op in items.items():
        results["items"][key] = {
            "url": op.calls[0][1],
            "stats": item_stats[key],
            "response_bytes": op.sizes,
            "samples_ms": [round(value, 2) for value in op.samples],
        }
    results["items"]["ratio_resource_over_document"] = round(ratio, 3)
    out("")
    out("Objectifs")
    for label, ok, value in targets:
        out(f"  [{verdict(ok)}] {label} : {value}")
        results["targets"].append({"target": label, "pass": ok, "value": value})
    load = measured["load"]
    out("")
    out(
        f"Charge de la machine (1 min) : {load['before'][0]:.2f} avant, "
        f"{load['after'][0]:.2f} après, pour {os.cpu_count()} processeurs."
    )
    git = results["git"]
    if git:
        out(
            f"Code mesuré : {git['head']}"
            + (
                f" + {len(git['src_changes'])} fichier(s) de src/ modifié(s)"
                if git["src_changes"]
                else ""
            )
        )
    results["all_pass"] = all(ok for _label, ok, _value in targets)
    results["wall_seconds"] = round(time.monotonic() - run_started, 1)
    RESULTS.write_text(
        json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    out(f"Résultats détaillés : {RESULTS.relative_to(ROOT)}")
    say("\n".join(lines))
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--repeat", type=int, default=50, help="measured repetitions (50)"
    )
    parser.add_argument(
        "--warmup", type=int, default=10, help="warm-up repetitions (10)"
    )
    parser.add_argument("--published", type=int, default=20000)
    parser.add_argument("--private", type=int, default=500)
    parser.add_argument("--group", type=int, default=200)
    parser.add_argument("--port", type=int, default=8095)
    parser.add_argument("--threads", type=int, default=4, help="server threads (4)")
    parser.add_argument("--timeout", type=float, default=60, help="per request, s (60)")
    parser.add_argument("--server-timeout", type=float, default=240, help="start-up, s")
    parser.add_argument(
        "--max-minutes",
        type=float,
        default=25,
        help="fewer repetitions if the whole run would take longer (25)",
    )
    parser.add_argument("--rebuild", action="store_true", help="build the data again")
    parser.add_argument(
        "--before",
        metavar="REV",
        help="measure first with the code of this earlier git revision",
    )
    parser.add_argument("--no-build", action="store_true", help="fail if no data yet")
    parser.add_argument(
        "--build-only", action="store_true", help="build, do not measure"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.warmup < 0:
        parser.error("--repeat >= 1 and --warmup >= 0")

    run_started = time.monotonic()
    args.deadline = run_started + args.max_minutes * 60

    def stop(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, stop)
    try:
        import requests  # noqa: F401
    except ImportError:
        say("Le module requests manque dans .venv (make install).")
        return 2
    try:
        say(f"Banc d'essai : instance var/bench, http://{HOST}:{args.port}/{SITE_ID}")
        if port_in_use(args.port):
            raise BenchError(f"Le port {args.port} est déjà pris : rien n'est lancé.")
        VAR.mkdir(parents=True, exist_ok=True)
        (VAR / "log").mkdir(exist_ok=True)
        zcml_overlay = write_instance(args.port, args.threads)
        meta = ensure_data(args)
        if args.build_only:
            return 0
        before = None
        if args.before:
            say(f"\nAvant : le code de {args.before}")
            before = measure(args, meta, source_of(args.before))
            say("\nAprès : le code d'ici")
        measured = measure(args, meta)
        results = report(args, meta, measured, zcml_overlay, run_started, before=before)
        say(f"Durée totale : {results['wall_seconds'] / 60:.1f} min")
        return 0
    except BenchError as error:
        say(f"\nÉCHEC : {error}")
        return 1
    except KeyboardInterrupt:
        say("\nInterrompu : le serveur du banc est arrêté.")
        return 130


if __name__ == "__main__":
    sys.exit(main())
