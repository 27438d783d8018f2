"""iCalendar files of events: every payload stays inside its property (RFC 5545)."""

from __future__ import annotations

import re
from datetime import date

import icalendar
import pytest

from rathaus import escaping
from rathaus.model import Site
from rathaus.termine.ics import calendar_text
from tests.sicherheit.hostile import base_site, hostile
from tests.sicherheit.payloads import PAYLOADS, Payload

URL = "https://beispielstadt.example/termine/fest/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return base_site(tmp_path_factory.mktemp("ics"))


def _ics(site: Site, url: str, name: str) -> str:
    return calendar_text(
        site, site.termine.values(), lambda _: url, "beispielstadt.example", date(2027, 3, 1), name
    )


def _shape(calendar: icalendar.Calendar) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.name, tuple(sorted(c.keys()))) for c in calendar.walk()]


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_every_payload_stays_in_its_property(site: Site, payload: Payload) -> None:
    url = URL + payload.text
    text = _ics(hostile(site, payload.text), url, payload.text)
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    for line in raw[:-2].split(b"\r\n"):
        assert len(line) <= 75, line
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line), line
        assert not re.search("[\x80-\x9f]", line.decode("utf-8")), line
    calendar = icalendar.Calendar.from_ical(text)
    assert _shape(calendar) == _shape(icalendar.Calendar.from_ical(_ics(site, URL, "Termine")))
    (event,) = calendar.walk("VEVENT")
    expected = escaping.ical_text(payload.text)
    assert str(calendar["x-wr-calname"]) == escaping.ical_line(payload.text)
    assert str(calendar["name"]) == escaping.ical_line(payload.text)
    assert str(event["summary"]) == expected
    assert str(event["location"]).startswith(f"{expected}, {expected}, {expected}, ")
    description = str(event["description"])
    assert description.startswith(f"{expected}\n\nAnmeldung erforderlich. {expected}")
    assert f"Barrierefreiheit: {expected}" in description
    assert str(event["url"]) == escaping.uri(url)
    assert str(event["organizer"]) == escaping.uri(f"mailto:{payload.text}")
    assert event["organizer"].params["CN"] == expected
