"""What the audit reads from a built site without a browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from rathaus.audit.site import (
    SiteError,
    broken_fragments,
    page_paths,
    representative_paths,
    site_prefix,
)

PAGES = {
    "": "<h1>Start</h1>",
    "verwaltung/": "<h1>Ämter</h1>",
    "verwaltung/buergeramt/": '<h1 id="oben">Bürgeramt</h1><a href="../#fehlt">x</a>',
    "kontakt/": '<a href="../verwaltung/buergeramt/#oben">ok</a><table></table>',
    "leichte-sprache/verwaltung/buergeramt/": '<a href="/stadt/kontakt/#weg">x</a>',
}


def _site(root: Path, pages: dict[str, str] = PAGES, prefix: str = "https://x.de/stadt/") -> Path:
    locs = "".join(f"<url><loc>{prefix}{path}</loc></url>" for path in pages)
    (root / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + locs + "</urlset>",
        encoding="utf-8",
    )
    for path, body in pages.items():
        file = root / path / "index.html"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    (root / "404.html").write_text('<a href="/stadt/#nirgends">x</a>', encoding="utf-8")
    return root


def test_pages_come_from_the_sitemap_with_the_404_page_last(tmp_path: Path) -> None:
    site = _site(tmp_path)
    assert site_prefix(site) == "https://x.de/stadt/"
    assert page_paths(site) == [*PAGES, "404.html"]


def test_every_section_stands_with_its_deepest_page(tmp_path: Path) -> None:
    site = _site(tmp_path)
    assert representative_paths(site) == [
        "",
        "404.html",
        "kontakt/",
        "leichte-sprache/verwaltung/buergeramt/",
        "verwaltung/buergeramt/",
    ]
    assert representative_paths(site, limit=3) == ["", "404.html", "kontakt/"]


def test_a_page_with_a_table_is_added_when_no_representative_has_one(tmp_path: Path) -> None:
    pages = {"": "x", "a/": "x", "a/b/": "x", "a/tabelle/": "<table></table>"}
    assert representative_paths(_site(tmp_path, pages)) == ["", "404.html", "a/b/", "a/tabelle/"]


def test_links_to_missing_fragments_are_found_across_pages(tmp_path: Path) -> None:
    broken = broken_fragments(_site(tmp_path))
    assert sorted(page for page, _ in broken) == [
        "/404.html",
        "/leichte-sprache/verwaltung/buergeramt/index.html",
        "/verwaltung/buergeramt/index.html",
    ]
    assert all("zeigt auf eine Stelle, die es auf" in message for _, message in broken)


def test_a_folder_without_sitemap_is_not_a_built_site(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match=r"keine gebaute Website: sitemap\.xml fehlt"):
        page_paths(tmp_path)
    (tmp_path / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', encoding="utf-8"
    )
    with pytest.raises(SiteError, match="nennt keine Seite"):
        page_paths(tmp_path)


def test_every_language_keeps_a_representative_beyond_the_limit(tmp_path: Path) -> None:
    site = _site(tmp_path, {"": "x", "a/": "x", "en/": "x", "en/b/": "x", "ar/": "x"})
    for path, language in (("", "de"), ("a/", "de"), ("en/", "en"), ("en/b/", "en"), ("ar/", "ar")):
        file = site / path / "index.html"
        file.write_text(file.read_text().replace("<html>", f'<html lang="{language}">'))
    assert representative_paths(site, limit=3) == ["", "404.html", "a/", "ar/", "en/b/"]
