"""Where every record is shown: the page options of all features and one resolver for links.

Every feature that links to a record of another feature (an event to its organising unit, a
council body to its meeting venue, a news item to its unit, the A–Z index to the units) asks
:meth:`Plan.target` instead of composing ``f"{units_dir}/{slugify(id)}.md"`` itself, so a
change of ``units_dir``, of a page option or of the split of an overview moves every link with
it. :class:`Layout` holds the page options of the features, their defaults stated once (the
MkDocs option classes take their defaults from here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, Self, cast, get_args

from .model import Site, slugify
from .project import Project
from .uebersichten import Schwellen, Uebersicht, Uebersichten

VERZEICHNIS = "rathaus/verzeichnis"
THEMEN = "rathaus/themen"
TERMINE = "rathaus/termine"
GREMIEN = "rathaus/gremien"
SUCHE = "rathaus/suche"
SPRACHEN = "rathaus/sprachen"

RecordKind = Literal[
    "einheit",
    "einheit-vcard",
    "person",
    "person-vcard",
    "standort",
    "termin",
    "termin-ics",
    "gremium",
]
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)


@dataclass(frozen=True)
class Layout:
    """Where the features put their pages (their options in mkdocs.yml, with the defaults)."""

    units_dir: str = "verwaltung"
    """rathaus/verzeichnis: one page per unit and the units overview."""
    people_page: str = "ansprechpersonen.md"
    locations_page: str = "standorte.md"
    hours_page: str = "oeffnungszeiten.md"
    topics_page: str = "themen.md"
    """rathaus/themen: the A–Z index."""
    events_dir: str = "termine"
    """rathaus/termine: the events list, one page and one .ics per event."""
    feed_name: str = "kalender.ics"
    bodies_dir: str = "gremien"
    """rathaus/gremien: the overview and one page per body."""
    leichte_sprache_page: str = "leichte-sprache/index.md"
    """rathaus/leichte-sprache: the start page in Leichter Sprache."""
    search_page: str = "suche.md"
    """rathaus/suche: the search page the header's search field and rathaus/suche go to."""
    schwellen: Schwellen = field(default_factory=Schwellen)
    """The most entries of one overview page (the ``…_per_part`` options)."""
    sprachen: tuple[str, ...] = ()
    """rathaus/sprachen: the languages besides German; each has its pages in its folder."""

    @classmethod
    def of(cls, project: Project) -> Self:
        """The layout the project's options set; a feature that is off keeps the defaults."""
        values: dict[str, Any] = {}
        for name, (plugin, option) in _OPTIONS.items():
            options = project.options(plugin)
            if options is not None and option in options:
                values[name] = str(options[option])
        verzeichnis = project.options(VERZEICHNIS) or {}
        themen = project.options(THEMEN) or {}
        default = Schwellen()
        values["schwellen"] = Schwellen(
            people=int(verzeichnis.get("people_per_part", default.people)),
            locations=int(verzeichnis.get("locations_per_part", default.locations)),
            hours=int(verzeichnis.get("hours_per_part", default.hours)),
            units=int(verzeichnis.get("units_per_part", default.units)),
            topics=int(themen.get("entries_per_part", default.topics)),
        )
        sprachen = project.options(SPRACHEN) or {}
        if sprachen.get("enabled", True):
            values["sprachen"] = tuple(str(c) for c in sprachen.get("angeboten") or ())
        return cls(**values)

    def unit_page(self, unit_id: str) -> str:
        return f"{self.units_dir}/{slugify(unit_id)}.md"

    def event_page(self, event_id: str) -> str:
        return f"{self.events_dir}/{slugify(event_id)}.md"

    def body_page(self, body_id: str) -> str:
        return f"{self.bodies_dir}/{slugify(body_id)}.md"

    def overviews(self, site: Site) -> Uebersichten:
        """The standard overviews and their parts by letters."""
        return Uebersichten(
            site,
            self.schwellen,
            units_page=f"{self.units_dir}/index.md",
            people_page=self.people_page,
            locations_page=self.locations_page,
            hours_page=self.hours_page,
            topics_page=self.topics_page,
        )


# Field of Layout → the feature and option that set it.
_OPTIONS = {
    "units_dir": (VERZEICHNIS, "units_dir"),
    "people_page": (VERZEICHNIS, "people_page"),
    "locations_page": (VERZEICHNIS, "locations_page"),
    "hours_page": (VERZEICHNIS, "hours_page"),
    "topics_page": (THEMEN, "page"),
    "search_page": (SUCHE, "page"),
    "events_dir": (TERMINE, "events_dir"),
    "feed_name": (TERMINE, "feed_name"),
    "bodies_dir": (GREMIEN, "bodies_dir"),
}


def person_anchor(person_id: str) -> str:
    return f"person-{slugify(person_id)}"


@dataclass(frozen=True)
class Target:
    """A page (its source path in the docs folder) or file, and an anchor on it."""

    path: str
    anchor: str = ""


class Plan:
    """Where the records of ``site`` are shown, for the features the project uses."""

    def __init__(self, site: Site, project: Project, layout: Layout | None = None) -> None:
        self.site = site
        self.project = project
        self.layout = layout or Layout.of(project)

    @cached_property
    def overviews(self) -> Uebersichten:
        return self.layout.overviews(self.site)

    @cached_property
    def _parts(self) -> dict[tuple[str, str], str]:
        """(overview, record id) → the part page that shows the record, for split overviews."""
        shown: dict[tuple[str, str], str] = {}
        for kind in ("ansprechpersonen", "standorte"):
            overview: Uebersicht = self.overviews.get(kind)
            if len(overview.parts) > 1:
                for index, part in enumerate(overview.parts):
                    for record_id in part.entries:
                        shown[(kind, record_id)] = overview.part_page(index)
        return shown

    def redirects(self) -> list[tuple[str, Target, str]]:
        """(old page, where the record is now, its name) for ``data/weiterleitungen.yml``,
        for the kinds whose feature is on."""
        layout, site = self.layout, self.site
        moved: list[tuple[str, Target, str]] = []
        for old, redirect in site.weiterleitungen.items():
            kind = cast(RecordKind, str(redirect.art))
            target = self.target(kind, redirect.nach)
            if target is None:
                continue
            if kind == "einheit":
                page, name = layout.unit_page(old), site.einheiten[redirect.nach].name
            elif kind == "termin":
                page, name = layout.event_page(old), site.termine[redirect.nach].titel
            else:
                page, name = layout.body_page(old), site.gremien[redirect.nach].name
            moved.append((page, target, name))
        return moved

    def path(self, kind: RecordKind, record_id: str) -> str:
        """The path of a page or file the plan has for certain (a record of its own site)."""
        target = self.target(kind, record_id)
        if target is None:
            raise LookupError(f"no page for {kind} {record_id!r}")
        return target.path

    def target(self, kind: RecordKind, record_id: str) -> Target | None:
        """Where the record is shown; ``None`` when no page shows it (an unknown record, or
        the feature that shows this kind of record is off)."""
        layout, site, uses = self.layout, self.site, self.project.uses
        slug = slugify(record_id)
        if kind in {"einheit", "einheit-vcard"}:
            if not uses(VERZEICHNIS) or record_id not in site.einheiten:
                return None
            suffix = ".vcf" if kind == "einheit-vcard" else ".md"
            return Target(f"{layout.units_dir}/{slug}{suffix}")
        if kind in {"person", "person-vcard"}:
            if not uses(VERZEICHNIS) or record_id not in site.personen:
                return None
            if kind == "person-vcard":
                return Target(f"{layout.people_page.removesuffix('.md')}/{slug}.vcf")
            page = self._parts.get(("ansprechpersonen", record_id), layout.people_page)
            return Target(page, person_anchor(record_id))
        if kind == "standort":
            if not uses(VERZEICHNIS) or record_id not in site.standorte:
                return None
            page = self._parts.get(("standorte", record_id), layout.locations_page)
            return Target(page, slug)
        if kind in {"termin", "termin-ics"}:
            if not uses(TERMINE) or record_id not in site.termine:
                return None
            page = layout.event_page(record_id)
            return Target(page.removesuffix(".md") + ".ics" if kind == "termin-ics" else page)
        if kind == "gremium":
            if not uses(GREMIEN) or record_id not in site.gremien:
                return None
            return Target(layout.body_page(record_id))
        raise ValueError(f"unknown record kind {kind!r}")
