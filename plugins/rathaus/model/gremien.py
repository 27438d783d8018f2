"""Council bodies (data/gremien.yml): role, members as functions, meetings and papers.

Most of a body's record can come from the council information system via
``rathaus oparl import`` (see :mod:`rathaus.oparl`); every imported object keeps its
``oparl_id``. Members are functions with a count, never names of people.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import Field, PlainValidator, ValidationInfo, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from .entities import Id, Record
from .fieldtypes import (
    ADDRESS_MAX,
    Choice,
    JaNein,
    Kurztext,
    Name,
    Text,
    Titel,
    shown,
    too_long,
    web_address,
)
from .termine import END_SCHEMA, Ende, Zeitpunkt, check_order, parse_end

_WEB = re.compile(r"^https?://[^\s<>\"']+$")


def _web(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > ADDRESS_MAX:
        raise too_long(text, ADDRESS_MAX)
    if _WEB.match(text):
        return web_address(text)
    raise PydanticCustomError(
        "rathaus_web",
        "„{value}“ ist keine Internetadresse – schreiben Sie die vollständige Adresse mit https://",
        {"value": shown(value)},
    )


# Links to the council information system; older systems still serve http.
Webadresse = Annotated[
    str,
    PlainValidator(_web),
    WithJsonSchema(
        {"type": "string", "pattern": r"^https?://", "format": "uri", "maxLength": ADDRESS_MAX}
    ),
]
OParlId = Annotated[
    str,
    PlainValidator(_web),
    WithJsonSchema(
        {
            "type": "string",
            "format": "uri",
            "maxLength": ADDRESS_MAX,
            "description": "Kennung des Objekts im Ratsinformationssystem (OParl); "
            "vom Import gesetzt, nicht ändern",
        }
    ),
]


class Mitglieder(Record):
    """Eine Funktion im Gremium und wie viele Mitglieder sie haben – keine Namen."""

    funktion: Name = Field(description="z. B. Vorsitz, stellvertretender Vorsitz, Mitglied")
    anzahl: Annotated[int, Field(ge=1, le=999)] = Field(1, description="wie viele")
    stimmberechtigt: JaNein | None = None


class Beratung(Record):
    """Eine Beratung einer Vorlage in einer Sitzung (Beratungsfolge)."""

    datum: date
    gremium: Titel = Field(description="Name des beratenden Gremiums")
    rolle: Name | None = Field(None, description="z. B. Vorberatung, Entscheidung")
    oeffentlich: JaNein | None = None
    ergebnis: Kurztext | None = Field(None, description="z. B. einstimmig beschlossen")


class VorlagenArt(Choice):
    VORLAGE = "vorlage", "Vorlage"
    ANTRAG = "antrag", "Antrag"
    ANFRAGE = "anfrage", "Anfrage"
    MITTEILUNG = "mitteilung", "Mitteilung"
    SONSTIGE = "sonstige", "Drucksache"


class Vorlage(Record):
    """Eine Drucksache: Vorlage, Antrag, Anfrage oder Mitteilung."""

    oparl_id: OParlId | None = None
    nummer: Name | None = Field(None, description="Drucksachennummer, z. B. V/2026/123")
    # Titles of council papers are often whole sentences; the import keeps them.
    titel: Kurztext
    art: VorlagenArt = VorlagenArt.VORLAGE
    datum: date = Field(description="Datum der Vorlage")
    federfuehrend: Id | None = Field(
        None, description="Kennung der federführenden Einheit aus einheiten.yml"
    )
    federfuehrend_name: Titel | None = Field(
        None, description="federführende Stelle, wie sie im Ratsinformationssystem heißt"
    )
    url: Webadresse | None = Field(None, description="Seite der Vorlage im Ratsinformationssystem")
    dokument: Webadresse | None = Field(None, description="Adresse des Originaldokuments")
    beratungen: tuple[Beratung, ...] = ()
    zusammenfassung: Text | None = Field(None, description="kurze Zusammenfassung, selbst verfasst")


class Sitzung(Record):
    """Eine Sitzung des Gremiums."""

    oparl_id: OParlId | None = None
    name: Titel = Field(description="z. B. 12. Sitzung des Integrationsrats")
    beginn: Zeitpunkt
    ende: Ende | None = Field(None, description=END_SCHEMA["description"])
    ort: Titel | None = Field(None, description="Ort, wie ihn das Ratsinformationssystem nennt")
    standort: Id | None = Field(None, description="Kennung eines Gebäudes aus standorte.yml")
    oeffentlich: JaNein | None = None
    abgesagt: JaNein = False
    url: Webadresse | None = Field(None, description="Seite der Sitzung im Ratsinformationssystem")
    hinweis: Kurztext | None = Field(None, description="eigener Hinweis, z. B. zu Dolmetschung")

    @field_validator("ende", mode="plain")
    @classmethod
    def _end(cls, value: Any, info: ValidationInfo) -> datetime | None:
        if value is None:
            return None
        start = info.data.get("beginn")
        return check_order(start, parse_end(value, start), value)


class Gremium(Record):
    """Ein Gremium des Rats, z. B. der Integrationsrat."""

    id: Id
    name: Titel
    oparl_id: OParlId | None = None
    kurzname: Name | None = None
    art: Name | None = Field(None, description="z. B. Beirat, Ausschuss")
    aufgabe: Text | None = Field(None, description="Rolle und Aufgaben in einigen Sätzen")
    geschaeftsstelle: Id | None = Field(
        None, description="Kennung der Einheit, die die Geschäfte des Gremiums führt"
    )
    einheit: Id | None = Field(
        None, description="Kennung der Seite des Gremiums in einheiten.yml, falls es eine gibt"
    )
    url: Webadresse | None = Field(None, description="Seite im Ratsinformationssystem")
    mitglieder: tuple[Mitglieder, ...] = ()
    sitzungen: tuple[Sitzung, ...] = ()
    vorlagen: tuple[Vorlage, ...] = ()
