"""What the A–Z template sees: entries from services, unit topics and other names of units,
in German order.

No MkDocs here: the unit page URLs come from a callback the adapter provides.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .model import Site, slugify, sort_key
from .model.entities import Einheit
from .model.fieldtypes import Phone
from .model.gliederung import OTHER, Teil, gliedern, initial

# unit id → URL of the unit page, relative to the index page.
UnitUrl = Callable[[str], str]

LETTERS = tuple(string.ascii_uppercase)


@dataclass(frozen=True)
class Responsible:
    """The unit responsible for an entry, with the ways to reach it."""

    id: str
    name: str
    url: str
    phones: tuple[Phone, ...]
    email: str | None


@dataclass(frozen=True)
class Entry:
    """A main entry (a service or a unit topic) or a cross-reference from a synonym."""

    title: str
    anchor: str
    description: str | None = None
    synonyms: tuple[str, ...] = ()
    units: tuple[Responsible, ...] = ()
    leichte_sprache: str | None = None
    """The description in Leichte Sprache, for the index in Leichter Sprache."""
    service_id: str | None = None
    see: str | None = None
    """For a synonym: the title of the main entry it points to."""
    see_anchor: str | None = None
    see_url: str | None = None
    """For a synonym whose main entry is on another part of a split index: its URL."""


@dataclass(frozen=True)
class Letter:
    letter: str
    anchor: str
    entries: list[Entry] = field(default_factory=list)


def letter_of(title: str) -> str:
    """The index letter: DIN 5007-1 folds Ä to A and ß to ss."""
    return initial(sort_key(title))


def entry_key(entry: Entry) -> str:
    """The key the index is sorted and split by."""
    return sort_key(entry.title)


def entry_weight(entry: Entry) -> float:
    """How much an entry counts towards ``entries_per_part``: about its share of HTML.

    A service (with description) counts 1, a unit topic 0.75 and a cross-reference
    („Pass: siehe Reisepass“, one short line) 0.2.
    """
    if entry.see:
        return 0.2
    return 1.0 if entry.service_id else 0.75


def parts(site: Site, threshold: int) -> list[Teil[str]]:
    """The index split by initial letters: anchors of the entries per part, weighted by
    ``entry_weight``, at most ``threshold`` per part."""
    all_entries = entries(site, lambda unit_id: "")  # anchors need no URLs
    weights = {e.anchor: entry_weight(e) for e in all_entries}
    keys = {e.anchor: entry_key(e) for e in all_entries}
    return gliedern(
        [e.anchor for e in all_entries], keys.__getitem__, threshold, weight=weights.__getitem__
    )


@dataclass(frozen=True)
class Task:
    """A frequent task („Häufig gesucht“): the service and where the index explains it."""

    title: str
    url: str
    units: tuple[str, ...]


def frequent(site: Site, all_entries: list[Entry]) -> list[Entry]:
    """The entries of services marked ``haeufig``, in the order of data/leistungen.yml."""
    by_service = {e.service_id: e for e in all_entries if e.service_id and not e.see}
    return [
        by_service[service.id]
        for service in site.leistungen.values()
        if service.haeufig and service.id in by_service
    ]


def _responsible(unit: Einheit, unit_url: UnitUrl) -> Responsible:
    kontakt = unit.kontakt
    return Responsible(
        id=unit.id,
        name=unit.name,
        url=unit_url(unit.id),
        phones=kontakt.telefon if kontakt else (),
        email=kontakt.email if kontakt else None,
    )


# The entries of the last site, without unit URLs: every part of a split index (and its
# Leichte Sprache twin) asks with its own URLs, and building them anew each time made a
# build quadratic in the number of entries (issue 8).
_LAST: list[tuple[Site, list[Entry]]] = []


def entries(site: Site, unit_url: UnitUrl) -> list[Entry]:
    """All entries, sorted in German dictionary order, with ``unit_url`` for their units."""
    if not _LAST or _LAST[0][0] is not site:
        _LAST[:] = [(site, _entries(site, lambda unit_id: ""))]
    return [
        replace(entry, units=tuple(replace(u, url=unit_url(u.id)) for u in entry.units))
        if entry.units
        else entry
        for entry in _LAST[0][1]
    ]


def _entries(site: Site, unit_url: UnitUrl) -> list[Entry]:
    """All entries, sorted in German dictionary order.

    Services come first in priority: a unit topic with the name or a synonym of a service
    is covered by that service. A topic several units name becomes one entry with all of
    them. Every synonym becomes a cross-reference to its service.
    """
    taken: dict[str, str] = {}  # sort key of a title → anchor of its main entry
    anchors: set[str] = set()
    main: list[Entry] = []

    def anchor_for(title: str) -> str:
        base = f"thema-{slugify(title)}"
        anchor, n = base, 2
        while anchor in anchors:
            anchor, n = f"{base}-{n}", n + 1
        anchors.add(anchor)
        return anchor

    for service in site.leistungen.values():
        anchor = anchor_for(service.name)
        taken[sort_key(service.name)] = anchor
        for synonym in service.synonyme:
            taken.setdefault(sort_key(synonym), anchor)
        main.append(
            Entry(
                title=service.name,
                anchor=anchor,
                description=service.beschreibung,
                synonyms=service.synonyme,
                units=(_responsible(site.einheiten[service.einheit], unit_url),),
                leichte_sprache=service.leichte_sprache,
                service_id=service.id,
            )
        )

    topics: dict[str, tuple[str, list[Einheit]]] = {}
    for unit in site.einheiten.values():
        # Another name of a unit leads to it like a topic it is responsible for.
        for topic in (*unit.themen, *unit.alias):
            key = sort_key(topic)
            if key in taken:
                continue
            title, units = topics.setdefault(key, (topic, []))
            if unit not in units:
                units.append(unit)
    for title, units in topics.values():
        main.append(
            Entry(
                title=title,
                anchor=anchor_for(title),
                units=tuple(
                    _responsible(u, unit_url) for u in sorted(units, key=lambda u: sort_key(u.name))
                ),
            )
        )

    references: list[Entry] = []
    for entry in main:
        for synonym in entry.synonyms:
            if taken.get(sort_key(synonym)) != entry.anchor:
                continue  # the word is already a main entry's title
            references.append(
                Entry(
                    title=synonym,
                    anchor=anchor_for(synonym),
                    see=entry.title,
                    see_anchor=entry.anchor,
                )
            )
    return sorted([*main, *references], key=lambda e: (sort_key(e.title), e.title))


def letters(all_entries: list[Entry]) -> list[Letter]:
    """A to Z, each with its entries (possibly none), then other initials if any."""
    groups: dict[str, list[Entry]] = {letter: [] for letter in (*LETTERS, OTHER)}
    for entry in all_entries:
        groups[letter_of(entry.title)].append(entry)
    result = [
        Letter(letter, f"buchstabe-{letter.lower()}", items)
        for letter, items in groups.items()
        if letter != OTHER
    ]
    if groups[OTHER]:
        result.append(Letter(OTHER, "buchstabe-weitere", groups[OTHER]))
    return result
