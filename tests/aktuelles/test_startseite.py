"""rathaus/aktuelles { anzahl: n }: the latest posts on any page, e.g. the start page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import build_site, parse


def test_latest_posts_newest_first_with_a_link_to_all(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("finden")
    (root / "content" / "index.md").write_text(
        "# Testdorf\n\n## Aktuelles\n\n<!-- rathaus/aktuelles { anzahl: 2, ebene: 3 } -->\n",
        encoding="utf-8",
    )
    site = build_site(root)
    block = parse(site / "index.html").css_first("article .rathaus-naechste")
    titles = [h.text() for h in block.css("li h3")]
    overview = parse(site / "aktuelles" / "index.html")
    newest = [h.text() for h in overview.css("article .rathaus-meldungen h2")]
    assert titles == newest[:2]
    dates = [t.attributes["datetime"] for t in block.css("li time")]
    assert dates == sorted(dates, reverse=True)
    assert block.css("p > a")[-1].attributes["href"] == "aktuelles/"
