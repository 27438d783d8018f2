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

    inhalt: Kurztext = Field(
        description="welcher Inhalt nicht barrierefrei ist", examples=["Ältere PDF-Formulare"]
    )
    grund: Grund = Field(description="rechtlicher Grund nach 2018/1523")
    begruendung: Text = Field(
        description="warum, in einem oder zwei Sätzen", examples=["Die Formulare stammen vom Land."]
    )
    alternative: Kurztext | None = Field(
        None,
        description="barrierefreie Alternative, falls vorhanden",
        examples=["Wir füllen das Formular mit Ihnen aus."],
    )


class Feedback(Record):
    """Wo Menschen Barrieren melden und Informationen barrierefrei anfordern."""

    stelle: Titel = Field(description="z. B. Beauftragte für Barrierefreiheit")
    anschrift: Kurztext = Field(
        description="vollständige Postanschrift in einer Zeile",
        examples=["Stadt Beispielstadt, Marktplatz 1, 12345 Beispielstadt"],
    )
    telefon: Telefon | None = Field(
        None, description="Telefonnummer mit Vorwahl; mehrere als Liste"
    )
    email: Email = Field(
        description="dienstliche E-Mail-Adresse für Rückmeldungen zur Barrierefreiheit"
    )
    kontaktseite: Seite = Field(
        description="Pfad der Seite „Barriere melden“, z. B. barriere-melden.md"
    )
    antwortfrist: Titel = Field(
        "innerhalb eines Monats", description="wann Meldende eine Antwort bekommen"
    )


class Durchsetzung(Record):
    """Das Durchsetzungsverfahren; in NRW die Ombudsstelle für barrierefreie IT."""

    stelle: Titel = Field(
        description="Name der Schlichtungs- oder Durchsetzungsstelle",
        examples=["Ombudsstelle für barrierefreie Informationstechnik"],
    )
    anschrift: Kurztext = Field(
        description="vollständige Postanschrift in einer Zeile",
        examples=["Ombudsstelle, Musterweg 2, 12345 Landeshauptstadt"],
    )
    email: Email = Field(description="E-Mail-Adresse der Stelle")
    webseite: Verweis = Field(description="https-Adresse der Stelle oder Seite in content/")
    beschreibung: Text = Field(
        description="was die Stelle tut und wann man sich an sie wendet",
        examples=[
            "Die Ombudsstelle vermittelt kostenlos, wenn Sie mit der Antwort nicht zufrieden sind."
        ],
    )


class Erklaerung(Record):
    """Die Erklärung zur Barrierefreiheit der Website."""

    stelle: Titel = Field(description="öffentliche Stelle, z. B. Stadt Beispielstadt")
    geltungsbereich: Kurztext = Field(
        description="für welche Website die Erklärung gilt",
        examples=["Diese Erklärung gilt für www.beispielstadt.example."],
    )
    rechtsgrundlage: Kurztext = Field(description="z. B. BGG NRW und BITVNRW")
    norm: Titel = Field(description="Prüfmaßstab, z. B. WCAG 2.1 Stufe AA")
    status: Status = Field(description="wie weit die Website barrierefrei ist")
    barrieren: tuple[Barriere, ...] = Field(
        (),
        description="bekannte Barrieren, je eine mit Inhalt, Begründung und Alternative",
    )
    erstellt_am: date = Field(description="Tag, an dem die Erklärung erstellt wurde")
    methode: Methode = Field(description="wie die Barrierefreiheit geprüft wurde")
    methode_beschreibung: Text | None = Field(
        None,
        description="Beschreibung der Prüfung in einigen Sätzen",
        examples=["Automatische Prüfung und Test mit Screenreader."],
    )
    zuletzt_ueberprueft_am: date = Field(
        description="Tag der letzten Prüfung; höchstens ein Jahr alt (BITV 2.0 § 7)"
    )
    pruefbericht: Verweis | None = Field(None, description="Seite oder Adresse eines Prüfberichts")
    gebaerdensprache_geplant_bis: date | None = Field(
        None,
        description=(
            "bis wann die noch fehlenden Videos in Deutscher Gebärdensprache für die Startseite "
            "(BITV 2.0 § 4) kommen; bis dahin nennt die Erklärung sie unter den nicht "
            "barrierefreien Inhalten"
        ),
        examples=["2027-09-30"],
    )
    feedback: Feedback
    durchsetzung: Durchsetzung
    massnahmen: tuple[Kurztext, ...] = Field(
        (),
        description="Maßnahmen über das Mindestmaß hinaus",
        examples=[["Jede Seite wird automatisch geprüft."]],
    )
    geplante_massnahmen: tuple[Kurztext, ...] = Field(
        (),
        description="was als Nächstes verbessert wird, je Zeile eine Maßnahme",
        examples=[["Videos in Deutscher Gebärdensprache."]],
    )


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
    # Planned sign-language videos are a listed barrier too (rathaus.paragraf4 adds them).
    listed = statement.barrieren or statement.gebaerdensprache_geplant_bis is not None
    if statement.status is not Status.VOLLSTAENDIG and not listed:
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
