"""The shape of the package: no import cycles, features apart, MkDocs only in the adapter.

The graph is read from the source of every module: imports at module level and inside
functions (lazy imports run too, so they count as edges), and, kept apart, the imports under
``if TYPE_CHECKING:`` (they never run, so they cannot form a cycle, but a type from another
feature or from MkDocs still ties the module to it).

What issue 13 has not yet removed is listed below, each entry with the migration step of
``ISSUE13-MAP.md`` §6d that removes it. The lists must match the code exactly: a new edge
fails the test, and so does an entry that is no longer needed, so the lists only shrink.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Literal

PACKAGE = Path(__file__).parent.parent / "plugins" / "rathaus"

FEATURES = frozenset(
    {
        "verzeichnis",
        "themen",
        "termine",
        "gremien",
        "aktuelles",
        "barrierefreiheit",
        "gebaerdensprache",
        "handbuch",
        "leichte_sprache",
        "sicherheit",
        "pruefung",
        "navigation",
        "oparl",
        "sprachen",
        "suche",
    }
)

# Imports from a module of one feature into a module of another (run or type-only).
FEATURE_IMPORTS_TO_REMOVE: set[tuple[str, str]] = set()

# The MkDocs adapter: the only place allowed to import MkDocs or Material for good.
ADAPTER = ("rathaus.adapter",)

# Modules outside the adapter that run an import of MkDocs or Material.
MKDOCS_IMPORTERS_TO_REMOVE: set[str] = set()

# Modules outside the adapter that import MkDocs or Material only for type hints.
MKDOCS_TYPE_IMPORTERS_TO_REMOVE: set[str] = set()

Kind = Literal["run", "type"]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(
    node: ast.AST, kind: Kind = "run"
) -> Iterator[tuple[ast.Import | ast.ImportFrom, Kind]]:
    if isinstance(node, ast.If) and _type_checking(node.test):
        for statement in node.body:
            yield from _imports(statement, "type")
        for statement in node.orelse:
            yield from _imports(statement, kind)
        return
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node, kind
    for child in ast.iter_child_nodes(node):
        yield from _imports(child, kind)


def _add(targets: dict[str, Kind], target: str, kind: Kind) -> None:
    if targets.get(target) != "run":  # one import that runs makes it a "run" edge
        targets[target] = kind


@cache
def graph() -> dict[str, dict[str, Kind]]:
    """Every module of the package and the modules (of any package) it imports, each with
    "run" when some import of it runs, else "type"."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, dict[str, Kind]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: dict[str, Kind] = {}

        for node, kind in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    _add(targets, alias.name, kind)
                continue
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            stem = node.module or ""
            if node.level:
                stem = f"{base}.{stem}" if stem else base
            for alias in node.names:
                candidate = f"{stem}.{alias.name}"
                _add(targets, candidate if candidate in modules else stem, kind)
        edges[name] = targets
    return edges


def _feature(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "rathaus" and parts[1] in FEATURES else None


def _in_adapter(module: str) -> bool:
    return any(module == a or module.startswith(f"{a}.") for a in ADAPTER)


def _mkdocs_importers(kind: Kind) -> set[str]:
    return {
        module
        for module, targets in graph().items()
        if not _in_adapter(module)
        and any(t.split(".")[0] in {"mkdocs", "material"} and k == kind for t, k in targets.items())
    }


def test_the_graph_sees_every_kind_of_import() -> None:
    # Guards the reader itself: a lazy import (cli) and a relative one (adapter) are edges.
    assert graph()["rathaus.cli"].get("rathaus.scaffold") == "run"
    assert graph()["rathaus.adapter"].get("rathaus.checks") == "run"
    assert "mkdocs.structure.files" in graph()["rathaus.adapter"]


def test_no_import_cycles() -> None:
    edges = {
        module: {t for t, kind in targets.items() if t in graph() and kind == "run"}
        for module, targets in graph().items()
    }
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycles.append([*path[path.index(module) :], module])
            return
        if module in done:
            return
        for target in sorted(edges[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(edges):
        visit(module, [])
    assert cycles == []


def test_no_feature_imports_another() -> None:
    found = {
        (module, target)
        for module, targets in graph().items()
        for target in targets
        if (feature := _feature(module)) is not None
        and (target_feature := _feature(target)) is not None
        and target_feature != feature
    }
    assert found - FEATURE_IMPORTS_TO_REMOVE == set(), "new import between features"
    assert FEATURE_IMPORTS_TO_REMOVE - found == set(), "gone: delete it from the list"


def test_only_the_adapter_imports_mkdocs() -> None:
    found = _mkdocs_importers("run")
    assert found - MKDOCS_IMPORTERS_TO_REMOVE == set(), "new MkDocs import outside the adapter"
    assert MKDOCS_IMPORTERS_TO_REMOVE - found == set(), "gone: delete it from the list"


def test_only_the_adapter_imports_mkdocs_types() -> None:
    found = _mkdocs_importers("type")
    assert found - MKDOCS_TYPE_IMPORTERS_TO_REMOVE == set(), "new MkDocs type import"
    assert MKDOCS_TYPE_IMPORTERS_TO_REMOVE - found == set(), "gone: delete it from the list"
