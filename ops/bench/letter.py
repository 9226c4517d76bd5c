"""Benchmark of the letter's sending (``make bench-letter``).

    .venv/bin/python ops/bench/letter.py [--subscribers 10000] [--no-kill]

1. Builds, once, a separate instance under var/bench-letter/ (port 8096,
   127.0.0.1 only) with the demo content, through the normal
   ``coordaction-create-site`` path, its mail going to a real SMTP server
   (aiosmtpd, started here on port 8097) that counts what it receives per
   recipient and keeps nothing else; then ``ops/bench/letter_site.py`` adds the
   subscribers and a letter of the demo's publications, ready.
2. Starts the instance (runwsgi), measures the pages of a visitor while nothing
   is sent (idle), sends the letter as the administrator would (the workflow's
   ``send`` through REST), and measures the same pages while it is sent, with
   the server's memory (VmRSS) sampled each second.
3. Halfway (unless ``--no-kill``), kills the server with SIGKILL, starts it
   again and waits: the sending job goes on by itself.
4. Checks at the SMTP server that every recipient got exactly one letter,
   prints messages per second, the pages' p95 idle and while sending, the
   memory, and writes var/bench-letter/results.json. The server is always
   stopped at the end.
"""

from aiosmtpd.controller import Controller
from collections import Counter
from pathlib import Path
import argparse
import datetime
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time


ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench-letter"
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python"
ZOPE_CONF = VAR / "instance" / "etc" / "zope.conf"
ZOPE_INI = VAR / "instance" / "etc" / "zope.ini"
RESULTS = VAR / "results.json"
SERVER_LOG = VAR / "log" / "server.log"
HOST = "127.0.0.1"
PORT = 8096
SMTP_PORT = 8097
SITE_ID = "coordaction"
ADMIN = ("admin", "admin")  # a throw-away instance on 127.0.0.1 only
PAGES = ("", "centre-de-ressources", "agenda", "petites-annonces", "lettre")

# The targets of the brief.
TARGET_SECONDS = 600.0  # 10,000 letters in under 10 minutes
TARGET_P95_RATIO = 2.0  # no page over 2x its idle p95


def say(message=""):
    print(message, flush=True)


class CountingHandler:
    """An SMTP server that counts what each recipient receives."""

    def __init__(self):
        self.lock = threading.Lock()
        self.per_recipient = Counter()
        self.first = None
        self.last = None

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        with self.lock:
            for address in envelope.rcpt_tos:
                self.per_recipient[address.lower()] += 1
            self.first = self.first or now
            self.last = now
        return "250 Message accepted for delivery"

    def total(self):
        with self.lock:
            return sum(self.per_recipient.values())


def env():
    environment = dict(os.environ)
    for name in ("COORDACTION_DEBUG", "COORDACTION_VAR", "COORDACTION_PUBLIC_URL"):
        environment.pop(name, None)
    environment.update(
        {
            "COORDACTION_SITE_ID": SITE_ID,
            "COORDACTION_ADMIN_USER": ADMIN[0],
            "COORDACTION_ADMIN_PASSWORD": ADMIN[1],
            "COORDACTION_PORT": str(PORT),
            "COORDACTION_HOST": HOST,
            "COORDACTION_SMTP_HOST": HOST,
            "COORDACTION_SMTP_PORT": str(SMTP_PORT),
            "COORDACTION_MAIL_QUEUE": str(VAR / "mailqueue"),
            "COORDACTION_DEMO": "1",
            "PYTHONWARNINGS": "ignore",
        }
    )
    return environment


def run(command, log):
    with open(log, "a", encoding="utf-8") as stream:
        result = subprocess.run(
            [str(part) for part in command],
            cwd=ROOT,
            env=env(),
            stdout=subprocess.PIPE,
            stderr=stream,
            text=True,
            check=True,
        )
    return result.stdout


def prepare(subscribers):
    (VAR / "log").mkdir(parents=True, exist_ok=True)
    log = VAR / "log" / "build.log"
    run(
        [
            PYTHON,
            "ops/instance/make_instance.py",
            "--var",
            VAR,
            "--host",
            HOST,
            "--port",
            PORT,
        ],
        log,
    )
    say("  → le site (contenu de démonstration), s'il n'existe pas encore")
    run([BIN / "coordaction-create-site", ZOPE_CONF], log)
    say(f"  → {subscribers} abonnés et une lettre prête")
    output = run(
        [PYTHON, "ops/bench/letter_site.py", ZOPE_CONF, "--subscribers", subscribers],
        log,
    )
    facts = dict(line.split("=", 1) for line in output.split() if "=" in line)
    say(
        f"    {facts['subscribers']} abonnés ; la lettre : {facts['letter']} "
        f"({facts['publications']} publications, pour {facts['expected']} abonnés)"
    )
    return facts


class Server:
    def __init__(self):
        self.process = None

    def start(self):
        with open(SERVER_LOG, "a", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [str(BIN / "runwsgi"), str(ZOPE_INI)],
                cwd=ROOT,
                env=env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        import requests

        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if requests.get(url(""), timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"Le serveur ne répond pas : voir {SERVER_LOG}")

    def memory_mb(self):
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return None

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(30)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


def url(path):
    return f"http://{HOST}:{PORT}/{SITE_ID}/{path}".rstrip("/")


def page_times(rounds, stop=None):
    """Seconds of each page a visitor opens, ``rounds`` times (or until
    ``stop()``)."""
    import requests

    session = requests.Session()
    times = []
    done = 0
    while (stop is None and done < rounds) or (stop is not None and not stop()):
        for page in PAGES:
            began = time.perf_counter()
            response = session.get(url(page), timeout=60)
            times.append(time.perf_counter() - began)
            if response.status_code != 200:
                raise RuntimeError(f"{page}: {response.status_code}")
        done += 1
    return times


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10000)
    parser.add_argument("--no-kill", action="store_true")
    args = parser.parse_args(argv)

    import requests

    handler = CountingHandler()
    smtp = Controller(handler, hostname=HOST, port=SMTP_PORT)
    smtp.start()
    server = Server()
    try:
        say("1. Préparation")
        facts = prepare(args.subscribers)
        expected = int(facts["expected"])
        server.start()
        say("2. Pages au repos")
        page_times(3)
        idle = page_times(20)
        say(f"   p95 au repos : {p95(idle) * 1000:.0f} ms ({len(idle)} pages)")

        say("3. Envoi de la lettre")
        letter_url = f"http://{HOST}:{PORT}/{facts['letter']}"
        response = requests.post(
            f"{letter_url}/@workflow/send",
            auth=ADMIN,
            headers={"Accept": "application/json"},
            timeout=60,
        )
        response.raise_for_status()
        began = time.monotonic()
        memory = []
        busy = []
        killed_at = None
        restarted_in = 0.0
        finished = threading.Event()

        def sample_memory():
            while not finished.is_set():
                value = server.memory_mb()
                if value:
                    memory.append(value)
                time.sleep(1)

        sampler = threading.Thread(target=sample_memory, daemon=True)
        sampler.start()
        deadline = began + 1800
        while time.monotonic() < deadline:
            total = handler.total()
            if (
                not args.no_kill
                and killed_at is None
                and total >= args.subscribers * 0.4
            ):
                say(f"   kill -9 du serveur après {total} lettres reçues")
                killed_at = total
                server.kill()
                down = time.monotonic()
                server.start()
                restarted_in = time.monotonic() - down
                say(f"   serveur relancé en {restarted_in:.0f} s")
                continue
            try:
                busy.extend(page_times(1))
            except (requests.RequestException, RuntimeError):
                time.sleep(0.5)
            # Everyone served, and nothing more for a while (a second letter to
            # anyone would come now).
            if (
                len(handler.per_recipient) >= expected
                and time.monotonic() - handler.last > 15
            ):
                break
        finished.set()
        sampler.join(5)
        elapsed = (handler.last or began) - (handler.first or began)
        counts = Counter(handler.per_recipient.values())
        received = len(handler.per_recipient)
        twice = sum(number for times, number in counts.items() if times > 1)
        results = {
            "at": datetime.datetime.now().isoformat(),
            "subscribers": int(facts["subscribers"]),
            "recipients_expected": expected,
            "recipients_received": received,
            "messages_received": handler.total(),
            "received_more_than_once": twice,
            "first_to_last_seconds": round(elapsed, 1),
            "messages_per_second": round(handler.total() / elapsed, 1)
            if elapsed
            else None,
            "killed_after": killed_at,
            "restart_seconds": round(restarted_in, 1),
            "idle_p95_ms": round(p95(idle) * 1000),
            "sending_p95_ms": round(p95(busy) * 1000) if busy else None,
            "sending_pages": len(busy),
            "memory_mb_max": round(max(memory)) if memory else None,
            "memory_mb_first": round(memory[0]) if memory else None,
        }
        RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")
        say("4. Résultats")
        for key, value in results.items():
            say(f"   {key}: {value}")
        ok = (
            twice == 0
            and received == expected
            and elapsed < TARGET_SECONDS
            and results["sending_p95_ms"] is not None
            and results["sending_p95_ms"] <= TARGET_P95_RATIO * results["idle_p95_ms"]
        )
        say("   objectifs atteints" if ok else "   OBJECTIFS NON ATTEINTS")
        return 0 if ok else 1
    finally:
        server.stop()
        smtp.stop()


if __name__ == "__main__":
    sys.exit(main())
