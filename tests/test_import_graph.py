"""The shape of the package: no import cycles, features apart, MkDocs only in the adapter.

The graph is read from the source (every ``import``, also inside functions; imports under
``if TYPE_CHECKING:`` are left out: they never run). What the one-plugin step of issue 13
has not yet removed is listed below, each entry with what removes it; an entry that is no
longer needed fails the test, so the lists only shrink.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

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
        "medien",
        "handbuch",
        "leichte_sprache",
        "sicherheit",
        "pruefung",
        "navigation",
        "oparl",
    }
)

# Imports from one feature into another: (importing module, imported feature).
FEATURE_IMPORTS_TO_REMOVE = {
    # The plan of pages carries the overview parts and their links (issue 13, plan step).
    ("rathaus.themen.plugin", "verzeichnis"),
    ("rathaus.verzeichnis.teile", "themen"),
    ("rathaus.leichte_sprache.plugin", "verzeichnis"),
    ("rathaus.leichte_sprache.views", "verzeichnis"),
    ("rathaus.leichte_sprache.views", "themen"),
    # The access labels of a location belong to the model (plan step).
    ("rathaus.termine.views", "verzeichnis"),
    # medien serves only the sign-language feature: it becomes part of it (feature step).
    ("rathaus.gebaerdensprache.plugin", "medien"),
}

# Modules besides the MkDocs adapter that import MkDocs or Material. The one plugin
# (issue 13) leaves only the adapter; until then every plugin and its config class does.
MKDOCS_IMPORTERS_TO_REMOVE = {
    "rathaus.safety",  # mkdocs.utils.meta for front matter (feature step)
    "rathaus.sicherheit.titel",  # the Page type (feature step)
}
ADAPTER = {"rathaus.adapter"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_block(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in ast.iter_child_nodes(tree):
        if _type_checking_block(node):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from _imports(node)


@cache
def graph() -> dict[str, set[str]]:
    """Every module of the package and the modules (of any package) it imports."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
                continue
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            stem = node.module or ""
            if node.level:
                stem = f"{base}.{stem}" if stem else base
            for alias in node.names:
                candidate = f"{stem}.{alias.name}"
                targets.add(candidate if candidate in modules else stem)
        edges[name] = targets
    return edges


def _feature(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "rathaus" and parts[1] in FEATURES else None


def test_no_import_cycles() -> None:
    edges = {m: {t for t in ts if t in graph()} for m, ts in graph().items()}
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
        (module, target_feature)
        for module, targets in graph().items()
        for target in targets
        if (feature := _feature(module)) is not None
        and (target_feature := _feature(target)) is not None
        and target_feature != feature
    }
    assert found == FEATURE_IMPORTS_TO_REMOVE


def test_only_the_adapter_imports_mkdocs() -> None:
    found = {
        module
        for module, targets in graph().items()
        if any(t.split(".")[0] in {"mkdocs", "material"} for t in targets)
    }
    plugin_layer = {
        m for m in found if _feature(m) is not None and m.rpartition(".")[2] in {"plugin", "config"}
    }
    assert found - plugin_layer == ADAPTER | MKDOCS_IMPORTERS_TO_REMOVE
