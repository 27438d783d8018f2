"""Erklärung zur Barrierefreiheit (data/barrierefreiheit.yml).

Fields follow EU implementing decision 2018/1523 (model statement) and BITV 2.0 § 7;
the review date is checked against the one-year duty of § 7 (6).
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from .entities import Record
from .fieldtypes import Choice, Email, Kurztext, Seite, Telefon, Text, Titel, Verweis
from .findings import Finding

MAX_REVIEW_AGE_DAYS = 365


class Status(Choice):
    VOLLSTAENDIG = "vollstaendig", "vollständig vereinbar"
    TEILWEISE = "teilweise", "teilweise vereinbar"
    NICHT = "nicht", "nicht vereinbar"


class Grund(Choice):
    UNVEREINBARKEIT = "unvereinbarkeit", "Unvereinbarkeit mit den Anforderungen"
    UNVERHAELTNISMAESSIGE_BELASTUNG = (
        "unverhaeltnismaessige_belastung",
        "unverhältnismäßige Belastung",
    )
    AUSSERHALB_ANWENDUNGSBEREICH = (
        "ausserhalb_anwendungsbereich",
        "außerhalb des Anwendungsbereichs",
    )


class Methode(Choice):
    SELBSTBEWERTUNG = "selbstbewertung", "Selbstbewertung"
    DRITTBEWERTUNG = "drittbewertung", "Bewertung durch Dritte"


class Barriere(Record):
    """Ein bekannter, nicht barrierefreier Inhalt."""

    inhalt: Kurztext = Field(description="welcher Inhalt nicht barrierefrei ist")
    grund: Grund = Field(description="rechtlicher Grund nach 2018/1523")
    begruendung: Text = Field(description="warum, in einem oder zwei Sätzen")
    alternative: Kurztext | None = Field(
        None, description="barrierefreie Alternative, falls vorhanden"
    )


class Feedback(Record):
    """Wo Menschen Barrieren melden und Informationen barrierefrei anfordern."""

    stelle: Titel = Field(description="z. B. Beauftragte für Barrierefreiheit")
    anschrift: Kurztext
    telefon: Telefon | None = None
    email: Email
    kontaktseite: Seite = Field(
        description="Pfad der Seite „Barriere melden“, z. B. barriere-melden.md"
    )
    antwortfrist: Titel = Field(
        "innerhalb eines Monats", description="wann Meldende eine Antwort bekommen"
    )


class Durchsetzung(Record):
    """Das Durchsetzungsverfahren; in NRW die Ombudsstelle für barrierefreie IT."""

    stelle: Titel
    anschrift: Kurztext
    email: Email
    webseite: Verweis
    beschreibung: Text = Field(description="was die Stelle tut und wann man sich an sie wendet")


class Erklaerung(Record):
    """Die Erklärung zur Barrierefreiheit der Website."""

    stelle: Titel = Field(description="öffentliche Stelle, z. B. Stadt Beispielstadt")
    geltungsbereich: Kurztext = Field(description="für welche Website die Erklärung gilt")
    rechtsgrundlage: Kurztext = Field(description="z. B. BGG NRW und BITVNRW")
    norm: Titel = Field(description="Prüfmaßstab, z. B. WCAG 2.1 Stufe AA")
    status: Status
    barrieren: tuple[Barriere, ...] = ()
    erstellt_am: date
    methode: Methode
    methode_beschreibung: Text | None = None
    zuletzt_ueberprueft_am: date
    pruefbericht: Verweis | None = Field(None, description="Seite oder Adresse eines Prüfberichts")
    feedback: Feedback
    durchsetzung: Durchsetzung
    massnahmen: tuple[Kurztext, ...] = Field((), description="Maßnahmen über das Mindestmaß hinaus")
    geplante_massnahmen: tuple[Kurztext, ...] = ()


def freshness(statement: Erklaerung, today: date, file: str, line: int, col: int) -> list[Finding]:
    """BITV § 7 (6): the statement is reviewed at least once a year."""
    findings = []
    age = (today - statement.zuletzt_ueberprueft_am).days
    if age > MAX_REVIEW_AGE_DAYS:
        findings.append(
            Finding(
                file,
                line,
                col,
                "zuletzt_ueberprueft_am",
                f"die Erklärung wurde seit {age} Tagen nicht überprüft (höchstens ein Jahr "
                "nach BITV 2.0 § 7 Abs. 6)",
                "prüfen Sie die Website erneut, passen Sie die Barrieren an und tragen Sie das "
                "Datum der Prüfung ein",
                rule="erklaerung",
            )
        )
    if statement.zuletzt_ueberprueft_am < statement.erstellt_am:
        findings.append(
            Finding(
                file,
                line,
                col,
                "zuletzt_ueberprueft_am",
                "die Überprüfung liegt vor der Erstellung der Erklärung",
                "tragen Sie ein Datum ab erstellt_am ein",
                rule="erklaerung",
            )
        )
    if age < 0:
        findings.append(
            Finding(
                file,
                line,
                col,
                "zuletzt_ueberprueft_am",
                "das Datum der Überprüfung liegt in der Zukunft",
                "tragen Sie das Datum ein, an dem die Prüfung stattfand",
                rule="erklaerung",
            )
        )
    if statement.status is not Status.VOLLSTAENDIG and not statement.barrieren:
        findings.append(
            Finding(
                file,
                line,
                col,
                "barrieren",
                f"der Status ist „{statement.status.label}“, aber keine Barriere ist aufgeführt",
                "beschreiben Sie jede bekannte Barriere unter barrieren:",
                rule="erklaerung",
            )
        )
    return findings
