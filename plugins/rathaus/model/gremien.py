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
    Datei,
    JaNein,
    Kurztext,
    Langtext,
    Name,
    Text,
    Titel,
    shown,
    too_long,
    web_address,
)
from .termine import END_SCHEMA, Ende, TagOderZeitpunkt, check_order, day_start, parse_end

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
    stimmberechtigt: JaNein | None = Field(
        None, description="ja, wenn die Mitglieder dieser Funktion abstimmen dürfen"
    )


class Beratung(Record):
    """Eine Beratung einer Vorlage in einer Sitzung (Beratungsfolge)."""

    datum: date = Field(description="Tag der Beratung im Format Jahr-Monat-Tag")
    gremium: Titel = Field(
        description="Name des beratenden Gremiums", examples=["Ausschuss für Stadtentwicklung"]
    )
    rolle: Name | None = Field(None, description="z. B. Vorberatung, Entscheidung")
    oeffentlich: JaNein | None = Field(
        None, description="ja, wenn die Vorlage öffentlich beraten wird"
    )
    ergebnis: Kurztext | None = Field(None, description="z. B. einstimmig beschlossen")


class VorlagenArt(Choice):
    VORLAGE = "vorlage", "Vorlage"
    ANTRAG = "antrag", "Antrag"
    ANFRAGE = "anfrage", "Anfrage"
    MITTEILUNG = "mitteilung", "Mitteilung"
    SONSTIGE = "sonstige", "Drucksache"


class Anlage(Record):
    """Eine Anlage zur Vorlage, als Datei mit der Website veröffentlicht."""

    titel: Titel = Field(description="was die Anlage ist", examples=["Lageplan"])
    datei: Datei = Field(
        description="Pfad der Datei ab dem Ordner content/, z. B. medien/vorlagen/lageplan.pdf; "
        "die Seite zeigt Dateiart und Größe"
    )


class Vorlage(Record):
    """Eine Drucksache: Vorlage, Antrag, Anfrage oder Mitteilung."""

    oparl_id: OParlId | None = Field(
        None, examples=["https://ris.beispielstadt.example/oparl/v1/body/1/paper/1"]
    )
    nummer: Name | None = Field(None, description="Drucksachennummer, z. B. V/2026/123")
    # Titles of council papers are often whole sentences; the import keeps them.
    titel: Kurztext = Field(
        description="Titel, so wie er auf der Website stehen soll",
        examples=["Neuer Spielplatz am Stadtpark"],
    )
    art: VorlagenArt = Field(
        VorlagenArt.VORLAGE,
        description="welche Art von Vorlage es ist; erlaubt sind die genannten Werte",
    )
    datum: date = Field(description="Datum der Vorlage")
    federfuehrend: Id | None = Field(
        None,
        description="Kennung der federführenden Einheit aus einheiten.yml",
        examples=["stadtplanung"],
    )
    federfuehrend_name: Titel | None = Field(
        None,
        description="federführende Stelle, wie sie im Ratsinformationssystem heißt",
        examples=["Amt für Stadtplanung"],
    )
    url: Webadresse | None = Field(
        None,
        description="Seite der Vorlage im Ratsinformationssystem",
        examples=["https://ris.beispielstadt.example/vorlagen/2027-001"],
    )
    dokument: Webadresse | None = Field(
        None,
        description="Adresse des Originaldokuments",
        examples=["https://ris.beispielstadt.example/vorlagen/2027-001.pdf"],
    )
    beratungen: tuple[Beratung, ...] = Field(
        (), description="wann und in welchem Gremium die Vorlage beraten wird"
    )
    zusammenfassung: Text | None = Field(
        None,
        description="kurze Zusammenfassung, selbst verfasst",
        examples=["Die Verwaltung schlägt einen neuen Spielplatz am Stadtpark vor."],
    )
    sachverhalt: Langtext | None = Field(
        None,
        description="Darstellung des Vorgangs (Sachverhalt), selbst verfasst oder übernommen; "
        "Markdown geht: *betont*, [Link](seite.md), Listen mit „- “",
        examples=["Der Spielplatz am Stadtpark ist 30 Jahre alt."],
    )
    anlagen: tuple[Anlage, ...] = Field(
        (), description="Anlagen als Dateien in content/, z. B. Pläne oder Stellungnahmen"
    )


class Sitzung(Record):
    """Eine Sitzung des Gremiums."""

    oparl_id: OParlId | None = Field(
        None, examples=["https://ris.beispielstadt.example/oparl/v1/body/1/meeting/1"]
    )
    name: Titel = Field(description="z. B. 12. Sitzung des Integrationsrats")
    beginn: TagOderZeitpunkt
    ende: Ende | None = Field(None, description=END_SCHEMA["description"], examples=["20:00"])
    ort: Titel | None = Field(
        None,
        description="Ort, wie ihn das Ratsinformationssystem nennt",
        examples=["Ratssaal im Rathaus"],
    )
    standort: Id | None = Field(
        None, description="Kennung eines Gebäudes aus standorte.yml", examples=["rathaus"]
    )
    oeffentlich: JaNein | None = Field(None, description="ja, wenn die Sitzung öffentlich ist")
    abgesagt: JaNein = Field(False, description="ja, wenn die Sitzung abgesagt ist")
    url: Webadresse | None = Field(
        None,
        description="Seite der Sitzung im Ratsinformationssystem",
        examples=["https://ris.beispielstadt.example/sitzungen/1"],
    )
    hinweis: Kurztext | None = Field(None, description="eigener Hinweis, z. B. zu Dolmetschung")

    @field_validator("ende", mode="plain")
    @classmethod
    def _end(cls, value: Any, info: ValidationInfo) -> datetime | None:
        if value is None:
            return None
        start = info.data.get("beginn")
        if isinstance(start, date) and not isinstance(start, datetime):
            raise PydanticCustomError(
                "rathaus_end_without_start_time",
                "ein Ende ohne Uhrzeit des Beginns – tragen Sie bei beginn: erst die Uhrzeit ein "
                "(z. B. {day} 17:00) oder lassen Sie ende: weg, solange die Uhrzeit folgt",
                {"day": start.isoformat()},
            )
        return check_order(start, parse_end(value, start), value)

    @property
    def uhrzeit_folgt(self) -> bool:
        """Only the day is known yet: pages say „Uhrzeit folgt“."""
        return not isinstance(self.beginn, datetime)

    @property
    def zeitpunkt(self) -> datetime:
        """The start to sort and compare by (midnight while the time follows)."""
        return day_start(self.beginn)


class Gremium(Record):
    """Ein Gremium des Rats, z. B. der Integrationsrat."""

    id: Id
    name: Titel = Field(
        description="vollständiger Name, so wie er auf der Website stehen soll",
        examples=["Rat der Stadt"],
    )
    oparl_id: OParlId | None = Field(
        None, examples=["https://ris.beispielstadt.example/oparl/v1/body/1/organization/1"]
    )
    kurzname: Name | None = Field(
        None, description="kurze Form des Namens, z. B. für Listen", examples=["Rat"]
    )
    art: Name | None = Field(None, description="z. B. Beirat, Ausschuss")
    aufgabe: Text | None = Field(
        None,
        description="Rolle und Aufgaben in einigen Sätzen",
        examples=["Der Rat entscheidet über alle wichtigen Angelegenheiten der Stadt."],
    )
    geschaeftsstelle: Id | None = Field(
        None,
        description="Kennung der Einheit, die die Geschäfte des Gremiums führt",
        examples=["ratsbuero"],
    )
    einheit: Id | None = Field(
        None,
        description="Kennung der Seite des Gremiums in einheiten.yml, falls es eine gibt",
        examples=["integrationsrat"],
    )
    url: Webadresse | None = Field(
        None,
        description="Seite im Ratsinformationssystem",
        examples=["https://ris.beispielstadt.example/gremien/rat"],
    )
    mitglieder: tuple[Mitglieder, ...] = Field(
        (), description="Funktionen im Gremium und wie viele Mitglieder sie haben – nie Namen"
    )
    sitzungen: tuple[Sitzung, ...] = Field((), description="Sitzungen des Gremiums")
    vorlagen: tuple[Vorlage, ...] = Field(
        (), description="Vorlagen (z. B. Beschlussvorlagen, Anträge), die das Gremium berät"
    )
