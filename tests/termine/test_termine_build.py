"""Build the events fixture site; check pages, JSON-LD and calendar files by parsing them."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import build_site, parse

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import FIXTURES

    root = tmp_path_factory.mktemp("termine") / "site"
    shutil.copytree(FIXTURES / "termine", root)
    return build_site(root)


def _article(page: LexborHTMLParser) -> LexborHTMLParser:
    node = page.css_first("article")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def test_overview_splits_upcoming_and_past_at_the_build_date(built: Path) -> None:
    page = _article(parse(built / "termine" / "index.html"))
    assert [h.text() for h in page.css("h2")] == ["Kommende Termine", "Vergangene Termine"]
    upcoming = [h.text() for h in page.css(".rathaus-termine__liste h3")]
    # Soonest first; an event that ends on the build date is still upcoming.
    assert upcoming == [
        "Seit gestern",
        "Auftaktwerkstatt <Beteiligung>",
        "Lange Nacht",
        "Herbstnacht",
    ]
    past = [a.text() for a in page.css(".rathaus-termine__vergangen a")]
    assert past == ["Rückblick"]
    feed = page.css_first(".rathaus-termine__abo a").attributes["href"]
    assert feed == "kalender.ics"


def test_event_page_dates_in_german_with_offsets(built: Path) -> None:
    page = _article(parse(built / "termine" / "werkstatt" / "index.html"))
    when = page.css_first(".rathaus-termin__zeit")
    assert when.text() == "Samstag, 27. März 2027, 14:00 bis 19:00 Uhr"
    times = [t.attributes["datetime"] for t in when.css("time")]
    assert times == ["2027-03-27T14:00+01:00", "2027-03-27T19:00+01:00"]
    assert page.css_first("h1") is not None
    assert [h.text() for h in page.css("h2")] == [
        "Auf einen Blick",
        "Ort",
        "Teilnahme",
        "Veranstalter",
        "In Leichter Sprache",
    ]
    # What a resident needs first: when, where (with a route link), the entrance, taking part.
    glance = page.css_first("section.rathaus-blick")
    labels = [" ".join(dt.text().split()) for dt in glance.css("dt")]
    assert labels[:3] == ["Wann", "Wo", "Eingang"]
    route = glance.css_first("a[href^='https://www.openstreetmap.org/search?query=']")
    assert route is not None and route.text() == "Weg zeigen (OpenStreetMap)"
    assert glance.css_first("a[href='#ort-zugang']") is not None
    assert page.css_first("#ort-zugang").tag == "h3"
    organizer = page.css_first("#veranstalter + p a").attributes["href"]
    assert organizer == "../../verwaltung/buergerbuero/"
    venue = page.css_first(".rathaus-adresse a").attributes["href"]
    assert venue == "../../standorte/#rathaus"
    mail = page.css_first("a[href^='mailto:']").attributes["href"]
    address, _, query = mail.partition("?")
    assert address == "mailto:buergerbuero@testdorf.example"
    assert query == "subject=Anmeldung%3A%20Auftaktwerkstatt%20%3CBeteiligung%3E"


def test_event_across_dst_change(built: Path) -> None:
    page = _article(parse(built / "termine" / "lange-nacht" / "index.html"))
    when = page.css_first(".rathaus-termin__zeit")
    assert when.text() == "Samstag, 27. März 2027, 22:00 Uhr bis Sonntag, 28. März 2027, 4:00 Uhr"
    assert [t.attributes["datetime"] for t in when.css("time")] == [
        "2027-03-27T22:00+01:00",
        "2027-03-28T04:00+02:00",
    ]
    assert "Sommerzeit" in page.css_first(".rathaus-termin__hinweis").text()
    facts = {
        d.css_first("dt").text(): d.css_first("dd").text()
        for d in page.css(".rathaus-zugang > div")
    }
    assert facts["Stufenloser Eingang"] == "ja"
    assert facts["Aufzug"] == "keine Angabe"


def test_past_event_says_so(built: Path) -> None:
    page = _article(parse(built / "termine" / "rueckblick" / "index.html"))
    assert page.css_first(".rathaus-termin__vergangen") is not None
    assert page.css_first(".rathaus-termin__kalender") is None


def test_json_ld_event(built: Path) -> None:
    page = parse(built / "termine" / "lange-nacht" / "index.html")
    data = json.loads(page.css_first("script[type='application/ld+json']").text())
    assert data["@type"] == "Event"
    assert data["startDate"] == "2027-03-27T22:00+01:00"
    assert data["endDate"] == "2027-03-28T04:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Dorfplatz 1",
        "postalCode": "01067",
        "addressLocality": "Testdorf",
        "addressCountry": "DE",
    }
    assert data["organizer"]["url"] == "https://www.testdorf.example/verwaltung/integration/"
    assert "isAccessibleForFree" not in data  # not known
    werkstatt = parse(built / "termine" / "werkstatt" / "index.html")
    data = json.loads(werkstatt.css_first("script[type='application/ld+json']").text())
    assert data["isAccessibleForFree"] is True
    assert data["name"] == "Auftaktwerkstatt <Beteiligung>"


def _ics(path: Path) -> tuple[icalendar.Calendar, object]:
    text = path.read_bytes().decode("utf-8")
    assert text.count("\n") == text.count("\r\n")  # RFC 5545 3.1: CRLF line ends
    return icalendar.Calendar.from_ical(text), vobject.readOne(text)


def test_event_ics_parses_with_icalendar_and_vobject(built: Path) -> None:
    ours, theirs = _ics(built / "termine" / "lange-nacht.ics")
    events = list(ours.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert str(event["uid"]) == "lange-nacht@www.testdorf.example"
    assert event["dtstamp"].dt == datetime(2027, 3, 1, tzinfo=UTC)
    assert str(event["summary"]) == "Lange Nacht"
    assert str(event["location"]) == "Dorfplatz, Dorfplatz 1, 01067 Testdorf"
    assert str(event["url"]) == "https://www.testdorf.example/termine/lange-nacht/"
    start, end = event["dtstart"].dt, event["dtend"].dt
    assert start.utcoffset() == timedelta(hours=1) and end.utcoffset() == timedelta(hours=2)
    assert end - start.astimezone(UTC) == timedelta(hours=5)  # the night is an hour shorter
    assert [tz["tzid"] for tz in ours.walk("VTIMEZONE")] == ["Europe/Berlin"]
    # The independent reader resolves the VTIMEZONE itself.
    vevent = theirs.vevent  # type: ignore[attr-defined]
    assert vevent.uid.value == "lange-nacht@www.testdorf.example"
    assert vevent.dtstart.value.astimezone(UTC) == datetime(2027, 3, 27, 21, 0, tzinfo=UTC)
    assert vevent.dtend.value.astimezone(UTC) == datetime(2027, 3, 28, 2, 0, tzinfo=UTC)


def test_second_occurrence_in_the_fold_is_written_in_utc(built: Path) -> None:
    ours, theirs = _ics(built / "termine" / "herbstnacht.ics")
    event = next(iter(ours.walk("VEVENT")))
    assert event["dtend"].dt == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
    assert event["dtstart"].dt.astimezone(UTC) == datetime(2027, 10, 30, 21, 0, tzinfo=UTC)
    vevent = theirs.vevent  # type: ignore[attr-defined]
    assert vevent.dtend.value.astimezone(UTC) == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
    assert vevent.dtstart.value.astimezone(BERLIN).hour == 23


def test_feed_holds_the_upcoming_events_only(built: Path) -> None:
    ours, theirs = _ics(built / "termine" / "kalender.ics")
    uids = sorted(str(e["uid"]) for e in ours.walk("VEVENT"))
    assert uids == sorted(
        f"{i}@www.testdorf.example"
        for i in ("werkstatt", "lange-nacht", "herbstnacht", "gestern-begonnen")
    )
    assert str(ours["x-wr-calname"]) == "Termine: Gemeinde Testdorf"
    assert len(theirs.contents["vevent"]) == 4  # type: ignore[attr-defined]
    description = next(
        str(e["description"]) for e in ours.walk("VEVENT") if str(e["uid"]).startswith("werkstatt")
    )
    assert "Anmeldung erforderlich." in description
    assert "Anmeldeschluss: 20.03.2027" in description


def test_calendar_files_are_reproducible(fixture_site: Callable[[str], Path], built: Path) -> None:
    again = build_site(fixture_site("termine"))
    for name in ("kalender.ics", "werkstatt.ics", "herbstnacht.ics"):
        assert (again / "termine" / name).read_bytes() == (built / "termine" / name).read_bytes()


def test_leichte_sprache_box_keeps_one_sentence_per_line(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("termine")
    events = root / "data" / "termine.yml"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "  leichte_sprache: Sie können mit·machen.\n",
            "  leichte_sprache: |-\n    Sie können mit·machen.\n    Der Eintritt ist frei.\n",
        ),
        encoding="utf-8",
    )
    page = _article(parse(build_site(root) / "termine" / "werkstatt" / "index.html"))
    box = page.css_first("#leichte-sprache + .rathaus-leichte-sprache p")
    sentences = box.text(separator="|").split("|")
    assert sentences == ["Sie können mit·machen.", "Der Eintritt ist frei."]
    assert len(box.css("br")) == 1
