"""data/weiterleitungen.yml: the old address of a renamed record leads to its new page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rathaus.adapter import run_checks
from tests.conftest import build_site, parse


def _redirect(root: Path, text: str) -> None:
    (root / "data" / "weiterleitungen.yml").write_text(text, encoding="utf-8")


def test_the_old_address_sends_visitors_to_the_new_page(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    units = root / "data" / "einheiten.yml"
    text = units.read_text(encoding="utf-8").replace("name: Bürgerbüro", "name: <b>Bürger</b>büro")
    units.write_text(text, encoding="utf-8")
    _redirect(root, "- id: buergeramt\n  art: einheit\n  nach: buergerbuero\n")
    assert run_checks(root) == []
    site = build_site(root)
    old = site / "verwaltung" / "buergeramt" / "index.html"
    page = parse(old)
    refresh = page.css_first('meta[http-equiv="refresh"]')
    assert refresh is not None and refresh.attributes["content"] == "0; url=../buergerbuero/"
    robots = page.css_first('meta[name="robots"]')
    assert robots is not None and robots.attributes["content"] == "noindex"
    [link] = page.css("main a")
    assert link.attributes["href"] == "../buergerbuero/"
    assert link.text() == "<b>Bürger</b>büro" and page.css("main b") == []
    assert (old.parent / "../buergerbuero/index.html").resolve().is_file()
    # Not a page of the site: not in the sitemap.
    assert "buergeramt" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_redirect_must_lead_to_a_record_and_come_from_a_gone_one(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    _redirect(
        root,
        "- id: buergeramt\n  art: einheit\n  nach: buergerbuerro\n"
        "- id: integration\n  art: einheit\n  nach: buergerbuero\n",
    )
    found = {(f.file, f.line, f.message) for f in run_checks(root)}
    assert (
        "data/weiterleitungen.yml",
        3,
        "die Einheit „buergerbuerro“ gibt es nicht",
    ) in found
    assert any(
        line == 4 and "„integration“ gibt es in einheiten.yml noch" in message
        for _, line, message in found
    )
