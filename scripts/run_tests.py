"""Run the test suite in a few processes at once: ``make test`` calls this.

    python scripts/run_tests.py [--jobs N] -- ZOPE_TESTRUNNER_COMMAND...

The layers are shared out between ``--jobs`` processes (SHARDS below: the layers
of known content of tests/ in one, the portal's own layers in the other).
Each process builds the portal once, then its layers on top of it, so the
portal is built once per process, not once per layer as ``zope-testrunner -j``
would (one subprocess per layer: about twenty portals).

While they run, each process's layers are announced as they start; once a process
ends, its whole output is printed (tracebacks included), then one line adds up
the tests of all. The exit status is 0 only if every process succeeded.
With ``--jobs 1`` the command runs as is, in this terminal.
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
# layer of each test) of every process but the last, which takes the rest: the
# layers of known content made in tests/ (tests/layers.py: browsers, permission
# matrix, sections) in one; the portal's own layers (coordaction.policy.testing)
# and the unit tests in the other. Measured on 2 cores, both take about as long.
SHARDS = (
    ("contenus", (r"^tests\.",)),
    ("portail", ()),
)

RAN = re.compile(
    r"Ran (\d+) tests with (\d+) failures, (\d+) errors(?:,| and) (\d+) skipped"
)


def shard_arguments(jobs):
    """The --layer options of each process: [(name, [options])]."""
    if jobs <= 1:
        return [("tests", [])]
    shards = SHARDS[: jobs - 1]
    taken = "|".join(pattern for _, patterns in shards for pattern in patterns)
    arguments = [
        (name, [option for pattern in patterns for option in ("--layer", pattern)])
        for name, patterns in shards
    ]
    arguments.append((SHARDS[len(shards)][0], ["--layer", f"!({taken})"]))
    return arguments


def announce(name, stream, lines):
    """Keep the output of a process in ``lines``; say when a layer starts."""
    for line in iter(stream.readline, b""):
        text = line.decode("utf-8", "replace")
        lines.append(text)
        if text.startswith("Running ") and text.rstrip().endswith(" tests:"):
            print(f"[{name}] {text.rstrip()}", flush=True)


def run(command, jobs):
    if jobs <= 1:
        return subprocess.call(command)
    started = time.monotonic()
    processes = []
    for name, options in shard_arguments(jobs):
        log = []
        process = subprocess.Popen(
            [*command, *options], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        reader = threading.Thread(
            target=announce, args=(name, process.stdout, log), daemon=True
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
    print(
        f"\nEnsemble : {tests} tests, {failures} échecs, {errors} erreurs, "
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
        default=int(os.environ.get("TEST_JOBS", len(SHARDS))),
        help=f"processes (1 to {len(SHARDS)}; TEST_JOBS)",
    )
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("the zope-testrunner command is missing")
    os.chdir(Path(__file__).resolve().parents[1])
    return run(command, min(args.jobs, len(SHARDS)))


if __name__ == "__main__":
    sys.exit(main())
