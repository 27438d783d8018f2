"""What the directory templates see: plain data prepared from the :class:`Site`.

No MkDocs here: links come from a ``Links`` callback the adapter provides.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from markupsafe import Markup

from .. import markdown_text
from ..german import uhrzeit
from ..model import Site, slugify, sort_key
from ..model.entities import Einheit, Oeffnungszeiten, Person, Standort, Zugang
from ..model.fieldtypes import Phone, TimeRange
from ..model.gliederung import initial
from ..model.hours import (
    Deviation,
    iso_time,
    ranges_on,
    schema_org,
    upcoming,
    week_groups,
    weekly_rows,
)
from ..model.zugang import AccessFact, access_facts
from ..plan import person_anchor
from ..uebersichten import family_key, people_in_order, units_with_hours

# (kind, id) → URL relative to the current page, e.g. ("einheit", "sozialamt").
Links = Callable[[str, str], str]


@dataclass(frozen=True)
class Span:
    start: str
    end: str
    start_iso: str
    end_iso: str


def spans(ranges: tuple[TimeRange, ...]) -> list[Span]:
    return [
        Span(uhrzeit(r.start), uhrzeit(r.end), iso_time(r.start), iso_time(r.end)) for r in ranges
    ]


@dataclass(frozen=True)
class DeviationView:
    first: date
    last: date
    reason: str
    spans: list[Span]
    holiday: bool


@dataclass(frozen=True)
class HoursView:
    art: Literal["oeffnungszeiten", "sprechzeiten"]
    """Opening hours of a unit or consultation hours of a person (the caption says which)."""
    name: str
    """Whose hours: the unit's or the person's name."""
    rows: list[tuple[int, list[Span]]]
    """(weekday 0–6, spans); the template names the day in the page's language."""
    by_appointment: bool
    only_by_appointment: bool
    note: str | None
    deviations: list[DeviationView]
    holidays_closed: bool
    as_of: date
    """The day the deviations list was made (the build date)."""
    as_of_iso: str


def hours_view(
    site: Site,
    hours: Oeffnungszeiten,
    art: Literal["oeffnungszeiten", "sprechzeiten"],
    name: str,
    today: date,
) -> HoursView:
    deviations = upcoming(hours, site.stadt.bundesland, today, site.stadt.vorschau_tage)
    return HoursView(
        art=art,
        name=name,
        rows=[(row.weekday, spans(row.ranges)) for row in weekly_rows(hours)]
        if not hours.only_by_appointment
        else [],
        by_appointment=hours.nach_vereinbarung,
        only_by_appointment=hours.only_by_appointment,
        note=hours.hinweis,
        deviations=[_deviation(d) for d in deviations],
        holidays_closed=hours.feiertage_geschlossen,
        as_of=today,
        as_of_iso=today.isoformat(),
    )


def _deviation(deviation: Deviation) -> DeviationView:
    return DeviationView(
        first=deviation.first,
        last=deviation.last,
        reason=deviation.reason,
        spans=spans(deviation.ranges),
        holiday=deviation.holiday,
    )


@dataclass(frozen=True)
class Contact:
    name: str
    function: str | None
    url: str | None
    vcard: str | None
    phones: tuple[Phone, ...]
    fax: Phone | None
    email: str | None
    room: str | None
    languages: list[tuple[str, str]]
    """(language code, the start page of the site in that language or ""): the template
    names each in the page's language (``sprachname``) and links the offered ones."""
    form: str | None = None
    building: str | None = None
    """The building the room is in (the unit's location), so „Raum 1.12“ can be found."""
    building_url: str | None = None
    anchor: str | None = None
    hours: HoursView | None = None
    """A person's own consultation hours (sprechzeiten)."""


def person_contact(site: Site, person: Person, links: Links, today: date | None = None) -> Contact:
    """A person's card; with ``today``, their own consultation hours as well."""
    hours = (
        hours_view(site, person.sprechzeiten, "sprechzeiten", person.name, today)
        if person.sprechzeiten is not None and today is not None
        else None
    )
    # A room is found by its building: the person's unit's location.
    location_id = site.einheiten[person.einheit].standort if person.raum else None
    building = site.standorte[location_id] if location_id else None
    return Contact(
        name=person.name,
        function=person.funktion,
        url=links("person", person.id),
        vcard=links("person-vcard", person.id),
        phones=person.telefon,
        fax=person.fax,
        email=person.email,
        room=person.raum,
        languages=[(code, links("sprache", code)) for code in person.sprachen],
        anchor=person_anchor(person.id),
        hours=hours,
        building=building.name if building else None,
        building_url=links("standort", building.id) if building else None,
    )


def unit_contact(unit: Einheit, links: Links) -> Contact:
    kontakt = unit.kontakt
    return Contact(
        name=unit.name,
        function=None,
        url=links("einheit", unit.id),
        vcard=links("einheit-vcard", unit.id),
        phones=kontakt.telefon if kontakt else (),
        fax=kontakt.fax if kontakt else None,
        email=kontakt.email if kontakt else None,
        room=unit.raum,
        languages=[],
        form=links("seite", kontakt.kontaktformular)
        if kontakt and kontakt.kontaktformular
        else None,
    )


@dataclass(frozen=True)
class LocationView:
    id: str
    anchor: str
    name: str
    street: str
    postcode: str | None
    city: str
    transit: str | None
    access: list[AccessFact]
    access_note: str | None
    url: str
    route_url: str
    """OpenStreetMap's search for the address (a plain link)."""


def location_view(location: Standort, links: Links) -> LocationView:
    zugang: Zugang = location.barrierefreiheit
    return LocationView(
        id=location.id,
        anchor=slugify(location.id),
        name=location.name,
        street=location.adresse.strasse,
        postcode=location.adresse.plz,
        city=location.adresse.ort,
        transit=location.oepnv,
        access=access_facts(zugang),
        access_note=zugang.hinweis,
        url=links("standort", location.id),
        route_url=location.adresse.route_url,
    )


@dataclass(frozen=True)
class Glance:
    """What a resident looks for first on a unit page („Auf einen Blick“)."""

    phone: Phone | None
    email: str | None
    today: date
    """The build day (the template says „Heute, …“ in the page's language)."""
    """„Heute, Samstag, 5. Dezember 2026“ – the build day, which the page names."""
    today_spans: list[Span]
    """Opening hours on that day; empty: closed, or only by appointment."""
    only_by_appointment: bool
    by_appointment: bool
    has_hours: bool
    location: LocationView | None
    route_url: str | None
    """OpenStreetMap's search for the address: a plain link, nothing loads before a click."""
    step_free: bool | None
    """The entrance of the building: True, False or None for no information."""
    hours_url: str
    """Where the full opening hours are: ``#oeffnungszeiten`` on the unit's own page."""
    access_url: str
    """Where the building's accessibility is described."""


def glance(
    site: Site,
    unit: Einheit,
    location: LocationView | None,
    today: date,
    page_url: str = "",
) -> Glance:
    """``page_url``: the unit page relative to where the block is shown ("" on that page)."""
    kontakt = unit.kontakt
    hours = unit.oeffnungszeiten
    standort = site.standorte.get(unit.standort) if unit.standort else None
    return Glance(
        phone=kontakt.telefon[0] if kontakt and kontakt.telefon else None,
        email=kontakt.email if kontakt else None,
        today=today,
        today_spans=spans(ranges_on(hours, site.stadt.bundesland, today))
        if hours and not hours.only_by_appointment
        else [],
        only_by_appointment=bool(hours and hours.only_by_appointment),
        by_appointment=bool(hours and hours.nach_vereinbarung),
        has_hours=hours is not None,
        location=location,
        route_url=standort.adresse.route_url if standort else None,
        step_free=standort.barrierefreiheit.stufenlos if standort else None,
        hours_url=f"{page_url}#oeffnungszeiten",
        access_url=f"{page_url}#standort-zugang",
    )


@dataclass(frozen=True)
class CentralView:
    """How the administration as a whole is reached (``zentrale`` in data/stadt.yml)."""

    town: str
    phone: Phone
    email: str | None
    today: date
    """The build day (the template says „Heute, …“ in the page's language)."""
    today_spans: list[Span]
    has_hours: bool
    week: list[tuple[int, int | None, list[Span]]]
    """Open days in a few words: (first day, last day or None, spans); days 0 (Monday) to 6."""
    location: LocationView | None
    route_url: str | None


def central_view(site: Site, links: Links, today: date) -> CentralView | None:
    zentrale = site.stadt.zentrale
    if zentrale is None:
        return None
    hours = zentrale.erreichbar
    standort = site.standorte.get(zentrale.standort) if zentrale.standort else None
    return CentralView(
        town=site.stadt.name,
        phone=zentrale.telefon,
        email=zentrale.email,
        today=today,
        today_spans=spans(ranges_on(hours, site.stadt.bundesland, today)) if hours else [],
        has_hours=hours is not None,
        week=[(g.first, g.last, spans(g.ranges)) for g in week_groups(hours)] if hours else [],
        location=location_view(standort, links) if standort else None,
        route_url=standort.adresse.route_url if standort else None,
    )


@dataclass(frozen=True)
class UnitLink:
    name: str
    url: str
    label: str
    """Kind and number, e.g. „Stabsstelle“, „Amt 50“ or „Fachbereich · FB 3“."""


def kind_label(unit: Einheit) -> str:
    kind = unit.art.label
    if not unit.nummer:
        return kind
    # "Amt 50" already names the kind; "Amt · Amt 50" would say it twice.
    return unit.nummer if unit.nummer.startswith(kind) else f"{kind} · {unit.nummer}"


def unit_link(unit: Einheit, links: Links) -> UnitLink:
    return UnitLink(unit.name, links("einheit", unit.id), kind_label(unit))


def units_speaking(site: Site, code: str, links: Links) -> list[UnitLink]:
    """The units where someone counsels in the language ``code`` (a person's ``sprachen``),
    by name."""
    ids = {person.einheit for person in site.personen.values() if code in person.sprachen}
    units = sorted((site.einheiten[i] for i in ids), key=lambda unit: sort_key(unit.name))
    return [unit_link(unit, links) for unit in units]


def unit_context(site: Site, unit: Einheit, links: Links, today: date) -> dict[str, Any]:
    """Everything the unit page template shows."""
    head = site.personen.get(unit.leitung) if unit.leitung else None
    people = site.people_of(unit.id)
    by_area: dict[str | None, list[Contact]] = {}
    for person in people:
        by_area.setdefault(person.bereich, []).append(person_contact(site, person, links, today))
    location = site.standorte.get(unit.standort) if unit.standort else None
    hours = (
        hours_view(site, unit.oeffnungszeiten, "oeffnungszeiten", unit.name, today)
        if unit.oeffnungszeiten
        else None
    )
    introduction = (
        Markup(markdown_text.to_html(unit.einleitung, lambda page: links("seite", page)))
        if unit.einleitung
        else None
    )
    location_shown = location_view(location, links) if location else None
    return {
        "unit": unit,
        "glance": glance(site, unit, location_shown, today),
        "introduction": introduction,
        "label": kind_label(unit),
        "ancestors": [unit_link(u, links) for u in site.ancestors_of(unit.id)],
        "assigned_to": unit.zugeordnet,
        "children": [unit_link(u, links) for u in site.children_of(unit.id)],
        "related": [unit_link(site.einheiten[r], links) for r in unit.verwandt],
        "head": person_contact(site, head, links, today) if head else None,
        "areas": [(area, by_area.get(area.name, [])) for area in unit.bereiche],
        "people": by_area.get(None, []),
        "contact": unit_contact(unit, links),
        "location": location_shown,
        "hours": hours,
        "jsonld": unit_jsonld(site, unit, links, today),
    }


def unit_jsonld(site: Site, unit: Einheit, links: Links, today: date) -> dict[str, Any]:
    """schema.org description of a unit for search engines and assistants."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": unit.name,
        "url": links("einheit-absolute", unit.id),
        "parentOrganization": {"@type": "GovernmentOrganization", "name": site.stadt.name},
    }
    if unit.alias:
        data["alternateName"] = list(unit.alias)
    if unit.einleitung:
        data["description"] = markdown_text.to_plain(unit.einleitung)
    kontakt = unit.kontakt
    if kontakt and kontakt.telefon:
        data["telephone"] = kontakt.telefon[0].e164
    if kontakt and kontakt.email:
        data["email"] = kontakt.email
    if kontakt and kontakt.fax:
        data["faxNumber"] = kontakt.fax.e164
    points = []
    for person in site.people_of(unit.id):
        point: dict[str, Any] = {
            "@type": "ContactPoint",
            "contactType": person.funktion,
            "name": person.name,
        }
        if person.telefon:
            point["telephone"] = person.telefon[0].e164
        if person.email:
            point["email"] = person.email
        if person.sprachen:
            point["availableLanguage"] = [site.language_name(c) for c in person.sprachen]
        points.append(point)
    if points:
        data["contactPoint"] = points
    if unit.standort:
        location = site.standorte[unit.standort]
        data["address"] = location.adresse.schema_org()
    if unit.oeffnungszeiten:
        deviations = upcoming(
            unit.oeffnungszeiten, site.stadt.bundesland, today, site.stadt.vorschau_tage
        )
        specs = schema_org(unit.oeffnungszeiten, deviations)
        data.update({key: value for key, value in specs.items() if value})
    return data


def people_directory(
    site: Site, links: Links, ids: Collection[str] | None = None, today: date | None = None
) -> list[tuple[str, list[tuple[Contact, UnitLink]]]]:
    """People grouped by the first letter of the family name, German order.

    ``ids``: only these people (one part of a directory split by letters).
    """
    groups: dict[str, list[tuple[Contact, UnitLink]]] = {}
    for person in people_in_order(site, ids):
        letter = initial(family_key(person)[0])
        groups.setdefault(letter, []).append(
            (
                person_contact(site, person, links, today),
                unit_link(site.einheiten[person.einheit], links),
            )
        )
    return list(groups.items())


def units_overview(
    site: Site, links: Links, ids: Collection[str] | None = None
) -> list[tuple[UnitLink, list[UnitLink]]]:
    """Top-level units in name order, each with its assigned units.

    ``ids``: only these top-level units (one part of an overview split by letters).
    """
    tops = sorted(
        (
            u
            for u in site.einheiten.values()
            if u.uebergeordnet is None and (ids is None or u.id in ids)
        ),
        key=lambda u: sort_key(u.name),
    )
    return [
        (
            unit_link(top, links),
            [
                unit_link(c, links)
                for c in sorted(site.children_of(top.id), key=lambda u: sort_key(u.name))
            ],
        )
        for top in tops
    ]


def hours_overview(
    site: Site, links: Links, today: date, ids: Collection[str] | None = None
) -> list[tuple[UnitLink, HoursView]]:
    """``ids``: only these units (one part of an overview split by letters)."""
    return [
        (
            unit_link(unit, links),
            hours_view(site, unit.oeffnungszeiten, "oeffnungszeiten", unit.name, today),
        )
        for unit in units_with_hours(site)
        if unit.oeffnungszeiten and (ids is None or unit.id in ids)
    ]


@dataclass(frozen=True)
class EntryLink:
    """An entry on the first page of a split overview, with the anchor it had before."""

    name: str
    url: str
    anchor: str
