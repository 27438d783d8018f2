"""What rathaus/pruefung hands the theme once per build (issue 8: no per-page scans)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import DictLoader, Environment
from mkdocs.structure.files import File, Files

from rathaus.adapter import pages_by_source
from rathaus.render import MemoryBytecodeCache


def test_pages_by_source_lists_documentation_pages_only(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    docs, out = str(root / "content"), str(root / "site")
    files = Files([File(name, docs, out, True) for name in ("kontakt.md", "logo.png", "a/b.md")])
    found = pages_by_source(files)
    assert {src: file.url for src, file in found.items()} == {
        "kontakt.md": "kontakt/",
        "a/b.md": "a/b/",
    }


def test_bytecode_cache_reuses_and_notices_edited_templates() -> None:
    cache = MemoryBytecodeCache()
    sources = {"t.html": "Hallo {{ name }}"}

    def render() -> str:
        env = Environment(loader=DictLoader(sources), bytecode_cache=cache)
        return env.get_template("t.html").render(name="Musterstadt")

    assert render() == "Hallo Musterstadt"
    assert len(cache._compiled) == 1
    assert render() == "Hallo Musterstadt"
    sources["t.html"] = "Guten Tag {{ name }}"
    assert render() == "Guten Tag Musterstadt"
