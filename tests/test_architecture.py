"""The backend's packages import each other one way only (issue 7: no import cycles between packages).

Every `from shulchan.X… import …` and `import shulchan.X…` in backend/shulchan/<package>/ is an edge
<package> → X (imports inside a package, and the top-level wiring modules main.py, models.py and
cli.py, are not edges). A cycle among those edges fails the test, naming the packages in it and the
files that make each edge.
"""

import ast
from collections import defaultdict
from pathlib import Path

import shulchan

ROOT = Path(shulchan.__file__).parent

# Cycles tolerated for a while, each as the set of packages in it (none today). A cycle must fit
# inside one of these to pass; a listed cycle that has gone fails too, so the list only ever shrinks.
KNOWN_CYCLES: list[frozenset[str]] = []


def _imported_packages(module: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(module):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module == "shulchan" and node.level == 0:
            names = [f"shulchan.{alias.name}" for alias in node.names]  # from shulchan import knowledge
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "shulchan":
                found.add(parts[1])
    return found


def package_edges(root: Path = ROOT) -> dict[tuple[str, str], list[str]]:
    """(importer, imported) → the files that make the edge, between packages of backend/shulchan."""
    packages = {path.parent.name for path in root.glob("*/__init__.py")}
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(root.glob("*/**/*.py")):
        source = path.relative_to(root).parts[0]
        if source not in packages:
            continue
        for target in _imported_packages(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if target != source and target in packages:
                edges[(source, target)].append(str(path.relative_to(root)))
    return dict(edges)


def cycles(edges: dict[tuple[str, str], list[str]]) -> list[list[str]]:
    """The strongly connected components with more than one package (Tarjan), each sorted."""
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        graph[source].add(target)
        graph.setdefault(target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def describe(component: list[str], edges: dict[tuple[str, str], list[str]]) -> str:
    members = set(component)
    lines = [" ↔ ".join(component) + ":"]
    for (source, target), files in sorted(edges.items()):
        if source in members and target in members:
            lines.append(f"  {source} → {target}  ({', '.join(files)})")
    return "\n".join(lines)


def test_no_import_cycles_between_packages() -> None:
    edges = package_edges()
    new = [c for c in cycles(edges) if not any(set(c) <= known for known in KNOWN_CYCLES)]
    assert not new, "import cycles between backend packages:\n" + "\n".join(describe(c, edges) for c in new)


def test_known_cycles_are_still_there() -> None:
    """A known cycle that has been broken is taken off the list, so that it cannot come back unseen."""
    present = cycles(package_edges())
    gone = [sorted(known) for known in KNOWN_CYCLES if not any(set(c) & known for c in present)]
    assert not gone, f"these cycles are gone: remove them from KNOWN_CYCLES: {gone}"


def test_the_checker_sees_a_cycle(tmp_path: Path) -> None:
    for package, imports in {
        "alpha": "from shulchan.beta.models import B",
        "beta": "import shulchan.alpha.service",
    }.items():
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
        (tmp_path / package / "service.py").write_text(imports + "\n")
    edges = package_edges(tmp_path)
    assert cycles(edges) == [["alpha", "beta"]]
    assert "alpha → beta  (alpha/service.py)" in describe(["alpha", "beta"], edges)


def test_knowledge_and_search_do_not_import_the_domains_around_them() -> None:
    """knowledge is used by meetings and decisions (briefing packs), search by every indexed domain."""
    edges = package_edges()
    for source, target in [
        ("knowledge", "meetings"),
        ("knowledge", "decisions"),
        ("knowledge", "minutes"),
        ("search", "knowledge"),
        ("search", "decisions"),
        ("search", "minutes"),
        ("search", "meetings"),
    ]:
        assert (source, target) not in edges, f"{source} imports {target}: {edges[(source, target)]}"
