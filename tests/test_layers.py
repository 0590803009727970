"""The Python packages import one way: no cycles, and the lower layers never import upwards.

`push/` (the web-push library) and `schemas/` (request and response bodies) sit below `api/`;
`wsgi.py` and `worker.py` sit above it. Every import counts, also one inside a function: a
deferred import hides a cycle, it does not remove it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("api", "push", "schemas")
ENTRY_POINTS = ("wsgi", "worker")
# What each layer may import (besides itself and third-party libraries).
MAY_IMPORT = {"push": set(), "schemas": set(), "api": {"push", "schemas"},
              "wsgi": {"api"}, "worker": {"api"}}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_modules() -> dict[str, Path]:
    found = {name: ROOT / f"{name}.py" for name in ENTRY_POINTS}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            found[module_name(path)] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ours that `name` imports (`from a import b` is a.b when b is one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            # A module importing its own package's __init__ implicitly is not an edge.
            if target and target != name and not name.startswith(target + "."):
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    modules = our_modules()
    return {name: imports_of(name, path, set(modules)) for name, path in modules.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_layers_import_one_way() -> None:
    wrong = sorted(
        f"{source} imports {target}"
        for source, targets in graph().items()
        for target in targets
        if (src := source.split(".")[0]) != (dst := target.split(".")[0])
        and dst not in MAY_IMPORT[src]
    )
    assert wrong == []


def test_no_two_packages_share_a_name() -> None:
    last_parts = [name.rpartition(".")[2] for name, path in our_modules().items()
                  if path.name == "__init__.py"]
    assert sorted(set(last_parts)) == sorted(last_parts)


def test_domain_rules_know_nothing_of_http() -> None:
    """Services and sync entities raise api/domain.py errors; only routes speak HTTP. (They may
    read settings from `current_app.config`.)"""
    http = {"abort", "request", "jsonify", "make_response", "Response", "g", "session"}
    wrong = []
    for name, path in our_modules().items():
        if not name.startswith("api.") or name.rpartition(".")[2] not in ("service", "sync"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in (
                    "flask", "flask_smorest", "flask_jwt_extended", "werkzeug", "api"):
                used = {alias.name for alias in node.names}
                if node.module in ("api.smorest", "flask_smorest") or used & http:
                    wrong.append(f"{name}: from {node.module} import {', '.join(sorted(used))}")
    assert wrong == []
