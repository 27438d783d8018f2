"""Services (Leistungen) residents look for, for the index from A to Z (data/leistungen.yml)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from .entities import Id, Record
from .fieldtypes import SHORT_VALUE_MAX, JaNein, Kurztext, Name, Text, shown

_LEIKA = re.compile(r"^\d{14}$")


def _leika(value: Any) -> str:
    """A key of the Leistungskatalog (LeiKa): exactly 14 digits, kept as text."""
    text = str(value).strip() if isinstance(value, str | int) else ""
    compact = text.replace(" ", "")
    if len(compact) <= SHORT_VALUE_MAX and _LEIKA.match(compact):
        return compact
    raise PydanticCustomError(
        "rathaus_leika",
        "„{value}“ ist kein LeiKa-Schlüssel – ein Schlüssel aus dem Leistungskatalog hat "
        "genau 14 Ziffern, z. B. 99000000000000; lassen Sie das Feld weg, wenn Sie ihn nicht "
        "kennen",
        {"value": shown(value)},
    )


Leika = Annotated[
    str,
    PlainValidator(_leika),
    WithJsonSchema({"type": "string", "pattern": r"^\d{14}$", "maxLength": SHORT_VALUE_MAX}),
]


class Leistung(Record):
    """Eine Dienstleistung der Verwaltung, z. B. Wohngeld oder Reisepass."""

    id: Id
    name: Name = Field(
        description="Name der Leistung, wie Bürgerinnen und Bürger sie suchen",
        examples=["Personalausweis beantragen"],
    )
    synonyme: tuple[Name, ...] = Field(
        (), description="andere Wörter für dieselbe Leistung, z. B. Pass für Reisepass"
    )
    einheit: Id = Field(
        description="Kennung der zuständigen Einheit aus einheiten.yml", examples=["buergerbuero"]
    )
    leika: Leika | None = Field(
        None,
        description="Schlüssel aus dem Leistungskatalog (LeiKa), 14 Ziffern",
        examples=["99102013000000"],
    )
    beschreibung: Kurztext = Field(
        description="ein bis zwei Sätze: worum es geht",
        examples=["Den Personalausweis beantragen Sie persönlich im Bürgerbüro."],
    )
    leichte_sprache: Text | None = Field(
        None,
        description="dieselbe Beschreibung in Leichter Sprache",
        examples=["Sie brauchen einen Ausweis? Dann kommen Sie ins Bürgerbüro."],
    )
    haeufig: JaNein = Field(
        False,
        description="ja: steht unter „Häufig gesucht“ (Baustein rathaus/haeufig, z. B. auf der "
        "Startseite)",
    )
