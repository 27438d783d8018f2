"""Another name of a unit (alias) leads to it: in the A–Z index and for search engines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from rathaus.model import load_site
from rathaus.themenindex import entries
from tests.conftest import build_site, parse


def _with_alias(root: Path) -> None:
    units = root / "data" / "einheiten.yml"
    text = units.read_text(encoding="utf-8")
    marker = "  art: stabsstelle\n"
    assert marker in text
    units.write_text(text.replace(marker, marker + "  alias: [Abteilung Integration]\n", 1))


def test_an_alias_is_an_entry_that_names_its_unit(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("klein")
    _with_alias(root)
    site = load_site(root)
    [entry] = [
        e
        for e in entries(site, lambda unit_id: f"/{unit_id}/")
        if e.title == "Abteilung Integration"
    ]
    assert [(u.id, u.url) for u in entry.units] == [("integration", "/integration/")]


def test_the_unit_page_tells_search_engines_its_other_name(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    _with_alias(root)
    site = build_site(root)
    page = parse(site / "verwaltung" / "integration" / "index.html")
    [script] = page.css('script[type="application/ld+json"]')
    assert json.loads(script.text())["alternateName"] == ["Abteilung Integration"]
