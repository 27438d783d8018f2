"""iCalendar files (RFC 5545) for events, written with the icalendar package.

* Times carry ``TZID=Europe/Berlin`` with a generated ``VTIMEZONE``, so calendar programs
  show the local time even across a DST change. A wall time in the autumn fold that means
  the *second* occurrence cannot be told apart in ``TZID`` form (RFC 5545 3.3.5 picks the
  first), so such a time is written in UTC instead.
* ``UID`` is ``<id>@<host of the site>``: stable across builds, so a subscribed calendar
  updates an event instead of duplicating it.
* ``DTSTAMP`` is the build date at midnight UTC, never the wall clock: the same data and
  the same ``SOURCE_DATE_EPOCH`` give byte-identical files.
* icalendar escapes TEXT and folds lines; every value passes `rathaus.escaping` first, so
  no control character and no line break can start a property or a component.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

import icalendar

from ..escaping import ical_line, ical_text, uri
from ..german import datum_kurz
from ..model import Site
from ..model.hours import BERLIN
from ..model.termine import Termin, second_occurrence

# (event id) → absolute URL of the event page.
EventUrl = Callable[[str], str]


def uid_host(site_url: str, fallback: str) -> str:
    host = urlsplit(site_url).hostname if site_url else None
    return host or fallback


def _moment(value: datetime) -> datetime:
    local = value.astimezone(BERLIN)
    return local.astimezone(UTC) if second_occurrence(local) else local


def _calendar(site: Site, name: str | None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", ical_line(f"-//Rathaus//{site.stadt.name}//DE"))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        name = ical_line(name)
        calendar.add("name", name)  # RFC 7986
        calendar.add("x-wr-calname", name)  # what older programs read
    return calendar


def _location(site: Site, event: Termin) -> str:
    if event.standort is not None:
        location = site.standorte[event.standort]
        name, address = location.name, location.adresse
    else:
        assert event.ort is not None
        name, address = event.ort.name, event.ort.adresse
    parts = [name, *([event.raum] if event.raum else []), address.strasse]
    return ", ".join([*parts, address.ortszeile])


def _description(event: Termin, url: str) -> str:
    lines = [event.beschreibung]
    a = event.anmeldung
    if a is not None:
        how = [
            *([a.hinweis] if a.hinweis else []),
            *([f"E-Mail: {a.email}"] if a.email else []),
            *([f"Telefon: {a.telefon.written}"] if a.telefon else []),
            *([f"Anmeldung: {a.link}"] if a.link else []),
            *([f"Anmeldeschluss: {datum_kurz(a.frist)}"] if a.frist else []),
        ]
        head = "Anmeldung erforderlich." if a.erforderlich else "Keine Anmeldung nötig."
        lines.append(" ".join([head, *how]))
    if event.barrierefreiheit_hinweis:
        lines.append(f"Barrierefreiheit: {event.barrierefreiheit_hinweis}")
    lines.append(f"Mehr: {url}")
    return "\n\n".join(lines)


def _event(site: Site, event: Termin, host: str, url: str, stamp: datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", ical_text(f"{event.id}@{host}"))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", _moment(event.beginn))
    vevent.add("dtend", _moment(event.ende))
    vevent.add("summary", ical_text(event.titel))
    vevent.add("location", ical_text(_location(site, event)))
    vevent.add("description", ical_text(_description(event, url)))
    vevent.add("url", uri(url))
    vevent.add("status", "CONFIRMED")
    vevent.add("transp", "OPAQUE")
    unit = site.einheiten[event.einheit]
    if unit.kontakt and unit.kontakt.email:
        organizer = icalendar.vCalAddress(uri(f"mailto:{unit.kontakt.email}"))
        organizer.params["cn"] = ical_text(unit.name)
        vevent.add("organizer", organizer)
    return vevent


def calendar_text(
    site: Site,
    events: Iterable[Termin],
    event_url: EventUrl,
    host: str,
    today: date,
    name: str | None = None,
) -> str:
    """One VCALENDAR with a VEVENT per event, as text with CRLF line ends."""
    chosen = list(events)
    calendar = _calendar(site, name)
    stamp = datetime.combine(today, time(0), tzinfo=UTC)
    for event in chosen:
        calendar.add_component(_event(site, event, host, event_url(event.id), stamp))
    if chosen:
        # Transitions a year around the events keep the VTIMEZONE short but complete.
        first = min(e.beginn for e in chosen).date() - timedelta(days=366)
        last = max(e.ende for e in chosen).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return str(calendar.to_ical().decode("utf-8"))
