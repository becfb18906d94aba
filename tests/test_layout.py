"""The package's layout: imports point one way, so the pipeline can be read from the folder names.

Every import of every module is read from its source (function-level and type-checking imports included,
because they are dependencies too) and the module graph must have no cycle; package by package, imports may
only point down the pipeline's layers as docs/DESIGN.md draws them.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "detente"
# Lower layers first; a module may import from its own layer or any below. Within a layer, top-level units
# named together must not import each other in both directions (the cycle test covers modules).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"records", "ontology", "datafiles", "config", "cache", "textsafe"}),
    frozenset({"readers", "clustering", "syntax"}),
    frozenset({"resolve"}),
    frozenset({"nlp"}),
    frozenset({"coding", "store", "analysis"}),
    frozenset({"exports"}),
    frozenset({"evaluation", "api", "watch", "scaleout"}),
    frozenset({"__init__", "cli", "__main__", "serve"}),
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _imports() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for target in targets:
                if target in modules and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
        graph.setdefault(name, set())
    return graph


def _unit(module: str) -> str:
    """The layer unit of a module: its first name under detente."""
    rest = module.split(".", 1)[1] if "." in module else "__init__"
    return rest.split(".", 1)[0]


def _layer(module: str) -> int:
    unit = _unit(module)
    for i, layer in enumerate(LAYERS):
        if unit in layer:
            return i
    raise AssertionError(f"{module}: its unit {unit!r} is in no layer; add it to LAYERS and docs/DESIGN.md")


def test_no_import_cycle() -> None:
    graph = _imports()
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []


def test_imports_point_down_the_pipeline() -> None:
    upward = [f"{a} -> {b}" for a, targets in sorted(_imports().items()) for b in sorted(targets)
              if _layer(b) > _layer(a)]
    assert upward == []


def test_the_checks_see_real_imports() -> None:
    graph = _imports()
    assert "detente.store.db" in graph["detente.api"]
    assert "detente.clustering" in graph["detente.store.clustered"]
    assert _layer("detente.cli.events") > _layer("detente.api") > _layer("detente.store.queries")
