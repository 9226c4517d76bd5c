"""Run the test suite in a few processes at once: ``make test`` calls this.

    python scripts/run_tests.py [--jobs N] -- ZOPE_TESTRUNNER_COMMAND...

The layers are shared out between ``--jobs`` processes (SHARDS below: with three,
the journeys of tests/acceptance in one, the other layers of known content of
tests/ in another, the portal's own layers in the last).
Each process builds the portal once, then its layers on top of it, so the
portal is built once per process, not once per layer as ``zope-testrunner -j``
would (one subprocess per layer: about twenty portals).

While they run, each process's layers are announced as they start, and each
process when it ends; then the whole output of each is printed (tracebacks
included), the wall time of each (balanced processes end at about the same
time), and one line adds up the tests of all. The exit status is 0 only if every
process succeeded.
With ``--jobs 1`` the command runs as is, in this terminal.

Before the processes start, the translations (``LC_MESSAGES/*.po``) of the
installed packages and of ``src/`` are compiled once: each process would compile
the missing ``.mo`` files itself while loading Plone
(``zope_i18n_compile_mo_files``), and on a fresh checkout one read the file
another was writing ("unpack requires a buffer of 4 bytes").
"""

from pathlib import Path
import argparse
import os
import re
import subprocess
import sys
import threading
import time


# Layer name patterns (regular expressions, searched in the dotted name of the
# layer of each test) of every process but the last, which takes the rest, for
# each number of processes. The browser layers wait a good part of their time (for
# pages, eea's requests, Chromium's rendering, in another process): on 2 cores,
# three processes keep both busy; the Plone site they each build costs ~15 s.
# Measured on 2 cores (a busy machine: 489 s in all), they end within 45 s:
# - "navigateur": the journeys of tests/acceptance (the demo's pages at 390 px,
#   hostile text, French everywhere), 449 s;
# - "contenus": the other layers of known content made in tests/ (accessibility,
#   map, faceted pages, permission matrix, sections), 445 s;
# - "portail": the portal's own layers (coordaction.policy.testing) and the unit
#   tests, 489 s.
# With two processes (the default), the journeys and the accessibility tests in one
# ("navigateur"), everything else in the other: on an idle 2-core machine (6 Dec.
# 2026) they end within 5 s of each other, 278 s in all; before, with the layers
# of tests/ in one and the portal's in the other, 327 s (one ended at 145 s). The
# suite is then bound by the processor (vmstat: 0-1 % idle; about half of it
# Chromium's): three processes take as long (280 s).
SHARDS = {
    2: (
        ("navigateur", (r"^tests\.(acceptance|accessibility)\.",)),
        ("portail", ()),
    ),
    3: (
        ("navigateur", (r"^tests\.acceptance\.",)),
        ("contenus", (r"^tests\.",)),
        ("portail", ()),
    ),
}

RAN = re.compile(
    r"Ran (\d+) tests with (\d+) failures, (\d+) errors(?:,| and) (\d+) skipped"
)


def shard_arguments(jobs):
    """The --layer options of each process: [(name, [options])]."""
    if jobs <= 1:
        return [("tests", [])]
    *shards, (last, _) = SHARDS[jobs]
    arguments = []
    taken = []
    for name, patterns in shards:
        # Each process leaves out the layers of the processes before it.
        exclude = [option for pattern in taken for option in ("--layer", f"!{pattern}")]
        arguments.append(
            (
                name,
                [
                    *exclude,
                    *(
                        option
                        for pattern in patterns
                        for option in ("--layer", pattern)
                    ),
                ],
            )
        )
        taken += patterns
    arguments.append((last, ["--layer", f"!({'|'.join(taken)})"]))
    return arguments


def announce(name, process, lines, ended):
    """Keep the output of a process in ``lines``; say when a layer starts and
    when the process ends (its wall time in ``ended``)."""
    for line in iter(process.stdout.readline, b""):
        text = line.decode("utf-8", "replace")
        lines.append(text)
        if text.startswith("Running ") and text.rstrip().endswith(" tests:"):
            print(f"[{name}] {text.rstrip()}", flush=True)
    process.wait()
    ended[name] = time.monotonic()
    print(f"[{name}] fini (code {process.returncode})", flush=True)


def compile_translations():
    """Compile each ``.po`` file whose ``.mo`` is missing or older (zope.i18n's
    own function, which the processes would call)."""
    from zope.i18n.compile import compile_mo_file
    import sysconfig

    roots = [Path(sysconfig.get_paths()["purelib"]), Path(__file__).parents[1] / "src"]
    for root in roots:
        for po in root.glob("**/LC_MESSAGES/*.po"):
            compile_mo_file(po.stem, str(po.parent))


def run(command, jobs):
    if jobs <= 1:
        return subprocess.call(command)
    compile_translations()
    started = time.monotonic()
    ended = {}
    processes = []
    for name, options in shard_arguments(jobs):
        log = []
        process = subprocess.Popen(
            [*command, *options], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        reader = threading.Thread(
            target=announce, args=(name, process, log, ended), daemon=True
        )
        reader.start()
        processes.append((name, process, reader, log))
    print(f"{len(processes)} processus : {', '.join(p[0] for p in processes)}")
    try:
        for _, process, reader, _ in processes:
            process.wait()
            reader.join()
    except KeyboardInterrupt:
        for _, process, _, _ in processes:
            process.terminate()
        raise
    totals = [0, 0, 0, 0]
    status = 0
    for name, process, _, log in processes:
        output = "".join(log)
        print(f"\n===== {name} (code de sortie {process.returncode}) =====")
        print(output, end="")
        for match in RAN.finditer(output):
            totals = [a + int(b) for a, b in zip(totals, match.groups(), strict=True)]
        status = status or process.returncode
    tests, failures, errors, skipped = totals
    # Each process's wall time: balanced shards end at about the same time.
    print()
    for name, *_ in processes:
        print(f"{name} : {ended[name] - started:.0f} s")
    print(
        f"Ensemble : {tests} tests, {failures} échecs, {errors} erreurs, "
        f"{skipped} sautés, en {time.monotonic() - started:.0f} s "
        f"({len(processes)} processus)."
    )
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=int(os.environ.get("TEST_JOBS", 2)),
        help=f"processes (1 to {max(SHARDS)}; TEST_JOBS)",
    )
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("the zope-testrunner command is missing")
    os.chdir(Path(__file__).resolve().parents[1])
    return run(command, min(args.jobs, max(SHARDS)))


if __name__ == "__main__":
    sys.exit(main())
