"""Build a small site with pages in Leichte Sprache and check the HTML by parsing it."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from rathaus.suche.index import indexed_pages
from tests.conftest import FIXTURES, build_site, parse


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build for the tests that only read its output."""
    root = tmp_path_factory.mktemp("ls") / "leichte-sprache"
    shutil.copytree(FIXTURES / "leichte-sprache", root)
    return build_site(root)


def _primary_nav(page: LexborHTMLParser) -> list[str]:
    return [a.attributes.get("href") or "" for a in page.css("nav.md-nav--primary a.md-nav__link")]


def _switch(page: LexborHTMLParser) -> tuple[str, str]:
    (link,) = page.css("nav.rh-sprachleiste a.rathaus-sprachwahl__link")
    return link.text(strip=True), link.attributes.get("href") or ""


LS_PAGES = [
    "leichte-sprache/index.html",
    "leichte-sprache/kontakt/index.html",
    "leichte-sprache/nur-leicht/index.html",
    "leichte-sprache/verwaltung/index.html",
    "leichte-sprache/verwaltung/buergerbuero/index.html",
    "leichte-sprache/ansprechpersonen/index.html",
    "leichte-sprache/standorte/index.html",
    "leichte-sprache/oeffnungszeiten/index.html",
]
STANDARD_PAGES = [
    "index.html",
    "kontakt/index.html",
    "verwaltung/index.html",
    "verwaltung/buergerbuero/index.html",
    "ansprechpersonen/index.html",
    "standorte/index.html",
    "oeffnungszeiten/index.html",
    "barrierefreiheit/index.html",
]


@pytest.mark.parametrize("path", LS_PAGES)
def test_ls_pages_are_published_under_leichte_sprache_in_german(built: Path, path: str) -> None:
    page = parse(built / path)
    assert page.css_first("html").attributes["lang"] == "de"
    # The typography of Leichte Sprache applies to the content of LS pages.
    assert page.css_first("article .rathaus-leichte-sprache") is not None


@pytest.mark.parametrize("path", STANDARD_PAGES)
def test_standard_pages_have_no_ls_typography(built: Path, path: str) -> None:
    assert parse(built / path).css_first(".rathaus-leichte-sprache") is None


@pytest.mark.parametrize("path", LS_PAGES)
def test_ls_navigation_holds_ls_pages_only(built: Path, path: str) -> None:
    page = parse(built / path)
    depth = path.count("/")
    targets = [href for href in _primary_nav(page) if not href.startswith("#")]
    assert targets
    for href in targets:
        resolved = (Path("/site") / path).parent.joinpath(href).resolve()
        assert resolved.as_posix().startswith("/site/leichte-sprache"), (href, depth)


@pytest.mark.parametrize("path", STANDARD_PAGES)
def test_standard_navigation_has_no_ls_pages(built: Path, path: str) -> None:
    page = parse(built / path)
    for href in _primary_nav(page):
        target = href.partition("#")[0]  # a heading of the page may be called Leichte Sprache
        resolved = (Path("/site") / path).parent.joinpath(target).resolve()
        assert "leichte-sprache" not in resolved.as_posix()


def test_ls_navigation_mirrors_the_standard_order(built: Path) -> None:
    page = parse(built / "leichte-sprache/kontakt/index.html")
    titles = [a.text(strip=True) for a in page.css("nav.md-nav--primary a.md-nav__link")]
    assert titles[:3] == ["Leichte Sprache", "Ämter", "Kontakt"]
    # A page written only in Leichte Sprache comes last.
    assert titles[-1] == "Nur in Leichter Sprache"


SWITCH = [
    ("kontakt/index.html", "Leichte Sprache", "../leichte-sprache/kontakt/"),
    ("leichte-sprache/kontakt/index.html", "Alltags-Sprache", "../../kontakt/"),
    ("index.html", "Leichte Sprache", "leichte-sprache/"),
    ("leichte-sprache/index.html", "Alltags-Sprache", "../"),
    (
        "verwaltung/buergerbuero/index.html",
        "Leichte Sprache",
        "../../leichte-sprache/verwaltung/buergerbuero/",
    ),
    (
        "leichte-sprache/verwaltung/buergerbuero/index.html",
        "Alltags-Sprache",
        "../../../verwaltung/buergerbuero/",
    ),
    ("ansprechpersonen/index.html", "Leichte Sprache", "../leichte-sprache/ansprechpersonen/"),
    ("standorte/index.html", "Leichte Sprache", "../leichte-sprache/standorte/"),
    ("oeffnungszeiten/index.html", "Leichte Sprache", "../leichte-sprache/oeffnungszeiten/"),
    # Without a counterpart: to the other start page.
    ("barrierefreiheit/index.html", "Leichte Sprache", "../leichte-sprache/"),
    ("leichte-sprache/nur-leicht/index.html", "Start-Seite in Alltags-Sprache", "../../"),
]


@pytest.mark.parametrize(("path", "label", "href"), SWITCH)
def test_header_switch_goes_to_the_counterpart(
    built: Path, path: str, label: str, href: str
) -> None:
    assert _switch(parse(built / path)) == (label, href)


def test_alternate_link_only_between_counterparts(built: Path) -> None:
    page = parse(built / "verwaltung/buergerbuero/index.html")
    (alternate,) = page.css('head link[rel="alternate"][type="text/html"]')
    assert alternate.attributes["href"] == "../../leichte-sprache/verwaltung/buergerbuero/"
    assert alternate.attributes["title"] == "Diese Seite in Leichter Sprache"
    assert "hreflang" not in alternate.attributes
    lone = parse(built / "barrierefreiheit/index.html")
    assert lone.css('head link[rel="alternate"][type="text/html"]') == []


def test_search_index_marks_ls_pages(built: Path) -> None:
    filters = {str(page["url"]): page["filters"] for page in indexed_pages(built)}
    ls = {"sprache": ["leichte-sprache"]}
    assert filters["/leichte-sprache/kontakt/"] == ls
    assert filters["/leichte-sprache/verwaltung/buergerbuero/"] == ls
    assert filters["/kontakt/"] == {}


def test_generated_unit_page_in_ls(built: Path) -> None:
    page = parse(built / "leichte-sprache/verwaltung/buergerbuero/index.html")
    article = page.css_first("article")
    assert article.css_first("h1").text() == "Bürgerbüro"
    address = article.css_first("address.rathaus-ls-adresse")
    assert address is not None
    assert [line.strip() for line in address.text(separator="\n").split("\n") if line.strip()][
        1:
    ] == [
        "Marktplatz 1",
        "01067 Testdorf",
    ]
    phones = [a.attributes["href"] for a in article.css('a[href^="tel:"]')]
    assert phones
    sentences = [p.text(separator="\n") for p in article.css("p.rathaus-ls-saetze")]
    assert any(
        s.startswith("Am Montag ist das Büro offen.\nVon 8 Uhr bis 12 Uhr.") for s in sentences
    )


def test_handwritten_ls_page_keeps_one_sentence_per_line(built: Path) -> None:
    page = parse(built / "leichte-sprache/kontakt/index.html")
    paragraph = page.css_first("article .rathaus-leichte-sprache p")
    lines = [line.strip() for line in paragraph.text(separator="|").split("|")]
    assert lines == ["Schreiben Sie uns.", "Wir antworten schnell.", "Bitte rauchen Sie nicht."]
    assert len(paragraph.css("br")) == 2


def test_missing_counterparts_and_findings_are_reported(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = fixture_site("leichte-sprache")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.rathaus.adapter.leichte_sprache"):
        build_site(root)
    messages = [r.getMessage().removeprefix("rathaus: ") for r in caplog.records]
    assert (
        "content/barrierefreiheit.md: LS00 die Seite hat keine Fassung in Leichter Sprache – "
        "legen Sie content/leichte-sprache/barrierefreiheit.md an"
    ) in messages
    assert any(
        m.startswith(
            "content/leichte-sprache/kontakt.md:4:5: LS05 die Regel „Verneinung“ ist "
            "auf dieser Seite ausgeschaltet. Grund: "
        )
        for m in messages
    )
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == []


def test_ls_error_fails_strict_build(fixture_site: Callable[[str], Path]) -> None:
    from mkdocs.exceptions import Abort

    root = fixture_site("leichte-sprache")
    (root / "content/leichte-sprache/kontakt.md").write_text(
        "# Kontakt\n\nSchreiben Sie uns z. B. eine E-Mail.\n", encoding="utf-8"
    )
    with pytest.raises(Abort):
        build_site(root)


def _review(page: LexborHTMLParser) -> str:
    (status,) = page.css("article .rathaus-leichte-sprache p.rathaus-ls-pruefung")
    return status.text(strip=True)


def test_reviewed_page_says_by_whom_and_when(built: Path) -> None:
    page = parse(built / "leichte-sprache/index.html")
    assert _review(page) == "Geprüft von Prüf·gruppe Testdorf am 10. Februar 2027."


@pytest.mark.parametrize(
    "path",
    [
        "leichte-sprache/kontakt/index.html",
        "leichte-sprache/verwaltung/buergerbuero/index.html",
        "leichte-sprache/standorte/index.html",
    ],
)
def test_unreviewed_pages_say_so(built: Path, path: str) -> None:
    assert _review(parse(built / path)) == "Dieser Text wurde noch nicht geprüft."


def test_statement_counts_the_reviewed_pages(built: Path) -> None:
    # Every page in Leichter Sprache says whether it is reviewed; the statement adds them up.
    ls_pages = list((built / "leichte-sprache").rglob("index.html"))
    reviewed = [p for p in ls_pages if _review(parse(p)).startswith("Geprüft von")]
    assert len(reviewed) == 1 and len(ls_pages) > 5
    statement = parse(built / "barrierefreiheit/index.html")
    text = statement.css_first("#leichte-sprache + p").text(strip=True)
    assert text.startswith(
        f"Diese Website hat {len(ls_pages)} Seiten in Leichter Sprache. 1 davon hat eine "
        f"Prüfgruppe mit Menschen mit Lernschwierigkeiten geprüft, {len(ls_pages) - 1} noch "
        "nicht."
    )


def test_standard_pages_have_no_review_status(built: Path) -> None:
    assert parse(built / "kontakt/index.html").css("p.rathaus-ls-pruefung") == []


def test_search_gets_words_written_with_a_mediopunkt_as_written(built: Path) -> None:
    # Pagefind indexes "Internet·seite" as its parts and as the joined word (tests/a11y
    # test_search.py searches for one in the browser); the text stays as written.
    (start,) = [p for p in indexed_pages(built) if p["url"] == "/leichte-sprache/"]
    assert "Internet·seite" in start["content"]


def test_a_persons_task_on_ls_pages_comes_only_from_their_ls_text(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("leichte-sprache")
    people = root / "data" / "personen.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text(
        text.replace(
            "  funktion: Leitung\n", "  funktion: Leitung\n  leichte_sprache: Leitet das Büro.\n"
        ),
        encoding="utf-8",
    )
    site = build_site(root, strict=False)
    page = parse(site / "leichte-sprache" / "ansprechpersonen" / "index.html")
    facts = [
        (" ".join(div.css_first("dt").text().split()), div.css_first("dd").text(strip=True))
        for div in page.css("article dl.rathaus-ls-angaben > div")
    ]
    tasks = [value for label, value in facts if label.startswith("Aufgabe")]
    # Erika Muster's LS text; Özgür Özdemir's standard German funktion is left out.
    assert tasks == ["Leitet das Büro."]
    assert "Geschäftsführung" not in page.css_first("article").text()
