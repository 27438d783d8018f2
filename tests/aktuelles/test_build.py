"""Build the „finden“ fixture site and check news pages, archives and the Atom feed."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from rathaus.suche.index import indexed_pages
from tests.conftest import FIXTURES, build_site, parse


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("aktuelles") / "finden"
    shutil.copytree(FIXTURES / "finden", root)
    return build_site(root)


def _article(page: LexborHTMLParser) -> LexborHTMLParser:
    node = page.css_first("article")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def _listing(page: LexborHTMLParser) -> list[tuple[str, str, str, str]]:
    """(title, link, datetime, shown date line) of each listed post."""
    return [
        (
            li.css_first("h2 a").text(),
            li.css_first("h2 a").attributes["href"] or "",
            li.css_first("time").attributes["datetime"] or "",
            li.css_first(".rathaus-meldung__datum").text(separator=" ", strip=True),
        )
        for li in _article(page).css("li.rathaus-meldung")
    ]


def test_overview_lists_newest_first_and_paginates(built: Path) -> None:
    first = parse(built / "aktuelles" / "index.html")
    assert first.css_first("h1").text() == "Aktuelles"
    assert _listing(first) == [
        (
            "Bürgerbüro & Fundbüro im Erdgeschoss",
            "neues-buergerbuero/",
            "2026-11-12",
            "Meldung vom 12. November 2026 · Bürgerbüro",
        ),
        (
            "Integrationsrat tagt",
            "integrationsrat/",
            "2026-03-01",
            "Meldung vom 1. März 2026 · Stabsstelle Integration & Teilhabe",
        ),
    ]
    pages = _article(first).css("nav.rathaus-seiten a:not([rel])")
    assert [(a.text(), a.attributes["href"]) for a in pages] == [
        ("Seite 1", "./"),
        ("Seite 2", "seite-2/"),
        ("Seite 3", "seite-3/"),
    ]
    assert pages[0].attributes.get("aria-current") == "page"
    third = parse(built / "aktuelles" / "seite-3" / "index.html")
    assert [title for title, *_ in _listing(third)] == ["Frühlingsfest"]
    assert third.css_first("h1").text() == "Aktuelles – Seite 3"


def test_teaser_is_the_text_before_the_marker(built: Path) -> None:
    first = _article(parse(built / "aktuelles" / "index.html"))
    item = first.css_first("li.rathaus-meldung")
    paragraphs = [p.text() for p in item.css("p:not(.rathaus-meldung__datum)")]
    # Links and emphasis of the teaser become plain text in the list.
    assert paragraphs == [
        "Das Bürgerbüro ist ab sofort im Erdgeschoss zu finden.",
        "Zweiter Absatz des Anrisses.",
    ]
    assert "Der Rest der Meldung." not in first.text()


def test_yearly_archive(built: Path) -> None:
    archive = parse(built / "aktuelles" / "archiv" / "2025" / "index.html")
    assert archive.css_first("h1").text() == "Aktuelles: Meldungen aus 2025"
    assert [title for title, *_ in _listing(archive)] == ["Feuerwerk an Silvester", "Frühlingsfest"]
    years = _article(archive).css("ul.rathaus-archiv a")
    assert [(a.text(), a.attributes["href"]) for a in years] == [
        ("Meldungen aus 2026", "../2026/"),
        ("Meldungen aus 2025", "./"),
    ]
    assert years[1].attributes.get("aria-current") == "page"
    assert _article(archive).css_first("nav.rathaus-seiten") is None


def test_post_shows_german_date_unit_and_easy_language(built: Path) -> None:
    page = parse(built / "aktuelles" / "neues-buergerbuero" / "index.html")
    article = _article(page)
    date_line = article.css_first(".rathaus-meldung__datum")
    assert date_line.text() == "Meldung vom 12. November 2026"
    assert date_line.css_first("time").attributes["datetime"] == "2026-11-12"
    unit = article.css_first(".rathaus-meldung__einheit a")
    assert (unit.text(), unit.attributes["href"]) == (
        "Bürgerbüro",
        "../../verwaltung/buergerbuero/",
    )
    easy = article.css_first("section.rathaus-leichte-sprache")
    assert easy.css_first("h2").text() == "Kurz in Leichter Sprache"
    assert [p.text() for p in easy.css("p")] == [
        "Das Bürger·büro ist jetzt im Erdgeschoss.",
        "Der Eingang ist am Markt·platz.",
    ]
    back = article.css_first(".rathaus-meldung__zurueck a")
    assert back.attributes["href"] == "../"
    # The heading order stays h1 → h2 and the box is in the page outline.
    toc = [a.text(strip=True) for a in page.css("nav.md-nav--secondary a")]
    assert "Kurz in Leichter Sprache" in toc
    # Posts are reached from the overview, not from the navigation.
    nav = [a.text(strip=True) for a in page.css("nav.md-nav--primary a")]
    assert "Bürgerbüro & Fundbüro im Erdgeschoss" not in nav


def test_atom_feed_parses_with_an_independent_parser(built: Path) -> None:
    feed = feedparser.parse((built / "aktuelles" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Gemeinde Testdorf: Aktuelles"
    assert feed.feed.language == "de"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {
        "self": "https://www.testdorf.example/aktuelles/feed.xml",
        "alternate": "https://www.testdorf.example/aktuelles/",
    }
    entries = feed.entries
    assert [e.title for e in entries] == [
        "Bürgerbüro & Fundbüro im Erdgeschoss",
        "Integrationsrat tagt",
        "Neujahrsempfang",
        "Feuerwerk an Silvester",
        "Frühlingsfest",
    ]
    first = entries[0]
    assert first.link == "https://www.testdorf.example/aktuelles/neues-buergerbuero/"
    assert first.id == first.link
    assert first.author == "Bürgerbüro"
    assert first.summary == (
        "Das Bürgerbüro ist ab sofort im Erdgeschoss zu finden.\n\nZweiter Absatz des Anrisses."
    )
    # Midnight in Berlin: CET in November, CEST in a summer post is handled by zoneinfo.
    assert first.published == "2026-11-12T00:00:00+01:00"
    assert time.strftime("%Y-%m-%d %H:%M", first.published_parsed) == "2026-11-11 23:00"


def test_feed_and_vcards_are_not_in_the_search_index(built: Path) -> None:
    pages = indexed_pages(built)
    urls = [str(page["url"]) for page in pages]
    assert "/aktuelles/" in urls and "/aktuelles/neues-buergerbuero/" in urls
    assert not [url for url in urls if url.endswith((".xml", ".vcf"))]
    assert not any("<feed" in page["content"] or "BEGIN:VCARD" in page["content"] for page in pages)


def test_feed_link_on_overview(built: Path) -> None:
    link = _article(parse(built / "aktuelles" / "index.html")).css_first(".rathaus-feed a")
    assert link.attributes["href"] == "feed.xml"
    assert link.attributes["type"] == "application/atom+xml"


def test_unknown_unit_fails_the_build_with_the_place(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = fixture_site("finden")
    post = root / "content" / "aktuelles" / "neujahr.md"
    post.write_text(post.read_text().replace("einheit: ordnungsamt", "einheit: ordnungsam"))
    with pytest.raises(Abort):
        build_site(root)
    assert (
        "content/aktuelles/neujahr.md:3:10: einheit: die Einheit „ordnungsam“ gibt es nicht – "
        "meinten Sie „ordnungsamt“?"
    ) in caplog.text


def test_editor_overview_wins(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("finden")
    (root / "content" / "aktuelles" / "index.md").write_text("# Neuigkeiten\n\nEigener Text.\n")
    out = build_site(root)
    assert parse(out / "aktuelles" / "index.html").css_first("h1").text() == "Neuigkeiten"
    # The other lists and the posts are still there.
    assert (out / "aktuelles" / "seite-2" / "index.html").is_file()
    assert (out / "aktuelles" / "neujahr" / "index.html").is_file()


def test_a_post_of_another_body_credits_it_not_a_unit(tmp_path: Path) -> None:
    root = tmp_path / "finden"
    shutil.copytree(FIXTURES / "finden", root)
    (root / "content" / "aktuelles" / "kreis.md").write_text(
        "---\ndatum: 2026-03-05\nherausgeber:\n  name: Kreis Beispielkreis\n"
        "  link: https://www.kreis-beispiel.de/presse/1\n---\n\n# Neue Buslinie\n\n"
        "Der Kreis richtet eine Buslinie ein.\n\n<!-- more -->\n\nMehr dazu.\n",
        encoding="utf-8",
    )
    site = build_site(root)
    head = _article(parse(site / "aktuelles" / "kreis" / "index.html"))
    credit = head.css_first(".rathaus-meldung__einheit")
    assert credit is not None
    assert credit.text(strip=True) == "Herausgegeben von:Kreis Beispielkreis"
    [link] = credit.css("a")
    assert link.attributes["href"] == "https://www.kreis-beispiel.de/presse/1"
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(site / "aktuelles" / "feed.xml").getroot()
    authors = {
        entry.findtext(f"{atom}title"): entry.findtext(f"{atom}author/{atom}name")
        for entry in feed.iter(f"{atom}entry")
    }
    assert authors["Neue Buslinie"] == "Kreis Beispielkreis"
