"""Build the „finden“ fixture site and check the index from A to Z in its HTML."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tests.conftest import FIXTURES, build_site, parse, set_feature


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> LexborHTMLParser:
    root = tmp_path_factory.mktemp("themen") / "finden"
    shutil.copytree(FIXTURES / "finden", root)
    return parse(build_site(root) / "themen" / "index.html")


def _article(page: LexborHTMLParser) -> LexborNode:
    node = page.css_first("article")
    assert node is not None
    return node


def _titles(page: LexborHTMLParser) -> list[str]:
    return [
        (li.css_first("h3") or li).text(separator=" ", strip=True)
        for li in _article(page).css("ul.rathaus-az > li")
    ]


def test_page_title_and_letter_headings(page: LexborHTMLParser) -> None:
    assert page.css_first("h1").text() == "Themen und Dienstleistungen von A bis Z"
    letters = [h.text() for h in _article(page).css("h2")]
    assert letters == ["A", "B", "F", "I", "K", "P", "R", "S", "Z", "0–9"]
    toc = [a.text(strip=True) for a in page.css("nav.md-nav--secondary a")]
    assert "A" in toc and "Reisepass" in toc


def test_letter_navigation_links_only_letters_with_entries(page: LexborHTMLParser) -> None:
    nav = _article(page).css_first("nav.rathaus-buchstaben")
    assert nav.attributes["aria-label"] == "Themen nach Anfangsbuchstaben"
    items = nav.css("li")
    assert [li.text(strip=True) for li in items][:3] == ["A", "B", "C"]
    assert len(items) == 27  # A to Z and the group of other initials
    linked = {a.text(): a.attributes["href"] for a in nav.css("a")}
    assert linked["A"] == "#buchstabe-a"
    assert "C" not in linked  # no entry under C: plain text, not an empty link
    assert nav.css_first("li:nth-child(3) span.rathaus-buchstaben__leer").text() == "C"
    for href in linked.values():
        assert _article(page).css_first(href) is not None


def test_german_sort_order_folds_umlauts_and_eszett(page: LexborHTMLParser) -> None:
    titles = _titles(page)
    # Ä sorts with A (DIN 5007-1); ß as ss: „Straßenfest“ before „Straßensondernutzung“.
    assert titles[:2] == ["Ärger mit Nachbarn", "Ärztlicher Dienst"]
    assert titles.index("Straßenfest") < titles.index("Straßensondernutzung")
    assert titles[-1] == "110 Jahre Feuerwehr"


def test_synonym_points_to_its_main_entry(page: LexborHTMLParser) -> None:
    refs = {
        " ".join(li.text().split()): li.css_first("a").attributes["href"]
        for li in _article(page).css("li.rathaus-az__verweis")
    }
    assert refs["Pass: siehe Reisepass"] == "#thema-reisepass"
    assert refs["Kinderreisepass: siehe Reisepass"] == "#thema-reisepass"
    assert _article(page).css_first("#thema-reisepass").text() == "Reisepass"


def _entry(page: LexborHTMLParser, anchor: str) -> LexborNode:
    heading = _article(page).css_first(f"h3#{anchor}")
    assert heading is not None and heading.parent is not None
    return heading.parent


def test_service_links_its_unit_and_contact(page: LexborHTMLParser) -> None:
    entry = _entry(page, "thema-reisepass")
    assert entry.css_first("p").text() == "Den Reisepass beantragen Sie im Bürgerbüro."
    facts = {
        div.css_first("dt").text(): (
            div.css_first("dd").text(),
            div.css_first("a").attributes["href"],
        )
        for div in entry.css("dl > div")
    }
    assert facts == {
        "Zuständig": ("Bürgerbüro", "../verwaltung/buergerbuero/"),
        "Telefon": ("02345\xa0678‑100", "tel:+492345678100"),
        "E-Mail": ("buergerbuero@testdorf.example", "mailto:buergerbuero@testdorf.example"),
    }
    assert entry.css_first(".rathaus-az__synonyme").text() == (
        "Auch gesucht als: Pass, Kinderreisepass"
    )


def test_unit_topics_become_entries_and_merge_across_units(page: LexborHTMLParser) -> None:
    fund = _entry(page, "thema-fundbuero")
    units = [a.text() for a in fund.css("dt + dd > a[href^='../verwaltung/']")]
    assert units == ["Bürgerbüro", "Stabsstelle Integration & Teilhabe"]
    # The topic „Reisepass“ of the Bürgerbüro is the service of the same name: one entry.
    assert _titles(page).count("Reisepass") == 1
    # A unit without contact data still links to its page.
    fest = _entry(page, "thema-strassenfest")
    assert [dt.text() for dt in fest.css("dt")] == ["Zuständig"]


def test_ids_are_unique(page: LexborHTMLParser) -> None:
    ids = [node.attributes["id"] for node in page.css("[id]")]
    assert len(ids) == len(set(ids))


def test_editor_page_wins(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("finden")
    (root / "content" / "themen.md").write_text("# Von A bis Z\n\nEigener Text.\n")
    built = parse(build_site(root) / "themen" / "index.html")
    assert built.css_first("h1").text() == "Von A bis Z"
    assert built.css_first(".rathaus-themen") is None


def test_parts_of_a_folder_index_go_where_checks_and_leichte_sprache_expect_them(
    fixture_site: Callable[[str], Path],
) -> None:
    """A topics page at ``themen/index.md`` puts its parts at ``themen/a-z/…``: the one rule
    (``pagination.part_page``) the link check and Leichte Sprache use as well."""
    from rathaus.adapter import load_project
    from rathaus.checks import generated_pages
    from rathaus.model import load_site
    from rathaus.project import Project

    root = fixture_site("finden")
    set_feature(root, "themen", {"page": "themen/index.md", "entries_per_part": 2})
    site = build_site(root)
    built = {
        p.parent.relative_to(site).as_posix() for p in (site / "themen").rglob("index.html")
    } - {"themen"}
    assert built and all(path.startswith("themen/a-z/") for path in built)
    project = load_project(root)
    assert isinstance(project, Project)
    known = generated_pages(load_site(root), project)
    assert {f"{path}.md" for path in built} <= known
