"""What rathaus/pruefung hands the theme once per build (issue 8: no per-page scans)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import DictLoader, Environment
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from rathaus.adapter import footer_links
from rathaus.render import MemoryBytecodeCache


def test_footer_links_name_only_pages_of_this_build(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    config = load_config(str(root / "mkdocs.yml"))
    config.extra["fusszeile"] = [
        {"titel": "Impressum", "seite": "impressum.md"},
        {"titel": "Gibt es nicht", "seite": "fehlt.md"},
        {"titel": "Kontakt", "seite": "kontakt.md"},
    ]
    docs = str(root / "content")
    files = Files(
        [File(name, docs, str(root / "site"), True) for name in ("kontakt.md", "impressum.md")]
    )
    assert footer_links(config, files) == [("impressum/", "Impressum"), ("kontakt/", "Kontakt")]


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
