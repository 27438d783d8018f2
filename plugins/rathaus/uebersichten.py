"""Which records each part of an overview split by letters shows, and where the parts are.

One place for the parts of the directory's overviews (units, people, locations, hours) and
of the A–Z index, so that the standard pages (rathaus/verzeichnis, rathaus/themen), their
Leichte Sprache counterparts (rathaus/leichte-sprache) and ``rathaus check`` agree on the
parts and their addresses. The split itself is ``rathaus.model.gliederung``.

No MkDocs here: the thresholds come from the plugins' options.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cached_property

from . import themenindex
from .model import Site, sort_key
from .model.entities import Einheit, Person
from .model.gliederung import Teil, gliedern
from .pagination import part_page

PEOPLE_PER_PART = 30
"""Default of ``people_per_part`` (rathaus/verzeichnis)."""
LOCATIONS_PER_PART = 15
"""Default of ``locations_per_part`` (rathaus/verzeichnis)."""
HOURS_PER_PART = 10
"""Default of ``hours_per_part`` (rathaus/verzeichnis)."""
UNITS_PER_PART = 150
"""Default of ``units_per_part`` (rathaus/verzeichnis): about 25 KB of list per part."""
TOPICS_PER_PART = 50
"""Default of ``entries_per_part`` (rathaus/themen)."""


@dataclass(frozen=True)
class Schwellen:
    """The most entries of one page of each overview (the plugins' ``…_per_part`` options)."""

    people: int = PEOPLE_PER_PART
    locations: int = LOCATIONS_PER_PART
    hours: int = HOURS_PER_PART
    units: int = UNITS_PER_PART
    topics: int = TOPICS_PER_PART


@dataclass(frozen=True)
class Uebersicht:
    """An overview page and its parts; more than one part means the overview is split."""

    page: str
    """Source path of the overview, e.g. ``oeffnungszeiten.md``."""
    parts: tuple[Teil[str], ...]
    """Record ids (unit ids, person ids …; anchors for the A–Z index) by part."""

    @property
    def split(self) -> bool:
        return len(self.parts) > 1

    def part_page(self, index: int) -> str:
        return part_page(self.page, self.parts[index].slug)

    def part_pages(self) -> Iterator[str]:
        """Source paths of the parts (none when the overview is not split)."""
        if self.split:
            for index in range(len(self.parts)):
                yield self.part_page(index)

    def page_of(self, record_id: str) -> str:
        """The page that shows ``record_id``: its part, or the overview when not split."""
        if self.split:
            for index, part in enumerate(self.parts):
                if record_id in part.entries:
                    return self.part_page(index)
        return self.page


def people_parts(site: Site, threshold: int) -> list[Teil[str]]:
    """Person ids of the directory by family name."""
    people = people_in_order(site)
    key = {p.id: family_key(p)[0] for p in people}
    return gliedern([p.id for p in people], key.__getitem__, threshold)


def location_parts(site: Site, threshold: int) -> list[Teil[str]]:
    """Location ids: in the data's order while not split, by name once split."""
    names = {s.id: sort_key(s.name) for s in site.standorte.values()}
    ids = list(site.standorte)
    if len(ids) > threshold:
        ids.sort(key=lambda i: (names[i], i))  # parts need name order
    return gliedern(ids, names.__getitem__, threshold)


def hours_parts(site: Site, threshold: int) -> list[Teil[str]]:
    """Ids of the units with opening hours, by name."""
    units = units_with_hours(site)
    key = {u.id: sort_key(u.name) for u in units}
    return gliedern([u.id for u in units], key.__getitem__, threshold)


def unit_parts(site: Site, threshold: int) -> list[Teil[str]]:
    """Ids of the top-level units, by name; a unit counts with the units assigned to it.

    The overview lists each top-level unit with its assigned units, so they stay together
    on one part (a unit with more assigned units than ``threshold`` gets a part of its own).
    """
    tops = sorted(
        (u for u in site.einheiten.values() if u.uebergeordnet is None),
        key=lambda u: sort_key(u.name),
    )
    key = {u.id: sort_key(u.name) for u in tops}
    size: dict[str, float] = {u.id: 1.0 for u in tops}
    for unit in site.einheiten.values():
        if unit.uebergeordnet in size:
            size[unit.uebergeordnet] += 1
    return gliedern([u.id for u in tops], key.__getitem__, threshold, weight=size.__getitem__)


class Uebersichten:
    """The overviews of a site and their parts, each computed when first needed.

    ``pages``: source paths of the overviews (:meth:`rathaus.plan.Layout.overviews`);
    ``schwellen``: the most entries of one page.
    """

    def __init__(
        self,
        site: Site,
        schwellen: Schwellen,
        *,
        units_page: str,
        people_page: str,
        locations_page: str,
        hours_page: str,
        topics_page: str,
    ) -> None:
        self.site = site
        self.schwellen = schwellen
        self.pages = {
            "einheiten": units_page,
            "ansprechpersonen": people_page,
            "standorte": locations_page,
            "oeffnungszeiten": hours_page,
            "themen": topics_page,
        }

    @cached_property
    def einheiten(self) -> Uebersicht:
        return Uebersicht(
            self.pages["einheiten"], tuple(unit_parts(self.site, self.schwellen.units))
        )

    @cached_property
    def ansprechpersonen(self) -> Uebersicht:
        return Uebersicht(
            self.pages["ansprechpersonen"], tuple(people_parts(self.site, self.schwellen.people))
        )

    @cached_property
    def standorte(self) -> Uebersicht:
        return Uebersicht(
            self.pages["standorte"], tuple(location_parts(self.site, self.schwellen.locations))
        )

    @cached_property
    def oeffnungszeiten(self) -> Uebersicht:
        return Uebersicht(
            self.pages["oeffnungszeiten"], tuple(hours_parts(self.site, self.schwellen.hours))
        )

    @cached_property
    def themen(self) -> Uebersicht:
        return Uebersicht(
            self.pages["themen"], tuple(themenindex.parts(self.site, self.schwellen.topics))
        )

    def get(self, kind: str) -> Uebersicht:
        """The overview ``kind``: einheiten, ansprechpersonen, standorte, oeffnungszeiten or
        themen."""
        if kind not in self.pages:
            raise KeyError(kind)
        overview: Uebersicht = getattr(self, kind)
        return overview

    def all(self) -> dict[str, Uebersicht]:
        return {kind: self.get(kind) for kind in self.pages}


@dataclass(frozen=True)
class PartLink:
    """One entry of the letter navigation of an overview split into parts."""

    label: str
    url: str
    current: bool


def family_key(person: Person) -> tuple[str, str]:
    """Order of the directory: family name, then the full name (DIN 5007-1)."""
    return sort_key(person.name.split()[-1]), sort_key(person.name)


def people_in_order(site: Site, ids: Collection[str] | None = None) -> list[Person]:
    """``ids``: only these people; only they are sorted (a part of a split directory must
    not cost as much as the whole directory)."""
    if ids is None:
        return sorted(site.personen.values(), key=family_key)
    wanted = set(ids)
    return sorted((p for p in site.personen.values() if p.id in wanted), key=family_key)


def units_with_hours(site: Site) -> list[Einheit]:
    """Units with opening hours, in the order of the hours overview."""
    return [
        unit
        for unit in sorted(site.einheiten.values(), key=lambda u: sort_key(u.name))
        if unit.oeffnungszeiten
    ]
