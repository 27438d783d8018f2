"""Write or update data/gremien.yml from an OParl export, keeping what editors wrote.

Which fields belong to whom (documented in the README):

* **imported** – overwritten on every import from the council information system:
  body ``oparl_id``, ``name``, ``kurzname``, ``art``, ``url``, ``mitglieder``; meeting
  ``oparl_id``, ``name``, ``beginn``, ``ende``, ``ort``, ``oeffentlich``, ``abgesagt``,
  ``url``; paper ``oparl_id``, ``nummer``, ``titel``, ``art``, ``datum``,
  ``federfuehrend_name``, ``url``, ``dokument``, ``beratungen``.
* **pre-filled** – set by the import only while empty, then the editor's: meeting
  ``standort`` (matched by street and postcode), paper ``federfuehrend`` (matched by the
  unit's name or number).
* **editorial** – never touched: body ``id``, ``aufgabe``, ``geschaeftsstelle``,
  ``einheit``; meeting ``hinweis``; paper ``zusammenfassung``, ``sachverhalt``, ``anlagen``;
  meetings and papers without ``oparl_id``; comments.

Meetings and papers are matched by ``oparl_id``. An object the export marks as
``deleted`` is removed; one that is missing from the export stays (exports may be
partial). A second import of the same export changes nothing.
"""

from __future__ import annotations

import errno
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..atomic import write_atomic
from ..model import DataError, Site, load_site, slugify, sort_key
from ..model.entities import Id
from ..model.fieldtypes import NAME_MAX, SHORT_MAX, TITLE_MAX
from ..model.hours import BERLIN
from ..model.termine import local_text
from .clean import Cleaner
from .export import Export, ExportError

GREMIEN_FILE = "gremien.yml"
HEADER = """\
# yaml-language-server: $schema=../schemas/gremien.schema.json
# Gremien des Rats mit Sitzungen und Vorlagen. Vieles davon schreibt der Import aus dem
# Ratsinformationssystem: `rathaus oparl import <Export>`. Felder, die der Import
# überschreibt, ändern Sie bitte dort, nicht hier. Ihre eigenen Felder bleiben erhalten:
# aufgabe, geschaeftsstelle, einheit; bei Sitzungen hinweis und standort; bei Vorlagen
# zusammenfassung und federfuehrend.
"""

BODY_ORDER = (
    "id", "name", "oparl_id", "kurzname", "art", "aufgabe", "geschaeftsstelle", "einheit",
    "url", "mitglieder", "sitzungen", "vorlagen",
)  # fmt: skip
MEETING_ORDER = (
    "oparl_id", "name", "beginn", "ende", "ort", "standort", "oeffentlich", "abgesagt", "url",
    "hinweis",
)  # fmt: skip
PAPER_ORDER = (
    "oparl_id", "nummer", "titel", "art", "datum", "federfuehrend", "federfuehrend_name",
    "url", "dokument", "beratungen", "zusammenfassung",
)  # fmt: skip
MEETING_OWNED = ("name", "beginn", "ende", "ort", "oeffentlich", "abgesagt", "url")
PAPER_OWNED = (
    "nummer", "titel", "art", "datum", "federfuehrend_name", "url", "dokument", "beratungen",
)  # fmt: skip
BODY_OWNED = ("name", "kurzname", "art", "url", "mitglieder")
MEMBERS_MAX = 999  # the model's upper bound of Mitglieder.anzahl


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: keeps comments, key order and block scalars
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def _flush_left(text: str) -> str:
    """Top-level ``- id:`` at column 1, nested lists indented: the style of data/.

    ruamel.yaml indents every level of a sequence alike; the file's top level is one
    sequence, so every line starts with two spaces to drop. Comment lines keep the
    column the editor gave them (ruamel.yaml writes them as they were read).
    """
    return "".join(
        line[2:] if line.startswith("  ") and not line.lstrip().startswith("#") else line
        for line in text.splitlines(keepends=True)
    )


def plain(value: Any) -> Any:
    """A comparable form: what the strict loader would read (all scalars as text)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return None
    return str(value)


def _ja_nein(value: Any) -> str | None:
    return None if value is None else ("ja" if value else "nein")


def _local(text: Any) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
        return moment.astimezone(BERLIN) if moment.tzinfo else moment.replace(tzinfo=BERLIN)
    except (ValueError, OverflowError):  # not a date, or year 1 shifted out of range
        return None


def _day(text: Any) -> date | None:
    if not isinstance(text, str):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _art(paper_type: Any) -> str:
    text = str(paper_type or "").casefold()
    for word, art in (
        ("antrag", "antrag"),
        ("anfrage", "anfrage"),
        ("mitteilung", "mitteilung"),
        ("vorlage", "vorlage"),
    ):
        if word in text:
            return art
    return "sonstige" if text else "vorlage"


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None and v != []}


@dataclass
class BodyReport:
    name: str
    created: bool = False
    fields: list[str] = field(default_factory=list)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def count(self, what: str, how: str) -> None:
        self.counts[(what, how)] = self.counts.get((what, how), 0) + 1

    @property
    def changed(self) -> bool:
        return self.created or bool(self.fields) or bool(self.counts)

    def line(self) -> str:
        words = {
            ("sitzung", "neu"): ("neue Sitzung", "neue Sitzungen"),
            ("sitzung", "geaendert"): ("geänderte Sitzung", "geänderte Sitzungen"),
            ("sitzung", "entfernt"): ("entfernte Sitzung", "entfernte Sitzungen"),
            ("vorlage", "neu"): ("neue Vorlage", "neue Vorlagen"),
            ("vorlage", "geaendert"): ("geänderte Vorlage", "geänderte Vorlagen"),
            ("vorlage", "entfernt"): ("entfernte Vorlage", "entfernte Vorlagen"),
        }
        parts = ["neu angelegt"] if self.created else []
        parts += [f"{field_name} geändert" for field_name in self.fields]
        for key, (one, many) in words.items():
            n = self.counts.get(key, 0)
            if n:
                parts.append(f"{n} {one if n == 1 else many}")
        return f"{self.name}: " + ", ".join(parts)


@dataclass
class ImportResult:
    bodies: list[BodyReport]
    written: bool
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        changed = [b.line() for b in self.bodies if b.changed]
        out = changed or ["keine Änderungen"]
        out += [f"Hinweis: {n}" for b in self.bodies for n in b.notes]
        return out + [f"Hinweis: {n}" for n in self.notes]


class _Matcher:
    """Pre-fill unit and location ids from the site's data, when it loads."""

    def __init__(self, site: Site | None) -> None:
        self.site = site

    def unit(self, org: dict[str, Any] | None) -> str | None:
        if self.site is None or org is None:
            return None
        names = {sort_key(str(org.get(k))) for k in ("name", "shortName") if org.get(k)}
        for unit in self.site.einheiten.values():
            if sort_key(unit.name) in names or (unit.nummer and sort_key(unit.nummer) in names):
                return unit.id
        return None

    def location(self, place: dict[str, Any] | None) -> str | None:
        if self.site is None or not place:
            return None
        street, code = place.get("streetAddress"), place.get("postalCode")
        for location in self.site.standorte.values():
            if (
                street
                and sort_key(location.adresse.strasse) == sort_key(str(street))
                and (not code or location.adresse.plz == str(code))
            ):
                return location.id
        return None


def _place_text(place: Any) -> str | None:
    if not isinstance(place, dict):
        return None

    def part(key: str) -> str | None:
        value = place.get(key)
        return str(value) if isinstance(value, str | int) and str(value) else None

    parts = [p for p in map(part, ("description", "room", "streetAddress")) if p]
    town = " ".join(p for p in map(part, ("postalCode", "locality")) if p)
    text = ", ".join(dict.fromkeys([*parts, *([town] if town else [])]))
    return text or None


_ID: TypeAdapter[str] = TypeAdapter(Id)


def _new_id(name: str | None, taken: set[str]) -> str:
    """An id the model accepts, from the name; room left for a number against duplicates."""
    base = slugify(name or "")[:70].strip("-")
    try:
        base = _ID.validate_python(base)
    except ValidationError:
        base = "gremium"
    new_id, n = base, 2
    while new_id in taken:
        new_id, n = f"{base}-{n}", n + 1
    return new_id


def _refs(value: Any) -> list[Any]:
    """A list of references; any other type counts as none."""
    return value if isinstance(value, list) else []


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else None


class _Mapper:
    """OParl objects as records of data/gremien.yml, every value made plain by ``clean``."""

    def __init__(self, export: Export, matcher: _Matcher, today: date, clean: Cleaner) -> None:
        self.export = export
        self.matcher = matcher
        self.today = today
        self.clean = clean

    def name_of(self, ref: Any, where: str, field_name: str) -> str | None:
        obj = self.export.get(ref)
        return self.clean.text(obj.get("name"), where, field_name, TITLE_MAX) if obj else None

    def members(
        self, org: dict[str, Any], where: str, memberships: Iterable[dict[str, Any]]
    ) -> list[Any]:
        """Functions and how many hold them today; names of people are never copied."""
        roles: dict[str, list[Any]] = {}
        for m in memberships:
            organization = m.get("organization")
            if organization != org["id"] or m.get("deleted"):
                continue
            start, end = _day(m.get("startDate")), _day(m.get("endDate"))
            if (start and start > self.today) or (end and end < self.today):
                continue
            role = self.clean.text(m.get("role"), f"{where}, Mitgliedschaft", "role", NAME_MAX)
            vote = m.get("votingRight")
            roles.setdefault(role or "Mitglied", []).append(
                vote if isinstance(vote, bool) else None
            )

        def order(role: str) -> tuple[int, str]:
            low = role.casefold()
            rank = 0 if low.startswith("vorsitz") else 1 if "vorsitz" in low else 2
            return rank, sort_key(role)

        result = []
        for role in sorted(roles, key=order):
            votes = set(roles[role])
            count = len(roles[role])
            if count > MEMBERS_MAX:
                self.clean.note(
                    f"{where}: {count} Mitglieder mit der Funktion „{role}“, erlaubt sind "
                    f"{MEMBERS_MAX} – als {MEMBERS_MAX} eingetragen"
                )
            entry: dict[str, Any] = {"funktion": role, "anzahl": min(count, MEMBERS_MAX)}
            if len(votes) == 1 and None not in votes:
                entry["stimmberechtigt"] = _ja_nein(votes.pop())
            result.append(entry)
        return result

    def meeting(self, meeting: dict[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any]]:
        start, end = _local(meeting.get("start")), _local(meeting.get("end"))
        items = [a for a in _refs(meeting.get("agendaItem")) if isinstance(a, dict)]
        flags = [a.get("public") for a in items if isinstance(a.get("public"), bool)]
        public = any(flags) if flags else None
        location = meeting.get("location")
        owned = {
            "name": self.clean.text(meeting.get("name"), where, "name", TITLE_MAX) or "Sitzung",
            "beginn": local_text(start) if start else None,
            "ende": local_text(end) if end and start and end > start else None,
            "ort": self.clean.text(_place_text(location), where, "location", TITLE_MAX),
            "oeffentlich": _ja_nein(public),
            "abgesagt": "ja" if meeting.get("cancelled") is True else None,
            "url": self.clean.url(meeting.get("web"), where, "web"),
        }
        place = location if isinstance(location, dict) else None
        prefill = {"standort": self.matcher.location(place)}
        return owned, prefill

    def consultations(self, paper: dict[str, Any], where: str) -> list[Any]:
        rows = []
        for c in self.export.items(paper.get("consultation") or []):
            if c.get("deleted"):
                continue
            meeting = self.export.get(c.get("meeting"))
            start = _local(meeting.get("start")) if meeting else None
            if start is None:
                continue  # not yet scheduled: nothing to show
            item = self.export.get(c.get("agendaItem"))
            orgs = _refs(c.get("organization")) or (
                _refs(meeting.get("organization")) if meeting else []
            )
            step = f"{where}, Beratung"
            body_name = self.name_of(orgs[0], step, "organization") if orgs else None
            public = item.get("public") if item else None
            rows.append(
                (
                    start,
                    _compact(
                        {
                            "datum": start.date(),
                            "gremium": body_name or "Gremium",
                            "rolle": self.clean.text(c.get("role"), step, "role", NAME_MAX),
                            "oeffentlich": _ja_nein(public) if isinstance(public, bool) else None,
                            "ergebnis": self.clean.text(
                                item.get("result") if item else None, step, "result", SHORT_MAX
                            ),
                        }
                    ),
                )
            )
        return [row for _, row in sorted(rows, key=lambda r: r[0])]

    def paper(self, paper: dict[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any]]:
        lead_org = self.export.get(_first(paper.get("underDirectionOf")))
        main = self.export.get(paper.get("mainFile"))
        document = None
        if main:
            document = self.clean.url(
                main.get("accessUrl") or main.get("downloadUrl"), where, "mainFile"
            )
        owned = {
            "nummer": self.clean.text(paper.get("reference"), where, "reference", NAME_MAX),
            "titel": self.clean.text(paper.get("name"), where, "name", SHORT_MAX) or "Drucksache",
            "art": _art(paper.get("paperType")),
            "datum": _day(paper.get("date")),
            "federfuehrend_name": self.name_of(lead_org, where, "underDirectionOf"),
            "url": self.clean.url(paper.get("web"), where, "web"),
            "dokument": document,
            "beratungen": self.consultations(paper, where) or None,
        }
        prefill = {"federfuehrend": self.matcher.unit(lead_org)}
        return owned, prefill

    def involves(self, paper: dict[str, Any], org_id: str) -> bool:
        refs = _refs(paper.get("underDirectionOf")) + _refs(paper.get("originatorOrganization"))
        for c in self.export.items(paper.get("consultation") or []):
            refs += _refs(c.get("organization"))
            meeting = self.export.get(c.get("meeting"))
            refs += _refs(meeting.get("organization")) if meeting else []
        return org_id in refs


def _place(target: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set ``key`` keeping the canonical order among the keys already present."""
    if key in target:
        target[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    position = len(target)
    for i, existing in enumerate(target):
        if existing in order and order.index(existing) > rank:
            position = i
            break
    target.insert(position, key, value)


def _apply(
    target: CommentedMap,
    owned: dict[str, Any],
    prefill: dict[str, Any],
    order: tuple[str, ...],
) -> list[str]:
    """Write imported and pre-filled values; the names of changed imported fields."""
    changed = []
    for key, value in owned.items():
        if value is None:
            if key in target:
                del target[key]
                changed.append(key)
        elif plain(target.get(key)) != plain(value):
            _place(target, key, value, order)
            changed.append(key)
    for key, value in prefill.items():
        if value is not None and target.get(key) is None:
            _place(target, key, value, order)
    return changed


def _seq(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq()
    for item in items:
        seq.append(_map(item) if isinstance(item, dict) else item)
    return seq


def _map(data: dict[str, Any]) -> CommentedMap:
    out = CommentedMap()
    for key, value in data.items():
        out[key] = _seq(value) if isinstance(value, list) else value
    return out


def _convert(owned: dict[str, Any]) -> dict[str, Any]:
    return {k: (_seq(v) if isinstance(v, list) else v) for k, v in owned.items()}


def _merge_list(
    body: CommentedMap,
    key: str,
    order: tuple[str, ...],
    incoming: list[tuple[str, bool, dict[str, Any], dict[str, Any], Any]],
    report: BodyReport,
    what: str,
) -> None:
    existing = body.get(key)
    if existing is None:
        existing = CommentedSeq()
    by_id = {str(item.get("oparl_id")): item for item in existing if isinstance(item, CommentedMap)}
    new_items = []
    for oparl_id, deleted, owned, prefill, sort in incoming:
        current = by_id.get(oparl_id)
        if deleted:
            if current is not None:
                existing.remove(current)
                report.count(what, "entfernt")
            continue
        if current is None:
            record = CommentedMap()
            record["oparl_id"] = oparl_id
            _apply(record, _convert(owned), prefill, order)
            new_items.append((sort, record))
            report.count(what, "neu")
        elif _apply(current, _convert(owned), prefill, order):
            report.count(what, "geaendert")
    for _, record in sorted(new_items, key=lambda pair: pair[0]):
        existing.append(record)
    if existing and key not in body:
        _place(body, key, existing, BODY_ORDER)
    elif not existing and key in body:
        del body[key]


def _select(
    export: Export, bodies: list[dict[str, Any]], wanted: list[str], known_ids: set[str]
) -> list[dict[str, Any]]:
    orgs = [o for b in bodies for o in export.items(b.get("organization") or [])]
    if wanted:
        keys = {sort_key(w) for w in wanted}
        chosen = [
            o
            for o in orgs
            if o["id"] in wanted
            or sort_key(str(o.get("name", ""))) in keys
            or sort_key(str(o.get("shortName", ""))) in keys
        ]
        missing = (
            keys
            - {sort_key(str(o.get(k, ""))) for o in chosen for k in ("name", "shortName")}
            - {sort_key(o["id"]) for o in chosen}
        )
        if missing:
            raise LookupError(", ".join(sorted(w for w in wanted if sort_key(w) in missing)))
        return chosen + [o for o in orgs if o["id"] in known_ids and o not in chosen]
    if known_ids:
        return [o for o in orgs if o["id"] in known_ids]
    return [o for o in orgs if str(o.get("organizationType", "")).casefold() == "gremium"]


_OS_ERRORS = {
    errno.ENOSPC: "der Datenträger ist voll",
    errno.EDQUOT: "das Speicherkontingent ist erschöpft",
    errno.EACCES: "keine Schreibrechte",
    errno.EPERM: "keine Schreibrechte",
    errno.EROFS: "das Laufwerk ist schreibgeschützt",
}


def _write(target: Path, text: str) -> None:
    """Replace the file atomically: after any failure the old file is there byte for byte."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        reason = _OS_ERRORS.get(exc.errno or 0, f"Fehler des Betriebssystems Nr. {exc.errno}")
        raise ExportError(
            f"data/{GREMIEN_FILE} wurde nicht geschrieben ({reason}) – die bisherige Datei "
            "ist unverändert; beheben Sie die Ursache und starten Sie den Import erneut"
        ) from None


def import_oparl(
    root: Path, source: Path, today: date, wanted: list[str] | None = None
) -> ImportResult:
    """Update ``root/data/gremien.yml`` from the export at ``source``."""
    export = Export(source)
    target = root / "data" / GREMIEN_FILE
    try:
        original = target.read_text(encoding="utf-8") if target.is_file() else None
    except (OSError, UnicodeDecodeError):
        raise ExportError(
            f"data/{GREMIEN_FILE} lässt sich nicht lesen (keine Leserechte oder nicht UTF-8) – "
            "prüfen Sie die Datei mit `rathaus check`"
        ) from None
    yaml = _yaml()
    try:
        document = yaml.load(original) if original else None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ExportError(
            f"data/{GREMIEN_FILE}{where}: die Datei ist kein gültiges YAML – "
            "prüfen Sie sie mit `rathaus check` und korrigieren Sie sie vor dem Import"
        ) from None
    if document is not None and not isinstance(document, list):
        raise ExportError(f"data/{GREMIEN_FILE}: die Datei muss eine Liste von Gremien sein")
    if document is None:
        document = CommentedSeq()
    notes: list[str] = []
    try:
        site: Site | None = load_site(root)
    except DataError:
        site = None
        notes.append(
            "data/ enthält Fehler (siehe `rathaus check`); federführende Einheiten und "
            "Standorte wurden deshalb nicht zugeordnet"
        )
    clean = Cleaner()
    mapper = _Mapper(export, _Matcher(site), today, clean)
    bodies = export.bodies()
    if not bodies:
        raise LookupError("")
    records = {str(r.get("oparl_id")): r for r in document if isinstance(r, CommentedMap)}
    chosen = _select(export, bodies, wanted or [], {k for k in records if k != "None"})
    chosen = [o for o in chosen if clean.ident(o, "Gremium")]

    all_meetings = [
        m for b in bodies for m in export.items(b.get("meeting")) if clean.ident(m, "Sitzung")
    ]
    all_papers = [
        p for b in bodies for p in export.items(b.get("paper")) if clean.ident(p, "Vorlage")
    ]
    memberships = {
        m["id"]: m
        for b in bodies
        for person in export.items(b.get("person"))
        for m in export.items(person.get("membership"))
    }
    reports = []
    for org in chosen:
        where = f"Gremium {org['id']}"
        name = clean.text(org.get("name"), where, "name", TITLE_MAX)
        report = BodyReport(name or org["id"])
        record = records.get(org["id"])
        if org.get("deleted"):
            if record is not None:
                notes.append(
                    f"{report.name} ist im Ratsinformationssystem gelöscht – entfernen Sie "
                    "das Gremium bei Bedarf selbst aus data/gremien.yml"
                )
            continue
        if record is None:
            record = CommentedMap()
            taken = {str(r.get("id")) for r in document if isinstance(r, dict)}
            new_id = _new_id(name, taken)
            record["id"] = new_id
            record["name"] = name or new_id
            record["oparl_id"] = org["id"]
            document.append(record)
            report.created = True
        for m in export.items(org.get("membership")):
            memberships.setdefault(m["id"], m)
        owned = {
            "name": name or record.get("name"),
            "kurzname": clean.text(org.get("shortName"), where, "shortName", NAME_MAX),
            "art": clean.text(org.get("classification"), where, "classification", NAME_MAX),
            "url": clean.url(org.get("web") or org.get("website"), where, "web"),
            "mitglieder": mapper.members(org, where, memberships.values()) or None,
        }
        labels = {"mitglieder": "Mitglieder", "name": "Name", "kurzname": "Kurzname"}
        changed = _apply(record, _convert(owned), {}, BODY_ORDER)
        if not report.created:
            report.fields = [labels.get(k, k) for k in changed]

        meetings = []
        for meeting in all_meetings:
            if org["id"] not in _refs(meeting.get("organization")):
                continue
            own, pre = mapper.meeting(meeting, f"Sitzung {meeting['id']}")
            if own["beginn"] is None and not meeting.get("deleted"):
                report.notes.append(f"Sitzung {meeting['id']} hat keinen Beginn – übersprungen")
                continue
            meetings.append((meeting["id"], bool(meeting.get("deleted")), own, pre, own["beginn"]))
        _merge_list(record, "sitzungen", MEETING_ORDER, meetings, report, "sitzung")

        papers = []
        for paper in all_papers:
            if not mapper.involves(paper, org["id"]):
                continue
            own, pre = mapper.paper(paper, f"Vorlage {paper['id']}")
            if own["datum"] is None and not paper.get("deleted"):
                report.notes.append(f"Vorlage {paper['id']} hat kein Datum – übersprungen")
                continue
            if own["federfuehrend_name"] and pre["federfuehrend"] is None and site is not None:
                report.notes.append(
                    f"Vorlage {own['nummer'] or paper['id']}: „{own['federfuehrend_name']}“ "
                    "passt zu keiner Einheit – tragen Sie federfuehrend: selbst ein"
                )
            papers.append((paper["id"], bool(paper.get("deleted")), own, pre, own["datum"]))
        _merge_list(record, "vorlagen", PAPER_ORDER, papers, report, "vorlage")
        if report.created and record.get("geschaeftsstelle") is None:
            report.notes.append(
                f"{report.name}: tragen Sie geschaeftsstelle: (Kennung der Einheit) ein"
            )
        reports.append(report)

    written = any(r.changed for r in reports)
    if written:
        buffer = io.StringIO()
        yaml.dump(document, buffer)
        text = _flush_left(buffer.getvalue())
        if original is None:
            text = HEADER + "\n" + text
        _write(target, text)
    return ImportResult(reports, written, notes + clean.notes)
