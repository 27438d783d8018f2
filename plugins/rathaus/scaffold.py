"""``rathaus new``: start a record with every required field, explained in German comments.

The record is *appended as text* to its data file, so the editor's comments and layout stay
exactly as they were. The id comes from the German name (``Jörg Weiß`` → ``joerg-weiss``);
an id that exists already – or would give the same address – is refused. Fields the editor
must fill in are left empty with a comment, so ``rathaus check`` points at each of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomic
from .model.site import RECORD_FILES
from .model.slugs import slugify
from .model.yamlread import parse_yaml


@dataclass(frozen=True)
class Kind:
    file: str
    what: str
    template: str
    """Record text; ``{id}`` and ``{name}`` are filled in, ``{{``/``}}`` are braces."""


KINDS: dict[str, Kind] = {
    "einheit": Kind(
        "einheiten.yml",
        "Einheit",
        """- id: {id}
  name: {name}
  # Pflicht: amt, fachbereich, abteilung, stabsstelle, beirat, gremium, beratungsstelle
  # oder dezernat
  art: amt
  # Kurze Einführung in einigen Sätzen (erscheint oben auf der Seite der Einheit):
  einleitung:
  # Aufgaben als Liste, je Zeile eine:
  # aufgaben:
  #   - Beratung zu …
  # Kennung der Person, die die Einheit leitet (aus personen.yml):
  # leitung: vorname-nachname
  kontakt:
    # Telefon mit Vorwahl, z. B. 02398 678-100
    telefon:
    email:
  # Kennung des Gebäudes aus standorte.yml:
  # standort: rathaus
  # raum: Erdgeschoss, Zimmer 12
  # oeffnungszeiten:
  #   woche:
  #     montag: 8:00-12:00
  #     donnerstag: [8:00-12:00, 14:00-18:00]
  #   nach_vereinbarung: ja
  # Stichwörter für den Index von A bis Z:
  # themen:
  #   - Stichwort
""",
    ),
    "person": Kind(
        "personen.yml",
        "Person",
        """- id: {id}
  name: {name}
  # Pflicht: Aufgabe der Person, z. B. Sachbearbeitung Wohngeld
  funktion:
  # Pflicht: Kennung der Einheit aus einheiten.yml, z. B. buergerbuero
  einheit:
  # Nur dienstliche Angaben. Telefon mit Vorwahl, z. B. 02398 678-101
  telefon:
  email:
  # raum: Zimmer 12
  # Sprachen als Kürzel, z. B. [de, en, tr]; gsg = Deutsche Gebärdensprache
  # sprachen: [de]
""",
    ),
    "standort": Kind(
        "standorte.yml",
        "Standort",
        """- id: {id}
  name: {name}
  adresse:
    # Pflicht: Straße und Hausnummer
    strasse:
    # Pflicht: fünf Ziffern in Anführungszeichen, z. B. "12345"
    plz:
    # Pflicht: Ort
    ort:
  # Anfahrt mit Bus und Bahn:
  # oepnv: Bus 5 bis Haltestelle Marktplatz
  # Barrierefreiheit: ja oder nein; fehlt eine Angabe, steht „keine Angabe“ auf der Seite
  barrierefreiheit:
    stufenlos:
    aufzug:
    rollstuhlgerechtes_wc:
    # behindertenparkplatz: ja
    # induktionsschleife: nein
""",
    ),
    "termin": Kind(
        "termine.yml",
        "Termin",
        """- id: {id}
  titel: {name}
  # Pflicht: Datum und Uhrzeit wie auf dem Plakat, z. B. 2027-05-20 18:00
  beginn:
  # Pflicht: Uhrzeit (am selben Tag), z. B. 20:00 – oder Datum und Uhrzeit
  ende:
  # Wo: entweder die Kennung eines Gebäudes aus standorte.yml …
  standort:
  # … oder ein anderer Ort (dann standort: löschen):
  # ort:
  #   name: Marktplatz
  #   adresse:
  #     strasse: Marktplatz 1
  #     plz: "12345"
  #     ort: Beispielstadt
  #   barrierefreiheit:
  #     stufenlos: ja
  # Pflicht: Kennung der Einheit, die einlädt (aus einheiten.yml)
  einheit:
  # Pflicht: worum es geht, in einigen Sätzen
  beschreibung:
  # kostenlos: ja
  # anmeldung:
  #   erforderlich: ja
  #   email: name@beispielstadt.example
""",
    ),
}


class ScaffoldError(Exception):
    """The record cannot be added; the message is German and meant for the editor."""


def _existing_ids(path: Path, display: str) -> set[str]:
    if not path.is_file():
        return set()
    doc, problems = parse_yaml(display, path.read_bytes())
    if doc is None:
        raise ScaffoldError(
            f"{display} ist nicht lesbar ({problems[0].format() if problems else 'YAML'}) – "
            "beheben Sie das zuerst (rathaus check)"
        )
    records = doc.data if isinstance(doc.data, list) else []
    return {r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}


def new_record(root: Path, kind: str, name: str, data_dir: str = "data") -> tuple[Path, int]:
    """Append a record for ``name``; returns the file and the line where the record starts."""
    spec = KINDS[kind]
    name = " ".join(name.split())
    record_id = slugify(name)
    if len(record_id) < 2:
        raise ScaffoldError(
            f"aus „{name}“ lässt sich keine Kennung bilden – wählen Sie einen Namen"
        )
    if '"' in name or "\\" in name:
        raise ScaffoldError("der Name darf keine Anführungszeichen oder \\ enthalten")
    path = root / data_dir / spec.file
    display = f"{data_dir}/{spec.file}"
    for existing in sorted(_existing_ids(path, display)):
        if existing == record_id or slugify(existing) == record_id:
            raise ScaffoldError(
                f"in {display} gibt es schon die Kennung „{existing}“ – wählen Sie einen anderen "
                "Namen oder bearbeiten Sie den vorhandenen Eintrag"
            )
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if not text:
        stem = spec.file.removesuffix(".yml")
        text = f"# yaml-language-server: $schema=../schemas/{stem}.schema.json\n"
    if not text.endswith("\n"):
        text += "\n"
    text += "\n"
    start = text.count("\n") + 1
    # Names with YAML-special characters (": ", " #", leading quote …) are quoted.
    safe_name = name if _plain(name) else f'"{name}"'
    text += spec.template.format(id=record_id, name=safe_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"))  # the file holds the editor's records
    return path, start


def _plain(text: str) -> bool:
    return (
        ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text[0] not in "!&*[]{}|>'\"%@`#,?-"
    )


def required_fields(kind: str) -> list[str]:
    """Required top-level fields of the kind's model (the template must write each)."""
    model = RECORD_FILES[KINDS[kind].file]
    return [name for name, field in model.model_fields.items() if field.is_required()]


LS_FOLDER = "leichte-sprache"
_LS_PAGE = """---
title: {title}
description: Ein kurzer Satz in Leichter Sprache über diese Seite.
# Hat die Prüf·gruppe den Text gelesen? Dann schreiben Sie das hier hin:
# leichte_sprache:
#   geprueft:
#     datum: 2026-12-01
#     pruefgruppe: Name der Prüf·gruppe
---

# {title}

<!--
  Regeln für Leichte Sprache, die rathaus check prüft:
  jeder Satz in einer eigenen Zeile, höchstens 12 Wörter,
  keine Abkürzungen, keine Klammern, lange Wörter mit Medio·punkt teilen.
-->
Hier steht der erste Satz.
"""


def new_ls_page(root: Path, target: str, content_dir: str = "content") -> Path:
    """Start the Leichte Sprache counterpart of a page: ``kontakt.md`` or a title."""
    target = " ".join(target.split())
    if target.endswith(".md"):
        relative = target.removeprefix("./")
        if relative.startswith(("/", f"{LS_FOLDER}/")) or ".." in relative:
            raise ScaffoldError(
                f"„{target}“ ist kein Pfad einer Seite in {content_dir}/ – schreiben Sie z. B. "
                "kontakt.md"
            )
        title = Path(relative).stem.replace("-", " ").capitalize()
    else:
        relative = f"{slugify(target)}.md"
        title = target
    if len(relative) < 4:
        raise ScaffoldError(f"aus „{target}“ lässt sich kein Seitenname bilden")
    path = root / content_dir / LS_FOLDER / relative
    if path.exists():
        shown = path.relative_to(root).as_posix()
        raise ScaffoldError(f"{shown} gibt es schon – bearbeiten Sie die vorhandene Seite")
    safe_title = title if _plain(title) else f'"{title}"'
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, _LS_PAGE.format(title=safe_title).encode("utf-8"))
    return path
