"""Leichte Sprache written from data: sentence templates for the generated pages.

Every generated unit, people, location and hours page gets a variant in Leichte Sprache,
composed here as plain data (blocks of lines) that ``fragments/rathaus/leichte-sprache.html``
renders. The rules the templates keep: one sentence per line; times as "9 Uhr" or
"9:30 Uhr"; dates as "24. Dezember 2026"; addresses as a block, never in running text;
phone numbers as digits after a clear label; no abbreviations, no brackets, no negation.

Names (of units, people, buildings) and values the editors wrote (a room, a job title) are
shown as they are: a name cannot be rewritten, so the linter skips name parts and values.

No MkDocs here: URLs come from a callback the adapter provides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ..german import datum, uhr_leicht
from ..model import Site, slugify, sort_key
from ..model.entities import Einheit, Oeffnungszeiten, Person, Standort
from ..model.fieldtypes import TimeRange
from ..model.gremien import Gremium
from ..model.hours import BERLIN, Deviation, upcoming, weekly_rows
from ..model.termine import Termin, split_events
from ..model.woerterbuch import Wort
from ..plan import Layout
from ..themenindex import entries
from ..uebersichten import PartLink, Uebersicht, Uebersichten, people_in_order
from .rules import Issue
from .settings import Einstellungen
from .text import BlockKind, prepare_plain

# A page path in the site's source (``leichte-sprache/verwaltung/x.md#anker``) → URL
# relative to the current page.
Url = Callable[[str], str]


@dataclass(frozen=True)
class Part:
    text: str
    url: str | None = None
    name: bool = False
    """A name or a value from the data: shown as written, skipped by the linter."""


@dataclass(frozen=True)
class Line:
    parts: tuple[Part, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.parts)


def line(*parts: str | Part) -> Line:
    return Line(tuple(Part(p) if isinstance(p, str) else p for p in parts))


def name(text: str, url: str | None = None) -> Part:
    return Part(text, url, name=True)


# The pictogram (fragment piktogramm.html) that goes with a fact's label.
_PICTURES = {
    "Telefon": "telefon",
    "E-Mail": "email",
    "Nachricht schreiben": "email",
    "Raum": "adresse",
    "Aufgabe": "dokument",
    "Hier bekommen Sie Hilfe": "hilfe",
    "Aufzug": "aufzug",
    "Eingang ohne Stufen": "rollstuhl",
}


@dataclass(frozen=True)
class Fact:
    """A labelled value: ``Telefon: 02398 678-330``."""

    label: str
    value: str
    url: str | None = None

    @property
    def pictogram(self) -> str | None:
        """The picture beside the label, or None."""
        return _PICTURES.get(self.label)


@dataclass(frozen=True)
class Block:
    kind: Literal["ueberschrift", "saetze", "liste", "adresse", "angaben", "teile"]
    lines: tuple[Line, ...] = ()
    facts: tuple[Fact, ...] = ()
    level: int = 2
    anchor: str | None = None
    parts: tuple[PartLink, ...] = ()
    """``teile``: the pages of an overview split by letters (``lines``: their labels)."""
    label: str = ""
    """``teile``: the name of the navigation."""


def heading(text: str | Part, level: int = 2, anchor: str | None = None) -> Block:
    return Block("ueberschrift", (line(text),), level=level, anchor=anchor)


def sentences(*lines: Line) -> Block:
    return Block("saetze", tuple(lines))


@dataclass(frozen=True)
class LsPage:
    title: str
    description: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Paths(Layout):
    """Where the standard pages are (:class:`~rathaus.plan.Layout`) and the LS folder."""

    folder: str = "leichte-sprache"
    woerterbuch_page: str = "woerterbuch.md"

    def ls(self, src_uri: str) -> str:
        return f"{self.folder}/{src_uri}"

    def unit(self, unit_id: str) -> str:
        return self.unit_page(unit_id)

    def generated(self, site: Site, overviews: Uebersichten | None = None) -> dict[str, str]:
        """LS source path → the standard page it belongs to, for every generated LS page."""
        overviews = overviews or self.overviews(site)
        standard = [
            page
            for overview in overviews.all().values()
            for page in (overview.page, *overview.part_pages())
        ]
        standard.extend(self.unit(u) for u in site.einheiten)
        standard.extend(self.event_page(e) for e in site.termine)
        if site.termine:
            standard.append(self.events_page)
        standard.extend(self.body_page(b) for b in site.gremien)
        if site.gremien:
            standard.append(self.bodies_page)
        return {self.ls(path): path for path in standard}

    @property
    def bodies_page(self) -> str:
        return f"{self.bodies_dir}/index.md"

    @property
    def events_page(self) -> str:
        """The first page of the events list, the one the navigation names."""
        return f"{self.events_dir}/index.md"


# -- small pieces --------------------------------------------------------------------------


def span_lines(ranges: tuple[TimeRange, ...]) -> list[Line]:
    return [
        line(f"{'Von' if i == 0 else 'Und von'} {uhr_leicht(r.start)} bis {uhr_leicht(r.end)}.")
        for i, r in enumerate(ranges)
    ]


def editor_text(text: str) -> list[Block]:
    """An editor's LS text: a blank line starts a new paragraph, each sentence its own line."""
    return [
        sentences(*(line(s) for s in split_sentences(paragraph)))
        for paragraph in re.split(r"\n\s*\n", text)
        if paragraph.strip()
    ]


def split_sentences(text: str) -> list[str]:
    """An editor's LS text as lines, one sentence each (folded YAML joins the lines)."""
    prepared = prepare_plain(text)
    return [" ".join(text[s.start : s.end].split()) for s in prepared.sentences]


# -- opening hours -------------------------------------------------------------------------


def _deviation_lines(deviation: Deviation) -> list[Line]:
    if deviation.first == deviation.last:
        when = f"Am {datum(deviation.first)}"
        if deviation.closed:
            return [line(f"{when} ist das Büro zu.")]
        return [line(f"{when} ist das Büro anders offen."), *span_lines(deviation.ranges)]
    lines = [line(f"Vom {datum(deviation.first)} bis zum {datum(deviation.last)}.")]
    if deviation.closed:
        return [*lines, line("An diesen Tagen ist das Büro zu.")]
    return [
        *lines,
        line("An diesen Tagen ist das Büro anders offen."),
        *span_lines(deviation.ranges),
    ]


def hours_blocks(
    site: Site,
    hours: Oeffnungszeiten,
    today: date,
    *,
    can_call: bool,
    can_write: bool,
    level: int = 2,
    anchor: str = "oeffnungszeiten",
) -> list[Block]:
    """ "Wann ist das Büro offen?" with the week, appointments and the next special days."""
    blocks = [heading("Wann ist das Büro offen?", level, anchor)]
    if hours.only_by_appointment:
        lines = [line("Sie brauchen einen Termin.")]
        if can_call:
            lines.append(line("Rufen Sie an."))
        if can_write:
            lines.append(
                line(
                    "Oder schreiben Sie eine E-Mail." if can_call else "Schreiben Sie eine E-Mail."
                )
            )
        blocks.append(sentences(*lines))
    else:
        # One short paragraph per day: "Am Montag ist das Büro offen. Von 8 Uhr bis 12 Uhr."
        for row in weekly_rows(hours):
            if row.ranges:
                blocks.append(
                    sentences(line(f"Am {row.name} ist das Büro offen."), *span_lines(row.ranges))
                )
            else:
                blocks.append(sentences(line(f"Am {row.name} ist das Büro zu.")))
        closing = []
        if hours.nach_vereinbarung:
            closing.append(line("Sie können auch einen Termin machen."))
        if hours.feiertage_geschlossen:
            closing.append(line("An Feier·tagen ist das Büro zu."))
        if closing:
            blocks.append(sentences(*closing))
    deviations = upcoming(hours, site.stadt.bundesland, today, site.stadt.vorschau_tage)
    if deviations:
        blocks.append(heading("Besondere Tage", level + 1, f"{anchor}-besondere-tage"))
        blocks.append(sentences(line("An diesen Tagen ist es anders:")))
        blocks.extend(sentences(*_deviation_lines(d)) for d in deviations)
    return blocks


# -- contact -------------------------------------------------------------------------------


def _phone_facts(phones: tuple[object, ...]) -> list[Fact]:
    return [Fact("Telefon", p.display, f"tel:{p.e164}") for p in phones]  # type: ignore[attr-defined]


def person_facts(site: Site, person: Person, url: Url, paths: Paths) -> list[Fact]:
    unit = site.einheiten[person.einheit]
    # Only an LS text says what the person does: their funktion is standard German.
    facts = [Fact("Aufgabe", person.leichte_sprache)] if person.leichte_sprache else []
    facts += [
        Fact("Arbeitet hier", unit.name, url(paths.ls(paths.unit(unit.id)))),
        *_phone_facts(person.telefon),
    ]
    if person.email:
        facts.append(Fact("E-Mail", person.email, f"mailto:{person.email}"))
    if person.raum:
        facts.append(Fact("Raum", person.raum))
    if person.sprachen:
        facts.append(Fact("Sprachen", ", ".join(site.language_name(c) for c in person.sprachen)))
    return facts


def address_block(location: Standort) -> Block:
    address = location.adresse
    return Block(
        "adresse",
        (
            line(name(location.name)),
            line(name(address.strasse)),
            line(name(address.ortszeile)),
        ),
    )


# -- pages ---------------------------------------------------------------------------------


def unit_page(
    site: Site,
    unit: Einheit,
    url: Url,
    paths: Paths,
    today: date,
    overviews: Uebersichten | None = None,
) -> LsPage:
    """``overviews``: the overviews' parts, if known (the locations page may be split)."""
    page = LsPage(unit.name, f"{unit.name}: Infos in Leichter Sprache.")
    blocks = page.blocks
    if unit.leichte_sprache:
        blocks.extend(editor_text(unit.leichte_sprache))
    else:
        blocks.append(
            sentences(line("Auf dieser Seite finden Sie Infos über: ", name(unit.name), "."))
        )
    blocks.append(sentences(line("Hier steht:")))
    topics = [line("So erreichen Sie uns.")]
    location = site.standorte.get(unit.standort) if unit.standort else None
    locations = (overviews or paths.overviews(site)).standorte
    if location:
        topics.append(line("Hier ist das Büro."))
    if unit.oeffnungszeiten:
        topics.append(line("Wann ist das Büro offen?"))
    people = site.people_of(unit.id)
    if people:
        topics.append(line("Wer arbeitet hier?"))
    blocks.append(Block("liste", tuple(topics)))

    kontakt = unit.kontakt
    facts: list[Fact] = []
    if kontakt:
        facts.extend(_phone_facts(kontakt.telefon))
        if kontakt.email:
            facts.append(Fact("E-Mail", kontakt.email, f"mailto:{kontakt.email}"))
        if kontakt.kontaktformular and kontakt.kontaktformular.endswith(".md"):
            facts.append(
                Fact("Nachricht schreiben", "Kontakt·formular", url(kontakt.kontaktformular))
            )
    if facts:
        blocks.append(heading("So erreichen Sie uns", anchor="kontakt"))
        blocks.append(Block("angaben", facts=tuple(facts)))
    if location:
        blocks.append(heading("Hier ist das Büro", anchor="adresse"))
        blocks.append(address_block(location))
        if unit.raum:
            blocks.append(Block("angaben", facts=(Fact("Raum", unit.raum),)))
        blocks.append(
            sentences(
                line(
                    "Mehr über das Haus lesen Sie hier: ",
                    name(
                        location.name,
                        url(f"{paths.ls(locations.page_of(location.id))}#{slugify(location.id)}"),
                    ),
                    ".",
                )
            )
        )
    if unit.oeffnungszeiten:
        blocks.extend(
            hours_blocks(
                site,
                unit.oeffnungszeiten,
                today,
                can_call=bool(kontakt and kontakt.telefon),
                can_write=bool(kontakt and kontakt.email),
            )
        )
    if people:
        blocks.append(heading("Wer arbeitet hier?", anchor="menschen"))
        for person in people:
            anchor = f"person-{slugify(person.id)}"
            blocks.append(heading(name(person.name), 3, anchor))
            if person.id == unit.leitung:
                blocks.append(sentences(line("Diese Person leitet das Büro.")))
            blocks.append(Block("angaben", facts=tuple(_person_contact(person))))
    blocks.append(heading("Mehr lesen", anchor="mehr"))
    blocks.append(
        sentences(
            line(
                "Diese Seite gibt es auch in Alltags·sprache: ",
                name(unit.name, url(paths.unit(unit.id))),
                ".",
            ),
            line("Dort stehen mehr Infos."),
        )
    )
    return page


def _person_contact(person: Person) -> Iterator[Fact]:
    if person.leichte_sprache:
        yield Fact("Aufgabe", person.leichte_sprache)
    yield from _phone_facts(person.telefon)
    if person.email:
        yield Fact("E-Mail", person.email, f"mailto:{person.email}")


_TITLES = {
    "einheiten": ("Ämter", "Alle Ämter der Stadt in Leichter Sprache."),
    "ansprechpersonen": (
        "Ansprech·personen",
        "Die Ansprech·personen der Stadt in Leichter Sprache.",
    ),
    "standorte": (
        "Häuser der Stadt",
        "Die Häuser der Stadt in Leichter Sprache: Adresse und Zugang.",
    ),
    "oeffnungszeiten": ("Öffnungs·zeiten", "Wann die Ämter offen sind: in Leichter Sprache."),
    "themen": ("Themen von A bis Z", "Hilfe von der Stadt von A bis Z in Leichter Sprache."),
}
"""Title and description of each overview in Leichter Sprache."""


def units_page(site: Site, url: Url, paths: Paths, ids: Collection[str] | None = None) -> LsPage:
    """``ids``: only these top-level units and the units assigned to them (one part)."""
    page = LsPage(*_TITLES["einheiten"])
    if ids is not None:
        tops = sorted(
            (u for u in site.einheiten.values() if u.id in ids), key=lambda u: sort_key(u.name)
        )
        page.blocks.append(
            Block("liste", tuple(line(name(u.name, url(paths.ls(paths.unit(u.id))))) for u in tops))
        )
        for top in tops:
            children = sorted(site.children_of(top.id), key=lambda u: sort_key(u.name))
            if children:
                page.blocks.append(sentences(line("Zu ", name(top.name), " gehören:")))
                page.blocks.append(
                    Block(
                        "liste",
                        tuple(
                            line(name(u.name, url(paths.ls(paths.unit(u.id))))) for u in children
                        ),
                    )
                )
        return page
    page.blocks.append(
        sentences(
            line("Die Stadt hat viele Ämter und Büros."),
            line("Jedes Amt hilft Ihnen bei anderen Sachen."),
            line("Hier finden Sie alle Ämter."),
            line("Klicken Sie auf den Namen."),
            line("Dann kommen Sie zur Seite vom Amt."),
        )
    )
    units = sorted(site.einheiten.values(), key=lambda u: sort_key(u.name))
    page.blocks.append(
        Block("liste", tuple(line(name(u.name, url(paths.ls(paths.unit(u.id))))) for u in units))
    )
    return page


def people_page(site: Site, url: Url, paths: Paths, ids: Collection[str] | None = None) -> LsPage:
    """``ids``: only these people (one part of the directory)."""
    page = LsPage(*_TITLES["ansprechpersonen"])
    if ids is None:
        page.blocks.append(
            sentences(
                line("Hier finden Sie Menschen von der Stadt."),
                line("Diese Menschen helfen Ihnen."),
                line("Die Namen stehen in der Reihen·folge von A bis Z."),
                line("Sie können die Menschen anrufen."),
                line("Oder Sie schreiben eine E-Mail."),
            )
        )
    for person in people_in_order(site, ids):
        page.blocks.append(heading(name(person.name), 2, f"person-{slugify(person.id)}"))
        page.blocks.append(Block("angaben", facts=tuple(person_facts(site, person, url, paths))))
    return page


_ACCESS = (
    ("stufenlos", "Eingang ohne Stufen"),
    ("aufzug", "Aufzug"),
    ("rollstuhlgerechtes_wc", "WC für Roll·stuhl·fahrer"),
    ("behindertenparkplatz", "Park·platz für Menschen mit Behinderung"),
    ("induktionsschleife", "Hör·anlage für Hör·geräte"),
)


def locations_page(
    site: Site, url: Url, paths: Paths, order: Collection[str] | None = None
) -> LsPage:
    """``order``: only these locations, in this order (one part of the page)."""
    page = LsPage(*_TITLES["standorte"])
    if order is None:
        page.blocks.append(
            sentences(
                line("Die Ämter sind in verschiedenen Häusern."),
                line("Hier stehen die Adressen."),
                line("Und Sie lesen: So kommen Sie in das Haus."),
            )
        )
    for location in (site.standorte[i] for i in (site.standorte if order is None else order)):
        anchor = slugify(location.id)
        page.blocks.append(heading(name(location.name), 2, anchor))
        page.blocks.append(sentences(line("Die Adresse ist:")))
        page.blocks.append(address_block(location))
        page.blocks.append(heading("So kommen Sie in das Haus", 3, f"{anchor}-zugang"))
        values = {True: "ja", False: "nein", None: "Das wissen wir leider noch nicht."}
        page.blocks.append(
            Block(
                "angaben",
                facts=tuple(
                    Fact(label, values[getattr(location.barrierefreiheit, key)])
                    for key, label in _ACCESS
                ),
            )
        )
        units = sorted(
            (u for u in site.einheiten.values() if u.standort == location.id),
            key=lambda u: sort_key(u.name),
        )
        if units:
            page.blocks.append(heading("Diese Ämter sind hier", 3, f"{anchor}-aemter"))
            page.blocks.append(
                Block(
                    "liste",
                    tuple(line(name(u.name, url(paths.ls(paths.unit(u.id))))) for u in units),
                )
            )
    return page


def hours_page(
    site: Site, url: Url, paths: Paths, today: date, ids: Collection[str] | None = None
) -> LsPage:
    """``ids``: only these units (one part of the overview)."""
    page = LsPage(*_TITLES["oeffnungszeiten"])
    if ids is None:
        page.blocks.append(
            sentences(
                line("Hier lesen Sie: Wann sind die Ämter offen?"),
                line("Manche Ämter haben feste Zeiten."),
                line("Bei manchen Ämtern brauchen Sie einen Termin."),
            )
        )
    # Only this part's units are sorted: a part must not cost as much as the whole list.
    wanted = None if ids is None else set(ids)
    chosen = (u for u in site.einheiten.values() if wanted is None or u.id in wanted)
    for unit in sorted(chosen, key=lambda u: sort_key(u.name)):
        if unit.oeffnungszeiten is None:
            continue
        anchor = slugify(unit.id)
        page.blocks.append(heading(name(unit.name, url(paths.ls(paths.unit(unit.id)))), 2, anchor))
        kontakt = unit.kontakt
        for block in hours_blocks(
            site,
            unit.oeffnungszeiten,
            today,
            can_call=bool(kontakt and kontakt.telefon),
            can_write=bool(kontakt and kontakt.email),
            level=3,
            anchor=f"zeiten-{anchor}",
        ):
            page.blocks.append(block)
    return page


def topics_page(site: Site, url: Url, paths: Paths, ids: Collection[str] | None = None) -> LsPage:
    """The A–Z index in Leichte Sprache: the services with a ``leichte_sprache`` text.

    ``ids``: only the entries with these anchors (one part of the index).
    """
    page = LsPage(*_TITLES["themen"])
    if ids is None:
        page.blocks.append(
            sentences(
                line("Hier finden Sie Hilfe von der Stadt."),
                line("Die Themen stehen in der Reihen·folge von A bis Z."),
                line("Bei jedem Thema steht: Welches Amt hilft Ihnen?"),
            )
        )
    for entry in entries(site, lambda unit_id: url(paths.ls(paths.unit(unit_id)))):
        if not entry.leichte_sprache or (ids is not None and entry.anchor not in ids):
            continue
        page.blocks.append(heading(name(entry.title), 2, entry.anchor))
        page.blocks.append(sentences(*(line(s) for s in split_sentences(entry.leichte_sprache))))
        facts: list[Fact] = []
        for unit in entry.units:
            facts.append(Fact("Hier bekommen Sie Hilfe", unit.name, unit.url))
            facts.extend(_phone_facts(unit.phones))
        page.blocks.append(Block("angaben", facts=tuple(facts)))
    return page


# -- overviews in parts by letters ---------------------------------------------------------


@dataclass(frozen=True)
class _Wording:
    """What the first page of a split overview says, and the name of its letter navigation."""

    sentences: tuple[str, ...]
    navigation: str
    part: str
    """The sentence at the top of each part."""


_SPLIT: dict[str, _Wording] = {
    "einheiten": _Wording(
        (
            "Die Stadt hat viele Ämter und Büros.",
            "Die Ämter stehen auf mehreren Seiten.",
            "Wählen Sie den ersten Buchstaben vom Namen.",
            "Dann sehen Sie die Ämter mit diesem Buchstaben.",
        ),
        "Ämter nach Buchstaben",
        "Hier finden Sie die Ämter mit diesen Buchstaben.",
    ),
    "ansprechpersonen": _Wording(
        (
            "Hier finden Sie Menschen von der Stadt.",
            "Diese Menschen helfen Ihnen.",
            "Die Namen stehen auf mehreren Seiten.",
            "Wählen Sie den ersten Buchstaben vom Nach·namen.",
            "Dann sehen Sie die Menschen mit diesem Buchstaben.",
        ),
        "Namen nach Buchstaben",
        "Hier finden Sie die Namen mit diesen Buchstaben.",
    ),
    "standorte": _Wording(
        (
            "Die Ämter sind in verschiedenen Häusern.",
            "Die Häuser stehen auf mehreren Seiten.",
            "Wählen Sie den ersten Buchstaben vom Namen.",
            "Oder klicken Sie unten auf den Namen vom Haus.",
        ),
        "Häuser nach Buchstaben",
        "Hier finden Sie die Häuser mit diesen Buchstaben.",
    ),
    "oeffnungszeiten": _Wording(
        (
            "Hier lesen Sie: Wann sind die Ämter offen?",
            "Die Ämter stehen auf mehreren Seiten.",
            "Wählen Sie den ersten Buchstaben vom Namen.",
            "Dann sehen Sie die Zeiten von diesen Ämtern.",
        ),
        "Ämter nach Buchstaben",
        "Hier lesen Sie die Zeiten von diesen Ämtern.",
    ),
    "themen": _Wording(
        (
            "Hier finden Sie Hilfe von der Stadt.",
            "Die Themen stehen auf mehreren Seiten.",
            "Wählen Sie den ersten Buchstaben vom Thema.",
            "Bei jedem Thema steht: Welches Amt hilft Ihnen?",
        ),
        "Themen nach Buchstaben",
        "Hier finden Sie die Themen mit diesen Buchstaben.",
    ),
}


def part_label(label: str) -> str:
    """A part's label in Leichter Sprache: „A–C“ → „Seite A bis C“, „0–9“ → „Seite 0 bis 9“,
    „Schm (1/2)“ → „Seite Schm, Teil 1“."""
    number = ""
    if label.endswith(")") and " (" in label:
        label, _, rest = label.partition(" (")
        number = rest.split("/")[0]
    text = "Seite " + label.replace("–", " bis ")
    return f"{text}, Teil {number}" if number else text


def _navigation(kind: str, overview: Uebersicht, current: int, url: Url, paths: Paths) -> Block:
    links = tuple(
        PartLink(part_label(part.label), url(paths.ls(overview.part_page(i))), i == current)
        for i, part in enumerate(overview.parts)
    )
    return Block(
        "teile",
        tuple(line(link.label) for link in links),
        parts=links,
        label=_SPLIT[kind].navigation,
    )


def split_index_page(site: Site, kind: str, overview: Uebersicht, url: Url, paths: Paths) -> LsPage:
    """The first page of a split overview: what is where, and the letters."""
    index = LsPage(*_TITLES[kind])
    index.blocks.append(sentences(*(line(text) for text in _SPLIT[kind].sentences)))
    index.blocks.append(_navigation(kind, overview, -1, url, paths))
    if kind == "standorte":
        # Few entries: every house, linked to its part.
        index.blocks.append(heading("Alle Häuser", 2, "alle"))
        index.blocks.append(
            Block(
                "liste",
                tuple(
                    line(
                        name(
                            site.standorte[i].name,
                            url(f"{paths.ls(overview.part_page(n))}#{slugify(i)}"),
                        )
                    )
                    for n, part in enumerate(overview.parts)
                    for i in part.entries
                ),
            )
        )
    return index


def _part_page(
    site: Site,
    kind: str,
    overview: Uebersicht,
    index: int,
    url: Url,
    paths: Paths,
    today: date,
) -> LsPage:
    """One part of a split overview: the letter navigation and the part's entries."""
    ids = overview.parts[index].entries
    if kind == "einheiten":
        content = units_page(site, url, paths, ids)
    elif kind == "ansprechpersonen":
        content = people_page(site, url, paths, frozenset(ids))
    elif kind == "standorte":
        content = locations_page(site, url, paths, ids)
    elif kind == "oeffnungszeiten":
        content = hours_page(site, url, paths, today, frozenset(ids))
    else:
        content = topics_page(site, url, paths, frozenset(ids))
    label = part_label(overview.parts[index].label)
    title, description = _TITLES[kind]
    page = LsPage(f"{title}: {label}", f"{description} {label}.")
    page.blocks.append(sentences(line(_SPLIT[kind].part)))
    page.blocks.append(_navigation(kind, overview, index, url, paths))
    if not content.blocks:
        # Topics: no entry of this part has a text in Leichter Sprache yet.
        page.blocks.append(
            sentences(
                line("Diese Themen gibt es nur in Alltags·sprache."),
                line(
                    "Hier lesen Sie die Themen: ",
                    Part("Themen in Alltags·sprache", url(overview.part_page(index))),
                    ".",
                ),
            )
        )
    page.blocks.extend(content.blocks)
    return page


def woerterbuch_anchor(entry: Wort) -> str:
    """The id of a word's heading on the Wörterbuch page (its explanations link there)."""
    return slugify(entry.id)


def woerterbuch_page(site: Site) -> LsPage:
    """The glossary in Leichte Sprache: every hard word and its explanation, A to Z."""
    page = LsPage("Wörter·buch", "Schwere Wörter in Leichter Sprache erklärt.")
    page.blocks.append(
        sentences(
            line("Hier erklären wir schwere Wörter."),
            line("Die Wörter stehen in der Reihen·folge von A bis Z."),
        )
    )
    for entry in sorted(site.woerterbuch.values(), key=lambda w: sort_key(w.wort)):
        page.blocks.append(heading(name(entry.wort), 2, woerterbuch_anchor(entry)))
        page.blocks.append(sentences(*(line(s) for s in split_sentences(entry.erklaerung))))
    return page


# -- events --------------------------------------------------------------------------------


def _when_lines(event: Termin) -> list[Line]:
    start, end = event.beginn.astimezone(BERLIN), event.ende.astimezone(BERLIN)
    if start.date() == end.date():
        return [
            line(f"Am {datum(start.date())}."),
            line(f"Von {uhr_leicht(start.time())} bis {uhr_leicht(end.time())}."),
        ]
    return [
        line(f"Es beginnt am {datum(start.date())} um {uhr_leicht(start.time())}."),
        line(f"Es endet am {datum(end.date())} um {uhr_leicht(end.time())}."),
    ]


def events_page(site: Site, url: Url, paths: Paths, today: date) -> LsPage:
    """The coming events in Leichter Sprache: when each is, with a link to its page."""
    page = LsPage("Termine", "Termine von der Stadt in Leichter Sprache.")
    coming = split_events(list(site.termine.values()), today).upcoming
    page.blocks.append(
        sentences(
            line("Hier finden Sie Termine von der Stadt."),
            line("Zum Beispiel Feste und Treffen."),
            line("Klicken Sie auf einen Termin."),
            line("Dann lesen Sie mehr darüber."),
        )
    )
    if not coming:
        page.blocks.append(sentences(line("Im Moment gibt es keine Termine.")))
    for event in coming:
        target = url(paths.ls(paths.event_page(event.id)))
        page.blocks.append(heading(name(event.titel, target), 2, f"termin-{slugify(event.id)}"))
        page.blocks.append(sentences(*_when_lines(event)))
    page.blocks.append(_standard_version("Termine", url(paths.events_page)))
    return page


# -- council bodies ------------------------------------------------------------------------


def bodies_page(site: Site, url: Url, paths: Paths) -> LsPage:
    """The council bodies in Leichter Sprache, each with a link to its page."""
    page = LsPage("Gremien", "Die Gremien von der Stadt in Leichter Sprache.")
    page.blocks.append(
        sentences(
            line("In einem Gremium treffen sich Menschen."),
            line("Sie reden über Sachen von der Stadt."),
            line("Und sie entscheiden über manche Sachen."),
            line("Hier finden Sie die Gremien:"),
        )
    )
    page.blocks.append(
        Block(
            "liste",
            tuple(
                line(name(body.name, url(paths.ls(paths.body_page(body.id)))))
                for body in sorted(site.gremien.values(), key=lambda b: sort_key(b.name))
            ),
        )
    )
    return page


def body_page(site: Site, body: Gremium, url: Url, paths: Paths, today: date) -> LsPage:
    """A council body in Leichter Sprache: when it meets, where, and who helps."""
    page = LsPage(body.name, f"{body.name}: Infos in Leichter Sprache.")
    blocks = page.blocks
    blocks.append(sentences(line("Hier lesen Sie über: ", name(body.name), ".")))
    blocks.append(sentences(line("Das ist ein Gremium."), line("Dort treffen sich Menschen.")))
    blocks.append(heading("Wann ist das nächste Treffen?", 2, "treffen"))
    coming = sorted(
        (m for m in body.sitzungen if m.zeitpunkt.astimezone(BERLIN).date() >= today),
        key=lambda m: m.zeitpunkt,
    )
    if not coming:
        blocks.append(sentences(line("Im Moment ist kein Treffen geplant.")))
    for meeting in coming[:3]:
        start = meeting.zeitpunkt.astimezone(BERLIN)
        lines = (
            [line(f"Am {datum(start.date())}."), line("Die Uhr·zeit sagen wir später.")]
            if meeting.uhrzeit_folgt
            else [line(f"Am {datum(start.date())} um {uhr_leicht(start.time())}.")]
        )
        if meeting.abgesagt:
            lines.append(line("Dieses Treffen fällt aus."))
        elif meeting.oeffentlich:
            lines.append(line("Sie dürfen zuschauen."))
        if meeting.standort is not None:
            building = site.standorte[meeting.standort]
            lines.append(line("Das Treffen ist hier: ", name(building.name), "."))
        blocks.append(sentences(*lines))
    office = site.einheiten.get(body.geschaeftsstelle) if body.geschaeftsstelle else None
    if office is not None:
        blocks.extend(_who_helps(office, url, paths))
    blocks.append(_standard_version(body.name, url(paths.body_page(body.id))))
    return page


def _who_helps(unit: Einheit, url: Url, paths: Paths) -> list[Block]:
    """„Wer hilft Ihnen?“: the unit (its LS page) and its first phone number."""
    helpers = [Fact("Hier bekommen Sie Hilfe", unit.name, url(paths.ls(paths.unit(unit.id))))]
    if unit.kontakt:
        helpers.extend(_phone_facts(unit.kontakt.telefon[:1]))
    return [heading("Wer hilft Ihnen?", 2, "hilfe"), Block("angaben", facts=tuple(helpers))]


def _standard_version(title: str, target: str) -> Block:
    return sentences(
        line("Diese Seite gibt es auch in Alltags·sprache: ", name(title, target), ".")
    )


def event_page(site: Site, event: Termin, url: Url, paths: Paths, today: date) -> LsPage:
    """An event in Leichter Sprache: when, where, the way in, costs, registration, who helps."""
    page = LsPage(event.titel, f"{event.titel}: Infos in Leichter Sprache.")
    blocks = page.blocks
    if event.leichte_sprache:
        blocks.extend(editor_text(event.leichte_sprache))
    else:
        blocks.append(sentences(line("Hier lesen Sie über: ", name(event.titel), ".")))
    if event.ende.astimezone(BERLIN).date() < today:
        blocks.append(sentences(line("Das war schon.")))

    blocks.append(heading("Wann ist das?", 2, "wann"))
    blocks.append(sentences(*_when_lines(event)))

    blocks.append(heading("Wo ist das?", 2, "wo"))
    if event.standort is not None:
        building = site.standorte[event.standort]
        access = building.barrierefreiheit
        blocks.append(address_block(building))
    else:
        assert event.ort is not None  # the model requires standort or ort
        access = event.ort.barrierefreiheit
        address = event.ort.adresse
        blocks.append(
            Block(
                "adresse",
                (
                    line(name(event.ort.name)),
                    line(name(address.strasse)),
                    line(name(address.ortszeile)),
                ),
            )
        )
    if event.raum:
        blocks.append(Block("angaben", facts=(Fact("Raum", event.raum),)))
    blocks.append(heading("So kommen Sie in das Haus", 3, "zugang"))
    values = {True: "ja", False: "nein", None: "Das wissen wir leider noch nicht."}
    blocks.append(
        Block(
            "angaben",
            facts=tuple(Fact(label, values[getattr(access, key)]) for key, label in _ACCESS),
        )
    )

    if event.kostenlos is not None:
        blocks.append(heading("Kostet das Geld?", 2, "kosten"))
        blocks.append(
            sentences(
                line("Der Eintritt ist frei.")
                if event.kostenlos
                else line("Sie müssen Eintritt bezahlen.")
            )
        )

    registration = event.anmeldung
    if registration is not None:
        blocks.append(heading("Müssen Sie sich anmelden?", 2, "anmeldung"))
        if not registration.erforderlich:
            blocks.append(sentences(line("Sie können einfach kommen.")))
        else:
            lines = [line("Bitte melden Sie sich vorher an.")]
            if registration.frist:
                lines.append(line(f"Das geht bis zum {datum(registration.frist)}."))
            blocks.append(sentences(*lines))
            facts = [*_phone_facts((registration.telefon,) if registration.telefon else ())]
            if registration.email:
                facts.append(Fact("E-Mail", registration.email, f"mailto:{registration.email}"))
            if registration.link:
                facts.append(Fact("Im Internet", "Anmelde·formular", registration.link))
            if facts:
                blocks.append(Block("angaben", facts=tuple(facts)))

    blocks.extend(_who_helps(site.einheiten[event.einheit], url, paths))
    blocks.append(_standard_version(event.titel, url(paths.event_page(event.id))))
    return page


def _builders(
    site: Site, url: Url, paths: Paths, today: date, overviews: Uebersichten | None = None
) -> dict[str, Callable[[], LsPage]]:
    overviews = overviews or paths.overviews(site)
    whole: dict[str, Callable[[], LsPage]] = {
        "einheiten": lambda: units_page(site, url, paths),
        "ansprechpersonen": lambda: people_page(site, url, paths),
        "standorte": lambda: locations_page(site, url, paths),
        "oeffnungszeiten": lambda: hours_page(site, url, paths, today),
        "themen": lambda: topics_page(site, url, paths),
    }
    builders: dict[str, Callable[[], LsPage]] = {}
    for kind, build in whole.items():
        overview = overviews.get(kind)
        if not overview.split:
            builders[paths.ls(overview.page)] = build
            continue
        builders[paths.ls(overview.page)] = lambda kind=kind, overview=overview: split_index_page(  # type: ignore[misc]
            site, kind, overview, url, paths
        )
        for index in range(len(overview.parts)):
            builders[paths.ls(overview.part_page(index))] = (
                lambda kind=kind, overview=overview, index=index: _part_page(  # type: ignore[misc]
                    site, kind, overview, index, url, paths, today
                )
            )
    if site.woerterbuch:
        # Only in Leichte Sprache: no standard page belongs to it.
        builders[paths.ls(paths.woerterbuch_page)] = lambda: woerterbuch_page(site)
    for unit in site.einheiten.values():
        builders[paths.ls(paths.unit(unit.id))] = (
            lambda unit=unit: unit_page(site, unit, url, paths, today, overviews)  # type: ignore[misc]
        )
    if site.gremien:
        builders[paths.ls(paths.bodies_page)] = lambda: bodies_page(site, url, paths)
    for body in site.gremien.values():
        builders[paths.ls(paths.body_page(body.id))] = (
            lambda body=body: body_page(site, body, url, paths, today)  # type: ignore[misc]
        )
    if site.termine:
        builders[paths.ls(paths.events_page)] = lambda: events_page(site, url, paths, today)
    for event in site.termine.values():
        builders[paths.ls(paths.event_page(event.id))] = (
            lambda event=event: event_page(site, event, url, paths, today)  # type: ignore[misc]
        )
    return builders


def all_pages(
    site: Site, url: Url, paths: Paths, today: date, overviews: Uebersichten | None = None
) -> dict[str, LsPage]:
    """Every generated LS page by its source path (``overviews``: if already computed)."""
    return {src: build() for src, build in _builders(site, url, paths, today, overviews).items()}


def page_for(
    site: Site,
    src_uri: str,
    url: Url,
    paths: Paths,
    today: date,
    overviews: Uebersichten | None = None,
) -> LsPage:
    """One generated LS page, with URLs from ``url``."""
    return _builders(site, url, paths, today, overviews)[src_uri]()


# -- linting of generated text -------------------------------------------------------------


def lintable(page: LsPage) -> tuple[list[str], dict[int, BlockKind]]:
    """The page's own words as lines for the linter; names and data values become one word.

    Facts are data (a phone number, a room), so only their labels are checked; addresses are
    data in a block, never running text.
    """
    lines: list[str] = []
    kinds: dict[int, BlockKind] = {}

    def text_of(entry: Line) -> str:
        return "".join(
            ("Name" + " " * (len(p.text) - 4))
            if p.name and len(p.text) >= 4
            else ("Name" if p.name else p.text)
            for p in entry.parts
        )

    for block in page.blocks:
        if block.kind == "adresse":
            continue
        if block.kind == "angaben":
            for fact in block.facts:
                lines.extend([f"{fact.label}:", ""])
            continue
        if block.kind == "teile":
            # The letter navigation: its name and the pages' labels, read like a list.
            for text in (block.label, *(entry.text for entry in block.lines)):
                kinds[len(lines)] = "liste"
                lines.extend([text, ""])
            continue
        if block.kind in {"ueberschrift", "liste"}:
            for entry in block.lines:
                kinds[len(lines)] = "ueberschrift" if block.kind == "ueberschrift" else "liste"
                lines.extend([text_of(entry), ""])
            continue
        lines.extend(text_of(entry) for entry in block.lines)
        lines.append("")
    return lines, kinds


def lint(page: LsPage, settings: Einstellungen) -> list[tuple[str, Issue]]:
    """Issues of a generated page, each with the line of generated text it is about."""
    from .linter import lint_lines

    lines, kinds = lintable(page)
    text = "\n".join(lines)
    return [
        (text[: i.offset].rsplit("\n", 1)[-1] + text[i.offset :].split("\n", 1)[0], i)
        for i in lint_lines(lines, settings, kinds)
    ]
