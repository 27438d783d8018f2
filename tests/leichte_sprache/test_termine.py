"""Events in Leichter Sprache, written from data/termine.yml (issue 15, issue 18 item 1)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tests.conftest import build_site, parse, set_feature


def _built(fixture_site: Callable[[str], Path]) -> Path:
    root = fixture_site("termine")
    set_feature(root, "leichte_sprache", {})
    return build_site(root, strict=False)


def _article(path: Path) -> LexborHTMLParser:
    node = parse(path).css_first("article")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def test_every_event_has_a_page_in_leichte_sprache_that_links_back(
    fixture_site: Callable[[str], Path],
) -> None:
    site = _built(fixture_site)
    events = sorted(p.parent.name for p in (site / "termine").glob("*/index.html"))
    easy = sorted(
        p.parent.name for p in (site / "leichte-sprache" / "termine").glob("*/index.html")
    )
    assert easy == [e for e in events if not e.startswith("seite-")]
    standard = parse(site / "termine" / "werkstatt" / "index.html")
    switch = standard.css_first("nav.rh-sprachleiste a.rathaus-sprachwahl__link")
    assert switch.attributes["href"] == "../../leichte-sprache/termine/werkstatt/"


def test_the_ls_page_says_when_where_costs_registration_and_who_helps(
    fixture_site: Callable[[str], Path],
) -> None:
    page = _article(
        _built(fixture_site) / "leichte-sprache" / "termine" / "werkstatt" / "index.html"
    )
    assert page.css_first("h1").text() == "Auftaktwerkstatt <Beteiligung>"
    headings = [h.text() for h in page.css("h2")]
    assert headings == [
        "Wann ist das?",
        "Wo ist das?",
        "Kostet das Geld?",
        "Müssen Sie sich anmelden?",
        "Wer hilft Ihnen?",
    ]
    text = page.text(separator="\n")
    for sentence in (
        "Sie können mit·machen.",  # the editor's LS text first
        "Am 27. März 2027.",
        "Von 14 Uhr bis 19 Uhr.",
        "Der Eintritt ist frei.",
        "Bitte melden Sie sich vorher an.",
        "Das geht bis zum 20. März 2027.",
    ):
        assert sentence in text, sentence
    assert "Ratssaal" in page.css_first("dl.rathaus-ls-angaben").text()
    mail = page.css_first("a[href='mailto:buergerbuero@testdorf.example']")
    assert mail is not None
    back = page.css("p a")[-1]
    assert back.attributes["href"] == "../../../termine/werkstatt/"


def test_the_ls_events_list_names_the_coming_events_and_when(
    fixture_site: Callable[[str], Path],
) -> None:
    site = _built(fixture_site)
    page = _article(site / "leichte-sprache" / "termine" / "index.html")
    links = [(a.text(), a.attributes["href"]) for a in page.css("h2 a")]
    standard = parse(site / "termine" / "index.html")
    coming = [h.text() for h in standard.css("article .rathaus-termine__liste h3")]
    assert [text for text, _ in links] == coming
    # Each link leads to the event's page in Leichter Sprache, beside this one.
    assert all(href.endswith("/") and not href.startswith("../") for _, href in links)
    assert all(text != "Rückblick" for text, _ in links)  # past events are not listed
    first = page.css_first("h2 + p").text(separator="|").split("|")[0]
    assert first.startswith(("Am ", "Es beginnt am ")), first
