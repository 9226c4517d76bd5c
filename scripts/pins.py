"""Generate buildout's versions.cfg from constraints.txt, or check they agree.

    python scripts/pins.py          # write versions.cfg
    python scripts/pins.py --check  # exit 1 when versions.cfg is out of date

constraints.txt is the source: one ``name==version`` a line, ``#`` comments.
"""

from pathlib import Path
import re
import sys


ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
VERSIONS = ROOT / "versions.cfg"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;#]+)$")


def read_constraints(path=CONSTRAINTS):
    pins = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = PIN.match(line)
        if match is None:
            raise SystemExit(f"{path.name}:{number}: not a 'name==version' pin: {line}")
        name = match["name"]
        if name.lower() in {key.lower() for key in pins}:
            raise SystemExit(f"{path.name}:{number}: {name} is pinned twice")
        pins[name] = match["version"]
    return pins


def render_versions(pins):
    lines = [
        "# Generated from constraints.txt by `make pins` (scripts/pins.py): do not edit.",
        "[buildout]",
        "versions = versions",
        "",
        "[versions]",
    ]
    lines += [
        f"{name} = {version}"
        for name, version in sorted(pins.items(), key=lambda item: item[0].lower())
    ]
    return "\n".join(lines) + "\n"


def main(argv):
    expected = render_versions(read_constraints())
    if "--check" in argv:
        current = VERSIONS.read_text(encoding="utf-8") if VERSIONS.exists() else ""
        if current != expected:
            print("versions.cfg does not match constraints.txt: run `make pins`.")
            return 1
        print("versions.cfg matches constraints.txt.")
        return 0
    VERSIONS.write_text(expected, encoding="utf-8")
    print(f"Wrote {VERSIONS.name} ({expected.count(' = ')} pins).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
