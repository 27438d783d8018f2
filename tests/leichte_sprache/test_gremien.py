"""Council bodies in Leichter Sprache, written from data/gremien.yml (issue 18 item 1)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import build_site, parse, set_feature


def test_bodies_have_ls_pages_with_the_next_meeting_and_who_helps(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("termine")
    set_feature(root, "leichte_sprache", {})
    site = build_site(root, strict=False)
    overview = parse(site / "leichte-sprache" / "gremien" / "index.html").css_first("article")
    links = [(a.text(), a.attributes["href"]) for a in overview.css("li a")]
    assert links == [("Integrationsrat", "integrationsrat/")]
    page = parse(site / "leichte-sprache" / "gremien" / "integrationsrat" / "index.html")
    article = page.css_first("article")
    assert [h.text() for h in article.css("h2")] == [
        "Wann ist das nächste Treffen?",
        "Wer hilft Ihnen?",
    ]
    # Build date 2027-03-01: the meeting on 11 May 2027 is the only coming one.
    assert "Am 11. Mai 2027 um 17 Uhr." in article.text(separator="\n")
    assert "16. Februar 2027" not in article.text()
    standard = parse(site / "gremien" / "integrationsrat" / "index.html")
    switch = standard.css_first("nav.rh-sprachleiste a.rathaus-sprachwahl__link")
    assert switch.attributes["href"] == "../../leichte-sprache/gremien/integrationsrat/"
