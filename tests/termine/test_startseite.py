"""rathaus/termine { anzahl: n }: the next events on any page, e.g. the start page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import build_site, parse


def test_next_events_in_order_with_a_link_to_all(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("termine")
    (root / "content" / "index.md").write_text(
        "# Testdorf\n\n## Termine\n\n<!-- rathaus/termine { anzahl: 2, ebene: 3 } -->\n",
        encoding="utf-8",
    )
    site = build_site(root)
    block = parse(site / "index.html").css_first("article .rathaus-naechste")
    shown = [h.text() for h in block.css("li h3")]
    overview = parse(site / "termine" / "index.html")
    upcoming = [h.text() for h in overview.css("article .rathaus-termine__liste h3")]
    assert len(upcoming) > 2
    assert shown == upcoming[:2]
    assert block.css("p > a")[-1].attributes["href"] == "termine/"
