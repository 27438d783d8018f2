"""The Wörterbuch (data/woerterbuch.yml): explanations on LS pages and the LS glossary page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rathaus.leichte_sprache.views import LsPage, heading, line, sentences
from rathaus.leichte_sprache.woerterbuch import explain, explain_page, pattern
from rathaus.model.woerterbuch import Wort
from tests.conftest import FIXTURES, build_site, parse

WOERTERBUCH = """\
- id: internetseite
  wort: Internetseite
  varianten: [Internetseiten]
  erklaerung: >-
    Eine Internet·seite ist eine Seite im Internet.
    Sie lesen die Seite am Computer oder am Handy.
- id: rathaus
  wort: Rathaus
  erklaerung: Im Rathaus arbeitet die Stadt·verwaltung.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wb") / "leichte-sprache"
    shutil.copytree(FIXTURES / "leichte-sprache", root)
    (root / "data" / "woerterbuch.yml").write_text(WOERTERBUCH, encoding="utf-8")
    return build_site(root)


def _lines(path: Path) -> list[list[str]]:
    article = parse(path).css_first("article .rathaus-leichte-sprache")
    return [
        [line.strip() for line in p.text(separator="\n").split("\n") if line.strip()]
        for p in article.css("p")
    ]


def test_first_occurrence_is_explained_right_after_its_line(built: Path) -> None:
    paragraphs = _lines(built / "leichte-sprache/index.html")
    first = next(p for p in paragraphs if "Das ist die Internet·seite von Testdorf." in p)
    at = first.index("Das ist die Internet·seite von Testdorf.")
    assert first[at + 1 : at + 5] == [
        "Eine Internet·seite ist eine Seite im Internet.",
        "Sie lesen die Seite am Computer oder am Handy.",
        "Mehr dazu:",
        "Internetseite im Wörter·buch",
    ]
    # Only the first occurrence.
    assert sum(line.count("Eine Internet·seite ist") for p in paragraphs for line in p) == 1


def _entry_of(page: Path, link_text: str) -> tuple[Path, str]:
    """The file and the heading id a link on ``page`` goes to."""
    [link] = [a for a in parse(page).css("article a") if a.text(strip=True) == link_text]
    href = link.attributes["href"] or ""
    path, _, fragment = href.partition("#")
    target = (page.parent / path).resolve()
    return (target / "index.html" if target.is_dir() else target), fragment


@pytest.mark.parametrize(
    ("page", "word"),
    [("leichte-sprache/index.html", "Internetseite"), (None, "Rathaus")],
    ids=["hand-written", "from data"],
)
def test_each_explanation_links_to_its_entry(built: Path, page: str | None, word: str) -> None:
    if page is None:  # the first generated unit page that explains the word
        path = next(
            p
            for p in sorted((built / "leichte-sprache" / "verwaltung").glob("*/index.html"))
            if f"{word} im Wörter·buch" in p.read_text()
        )
    else:
        path = built / page
    target, fragment = _entry_of(path, f"{word} im Wörter·buch")
    assert target == (built / "leichte-sprache/woerterbuch/index.html").resolve()
    heading = parse(target).css_first(f"h2#{fragment}")
    assert heading is not None and heading.text(strip=True) == word


def test_standard_pages_get_no_explanations(built: Path) -> None:
    text = parse(built / "index.html").css_first("article").text()
    assert "Eine Internet·seite ist eine Seite im Internet." not in text


def test_woerterbuch_page_lists_every_word_a_to_z(built: Path) -> None:
    page = parse(built / "leichte-sprache/woerterbuch/index.html")
    article = page.css_first("article")
    assert article.css_first("h1").text(strip=True) == "Wörter·buch"
    assert [h.text(strip=True) for h in article.css("h2")] == ["Internetseite", "Rathaus"]
    assert page.css_first("p.rathaus-ls-pruefung") is not None
    # In the LS navigation, not in the standard one.
    start = parse(built / "leichte-sprache/index.html")
    ls_nav = [a.attributes.get("href") for a in start.css("nav.md-nav--primary a")]
    assert any(href and href.rstrip("/").endswith("woerterbuch") for href in ls_nav)
    standard = parse(built / "index.html")
    assert not [
        a
        for a in standard.css("nav.md-nav--primary a")
        if "woerterbuch" in (a.attributes.get("href") or "")
    ]


def test_pattern_matches_with_and_without_mediopunkt() -> None:
    entry = Wort(id="buergerbuero", wort="Bürger·büro", erklaerung="Ein Büro im Rathaus.")
    found = pattern(entry)
    assert found.search("Das Bürgerbüro ist offen.")
    assert found.search("Das Bürger·büro ist offen.")
    assert not found.search("Die Bürgerbüros sind offen.")


def test_headings_lists_and_code_are_not_explained() -> None:
    entry = Wort(id="antrag", wort="Antrag", erklaerung="Mit einem Antrag bitten Sie um etwas.")
    markdown = "# Antrag\n\n- Antrag\n\n```\nAntrag\n```\n\nHier ist der Antrag.\nDanke."
    assert explain(markdown, [entry]).split("\n")[-3:] == [
        "Hier ist der Antrag.",
        "Mit einem Antrag bitten Sie um etwas.",
        "Danke.",
    ]


def test_pages_written_from_data_explain_the_first_use_too(built: Path) -> None:
    # The generated LS page of a unit says „Rathaus“ in its address sentence.
    pages = sorted((built / "leichte-sprache" / "verwaltung").glob("*/index.html"))
    explained = [p for p in pages if "Im Rathaus arbeitet die Stadt·verwaltung." in p.read_text()]
    assert explained, "no generated page explains Rathaus"
    explanation = "Im Rathaus arbeitet die Stadt·verwaltung."
    for page in explained:
        [paragraph] = [p for p in _lines(page) if explanation in p]
        before = " ".join(paragraph[: paragraph.index(explanation)])
        assert pattern(Wort(id="rathaus", wort="Rathaus", erklaerung="x.")).search(before)
        assert sum(p.count(explanation) for p in _lines(page)) == 1


def test_explain_page_uses_running_text_only() -> None:
    entry = Wort(id="antrag", wort="Antrag", erklaerung="Mit einem Antrag bitten Sie um etwas.")
    page = LsPage("Antrag", "", [heading("Antrag"), sentences(line("Hier ist der Antrag."))])
    explained = explain_page(page, [entry])
    assert explained.blocks[0] == page.blocks[0]  # the heading stays as it is
    assert [ln.text for ln in explained.blocks[1].lines] == [
        "Hier ist der Antrag.",
        "Mit einem Antrag bitten Sie um etwas.",
    ]
    assert page.blocks[1].lines == (line("Hier ist der Antrag."),)  # the view is not changed


def test_explain_links_the_entry_when_told_where() -> None:
    entry = Wort(id="antrag", wort="Antrag", erklaerung="Mit einem Antrag bitten Sie um etwas.")
    explained = explain("Hier ist der Antrag.", [entry], lambda e: f"../woerterbuch.md#{e.id}")
    assert explained.split("\n")[-1] == (
        "Mehr dazu: [Antrag im Wörter·buch](../woerterbuch.md#antrag)."
    )
    page = LsPage("Antrag", "", [sentences(line("Hier ist der Antrag."))])
    [*_, last] = explain_page(page, [entry], lambda e: f"/wb/#{e.id}").blocks[0].lines
    assert last.text == "Mehr dazu: Antrag im Wörter·buch."
    assert [p.url for p in last.parts if p.url] == ["/wb/#antrag"]
