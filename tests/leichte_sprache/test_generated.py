"""Leichte Sprache written from data keeps the rules for every record of the demo."""

from __future__ import annotations

from datetime import date

import pytest

from rathaus.leichte_sprache import views
from rathaus.leichte_sprache.checks import site_settings
from rathaus.leichte_sprache.settings import Einstellungen
from rathaus.model import Level, Site, load_site
from rathaus.model.hours import build_date
from tests.conftest import REPO


@pytest.fixture(scope="module")
def demo() -> Site:
    return load_site(REPO)


def _pages(site: Site, today: date) -> dict[str, views.LsPage]:
    return views.all_pages(site, lambda path: path, views.Paths(), today)


def test_every_demo_record_gives_ls_without_errors(demo: Site) -> None:
    settings = site_settings(Einstellungen(), demo)
    pages = _pages(demo, build_date())
    # One page per unit, event and council body, the four overviews, the A–Z index, the
    # lists of events and bodies and the Wörterbuch.
    records = len(demo.einheiten) + len(demo.termine) + len(demo.gremien)
    expected = records + 5 + 2 + bool(demo.woerterbuch)
    assert len(pages) == expected
    errors = [
        (path, text, issue.rule, issue.message)
        for path, page in pages.items()
        for text, issue in views.lint(page, settings)
        if issue.level is Level.ERROR
    ]
    assert errors == []


def test_every_day_of_a_year_gives_ls_without_errors(demo: Site) -> None:
    """Upcoming closures differ by day: the templates must hold for all of them."""
    settings = site_settings(Einstellungen(), demo)
    for month in range(1, 13):
        for page in _pages(demo, date(2026, month, 20)).values():
            assert [i for _, i in views.lint(page, settings) if i.level is Level.ERROR] == []


def test_opening_hours_sentences(demo: Site) -> None:
    unit = demo.einheiten["buergerbuero"]
    assert unit.oeffnungszeiten is not None
    blocks = views.hours_blocks(
        demo, unit.oeffnungszeiten, date(2027, 3, 1), can_call=True, can_write=True
    )
    lines = [line.text for block in blocks for line in block.lines]
    assert lines[:3] == [
        "Wann ist das Büro offen?",
        "Am Montag ist das Büro offen.",
        "Von 8 Uhr bis 12:30 Uhr.",
    ]
    assert "Und von 14 Uhr bis 18 Uhr." in lines
    assert "Von 9 Uhr bis 12 Uhr." in lines


def test_appointment_only(demo: Site) -> None:
    unit = demo.einheiten["bildung-vielfalt-teilhabe"]
    assert unit.oeffnungszeiten is not None and unit.oeffnungszeiten.only_by_appointment
    blocks = views.hours_blocks(
        demo, unit.oeffnungszeiten, date(2027, 3, 1), can_call=True, can_write=True
    )
    assert [line.text for line in blocks[1].lines] == [
        "Sie brauchen einen Termin.",
        "Rufen Sie an.",
        "Oder schreiben Sie eine E-Mail.",
    ]


def test_address_is_a_block_and_phone_has_a_label(demo: Site) -> None:
    page = views.unit_page(
        demo, demo.einheiten["buergerbuero"], lambda p: p, views.Paths(), date(2027, 3, 1)
    )
    kinds = [block.kind for block in page.blocks]
    assert "adresse" in kinds
    address = next(b for b in page.blocks if b.kind == "adresse")
    assert [line.text for line in address.lines] == ["Rathaus", "Marktplatz 1", "12345 Musterstadt"]
    facts = [fact for block in page.blocks for fact in block.facts]
    phone = next(f for f in facts if f.label == "Telefon")
    assert "".join(c for c in phone.value if c.isdigit()) == "02398678330"
    assert phone.url == "tel:+492398678330"


def test_unit_with_own_ls_text_uses_it(demo: Site) -> None:
    units = [u for u in demo.einheiten.values() if u.leichte_sprache]
    assert len(units) >= 3
    for unit in units:
        page = views.unit_page(demo, unit, lambda p: p, views.Paths(), date(2027, 3, 1))
        own = [line.text for block in page.blocks[:3] for line in block.lines]
        expected = views.split_sentences(unit.leichte_sprache or "")
        assert own[: len(expected)] == expected


def test_demo_overviews_in_parts_give_ls_without_errors(demo: Site) -> None:
    """Every overview split as far as it goes (one entry per page): the LS parts and the
    first pages with their letter navigation keep the rules for every demo record."""
    from rathaus.uebersichten import Schwellen

    settings = site_settings(Einstellungen(), demo)
    paths = views.Paths(schwellen=Schwellen(people=1, locations=1, hours=1, units=1, topics=1))
    pages = views.all_pages(demo, lambda path: path, paths, build_date())
    parts = [p for p in pages if p.startswith("leichte-sprache/ansprechpersonen/")]
    assert len(parts) > 1
    assert set(paths.generated(demo)) <= set(pages)
    errors = [
        (path, text, issue.rule)
        for path, page in pages.items()
        for text, issue in views.lint(page, settings)
        if issue.level is Level.ERROR
    ]
    assert errors == []
