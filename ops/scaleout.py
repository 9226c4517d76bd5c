"""Several Zope instances sharing one RelStorage, behind HAProxy: the local trial.

    python ops/scaleout.py [--var var/scaleout] [--instances 2] [--port 8080]
                               [--dsn DSN] [--varnish-port P]

(``make scaleout``.) In the data folder VAR:

1. PostgreSQL: the database of COORDACTION_DSN / --dsn, or else a private server
   in VAR/postgresql (ops/pgcluster.py: Debian's binaries, 127.0.0.1 only);
2. the configuration of N Zope instances ``web1``..``webN`` on RelStorage, written
   by ops/instance/make_instance.py (VAR/webN/etc), listening on 127.0.0.1, ports
   --port + 1 ... + N;
3. the site, created or brought up to date by ``coordaction-create-site`` (with
   the demo content when COORDACTION_DEMO=1, as ``make start``);
4. the servers: ``runwsgi`` for each instance, HAProxy on --port in front
   (ops/instance/haproxy.cfg.in), and, with --varnish-port, Varnish in front of HAProxy
   (ops/instance/varnish.vcl.in).

It prints the portal's address and runs until Ctrl+C (or SIGTERM), then stops
everything it started, PostgreSQL last. An instance that dies is started again
(HAProxy sends its requests to the others meanwhile). VAR/run/state.json tells the address, the
ports and the process ids (tests stop one instance through it).
"""

from pathlib import Path
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "ops" / "instance"))
sys.path.insert(0, str(ROOT / "ops"))

from make_instance import make_instance  # noqa: E402
import pgcluster  # noqa: E402


BIN = Path(sys.executable).parent
SITE_ID = os.environ.get("COORDACTION_SITE_ID", "coordaction")


def log(message):
    print(f"[scaleout] {message}", flush=True)


def render(template, **values):
    text = (ROOT / "ops" / "instance" / template).read_text(encoding="utf-8")
    return text.format(**values)


def answers(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def wait_for(url, process, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"{what} stopped (status {process.returncode})")
        if answers(url) == 200:
            return
        time.sleep(0.5)
    raise SystemExit(f"{what} did not answer 200 on {url} within {timeout} s")


class Cluster:
    def __init__(self, var, instances, port, dsn=None, varnish_port=None, threads=2):
        self.var = Path(var).resolve()
        self.instances = [f"web{number}" for number in range(1, instances + 1)]
        self.port = port
        self.dsn = dsn
        self.varnish_port = varnish_port
        self.threads = threads
        self.own_postgresql = dsn is None
        self.processes = {}
        self.run = self.var / "run"

    def instance_port(self, name):
        return self.port + self.instances.index(name) + 1

    def zope_conf(self, name):
        return self.var / name / "etc" / "zope.conf"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.varnish_port or self.port}/{SITE_ID}"

    @property
    def balancer_url(self):
        return f"http://127.0.0.1:{self.port}/{SITE_ID}"

    def configure(self):
        self.var.mkdir(parents=True, exist_ok=True)
        self.run.mkdir(exist_ok=True)
        if self.own_postgresql:
            log(f"PostgreSQL in {self.var / 'postgresql'}")
            self.dsn = pgcluster.start(self.var / "postgresql")
        for name in self.instances:
            make_instance(
                self.var,
                "127.0.0.1",
                self.instance_port(name),
                self.threads,
                False,
                storage="relstorage",
                dsn=self.dsn,
                name=name,
            )
        servers = "\n".join(
            f"    server {name} 127.0.0.1:{self.instance_port(name)} check"
            for name in self.instances
        )
        (self.var / "haproxy.cfg").write_text(
            render("haproxy.cfg.in", host="127.0.0.1", port=self.port, servers=servers),
            encoding="utf-8",
        )
        if self.varnish_port:
            # VCL is full of braces: a plain placeholder rather than str.format.
            vcl = (ROOT / "ops" / "instance" / "varnish.vcl.in").read_text(
                encoding="utf-8"
            )
            (self.var / "varnish.vcl").write_text(
                vcl.replace("@BACKEND_PORT@", str(self.port)), encoding="utf-8"
            )

    def create_site(self):
        environment = {
            **os.environ,
            "COORDACTION_PUBLIC_URL": self.url.rsplit("/", 1)[0],
            "COORDACTION_DEMO": os.environ.get("COORDACTION_DEMO", "0"),
        }
        if self.varnish_port:
            # The instances purge Varnish on every edit (plone.app.caching).
            environment["COORDACTION_CACHING_PROXIES"] = (
                f"http://127.0.0.1:{self.varnish_port}"
            )
        subprocess.run(
            [BIN / "coordaction-create-site", self.zope_conf(self.instances[0])],
            check=True,
            env=environment,
        )

    def _spawn(self, name, command, log_file):
        with open(log_file, "ab") as output:
            process = subprocess.Popen(
                list(map(str, command)),
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.processes[name] = process
        return process

    def start_instance(self, name):
        process = self._spawn(
            name,
            [BIN / "runwsgi", self.var / name / "etc" / "zope.ini"],
            self.var / "log" / name / "server.log",
        )
        wait_for(
            f"http://127.0.0.1:{self.instance_port(name)}/{SITE_ID}",
            process,
            300,
            f"Zope instance {name}",
        )
        self.write_state()

    def stop_process(self, name, sig=signal.SIGTERM, timeout=30):
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def start(self):
        self.configure()
        self.create_site()
        for name in self.instances:
            log(f"Zope instance {name} on 127.0.0.1:{self.instance_port(name)}")
            self.start_instance(name)
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        log(f"HAProxy on 127.0.0.1:{self.port}")
        self._spawn(
            "haproxy",
            [haproxy, "-db", "-f", self.var / "haproxy.cfg"],
            self.var / "log" / "haproxy.log",
        )
        wait_for(self.balancer_url, self.processes["haproxy"], 60, "HAProxy")
        if self.varnish_port:
            varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
            log(f"Varnish on 127.0.0.1:{self.varnish_port}")
            self._spawn(
                "varnish",
                [
                    varnishd,
                    "-F",
                    "-n",
                    self.var / "varnish",
                    "-a",
                    f"127.0.0.1:{self.varnish_port}",
                    "-f",
                    self.var / "varnish.vcl",
                    "-s",
                    "malloc,64m",
                ],
                self.var / "log" / "varnish.log",
            )
            wait_for(self.url, self.processes["varnish"], 60, "Varnish")
        self.write_state()

    def supervise(self):
        """Start again an instance that died (as a process supervisor would: the
        balancer sends its requests to the others meanwhile)."""
        for name, process in list(self.processes.items()):
            if process.poll() is None:
                continue
            if name in ("haproxy", "varnish"):
                raise SystemExit(f"{name} stopped (status {process.returncode})")
            log(f"Zope instance {name} stopped (status {process.returncode}): restart")
            del self.processes[name]
            self.write_state()
            self.start_instance(name)
            log(f"Zope instance {name} serves again")

    def write_state(self):
        state = {
            "url": self.url,
            "balancer_url": self.balancer_url,
            "dsn": self.dsn,
            "instances": {
                name: {
                    "port": self.instance_port(name),
                    "url": f"http://127.0.0.1:{self.instance_port(name)}/{SITE_ID}",
                    "zope_conf": str(self.zope_conf(name)),
                    "pid": self.processes[name].pid if name in self.processes else None,
                }
                for name in self.instances
            },
            "pids": {name: process.pid for name, process in self.processes.items()},
        }
        (self.run / "state.json").write_text(json.dumps(state, indent=2))

    def stop(self):
        for name in ["varnish", "haproxy", *reversed(self.instances)]:
            self.stop_process(name)
        for name in list(self.processes):
            self.stop_process(name)
        if self.own_postgresql and (self.var / "postgresql" / "data").exists():
            pgcluster.stop(self.var / "postgresql")
        (self.run / "state.json").unlink(missing_ok=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", default="var/scaleout")
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--dsn", default=os.environ.get("COORDACTION_DSN"))
    parser.add_argument("--varnish-port", type=int)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    cluster = Cluster(
        args.var, args.instances, args.port, args.dsn, args.varnish_port, args.threads
    )

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    try:
        cluster.start()
        log(f"Le portail répond : {cluster.url} (Ctrl+C pour tout arrêter)")
        log("READY")
        while True:
            cluster.supervise()
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        log("Arrêt…")
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
