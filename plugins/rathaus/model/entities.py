"""The data model editors write in ``data/*.yml``: one definition for every plugin.

Field names are German (editors write them); docstrings and ``description`` texts are
German too, because they end up in the JSON Schemas and the editor handbook.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Annotated, Self
from urllib.parse import quote

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .fieldtypes import (
    ID_PATTERN,
    WEEKDAYS,
    Choice,
    Email,
    JaNein,
    Kurztext,
    Name,
    Telefon,
    Telefone,
    Text,
    Verweis,
    Zeitspannen,
    no_invisible,
)


def _visible(value: object) -> object:
    # Name an invisible character before the pattern rejects the id as a whole.
    return no_invisible(value, address=True) if isinstance(value, str) else value


Id = Annotated[
    str,
    BeforeValidator(_visible),
    StringConstraints(pattern=ID_PATTERN, min_length=2, max_length=80),
    Field(description="Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. buergerbuero"),
]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Art(Choice):
    AMT = "amt", "Amt"
    FACHBEREICH = "fachbereich", "Fachbereich"
    ABTEILUNG = "abteilung", "Abteilung"
    STABSSTELLE = "stabsstelle", "Stabsstelle"
    BEIRAT = "beirat", "Beirat"
    GREMIUM = "gremium", "Gremium"
    BERATUNGSSTELLE = "beratungsstelle", "Beratungsstelle"
    DEZERNAT = "dezernat", "Dezernat"
    """The office of a Beigeordnete/r (or the mayor's): its units name it in zugeordnet or
    uebergeordnet."""


class Woche(Record):
    """Regelmäßige Zeiten je Wochentag; mehrere Zeitspannen für geteilte Zeiten."""

    montag: Zeitspannen = Field((), description="Zeitspannen am Montag")
    dienstag: Zeitspannen = Field((), description="Zeitspannen am Dienstag")
    mittwoch: Zeitspannen = Field((), description="Zeitspannen am Mittwoch")
    donnerstag: Zeitspannen = Field((), description="Zeitspannen am Donnerstag")
    freitag: Zeitspannen = Field((), description="Zeitspannen am Freitag")
    samstag: Zeitspannen = Field((), description="Zeitspannen am Samstag")
    sonntag: Zeitspannen = Field((), description="Zeitspannen am Sonntag")


class Ausnahme(Record):
    """Abweichung an einem Tag (datum) oder in einem Zeitraum (von/bis).

    An diesen Tagen ist geschlossen oder es gelten andere Zeiten.
    """

    datum: date | None = Field(None, description="ein einzelner Tag, z. B. 2026-12-24")
    von: date | None = Field(None, description="erster Tag eines Zeitraums")
    bis: date | None = Field(None, description="letzter Tag eines Zeitraums")
    geschlossen: JaNein = Field(False, description="ja, wenn an diesen Tagen geschlossen ist")
    zeiten: Zeitspannen = Field((), description="abweichende Zeiten an diesen Tagen")
    grund: Kurztext = Field(
        description="Grund, den Besucherinnen und Besucher lesen, z. B. Betriebsausflug"
    )

    @model_validator(mode="after")
    def _one_shape(self) -> Self:
        if self.datum is not None and (self.von is not None or self.bis is not None):
            raise PydanticCustomError(
                "rathaus_exception_dates",
                "datum und von/bis stehen beide in der Ausnahme – "
                "geben Sie entweder datum oder von und bis an, nicht beides",
                {},
            )
        if self.datum is None and (self.von is None or self.bis is None):
            raise PydanticCustomError(
                "rathaus_exception_dates",
                "es fehlt das Datum – schreiben Sie datum: 2026-12-24 oder von: und bis:",
                {},
            )
        if self.von is not None and self.bis is not None and self.bis < self.von:
            raise PydanticCustomError(
                "rathaus_exception_reversed",
                "bis liegt vor von – tauschen Sie die beiden Daten",
                {},
            )
        if self.geschlossen == bool(self.zeiten):
            raise PydanticCustomError(
                "rathaus_exception_kind",
                "es ist nicht eindeutig, ob geschlossen ist oder andere Zeiten gelten – "
                "schreiben Sie entweder geschlossen: ja oder zeiten: …",
                {},
            )
        return self

    @property
    def first(self) -> date:
        return self.datum or self.von  # type: ignore[return-value]

    @property
    def last(self) -> date:
        return self.datum or self.bis  # type: ignore[return-value]


class Oeffnungszeiten(Record):
    """Sprech- und Öffnungszeiten. Feiertage des Bundeslands sind automatisch geschlossen."""

    woche: Woche | None = Field(None, description="regelmäßige Zeiten je Wochentag")
    nach_vereinbarung: JaNein = Field(
        False,
        description="ja: Termine nach Vereinbarung – allein oder zusätzlich zu den Wochenzeiten",
    )
    hinweis: Kurztext | None = Field(
        None, description="kurzer Hinweis, z. B. wie man einen Termin bekommt"
    )
    ausnahmen: tuple[Ausnahme, ...] = Field((), description="Schließtage und abweichende Zeiten")
    feiertage_geschlossen: JaNein = Field(
        True, description="nein, wenn auch an gesetzlichen Feiertagen geöffnet ist"
    )

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        has_week = self.woche is not None and any(getattr(self.woche, day) for day in WEEKDAYS)
        if not has_week and not self.nach_vereinbarung:
            raise PydanticCustomError(
                "rathaus_hours_empty",
                "es sind weder Wochenzeiten noch nach_vereinbarung: ja angegeben – "
                "tragen Sie mindestens eines davon ein",
                {},
            )
        spans = sorted((a.first, a.last, i) for i, a in enumerate(self.ausnahmen))
        for (_, end, _), (start, _, j) in itertools.pairwise(spans):
            if start <= end:
                raise PydanticCustomError(
                    "rathaus_exception_overlap",
                    "die Ausnahme Nr. {n} überschneidet sich mit einer anderen – "
                    "jeder Tag darf nur in einer Ausnahme vorkommen",
                    {"n": j + 1},
                )
        return self

    @property
    def only_by_appointment(self) -> bool:
        return self.nach_vereinbarung and (
            self.woche is None or not any(getattr(self.woche, day) for day in WEEKDAYS)
        )


class Kontakt(Record):
    telefon: Telefone = Field((), description="eine oder mehrere Telefonnummern")
    fax: Telefon | None = Field(None, description="Faxnummer mit Vorwahl")
    email: Email | None = Field(None, description="dienstliche E-Mail-Adresse")
    kontaktformular: Verweis | None = Field(
        None, description="Seite (z. B. kontakt.md) oder https-Adresse eines Kontaktformulars"
    )


class Bereich(Record):
    """Ein Teilbereich einer Einheit, z. B. Gleichstellung oder Sozialplanung."""

    name: Name = Field(
        description="Name des Bereichs, so wie er auf der Website stehen soll",
        examples=["Gleichstellung"],
    )
    beschreibung: Kurztext | None = Field(
        None,
        description="Beschreibung in einigen Sätzen",
        examples=["Beratung zu Gleichstellung und Vereinbarkeit von Familie und Beruf."],
    )


class Einheit(Record):
    """Eine Organisationseinheit: Amt, Stabsstelle, Beirat, Beratungsstelle …"""

    id: Id
    name: Name = Field(description="vollständiger Name, z. B. Sozialamt")
    art: Art = Field(description="welche Art von Einheit es ist; erlaubt sind die genannten Werte")
    nummer: Name | None = Field(None, description="Amtsnummer, z. B. Amt 50")
    uebergeordnet: Id | None = Field(
        None, description="Kennung der übergeordneten Einheit", examples=["fachbereich-soziales"]
    )
    zugeordnet: Name | None = Field(
        None, description="wem die Einheit zugeordnet ist, z. B. Dezernat II – Soziales"
    )
    einleitung: Text | None = Field(
        None,
        description="kurze Einführung in einigen Sätzen; Markdown geht: *betont*, "
        "[Link](kontakt.md) oder [Link](https://…), Listen mit „- “, Absätze mit Leerzeile",
        examples=["Das Bürgerbüro ist die erste Anlaufstelle im Rathaus."],
    )
    leichte_sprache: Text | None = Field(
        None,
        description="Einführung in Leichter Sprache für die Seite in Leichter Sprache: "
        "kurze Sätze, jeder Satz in einer eigenen Zeile (schreiben Sie leichte_sprache: |)",
        examples=["Im Bürgerbüro bekommen Sie einen Ausweis."],
    )
    aufgaben: tuple[Kurztext, ...] = Field(
        (),
        description="Aufgaben als Liste, je Zeile eine",
        examples=[["Personalausweis und Reisepass", "Meldebescheinigungen"]],
    )
    ziele: tuple[Kurztext, ...] = Field(
        (),
        description="Ziele als Liste, je Zeile eines",
        examples=[["Die meisten Anliegen erledigen wir bei einem Besuch."]],
    )
    bereiche: tuple[Bereich, ...] = Field(
        (), description="Teilbereiche einer Einheit mit Name und Beschreibung"
    )
    leitung: Id | None = Field(
        None, description="Kennung der Person, die die Einheit leitet", examples=["marco-rossi"]
    )
    kontakt: Kontakt | None = Field(None, description="Telefon, Fax, E-Mail und Kontaktformular")
    standort: Id | None = Field(None, description="Kennung des Standorts", examples=["rathaus"])
    raum: Name | None = Field(
        None,
        description="Raum oder Stockwerk, z. B. Erdgeschoss, Zimmer 12",
        examples=["Erdgeschoss, Zimmer 12"],
    )
    oeffnungszeiten: Oeffnungszeiten | None = None
    verwandt: tuple[Id, ...] = Field((), description="Kennungen verwandter Einheiten")
    themen: tuple[Name, ...] = Field(
        (),
        description="Stichwörter für den Index von A bis Z",
        examples=[["Personalausweis", "Reisepass"]],
    )
    alias: tuple[Name, ...] = Field(
        (),
        description=(
            "andere Namen, unter denen man die Einheit kennt (ein früherer Name, eine "
            "Abkürzung); sie stehen im Index von A bis Z und verweisen auf diese Einheit"
        ),
        examples=[["Abteilung Integration"]],
    )


class Person(Record):
    """Eine Ansprechperson. Nur dienstliche Angaben."""

    id: Id
    name: Name = Field(
        description="vollständiger Name, so wie er auf der Website stehen soll",
        examples=["Erika Muster"],
    )
    funktion: Name = Field(description="z. B. Leitung der Stabsstelle")
    leichte_sprache: Kurztext | None = Field(
        None,
        description="was die Person für Sie macht, in Leichter Sprache: ein kurzer Satz; ohne "
        "ihn steht auf den Seiten in Leichter Sprache keine Aufgabe",
        examples=["Hilft bei Ausweis und Pass."],
    )
    einheit: Id = Field(
        description="Kennung der Einheit, in der die Person arbeitet", examples=["buergerbuero"]
    )
    bereich: Name | None = Field(
        None, description="Name eines Bereichs der Einheit", examples=["Gleichstellung"]
    )
    telefon: Telefone = Field((), description="Telefonnummer mit Vorwahl; mehrere als Liste")
    fax: Telefon | None = Field(None, description="Faxnummer mit Vorwahl")
    email: Email | None = Field(None, description="dienstliche E-Mail-Adresse")
    raum: Name | None = Field(
        None,
        description="Raum oder Stockwerk, z. B. Erdgeschoss, Zimmer 12",
        examples=["Erdgeschoss, Zimmer 12"],
    )
    sprachen: tuple[Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")], ...] = Field(
        (), description="Sprachen als Kürzel nach ISO 639, z. B. de, en, tr, ar"
    )
    sprechzeiten: Oeffnungszeiten | None = Field(
        None,
        description=(
            "eigene Sprechzeiten der Person, wenn sie von denen der Einheit abweichen "
            "(gleiche Felder wie oeffnungszeiten einer Einheit)"
        ),
    )


class Adresse(Record):
    strasse: Name = Field(description="Straße und Hausnummer", examples=["Marktplatz 1"])
    plz: Annotated[str, StringConstraints(pattern=r"^\d{5}$")] | None = Field(
        None,
        description="Postleitzahl, fünf Ziffern (führende Null bleibt erhalten); weglassen nur, "
        "wenn die Anschrift ohne sie eindeutig ist, z. B. ein Ortsteil mit eigenem Namen",
        examples=["12345"],
    )
    ort: Name = Field(description="Ort oder Ortsteil", examples=["Beispielstadt"])

    @property
    def ortszeile(self) -> str:
        """The line under the street: „12345 Beispielstadt“, or the place alone."""
        return f"{self.plz} {self.ort}" if self.plz else self.ort

    @property
    def route_url(self) -> str:
        """OpenStreetMap's search for this address: a plain link, nothing loads before a click."""
        # errors="replace": a lone surrogate (never from a UTF-8 file) becomes "?", no crash.
        return "https://www.openstreetmap.org/search?query=" + quote(
            f"{self.strasse}, {self.ortszeile}", errors="replace"
        )

    def schema_org(self) -> dict[str, str]:
        """schema.org PostalAddress (JSON-LD); a missing postcode is left out, not empty."""
        data = {"@type": "PostalAddress", "streetAddress": self.strasse}
        if self.plz:
            data["postalCode"] = self.plz
        return {**data, "addressLocality": self.ort, "addressCountry": "DE"}


class Zugang(Record):
    """Barrierefreiheit des Gebäudes. Fehlt eine Angabe, steht „keine Angabe“ auf der Seite."""

    stufenlos: JaNein | None = Field(None, description="stufenloser Eingang")
    aufzug: JaNein | None = Field(None, description="ja, wenn es einen Aufzug gibt")
    rollstuhlgerechtes_wc: JaNein | None = Field(
        None, description="ja, wenn es ein rollstuhlgerechtes WC gibt"
    )
    behindertenparkplatz: JaNein | None = Field(
        None, description="ja, wenn es einen Behindertenparkplatz gibt"
    )
    induktionsschleife: JaNein | None = Field(None, description="Höranlage für Hörgeräte")
    hinweis: Kurztext | None = Field(
        None,
        description="kurzer Hinweis in eigenen Worten",
        examples=["Eingang mit Rampe an der Rückseite"],
    )


class Standort(Record):
    id: Id
    name: Name = Field(
        description="Name des Gebäudes, so wie er auf der Website stehen soll", examples=["Rathaus"]
    )
    adresse: Adresse = Field(description="Anschrift mit Straße, Postleitzahl und Ort")
    oepnv: Kurztext | None = Field(
        None, description="Anfahrt mit Bus und Bahn", examples=["Bus 5 bis Haltestelle Marktplatz"]
    )
    barrierefreiheit: Zugang = Field(default_factory=Zugang)


class Zentrale(Record):
    """Wie die Verwaltung als Ganzes erreichbar ist: im Fuß jeder Seite und auf der Startseite."""

    telefon: Telefon = Field(
        description="Nummer der Telefonzentrale mit Vorwahl", examples=["02398 678-0"]
    )
    erreichbar: Oeffnungszeiten | None = Field(
        None, description="wann die Telefonzentrale besetzt ist (wie Öffnungszeiten)"
    )
    email: Email | None = Field(
        None, description="allgemeine E-Mail-Adresse", examples=["info@beispielstadt.de"]
    )
    standort: Id | None = Field(
        None,
        description="Kennung des Hauptgebäudes aus standorte.yml; seine Anschrift steht im Fuß",
        examples=["rathaus"],
    )


class Stadt(Record):
    """Einstellungen der Kommune (data/stadt.yml)."""

    name: Name = Field(description="z. B. Stadt Beispielstadt")
    bundesland: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(
        description="Kürzel des Bundeslands für Feiertage, z. B. NW"
    )
    vorschau_tage: Annotated[int, Field(ge=7, le=366)] = Field(
        90, description="wie viele Tage im Voraus Ausnahmen und Feiertage angezeigt werden"
    )
    zentrale: Zentrale | None = Field(
        None, description="Telefonzentrale, allgemeine E-Mail und Hauptgebäude der Verwaltung"
    )
