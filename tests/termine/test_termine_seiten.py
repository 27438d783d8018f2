"""The events list split into pages (issue 8: a page does not grow with the data).

The events fixture with three events per page and two more past events: upcoming
(soonest first) on page 1 and the start of page 2, past ones (newest first) after them.
Build date in tests: 2027-03-01.
"""

from __future__ import annotations

import posixpath
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import FIXTURES, build_site, parse, set_feature

MORE_PAST = """
- id: winterfest
  titel: Winterfest
  beginn: 2027-01-16 15:00
  ende: 20:00
  standort: rathaus
  einheit: buergerbuero
  beschreibung: Mit Punsch.
- id: laternenumzug
  titel: Laternenumzug
  beginn: 2026-11-11 17:00
  ende: 19:00
  standort: rathaus
  einheit: buergerbuero
  beschreibung: Mit Laternen.
"""


def _paged(root: Path, per_page: int) -> None:
    set_feature(root, "termine", {"per_page": per_page})


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("termine-seiten") / "site"
    shutil.copytree(FIXTURES / "termine", root)
    with (root / "data" / "termine.yml").open("a", encoding="utf-8") as data:
        data.write(MORE_PAST)
    _paged(root, 3)
    return build_site(root)


def _article(page: Path) -> LexborHTMLParser:
    node = parse(page).css_first("article")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def _file(site: Path, page: Path, href: str) -> Path:
    """The built file a relative link of ``page`` (a folder's index.html) leads to."""
    path, _, _ = href.partition("#")
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), path))
    return site / target / "index.html"


def _pages(site: Path) -> list[Path]:
    folder = site / "termine"
    return [
        folder / "index.html",
        folder / "seite-2" / "index.html",
        folder / "seite-3" / "index.html",
    ]


def test_every_event_once_upcoming_first_then_past(built: Path) -> None:
    pages = _pages(built)
    assert not (built / "termine" / "seite-4").exists()
    upcoming = [[h.text() for h in _article(p).css(".rathaus-termine__liste h3")] for p in pages]
    past = [[a.text() for a in _article(p).css(".rathaus-termine__vergangen a")] for p in pages]
    assert upcoming == [
        ["Seit gestern", "Auftaktwerkstatt <Beteiligung>", "Lange Nacht"],
        ["Herbstnacht"],
        [],
    ]
    assert past == [[], ["Rückblick", "Winterfest"], ["Laternenumzug"]]
    everything = [title for page in upcoming + past for title in page]
    assert len(everything) == 7 and set(Counter(everything).values()) == {1}
    headings = [[h.text() for h in _article(p).css("h2")] for p in pages]
    assert headings == [
        ["Kommende Termine"],
        ["Kommende Termine", "Vergangene Termine"],
        ["Vergangene Termine"],
    ]


def test_first_page_keeps_its_address_title_and_feed(built: Path) -> None:
    first, second, _ = _pages(built)
    assert parse(first).css_first("h1").text() == "Termine"
    assert parse(second).css_first("h1").text() == "Termine – Seite 2"
    for page, feed in ((first, "kalender.ics"), (second, "../kalender.ics")):
        assert _article(page).css_first(".rathaus-termine__abo a").attributes["href"] == feed
    # Event pages still lead back to the first page, and their JSON-LD is unchanged.
    event = _article(built / "termine" / "laternenumzug" / "index.html")
    assert event.css_first(".rathaus-termin__zurueck a").attributes["href"] == "../"
    assert event.css_first("script[type='application/ld+json']") is not None


def test_link_to_where_the_past_events_begin(built: Path) -> None:
    first, second, third = _pages(built)
    link = _article(first).css_first(".rathaus-termine__weiter")
    assert link.text() == "Vergangene Termine stehen ab Seite 2."
    href = link.css_first("a").attributes["href"] or ""
    assert href == "seite-2/#vergangene-termine"
    assert _file(built, first, href) == second
    assert _article(second).css_first("#vergangene-termine") is not None
    assert _article(second).css_first(".rathaus-termine__weiter") is None
    assert _article(third).css_first(".rathaus-termine__weiter") is None


def test_page_navigation(built: Path) -> None:
    pages = _pages(built)
    for number, page in enumerate(pages, start=1):
        nav = _article(page).css_first("nav.rathaus-seiten")
        assert nav.attributes["aria-label"] == "Seiten der Termine"
        assert nav.css_first(".rathaus-seiten__stand").text() == f"Seite {number} von 3"
        for link in nav.css("a"):
            assert _file(built, page, link.attributes["href"] or "") in pages
        current = nav.css("a[aria-current]")
        assert [(a.text(), a.attributes["aria-current"]) for a in current] == [
            (f"Seite {number}", "page")
        ]
        assert _file(built, page, current[0].attributes["href"] or "") == page
        assert [a.text() for a in nav.css("a:not([rel])")] == ["Seite 1", "Seite 2", "Seite 3"]
        rel = {
            a.attributes["rel"]: _file(built, page, a.attributes["href"] or "")
            for a in nav.css("a[rel]")
        }
        expected = {}
        if number > 1:
            expected["prev"] = pages[number - 2]
        if number < 3:
            expected["next"] = pages[number]
        assert rel == expected


def test_only_the_first_page_is_in_the_navigation(built: Path) -> None:
    nav = [
        a.attributes.get("href") for a in parse(built / "index.html").css("nav.md-nav--primary a")
    ]
    assert "termine/" in nav
    assert not [href for href in nav if href and "seite-" in href]


def test_no_upcoming_events(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("termine")
    # Only past events: the one of the fixture and the two added ones.
    (root / "data" / "termine.yml").write_text(
        """- id: rueckblick
  titel: Rückblick
  beginn: 2027-02-27 10:00
  ende: 12:00
  standort: rathaus
  einheit: buergerbuero
  beschreibung: Schon vorbei.
"""
        + MORE_PAST,
        encoding="utf-8",
    )
    _paged(root, 2)
    out = build_site(root)
    first = _article(out / "termine" / "index.html")
    assert [h.text() for h in first.css("h2")] == ["Kommende Termine", "Vergangene Termine"]
    assert "Zurzeit sind keine Termine geplant." in [p.text() for p in first.css("p")]
    assert [a.text() for a in first.css(".rathaus-termine__vergangen a")] == [
        "Rückblick",
        "Winterfest",
    ]
    second = _article(out / "termine" / "seite-2" / "index.html")
    assert [h.text() for h in second.css("h2")] == ["Vergangene Termine"]
    assert [a.text() for a in second.css(".rathaus-termine__vergangen a")] == ["Laternenumzug"]


def test_event_id_that_takes_a_page_address_fails(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = fixture_site("termine")
    data = root / "data" / "termine.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("id: rueckblick", "id: seite-2"))
    _paged(root, 2)
    with pytest.raises(Abort):
        build_site(root)
    assert (
        "rathaus/termine: die Kennung „seite-2“ eines Termins ergibt dieselbe Adresse wie "
        "Seite 2 der Terminliste (termine/seite-2/) – bitte die Kennung in data/termine.yml "
        "ändern"
    ) in caplog.text
