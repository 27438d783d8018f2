"""How the administration as a whole is reached (zentrale in data/stadt.yml): the footer of
every page, the directives rathaus/zentrale and rathaus/auf-einen-blick (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from rathaus.adapter import run_checks
from tests.conftest import build_site, parse

ZENTRALE = """
zentrale:
  telefon: 02345 678-0
  erreichbar:
    woche:
      montag: 7:30-16:00
      dienstag: 7:30-16:00
      mittwoch: 7:30-16:00
      freitag: 7:30-12:00
  email: info@testdorf.example
  standort: rathaus
"""


def _site(fixture_site: Callable[[str], Path], stadt_extra: str = ZENTRALE) -> Path:
    root = fixture_site("klein")
    with (root / "data" / "stadt.yml").open("a", encoding="utf-8") as stream:
        stream.write(stadt_extra)
    return root


def _start_page(root: Path, body: str) -> None:
    (root / "content" / "index.md").write_text(f"# Testdorf\n\n{body}\n", encoding="utf-8")


def test_every_page_has_the_towns_address_phone_and_hours_in_its_footer(
    fixture_site: Callable[[str], Path],
) -> None:
    site = build_site(_site(fixture_site))
    pages = sorted(site.glob("**/index.html"))
    assert len(pages) > 3
    for path in pages:
        footer = parse(path).css_first("footer .rh-footer__kontakt")
        assert footer is not None, path
        text = " ".join(footer.text(separator=" ").split())
        assert text.startswith("Gemeinde Testdorf")
        assert "Marktplatz 1" in text
        assert footer.css_first('a[href^="tel:"]').attributes["href"] == "tel:+4923456780"
        assert footer.css_first('a[href^="mailto:"]').text() == "info@testdorf.example"
        # Equal neighbours joined, a day without hours (Thursday) splits the run.
        assert "Montag bis Mittwoch 7:30 – 16:00 Uhr" in text
        assert "Freitag 7:30 – 12:00 Uhr" in text
        assert "Donnerstag" not in text


def test_without_zentrale_the_footer_has_only_the_links(
    fixture_site: Callable[[str], Path],
) -> None:
    site = build_site(fixture_site("klein"))
    assert parse(site / "index.html").css_first("footer .rh-footer__kontakt") is None


def test_start_page_blocks_show_the_switchboard_and_a_units_glance(
    fixture_site: Callable[[str], Path],
) -> None:
    root = _site(fixture_site)
    _start_page(
        root,
        "<!-- rathaus/zentrale -->\n\n## Bürgerbüro\n\n"
        "<!-- rathaus/auf-einen-blick { einheit: buergerbuero, ebene: 3 } -->",
    )
    page = parse(build_site(root) / "index.html")
    central = page.css_first("article section.rathaus-zentrale")
    assert central.css_first("h2").text() == "So erreichen Sie uns"
    assert central.css_first('a[href^="tel:"]').text() == "02345\xa0678‑0"
    assert central.css_first('a[href="standorte/#rathaus"]').text() == "Rathaus Testdorf"
    (unit_glance,) = [
        s for s in page.css("article section.rathaus-blick") if s.css_first("h3") is not None
    ]
    assert unit_glance.css_first("h3").attributes["id"] == "blick-buergerbuero"
    hrefs = [a.attributes["href"] for a in unit_glance.css("a")]
    # Links to the unit's own page, not to sections of the start page.
    assert "verwaltung/buergerbuero/#oeffnungszeiten" in hrefs
    assert "verwaltung/buergerbuero/#standort-zugang" in hrefs
    # Yes/no facts differ by a picture as well as a word; the picture is hidden from
    # screen readers, the word is not.
    entrance = unit_glance.css("dd .rathaus-piktogramm")
    assert [e.text(strip=True) for e in entrance] in (["stufenlos"], ["nicht stufenlos"])
    assert entrance[0].css_first("svg").attributes["aria-hidden"] == "true"
    labels = [dt.text(strip=True) for dt in unit_glance.css("dt")]
    assert labels[0] == "Telefon" and "Adresse" in labels


def test_zentrale_directive_without_zentrale_is_a_finding(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    _start_page(root, "<!-- rathaus/zentrale -->")
    (finding,) = [f for f in run_checks(root) if f.rule == "direktive"]
    assert (finding.file, finding.line) == ("content/index.md", 3)
    assert finding.message == "in data/stadt.yml fehlt zentrale:"
    with pytest.raises(Abort):
        build_site(root)


def test_unknown_main_building_is_reported_at_its_line(
    fixture_site: Callable[[str], Path],
) -> None:
    root = _site(fixture_site, ZENTRALE.replace("standort: rathaus", "standort: rathau"))
    (finding,) = [f for f in run_checks(root) if f.field == "zentrale.standort"]
    assert finding.file == "data/stadt.yml"
    assert finding.line == 14
    assert finding.message == "den Standort „rathau“ gibt es nicht"
    assert finding.hint == "meinten Sie „rathaus“?"
