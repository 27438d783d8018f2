"""Pagination of the news overview and of the yearly archives (issue 8: bounded pages).

The „finden“ fixture (two posts per page) plus generated posts: 14 from 2024, so the
overview has 10 pages and the 2024 archive 7 – enough for a shortened page navigation.
"""

from __future__ import annotations

import posixpath
import shutil
from collections import Counter
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import FIXTURES, build_site, parse

EXTRA_2024 = 14


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("aktuelles-seiten") / "finden"
    shutil.copytree(FIXTURES / "finden", root)
    for n in range(1, EXTRA_2024 + 1):
        (root / "content" / "aktuelles" / f"meldung-{n:02d}.md").write_text(
            f"---\ndatum: 2024-{(n - 1) % 12 + 1:02d}-{n:02d}\neinheit: buergerbuero\n---\n\n"
            f"# Meldung {n:02d}\n\nAnriss {n}.\n\n<!-- more -->\n\nRest.\n",
            encoding="utf-8",
        )
    return build_site(root)


def _article(page: LexborHTMLParser) -> LexborHTMLParser:
    node = page.css_first("article")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def _file(site: Path, page: Path, href: str) -> Path:
    """The built file a relative link of ``page`` (a folder's index.html) leads to."""
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), href))
    path = site / target
    return path / "index.html" if not target.endswith(".html") else path


def _crawl(site: Path, first: Path) -> list[Path]:
    """Follow rel=next from ``first``; every page of the list in order."""
    pages = [first]
    while True:
        nav = _article(parse(pages[-1])).css_first("nav.rathaus-seiten")
        assert nav is not None
        following = nav.css_first("a[rel=next]")
        if following is None:
            return pages
        pages.append(_file(site, pages[-1], following.attributes["href"] or ""))
        assert pages[-1].is_file(), pages[-1]
        assert len(pages) < 50


def _titles(page: Path) -> list[str]:
    return [a.text() for a in _article(parse(page)).css("li.rathaus-meldung h2 a")]


def _check_navigation(site: Path, pages: list[Path], label: str) -> None:
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        nav = _article(parse(page)).css_first("nav.rathaus-seiten")
        assert nav.attributes["aria-label"] == label
        assert nav.css_first(".rathaus-seiten__stand").text() == f"Seite {number} von {total}"
        # Every link leads to a built page of the same list.
        for link in nav.css("a"):
            assert _file(site, page, link.attributes["href"] or "") in pages
        current = nav.css("a[aria-current]")
        assert [(a.text(), a.attributes["aria-current"]) for a in current] == [
            (f"Seite {number}", "page")
        ]
        assert _file(site, page, current[0].attributes["href"] or "") == page
        numbers = [a.text() for a in nav.css("a:not([rel])")]
        assert numbers[0] == "Seite 1" and numbers[-1] == f"Seite {total}"
        assert len(nav.css("li")) <= 11  # bounded, however many pages there are
        previous = nav.css_first("a[rel=prev]")
        if number == 1:
            assert previous is None
        else:
            assert previous.text() == "Vorherige Seite"
            assert _file(site, page, previous.attributes["href"] or "") == pages[number - 2]


def test_overview_pages_list_every_post_once(built: Path) -> None:
    pages = _crawl(built, built / "aktuelles" / "index.html")
    assert len(pages) == 10
    assert pages[1] == built / "aktuelles" / "seite-2" / "index.html"
    titles = [title for page in pages for title in _titles(page)]
    assert len(titles) == 5 + EXTRA_2024
    assert set(Counter(titles).values()) == {1}
    _check_navigation(built, pages, "Seiten der Meldungen")


def test_yearly_archive_is_paginated_below_its_first_address(built: Path) -> None:
    first = built / "aktuelles" / "archiv" / "2024" / "index.html"
    pages = _crawl(built, first)
    assert pages[1:] == [
        built / "aktuelles" / "archiv" / "2024" / f"seite-{n}" / "index.html" for n in range(2, 8)
    ]
    titles = [title for page in pages for title in _titles(page)]
    assert sorted(titles) == [f"Meldung {n:02d}" for n in range(1, EXTRA_2024 + 1)]
    assert titles[0] == "Meldung 12"  # newest first: 2024-12-12
    _check_navigation(built, pages, "Seiten der Meldungen")
    assert parse(first).css_first("h1").text() == "Aktuelles: Meldungen aus 2024"
    assert parse(pages[2]).css_first("h1").text() == "Aktuelles: Meldungen aus 2024 – Seite 3"
    intro = _article(parse(pages[2])).css_first(".rathaus-aktuelles > p").text()
    assert intro == f"Alle {EXTRA_2024} Meldungen aus dem Jahr 2024, die neuesten zuerst."


def test_shortened_navigation_in_the_middle(built: Path) -> None:
    page = built / "aktuelles" / "seite-5" / "index.html"
    nav = _article(parse(page)).css_first("nav.rathaus-seiten")
    items = [li.text(strip=True) for li in nav.css("li")]
    assert items == [
        "Vorherige Seite",
        "Seite 1",
        "Seite 2",  # a gap of one page shows the page
        "Seite 3",
        "Seite 4",
        "Seite 5",
        "Seite 6",
        "Seite 7",
        "…",
        "Seite 10",
        "Nächste Seite",
    ]


def test_year_links_mark_the_year_of_an_archive_page(built: Path) -> None:
    first = _article(parse(built / "aktuelles" / "archiv" / "2024" / "index.html"))
    later = _article(parse(built / "aktuelles" / "archiv" / "2024" / "seite-2" / "index.html"))
    links = {a.text(): a for a in first.css("ul.rathaus-archiv a")}
    assert links["Meldungen aus 2024"].attributes == {"href": "./", "aria-current": "page"}
    assert "aria-current" not in links["Meldungen aus 2025"].attributes
    # On a later page the year is current, but the link leads to another page.
    links = {a.text(): a for a in later.css("ul.rathaus-archiv a")}
    assert links["Meldungen aus 2024"].attributes == {"href": "../", "aria-current": "true"}
    assert links["Meldungen aus 2026"].attributes == {"href": "../../2026/"}


def test_archive_of_one_page_has_no_navigation(built: Path) -> None:
    page = _article(parse(built / "aktuelles" / "archiv" / "2025" / "index.html"))
    assert page.css_first("nav.rathaus-seiten") is None
    assert not (built / "aktuelles" / "archiv" / "2025" / "seite-2").exists()
