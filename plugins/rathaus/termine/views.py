"""What the events templates see: plain data prepared from the :class:`Site`.

No MkDocs here: links come from a ``Links`` callback the adapter provides.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..german import datum, datum_lang
from ..model import Site, slugify
from ..model.entities import Adresse, Zugang
from ..model.hours import BERLIN
from ..model.termine import Split, Termin, When, iso, when
from ..model.zugang import AccessFact, access_facts
from ..pagination import paged, pager

# (kind, id) → URL: "einheit", "standort", "termin", "termin-ics" relative to the
# current page; "termin-absolute" and "einheit-absolute" with the site's address;
# "liste" with the source path of a page of the events list.
Links = Callable[[str, str], str]


@dataclass(frozen=True)
class PlaceView:
    """Shaped like the directory's location view, so ``standort.html`` can render it."""

    name: str
    street: str
    postcode: str | None
    city: str
    room: str | None
    url: str | None
    transit: str | None
    access: list[AccessFact]
    access_note: str | None
    route_url: str
    """OpenStreetMap's search for the address (a plain link)."""
    step_free: bool | None
    """The entrance: True, False or None for no information."""

    @property
    def one_line(self) -> str:
        parts = [self.name, *([self.room] if self.room else []), self.street]
        city = f"{self.postcode} {self.city}" if self.postcode else self.city
        return ", ".join([*parts, city])


def _place(site: Site, event: Termin, links: Links) -> tuple[PlaceView, Adresse]:
    if event.standort is not None:
        location = site.standorte[event.standort]
        name, address, zugang = location.name, location.adresse, location.barrierefreiheit
        url: str | None = links("standort", location.id)
        transit = location.oepnv
    else:
        assert event.ort is not None
        name, address, zugang = event.ort.name, event.ort.adresse, event.ort.barrierefreiheit
        url, transit = None, None
    return (
        PlaceView(
            name=name,
            street=address.strasse,
            postcode=address.plz,
            city=address.ort,
            room=event.raum,
            url=url,
            transit=transit,
            access=_access(zugang),
            access_note=zugang.hinweis,
            route_url=address.route_url,
            step_free=zugang.stufenlos,
        ),
        address,
    )


def _access(zugang: Zugang) -> list[AccessFact]:
    return access_facts(zugang)


@dataclass(frozen=True)
class Registration:
    required: bool
    note: str | None
    email: str | None
    phone_e164: str | None
    phone_display: str | None
    link: str | None
    deadline_iso: str | None
    deadline: str | None


def _registration(event: Termin) -> Registration | None:
    a = event.anmeldung
    if a is None:
        return None
    return Registration(
        required=a.erforderlich,
        note=a.hinweis,
        email=a.email,
        phone_e164=a.telefon.e164 if a.telefon else None,
        phone_display=a.telefon.display if a.telefon else None,
        link=a.link,
        deadline_iso=a.frist.isoformat() if a.frist else None,
        deadline=datum_lang(a.frist) if a.frist else None,
    )


@dataclass(frozen=True)
class EventView:
    id: str
    anchor: str
    title: str
    url: str
    ics: str
    when: When
    past: bool
    place: PlaceView
    event_access_note: str | None
    registration: Registration | None
    free: bool | None
    organizer_name: str
    organizer_url: str
    description: str
    easy_language: str | None


def event_view(site: Site, event: Termin, links: Links, today: date) -> EventView:
    unit = site.einheiten[event.einheit]
    place, _ = _place(site, event, links)
    return EventView(
        id=event.id,
        anchor=f"termin-{slugify(event.id)}",
        title=event.titel,
        url=links("termin", event.id),
        ics=links("termin-ics", event.id),
        when=when(event.beginn, event.ende),
        past=event.ende.astimezone(BERLIN).date() < today,
        place=place,
        event_access_note=event.barrierefreiheit_hinweis,
        registration=_registration(event),
        free=event.kostenlos,
        organizer_name=unit.name,
        organizer_url=links("einheit", unit.id),
        description=event.beschreibung,
        easy_language=event.leichte_sprache,
    )


def event_context(site: Site, event: Termin, links: Links, today: date) -> dict[str, Any]:
    return {
        "event": event_view(site, event, links, today),
        "jsonld": event_jsonld(site, event, links),
        "overview": links("termine", ""),
    }


def overview_pages(events_dir: str, split: Split, per_page: int) -> list[str]:
    """Source paths of the events list: ``termine/index.md``, ``termine/seite-2.md`` …

    The list runs upcoming events (soonest first), then past ones (newest first), at most
    ``per_page`` on a page; a single page when everything fits."""
    count = len(split.upcoming) + len(split.past)
    return paged(f"{events_dir}/index.md", events_dir, count, per_page)


@dataclass(frozen=True)
class PastLink:
    """Where the past events begin, shown on the pages before."""

    url: str
    number: int


def overview_context(
    site: Site,
    links: Links,
    today: date,
    split: Split,
    pages: Sequence[str] = (),
    current: str = "",
    per_page: int = 0,
) -> dict[str, Any]:
    """One page of the events list; without ``pages`` the whole list on one page."""
    index = pages.index(current) if pages else 0
    size = per_page or len(split.upcoming) + len(split.past)
    start, end = index * size, (index + 1) * size
    upcoming = split.upcoming[start:end]
    past = split.past[max(0, start - len(split.upcoming)) : max(0, end - len(split.upcoming))]
    past_link: PastLink | None = None
    if split.past and not past and len(pages) > 1:
        first_past = math.floor(len(split.upcoming) / size)
        if first_past > index:
            past_link = PastLink(
                links("liste", pages[first_past]) + "#vergangene-termine", first_past + 1
            )
    return {
        "upcoming": [event_view(site, e, links, today) for e in upcoming],
        "past": [event_view(site, e, links, today) for e in past],
        "none_planned": not split.upcoming and index == 0,
        "past_link": past_link,
        "pager": pager(pages, lambda src: links("liste", src), current, "Seiten der Termine")
        if pages
        else None,
        "feed": links("feed", ""),
        "as_of": datum(today),
        "as_of_iso": today.isoformat(),
    }


def event_jsonld(site: Site, event: Termin, links: Links) -> dict[str, Any]:
    """schema.org ``Event`` for search engines and assistants."""
    place, address = _place(site, event, links)
    unit = site.einheiten[event.einheit]
    organizer: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "name": unit.name,
        "url": links("einheit-absolute", unit.id),
    }
    if unit.kontakt and unit.kontakt.email:
        organizer["email"] = unit.kontakt.email
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.titel,
        "description": event.beschreibung,
        "startDate": iso(event.beginn),
        "endDate": iso(event.ende),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": "de",
        "url": links("termin-absolute", event.id),
        "location": {
            "@type": "Place",
            "name": ", ".join([place.name, *([event.raum] if event.raum else [])]),
            "address": address.schema_org(),
        },
        "organizer": organizer,
    }
    if event.kostenlos is not None:
        data["isAccessibleForFree"] = event.kostenlos
    return data
