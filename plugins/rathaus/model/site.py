"""Load ``data/`` once into an immutable :class:`Site`, checking every reference."""

from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import holidays
from babel import Locale
from pydantic import BaseModel, TypeAdapter, ValidationError

from .entities import Einheit, Person, Stadt, Standort
from .erklaerung import Erklaerung
from .findings import DataError, Finding, Level
from .gremien import Gremium
from .leistungen import Leistung
from .slugs import slugify
from .termine import Termin
from .validation import field_label, translate
from .videos import Video
from .weiterleitungen import Weiterleitung, Ziel
from .woerterbuch import Wort
from .yamlread import Document, Span, parse_yaml

T = TypeVar("T", bound=BaseModel)

# What each file in data/ holds. Later features add their kinds here.
STADT_FILE = "stadt.yml"
STATEMENT_FILE = "barrierefreiheit.yml"
UNITS_FILE = "einheiten.yml"
BODIES_FILE = "gremien.yml"
RECORD_FILES: dict[str, type[BaseModel]] = {
    "einheiten.yml": Einheit,
    "personen.yml": Person,
    "standorte.yml": Standort,
    "termine.yml": Termin,
    "gremien.yml": Gremium,
    "leistungen.yml": Leistung,
    "videos.yml": Video,
    "woerterbuch.yml": Wort,
    "weiterleitungen.yml": Weiterleitung,
}
# Far above any real file (an OParl import of many years stays below 2 MB); refused before
# reading, so a pasted dump or a wrong file cannot make a check take minutes.
MAX_DATA_FILE_BYTES = 10 * 1024 * 1024
_GERMAN = Locale("de")
# Sign languages are missing from CLDR's language names (ISO 639-3 codes).
SIGN_LANGUAGES = {"gsg": "Deutsche Gebärdensprache"}


@dataclass(frozen=True)
class Source:
    """Where a record was written, for messages that point back at it."""

    file: str
    line: int
    col: int


@dataclass(frozen=True)
class Reference:
    """Where a record's id is written: its own ``id`` or a field that refers to it."""

    file: str
    """The data file as shown in messages (``data/personen.yml``)."""
    target: str
    """The file of the record (``einheiten.yml``)."""
    value: str
    span: Span | None


@dataclass(frozen=True)
class Site:
    """Everything in ``data/``, validated; shared by all plugins of one build."""

    stadt: Stadt
    erklaerung: Erklaerung | None
    einheiten: dict[str, Einheit]
    personen: dict[str, Person]
    standorte: dict[str, Standort]
    leistungen: dict[str, Leistung]
    termine: dict[str, Termin] = field(default_factory=dict)
    gremien: dict[str, Gremium] = field(default_factory=dict)
    videos: dict[str, Video] = field(default_factory=dict)
    woerterbuch: dict[str, Wort] = field(default_factory=dict)
    weiterleitungen: dict[str, Weiterleitung] = field(default_factory=dict)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    references: tuple[Reference, ...] = ()
    """Every id and every reference to one, for ``rathaus rename``."""
    warnings: tuple[Finding, ...] = ()
    fingerprint: str = ""

    def people_of(self, unit_id: str) -> list[Person]:
        """People of a unit: the head first, then by name."""
        unit = self.einheiten[unit_id]
        people = [p for p in self.personen.values() if p.einheit == unit_id]
        return sorted(people, key=lambda p: (p.id != unit.leitung, sort_key(p.name)))

    def children_of(self, unit_id: str) -> list[Einheit]:
        return [u for u in self.einheiten.values() if u.uebergeordnet == unit_id]

    def ancestors_of(self, unit_id: str) -> list[Einheit]:
        """From the top of the hierarchy down to the unit's parent."""
        chain: list[Einheit] = []
        parent = self.einheiten[unit_id].uebergeordnet
        while parent is not None:
            chain.append(self.einheiten[parent])
            parent = self.einheiten[parent].uebergeordnet
        return chain[::-1]

    def language_name(self, code: str) -> str:
        return SIGN_LANGUAGES.get(code) or str(_GERMAN.languages[code])


def sort_key(text: str) -> str:
    """German dictionary order (DIN 5007-1): umlauts sort with their base letter."""
    table = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "a", "Ö": "o", "Ü": "u"})
    return text.casefold().replace("ß", "ss").translate(table)


def _data_files(data_dir: Path) -> Iterator[Path]:
    yield from sorted(p for p in data_dir.iterdir() if p.suffix in {".yml", ".yaml"})


def _safe(path: Path, base: Path, display: str) -> Finding | None:
    """Refuse files that are links out of their folder or not regular files."""
    resolved = path.resolve()
    if not resolved.is_relative_to(base.resolve()) or not resolved.is_file():
        return Finding(
            display,
            1,
            1,
            "",
            "die Datei ist ein Verweis (Symlink) außerhalb des Ordners oder keine normale Datei",
            "legen Sie die Datei selbst in den Ordner, statt auf eine andere Stelle zu verweisen",
        )
    return None


def _too_large(path: Path, display: str) -> Finding | None:
    size = path.stat().st_size
    if size <= MAX_DATA_FILE_BYTES:
        return None
    return Finding(
        display,
        1,
        1,
        "",
        f"die Datei ist zu groß ({size / 1024 / 1024:.1f} MB, erlaubt sind höchstens "
        f"{MAX_DATA_FILE_BYTES // 1024 // 1024} MB)",
        "prüfen Sie, ob hier die richtige Datei liegt; so große Dateien entstehen meist durch "
        "einen Fehler beim Kopieren oder Exportieren",
    )


def _empty(doc: Document, referrers: Counter[str] | None = None) -> Finding:
    """An empty or comment-only file: its records would silently vanish from the site.

    ``referrers`` counts the references into the file from each other file; they are
    folded into this one finding instead of one error per reference.
    """
    hint = "tragen Sie Einträge ein oder löschen Sie sie"
    if referrers:
        files = " und ".join(sorted(referrers))
        count = sum(referrers.values())
        hint += (
            f"; {count} {'Verweis' if count == 1 else 'Verweise'} in {files} "
            f"{'zeigt' if count == 1 else 'zeigen'} auf Einträge dieser Datei"
        )
    return Finding(doc.file, 1, 1, "", "die Datei ist leer", hint)


def _validate(doc: Document, root: Any, *, records: bool) -> tuple[Any, list[Finding]]:
    if doc.data is None:
        return None, [_empty(doc)]
    if isinstance(doc.data, list):
        # A settings file written like a record file: "- name: …".
        mark = doc.mark_for(())
        return None, [
            Finding(
                doc.file,
                mark.line,
                mark.col,
                "",
                "die Datei beginnt mit einer Liste, hier gehören aber Felder hin",
                "löschen Sie das „- “ am Anfang der Zeile und rücken Sie die Felder darunter "
                "nicht ein",
            )
        ]
    try:
        return TypeAdapter(root).validate_python(doc.data), []
    except ValidationError as exc:
        return None, translate(doc, root, exc, records=records)


# The last good Site per data folder: every plugin of a build, and every rebuild of
# `mkdocs serve` while data/ is unchanged, shares one validated Site.
_CACHE: dict[Path, Site] = {}


def load_site(root: Path, data_dir: str = "data") -> Site:
    """Read, validate and cross-check ``root/data_dir``.

    Raises :class:`DataError` with *all* findings of the run when anything is wrong.
    The result is cached by the content of the data files.
    """
    base = root / data_dir
    if not base.is_dir():
        raise DataError(
            [Finding(data_dir, 1, 1, "", "der Datenordner fehlt", f"legen Sie {data_dir}/ an")]
        )
    findings: list[Finding] = []
    unreadable: set[str] = set()
    raw_files: dict[str, bytes] = {}
    digest = hashlib.sha256()
    for path in _data_files(base):
        problem = _safe(path, base, f"{data_dir}/{path.name}") or _too_large(
            path, f"{data_dir}/{path.name}"
        )
        if problem:
            findings.append(problem)
            unreadable.add(path.name)
            continue
        raw_files[path.name] = raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
    fingerprint = digest.hexdigest()
    cached = _CACHE.get(base.resolve())
    if not findings and cached is not None and cached.fingerprint == fingerprint:
        return cached
    site = _build_site(data_dir, raw_files, fingerprint, findings, unreadable)
    _CACHE[base.resolve()] = site
    return site


def _build_site(
    data_dir: str,
    raw_files: dict[str, bytes],
    fingerprint: str,
    findings: list[Finding],
    unreadable: set[str],
) -> Site:
    warnings: list[Finding] = []
    docs: dict[str, Document] = {}
    for name, raw in raw_files.items():
        display = f"{data_dir}/{name}"
        if name not in {STADT_FILE, STATEMENT_FILE} and name not in RECORD_FILES:
            warnings.append(
                Finding(
                    display,
                    1,
                    1,
                    "",
                    "diese Datei wird nicht verwendet",
                    "bekannte Dateien: " + ", ".join([STADT_FILE, STATEMENT_FILE, *RECORD_FILES]),
                    level=Level.WARNING,
                )
            )
            continue
        doc, problems = parse_yaml(display, raw)
        findings.extend(problems)
        if doc is not None:
            docs[name] = doc
        else:
            unreadable.add(name)

    stadt: Stadt | None = None
    if STADT_FILE in docs:
        stadt, problems = _validate(docs[STADT_FILE], Stadt, records=False)
        findings.extend(problems)
    elif not any(f.file.endswith(STADT_FILE) for f in findings):
        findings.append(
            Finding(
                f"{data_dir}/{STADT_FILE}",
                1,
                1,
                "",
                "die Datei mit den Einstellungen der Kommune fehlt",
                "legen Sie sie mit name: und bundesland: an",
            )
        )

    collections: dict[str, dict[str, Any]] = {}
    known: dict[str, set[str]] = {}
    empty = {name for name in RECORD_FILES if name in docs and docs[name].data is None}
    sources: dict[tuple[str, str], Source] = {}
    rows: dict[tuple[str, str], int] = {}
    for name, model in RECORD_FILES.items():
        doc = docs.get(name)
        records, ids, problems = _validate_records(doc, model) if doc else ([], set(), [])
        findings.extend(problems)
        known[name] = ids
        collections[name] = _index(doc, name, records, sources, rows, findings) if doc else {}

    einheiten: dict[str, Einheit] = collections["einheiten.yml"]
    personen: dict[str, Person] = collections["personen.yml"]
    standorte: dict[str, Standort] = collections["standorte.yml"]
    leistungen: dict[str, Leistung] = collections["leistungen.yml"]
    erklaerung: Erklaerung | None = None
    if STATEMENT_FILE in docs:
        erklaerung, problems = _validate(docs[STATEMENT_FILE], Erklaerung, records=False)
        findings.extend(problems)
        mark = docs[STATEMENT_FILE].mark_for(("zuletzt_ueberprueft_am",), prefer_key=True)
        sources[(STATEMENT_FILE, "")] = Source(docs[STATEMENT_FILE].file, mark.line, mark.col)
    if stadt is not None:
        findings.extend(_check_holiday_region(stadt, docs[STADT_FILE]))
        if "standorte.yml" not in unreadable | empty:
            findings.extend(_check_main_building(stadt, docs[STADT_FILE], set(standorte)))
    # Ids in a file that could not be read are unknown, not missing: skip those checks.
    # References into an empty file are counted in that file's one finding instead.
    for name in (unreadable | empty) & known.keys():
        del known[name]
    refs = _References(docs, rows, known, empty)
    _check_references(einheiten, personen, standorte, refs)
    termine: dict[str, Termin] = collections["termine.yml"]
    gremien: dict[str, Gremium] = collections["gremien.yml"]
    _check_events_and_bodies(termine, gremien, refs)
    _check_services(leistungen, refs)
    redirects: dict[str, Weiterleitung] = collections["weiterleitungen.yml"]
    _check_redirects(
        redirects,
        {"einheiten.yml": einheiten, "termine.yml": termine, "gremien.yml": gremien},
        refs,
    )
    findings.extend(refs.findings)
    references = [
        Reference(docs[name].file, name, rid, docs[name].spans.get((row, "id")))
        for (name, rid), row in rows.items()
    ]
    references += [
        Reference(docs[file].file, target, value, docs[file].spans.get(path))
        for file, path, value, target in refs.seen
    ]
    findings.extend(_empty(docs[name], refs.folded[name]) for name in sorted(empty))
    if findings or stadt is None:
        raise DataError(findings)
    return Site(
        stadt=stadt,
        erklaerung=erklaerung,
        einheiten=einheiten,
        personen=personen,
        standorte=standorte,
        leistungen=leistungen,
        termine=termine,
        gremien=gremien,
        videos=collections["videos.yml"],
        woerterbuch=collections["woerterbuch.yml"],
        weiterleitungen=redirects,
        sources=sources,
        references=tuple(references),
        warnings=tuple(warnings),
        fingerprint=fingerprint,
    )


_ADAPTERS: dict[type[BaseModel], TypeAdapter[Any]] = {}


def _validate_records(
    doc: Document, model: type[BaseModel]
) -> tuple[list[tuple[int, Any]], set[str], list[Finding]]:
    """Validate each record on its own, so one bad record hides no other problem.

    Also returns every id written in the file, valid record or not, so references to
    a record with an unrelated mistake are not reported as unknown.
    """
    if doc.data is None:
        return [], set(), []
    if not isinstance(doc.data, list):
        mark = doc.mark_for(())
        return (
            [],
            set(),
            [
                Finding(
                    doc.file,
                    mark.line,
                    mark.col,
                    "",
                    "die Datei muss eine Liste von Einträgen sein",
                    "beginnen Sie jeden Eintrag mit „- id: …“",
                )
            ],
        )
    adapter = _ADAPTERS.setdefault(model, TypeAdapter(model))
    records: list[tuple[int, Any]] = []
    ids: set[str] = set()
    findings: list[Finding] = []
    for index, raw in enumerate(doc.data):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            ids.add(raw["id"])
        try:
            records.append((index, adapter.validate_python(raw)))
        except ValidationError as exc:
            findings.extend(translate(doc, model, exc, records=True, prefix=(index,)))
    return records, ids, findings


def _index(
    doc: Document,
    file: str,
    records: list[tuple[int, Any]],
    sources: dict[tuple[str, str], Source],
    rows: dict[tuple[str, str], int],
    findings: list[Finding],
) -> dict[str, Any]:
    """Records by id; duplicate ids and slug collisions are findings."""
    by_id: dict[str, Any] = {}
    by_slug: dict[str, str] = {}
    for index, record in records:
        mark = doc.mark_for((index, "id"))
        if record.id in by_id:
            first = sources[(file, record.id)]
            findings.append(
                Finding(
                    doc.file,
                    mark.line,
                    mark.col,
                    "id",
                    f"die Kennung „{record.id}“ ist schon vergeben (Zeile {first.line})",
                    "wählen Sie eine eindeutige Kennung",
                )
            )
            continue
        slug = slugify(record.id)
        if slug in by_slug:
            findings.append(
                Finding(
                    doc.file,
                    mark.line,
                    mark.col,
                    "id",
                    f"die Kennung „{record.id}“ ergibt dieselbe Adresse „{slug}“ wie "
                    f"„{by_slug[slug]}“",
                    "Umlaute werden zu ae, oe, ue und ß zu ss – wählen Sie eine andere Kennung",
                )
            )
            continue
        by_slug[slug] = record.id
        by_id[record.id] = record
        rows[(file, record.id)] = index
        sources[(file, record.id)] = Source(doc.file, mark.line, mark.col)
    return by_id


# Bundesländer only: the holidays package also lists cities such as Augsburg.
GERMAN_LANDS = frozenset(
    code for code in holidays.list_supported_countries()["DE"] if len(code) == 2
)


def _check_holiday_region(stadt: Stadt, doc: Document) -> list[Finding]:
    if stadt.bundesland in GERMAN_LANDS:
        return []
    mark = doc.mark_for(("bundesland",))
    return [
        Finding(
            doc.file,
            mark.line,
            mark.col,
            "bundesland",
            f"„{stadt.bundesland}“ ist kein Bundesland-Kürzel",
            "erlaubt sind: " + ", ".join(sorted(GERMAN_LANDS)),
        )
    ]


def _check_main_building(stadt: Stadt, doc: Document, locations: set[str]) -> list[Finding]:
    wanted = stadt.zentrale.standort if stadt.zentrale else None
    if wanted is None or wanted in locations:
        return []
    mark = doc.mark_for(("zentrale", "standort"))
    close = difflib.get_close_matches(wanted, sorted(locations), n=1, cutoff=0.6)
    return [
        Finding(
            doc.file,
            mark.line,
            mark.col,
            "zentrale.standort",
            f"den Standort „{wanted}“ gibt es nicht",
            f"meinten Sie „{close[0]}“?"
            if close
            else "tragen Sie die Kennung eines Gebäudes aus data/standorte.yml ein",
        )
    ]


class _References:
    """Cross-record checks; ``known`` holds ids written in the files, valid or not."""

    def __init__(
        self,
        docs: dict[str, Document],
        rows: dict[tuple[str, str], int],
        known: dict[str, set[str]],
        empty: set[str],
    ) -> None:
        self.docs = docs
        self.rows = rows
        self.known = known
        self.empty = empty
        self.findings: list[Finding] = []
        self.seen: list[tuple[str, tuple[str | int, ...], str, str]] = []
        """Every reference checked: (file, path in it, value, target file)."""
        # Target file → referring file → how many references point into the empty target.
        self.folded: dict[str, Counter[str]] = {name: Counter() for name in empty}

    def add(
        self, file: str, record_id: str, path: tuple[str | int, ...], message: str, hint: str
    ) -> None:
        doc = self.docs[file]
        full = (self.rows[(file, record_id)], *path)
        mark = doc.mark_for(full)
        label = field_label(full, skip_index=True)
        self.findings.append(Finding(doc.file, mark.line, mark.col, label, message, hint))

    def expect(
        self,
        file: str,
        record_id: str,
        path: tuple[str | int, ...],
        value: str,
        target: str,
        what: str,
    ) -> None:
        self.seen.append((file, (self.rows[(file, record_id)], *path), value, target))
        if target in self.empty:
            self.folded[target][file] += 1
            return
        if target not in self.known or value in self.known[target]:
            return
        close = difflib.get_close_matches(value, sorted(self.known[target]), n=1, cutoff=0.6)
        hint = (
            f"meinten Sie „{close[0]}“?"
            if close
            else f"legen Sie {what} in data/{target} an oder prüfen Sie die Schreibweise"
        )
        self.add(file, record_id, path, f"{what} „{value}“ gibt es nicht", hint)


def _check_references(
    einheiten: dict[str, Einheit],
    personen: dict[str, Person],
    standorte: dict[str, Standort],
    refs: _References,
) -> None:
    units = "einheiten.yml"
    for uid, unit in einheiten.items():
        if unit.uebergeordnet == uid:
            refs.add(
                units,
                uid,
                ("uebergeordnet",),
                "eine Einheit kann sich nicht selbst übergeordnet sein",
                "tragen Sie die Kennung der übergeordneten Einheit ein",
            )
        elif unit.uebergeordnet is not None:
            refs.expect(units, uid, ("uebergeordnet",), unit.uebergeordnet, units, "die Einheit")
        if unit.leitung is not None:
            refs.expect(units, uid, ("leitung",), unit.leitung, "personen.yml", "die Person")
        if unit.standort is not None:
            refs.expect(units, uid, ("standort",), unit.standort, "standorte.yml", "den Standort")
        for j, other in enumerate(unit.verwandt):
            if other == uid:
                refs.add(
                    units,
                    uid,
                    ("verwandt", j),
                    "eine Einheit ist nicht mit sich selbst verwandt",
                    "entfernen Sie diesen Eintrag",
                )
            else:
                refs.expect(units, uid, ("verwandt", j), other, units, "die Einheit")
    _check_cycles(einheiten, refs)

    for pid, person in personen.items():
        refs.expect("personen.yml", pid, ("einheit",), person.einheit, units, "die Einheit")
        unit_of_person = einheiten.get(person.einheit)
        if person.bereich is not None and unit_of_person is not None:
            names = [b.name for b in unit_of_person.bereiche]
            if person.bereich not in names:
                close = difflib.get_close_matches(person.bereich, names, n=1, cutoff=0.6)
                hint = (
                    f"meinten Sie „{close[0]}“?"
                    if close
                    else (
                        "die Einheit hat diese Bereiche: " + ", ".join(names)
                        if names
                        else "die Einheit hat keine Bereiche – löschen Sie das Feld oder "
                        "ergänzen Sie bereiche: bei der Einheit"
                    )
                )
                refs.add(
                    "personen.yml",
                    pid,
                    ("bereich",),
                    f"den Bereich „{person.bereich}“ gibt es in „{person.einheit}“ nicht",
                    hint,
                )
        for j, code in enumerate(person.sprachen):
            if code not in _GERMAN.languages and code not in SIGN_LANGUAGES:
                refs.add(
                    "personen.yml",
                    pid,
                    ("sprachen", j),
                    f"„{code}“ ist kein bekanntes Sprachkürzel",
                    "verwenden Sie Kürzel nach ISO 639, z. B. de, en, tr, ar, uk; "
                    "gsg für Deutsche Gebärdensprache",
                )


def _check_cycles(einheiten: dict[str, Einheit], refs: _References) -> None:
    reported: set[str] = set()
    for start in einheiten:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in einheiten and current not in chain:
            chain.append(current)
            current = einheiten[current].uebergeordnet
        # A unit that names itself is already reported as such, not as a cycle.
        if current != start or start in reported or einheiten[start].uebergeordnet == start:
            continue
        reported.update(chain)
        refs.add(
            "einheiten.yml",
            start,
            ("uebergeordnet",),
            "die Zuordnung bildet einen Kreis: " + " → ".join([*chain, start]),
            "eine Einheit darf nicht über Umwege sich selbst übergeordnet sein",
        )


_REDIRECT_FILES = {
    Ziel.EINHEIT: ("einheiten.yml", "die Einheit"),
    Ziel.TERMIN: ("termine.yml", "den Termin"),
    Ziel.GREMIUM: ("gremien.yml", "das Gremium"),
}


def _check_redirects(
    redirects: dict[str, Weiterleitung],
    records: dict[str, dict[str, Any]],
    refs: _References,
) -> None:
    """The new record exists; the old id is really gone (else its page would be replaced)."""
    file = "weiterleitungen.yml"
    for old, redirect in redirects.items():
        target, what = _REDIRECT_FILES[redirect.art]
        refs.expect(file, old, ("nach",), redirect.nach, target, what)
        if old in records[target]:
            refs.add(
                file,
                old,
                ("id",),
                f"„{old}“ gibt es in {target} noch – weitergeleitet wird nur eine alte Kennung",
                f"löschen Sie die Weiterleitung oder benennen Sie den Eintrag in {target} um",
            )


def _check_services(leistungen: dict[str, Leistung], refs: _References) -> None:
    """The responsible unit exists; every keyword names one service only."""
    services = "leistungen.yml"
    seen: dict[str, str] = {}  # sort key of a name or synonym → id of its service
    for sid, service in leistungen.items():
        refs.expect(services, sid, ("einheit",), service.einheit, "einheiten.yml", "die Einheit")
        words: list[tuple[tuple[str | int, ...], str]] = [(("name",), service.name)]
        words += [(("synonyme", j), word) for j, word in enumerate(service.synonyme)]
        for path, word in words:
            owner = seen.setdefault(sort_key(word), sid)
            if owner == sid and path == ("name",):
                continue
            if owner == sid and sort_key(word) != sort_key(service.name):
                continue
            where = "hier schon als Name" if owner == sid else f"schon bei „{owner}“"
            refs.add(
                services,
                sid,
                path,
                f"das Stichwort „{word}“ steht {where}",
                "jedes Stichwort darf im Index von A bis Z nur einmal vorkommen – "
                "löschen Sie es an einer Stelle",
            )


def _check_events_and_bodies(
    termine: dict[str, Termin], gremien: dict[str, Gremium], refs: _References
) -> None:
    """Events and council bodies point at units and locations that exist."""
    units, places = "einheiten.yml", "standorte.yml"
    for tid, event in termine.items():
        refs.expect("termine.yml", tid, ("einheit",), event.einheit, units, "die Einheit")
        if event.standort is not None:
            refs.expect("termine.yml", tid, ("standort",), event.standort, places, "den Standort")
    for gid, body in gremien.items():
        for key in ("geschaeftsstelle", "einheit"):
            value = getattr(body, key)
            if value is not None:
                refs.expect("gremien.yml", gid, (key,), value, units, "die Einheit")
        for i, meeting in enumerate(body.sitzungen):
            if meeting.standort is not None:
                path = ("sitzungen", i, "standort")
                refs.expect("gremien.yml", gid, path, meeting.standort, places, "den Standort")
        for i, paper in enumerate(body.vorlagen):
            if paper.federfuehrend is not None:
                path = ("vorlagen", i, "federfuehrend")
                refs.expect("gremien.yml", gid, path, paper.federfuehrend, units, "die Einheit")
