"""What a resident recognises as the town hall: landmarks, crest slot, one language bar, no
table of contents beside a short page (issue 15)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.conftest import build_site, parse, set_feature

CREST = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<rect width="10" height="10"/></svg>'
)


def test_main_holds_the_content_and_navigation_and_toc_stay_outside(
    fixture_site: Callable[[str], Path],
) -> None:
    site = build_site(fixture_site("klein"))
    page = parse(site / "verwaltung" / "buergerbuero" / "index.html")
    (main,) = page.css("main")
    assert main.css_first("article h1").text() == "Bürgerbüro"
    assert main.css("nav.md-nav") == []
    assert page.css_first("nav.md-nav--primary") is not None
    for sidebar in page.css(".md-sidebar"):
        assert sidebar.css_first("main") is None
        assert "md-main" in (sidebar.parent.parent.attributes.get("class") or "")


def test_without_a_logo_the_header_shows_no_icon_and_with_one_the_crest(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    plain = parse(build_site(root) / "index.html")
    logo = plain.css_first(".md-header .md-logo")
    assert logo.css_first("svg") is None and logo.css_first("img") is None
    (root / "content" / "wappen.svg").write_text(CREST, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: rathaus\n", "  name: rathaus\n  logo: wappen.svg\n"
        ),
        encoding="utf-8",
    )
    shutil.rmtree(root / "site")
    crest = parse(build_site(root) / "index.html").css_first(".md-header .md-logo img")
    assert crest.attributes["src"] == "wappen.svg"
    assert crest.attributes["alt"] == "Testdorf"


def test_leichte_sprache_and_sign_language_share_one_bar(
    fixture_site: Callable[[str], Path],
) -> None:
    # Both entries in one bar: tests/bench/test_generate.py builds a site with both.
    page = parse(build_site(fixture_site("leichte-sprache"), strict=False) / "index.html")
    bars = page.css("nav.rh-sprachleiste")
    assert len(bars) == 1
    assert bars[0].css_first("a.rathaus-sprachwahl__link").text() == "Leichte Sprache"
    assert page.css("nav.rathaus-sprachwahl, nav.rh-gebaerdensprache-leiste") == []


def test_a_short_page_has_no_table_of_contents_beside_it(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    set_feature(root, "navigation", {"toc_min_headings": 3})
    (root / "content" / "kurz.md").write_text("# Kurz\n\n## Eins\n\nText.\n", encoding="utf-8")
    (root / "content" / "lang.md").write_text(
        "# Lang\n\n## Eins\n\nA\n\n## Zwei\n\nB\n\n## Drei\n\nC\n", encoding="utf-8"
    )
    site = build_site(root)
    short = parse(site / "kurz" / "index.html").css_first(".md-sidebar--secondary")
    long = parse(site / "lang" / "index.html").css_first(".md-sidebar--secondary")
    assert "hidden" in short.attributes
    assert "hidden" not in long.attributes
