"""The rooms of src/coordaction and the imports between them.

    python scripts/structure.py          # rooms, then arrows "room -> room (imports)"
    python scripts/structure.py --check  # exit 1 if an arrow runs the wrong way

A room is content (one room), or, inside workflows and policy, a subpackage
(policy.agenda, workflows.spaces...) or a module at the top (workflows.transitions,
policy.setuphandlers); the base of a package (its __init__ and interfaces.py) is a
room that every room of the package may import. The arrows must run one way: content <- workflows
<- policy, and no two rooms import each other, directly or through others.
"""

from collections import defaultdict
from pathlib import Path
import ast
import sys


ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGES = ("content", "workflows", "policy")
# imported by every room of their package: its messages, its interfaces
BASE_MODULES = {"interfaces"}


def room_of_module(dotted):
    """coordaction.policy.agenda.page -> policy.agenda; coordaction.workflows.
    transitions -> workflows.transitions; the base of a package (its __init__ and
    interfaces, imported by all its rooms) -> policy; content is one room; None
    outside coordaction."""
    parts = dotted.split(".")
    if parts[0] != "coordaction" or len(parts) < 2 or parts[1] not in PACKAGES:
        return None
    package = parts[1]
    if package == "content" or len(parts) < 3 or parts[2] in BASE_MODULES:
        return package
    folder = SRC / "coordaction" / package
    if (folder / parts[2]).is_dir() or (folder / f"{parts[2]}.py").is_file():
        return f"{package}.{parts[2]}"
    return package


def module_name(path):
    relative = path.relative_to(SRC).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            for alias in node.names:
                yield f"{node.module}.{alias.name}"


def arrows():
    """{(from room, to room): number of importing modules}, and the rooms."""
    counted = defaultdict(set)
    rooms = set()
    for path in sorted((SRC / "coordaction").rglob("*.py")):
        source = module_name(path)
        if source.endswith("testing"):
            continue  # the test fixtures see the whole product
        here = room_of_module(source)
        rooms.add(here)
        for target in set(filter(None, map(room_of_module, imports_of(path)))):
            if target != here:
                counted[(here, target)].add(source)
    return {edge: len(modules) for edge, modules in counted.items()}, rooms


def wrong_way(edges):
    """The arrows that break the rule, with why."""
    order = {package: rank for rank, package in enumerate(PACKAGES)}
    problems = []
    for here, target in sorted(edges):
        if order[here.split(".")[0]] < order[target.split(".")[0]]:
            problems.append(f"{here} -> {target}: {here.split('.')[0]} comes first")
    # a cycle between rooms: two rooms that reach each other
    graph = defaultdict(set)
    for here, target in edges:
        graph[here].add(target)

    def reach(start):
        seen, todo = set(), [start]
        while todo:
            for following in graph[todo.pop()]:
                if following not in seen:
                    seen.add(following)
                    todo.append(following)
        return seen

    reachable = {room: reach(room) for room in list(graph)}
    for here, target in sorted(edges):
        if here in reachable.get(target, ()):
            problems.append(f"{here} -> {target}: {target} reaches {here} too")
    return problems


def main(argv):
    edges, rooms = arrows()
    if "--check" not in argv:
        print("Rooms:", ", ".join(sorted(rooms)))
        for (here, target), count in sorted(edges.items()):
            print(f"  {here} -> {target} ({count})")
    problems = wrong_way(edges)
    for problem in problems:
        print("wrong way:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
