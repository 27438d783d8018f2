"""Turn pydantic's validation errors into German findings at the editor's line."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .fieldtypes import shown
from .findings import Finding
from .yamlread import Document

Loc = tuple[str | int, ...]

# Field-specific hints for pattern errors, keyed by the last field name.
_PATTERN_HINTS = {
    "id": "nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. sozialamt oder amt-50",
    "plz": 'fünf Ziffern, am besten in Anführungszeichen, z. B. plz: "01067"',
    "bundesland": "zwei Großbuchstaben, z. B. NW für Nordrhein-Westfalen",
    "sprachen": "Sprachkürzel nach ISO 639 in Kleinbuchstaben, z. B. de, en, tr",
}
_REFERENCE_FIELDS = {"uebergeordnet", "leitung", "standort", "verwandt", "einheit"}


def _unwrap(annotation: Any, step: str | int) -> Any:
    """The annotation reached from ``annotation`` by one step of a pydantic ``loc``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            candidates = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = candidates[0]
        else:
            break
    if isinstance(step, int):
        args = typing.get_args(annotation)
        return args[0] if args else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(step)
        return field.annotation if field else None
    return None


def _model_at(root: Any, loc: Loc) -> type[BaseModel] | None:
    annotation = root
    for step in loc:
        annotation = _unwrap(annotation, step)
        if annotation is None:
            return None
    # Strip wrappers once more to reach the model itself.
    while typing.get_origin(annotation) in (typing.Annotated, typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = args[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def field_label(loc: Loc, *, skip_index: bool) -> str:
    """``(2, 'oeffnungszeiten', 'ausnahmen', 0, 'grund')`` → ``oeffnungszeiten.ausnahmen[1].grund``.

    Positions in lists are shown 1-based, as editors count.
    """
    parts: list[str] = []
    steps = loc[1:] if skip_index and loc and isinstance(loc[0], int) else loc
    for step in steps:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")
        else:
            parts.append(("." if parts else "") + step)
    return "".join(parts)


def _value_text(value: Any) -> str:
    if isinstance(value, dict):
        return "eine Gruppe von Feldern"
    if isinstance(value, list):
        return "eine Liste"
    return f"„{shown(value)}“"


def _flow_hint(doc: Document, loc: Loc) -> str | None:
    """Braces or brackets that start a value make YAML read a group or a list."""
    mark = doc.mark_for(loc)
    line = doc.lines[mark.line - 1] if 0 < mark.line <= len(doc.lines) else ""
    first = line[mark.col - 1 : mark.col]
    if first in {"{", "["}:
        return (
            f"ein Wert, der mit „{first}“ beginnt, wird als "
            + ("Gruppe von Feldern" if first == "{" else "Liste")
            + " gelesen – gehören die Klammern zum Text, setzen Sie den ganzen Wert in "
            'Anführungszeichen: "' + line[mark.col - 1 :].strip() + '"'
        )
    return None


def translate(
    doc: Document, root: Any, exc: ValidationError, *, records: bool, prefix: Loc = ()
) -> list[Finding]:
    """One German finding per pydantic error, positioned in ``doc``.

    ``prefix`` is where the validated value sits in the document (e.g. a record index).
    """
    findings: list[Finding] = []
    for error in exc.errors(include_url=False):
        inner: Loc = tuple(error["loc"])
        loc: Loc = (*prefix, *inner)
        kind = error["type"]
        value = error.get("input")
        name = next((s for s in reversed(loc) if isinstance(s, str)), "")
        label = field_label(loc, skip_index=records)
        prefer_key = False
        if kind == "missing":
            message, hint = "Pflichtfeld fehlt", f"ergänzen Sie {name}: …"
            mark = doc.mark_for(loc[:-1])
        elif kind == "extra_forbidden":
            prefer_key = True
            model = _model_at(root, inner[:-1])
            allowed = sorted(model.model_fields) if model else []
            close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
            message = "unbekanntes Feld"
            hint = (
                f"meinten Sie „{close[0]}“?"
                if close
                else "erlaubt sind hier: " + ", ".join(allowed)
            )
            mark = doc.mark_for(loc, prefer_key=True)
        elif value is None and "input" in error:
            # `feld:` with nothing after it; pydantic would talk about "None".
            message = "das Feld ist leer"
            hint = "tragen Sie einen Wert ein oder löschen Sie die Zeile"
            mark = doc.mark_for(loc, prefer_key=True)
        elif kind == "rathaus_char":
            ctx = error.get("ctx", {})
            mark = doc.char_mark(loc, str(ctx["char"]), int(ctx["nth"]))
            text, _, hint = str(error["msg"]).partition(" – ")
            message = f"{text} in Spalte {mark.col}"
        else:
            message, hint = _describe(kind, name, value, error)
            mark = doc.mark_for(loc, prefer_key=prefer_key)
            if isinstance(value, dict | list) and (flow := _flow_hint(doc, loc)):
                hint = flow
        if isinstance(value, str) and len(value) > 60:
            # A long paste is named by its start, not echoed in full.
            message = message.replace(value.strip(), shown(value.strip()))
        findings.append(Finding(doc.file, mark.line, mark.col, label, message, hint))
    return findings


def _describe(kind: str, name: str, value: Any, error: Any) -> tuple[str, str]:
    if kind.startswith("rathaus_"):
        message = str(error["msg"])
        text, _, hint = message.partition(" – ")
        return text, hint
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(name, "prüfen Sie die Schreibweise")
        if name in _REFERENCE_FIELDS:
            hint = _PATTERN_HINTS["id"]
        return f"{_value_text(value)} hat nicht die erwartete Form", hint
    if kind in {
        "date_from_datetime_parsing",
        "date_parsing",
        "date_type",
        "date_from_datetime_inexact",
    }:
        return (
            f"{_value_text(value)} ist kein gültiges Datum",
            "schreiben Sie Jahr-Monat-Tag, z. B. 2026-12-24, und prüfen Sie, ob es den Tag gibt",
        )
    if kind == "enum":
        # pydantic lists the choices as "'a', 'b' or 'c'"; editors get "a, b, c".
        expected = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        return f"{_value_text(value)} ist hier nicht erlaubt", "erlaubt sind: " + ", ".join(
            expected
        )
    if kind in {"list_type", "tuple_type"}:
        return (
            f"hier wird eine Liste erwartet, gefunden wurde {_value_text(value)}",
            "schreiben Sie jeden Eintrag in eine eigene Zeile, beginnend mit „- “",
        )
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return (
            f"hier wird eine Gruppe von Feldern erwartet, gefunden wurde {_value_text(value)}",
            "rücken Sie die Felder darunter mit Leerzeichen ein",
        )
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"{_value_text(value)} ist keine ganze Zahl", "schreiben Sie nur Ziffern"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        ctx = error.get("ctx", {})
        bound = ", ".join(str(v) for v in ctx.values())
        return f"{_value_text(value)} liegt außerhalb des erlaubten Bereichs", f"Grenze: {bound}"
    if kind in {"string_too_short", "too_short"}:
        least = error.get("ctx", {}).get("min_length", 1)
        return "der Wert ist zu kurz", f"schreiben Sie mindestens {least} Zeichen"
    if kind in {"string_too_long", "too_long"}:
        most = error.get("ctx", {}).get("max_length")
        return "der Wert ist zu lang", f"kürzen Sie den Wert auf höchstens {most} Zeichen"
    if kind == "string_type":
        return (
            f"hier wird ein Text erwartet, gefunden wurde {_value_text(value)}",
            "schreiben Sie einen einfachen Text",
        )
    return f"ungültiger Wert {_value_text(value)}", "prüfen Sie den Wert"
