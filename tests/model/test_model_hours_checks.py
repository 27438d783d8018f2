"""Checks of opening hours and their exceptions in data/einheiten.yml."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import DataDir

HEAD = "- id: buergerbuero\n  name: Bürgerbüro\n  art: amt\n  oeffnungszeiten:\n"
WEEK = "    woche:\n      montag: 8:00-12:00\n"


@pytest.mark.parametrize(
    ("body", "needle", "hint", "line", "col", "field"),
    [
        pytest.param(
            "    woche:\n      montag: 12:00-8:00\n",
            "in „12:00-8:00“ liegt das Ende vor dem Beginn",
            "tauschen Sie die Uhrzeiten",
            6,
            15,
            "oeffnungszeiten.woche.montag[1]",
            id="reversed-range",
        ),
        pytest.param(
            "    woche:\n      dienstag:\n        - 8:00-12:00\n        - 11:30-13:00\n",
            "zwei Zeitspannen überschneiden sich",
            "fassen Sie sie zusammen",
            7,
            9,
            "oeffnungszeiten.woche.dienstag",
            id="overlapping-ranges",
        ),
        pytest.param(
            "    woche:\n      mittwoch: 8:00-24:30\n",
            "„24:30“ gibt es nicht",
            "höchstens 24:00",
            6,
            17,
            "oeffnungszeiten.woche.mittwoch[1]",
            id="after-midnight",
        ),
        pytest.param(
            "    woche:\n      mittwoch: 8.00-12.00\n",
            "„8.00“ ist keine Uhrzeit",
            "schreiben Sie z. B. 8:00 oder 14:30",
            6,
            17,
            "oeffnungszeiten.woche.mittwoch[1]",
            id="dot-instead-of-colon",
        ),
        pytest.param(
            WEEK + "    ausnahmen:\n      - datum: 2027-01-04\n        von: 2027-01-04\n"
            "        bis: 2027-01-08\n        geschlossen: ja\n        grund: Inventur\n",
            "datum und von/bis stehen beide in der Ausnahme",
            "geben Sie entweder datum oder von und bis an",
            8,
            9,
            "oeffnungszeiten.ausnahmen[1]",
            id="datum-and-von-bis",
        ),
        pytest.param(
            WEEK + "    ausnahmen:\n      - von: 2027-01-08\n        bis: 2027-01-04\n"
            "        geschlossen: ja\n        grund: Inventur\n",
            "bis liegt vor von",
            "tauschen Sie die beiden Daten",
            8,
            9,
            "oeffnungszeiten.ausnahmen[1]",
            id="bis-before-von",
        ),
        pytest.param(
            WEEK + "    ausnahmen:\n      - von: 2027-01-04\n        geschlossen: ja\n"
            "        grund: Inventur\n",
            "es fehlt das Datum",
            "schreiben Sie datum: 2026-12-24 oder von: und bis:",
            8,
            9,
            "oeffnungszeiten.ausnahmen[1]",
            id="von-without-bis",
        ),
        pytest.param(
            WEEK + "    ausnahmen:\n      - datum: 2027-01-04\n        grund: Inventur\n",
            "es ist nicht eindeutig, ob geschlossen ist",
            "schreiben Sie entweder geschlossen: ja oder zeiten: …",
            8,
            9,
            "oeffnungszeiten.ausnahmen[1]",
            id="neither-closed-nor-hours",
        ),
        pytest.param(
            WEEK + "    ausnahmen:\n      - von: 2027-01-04\n        bis: 2027-01-08\n"
            "        geschlossen: ja\n        grund: Inventur\n"
            "      - datum: 2027-01-06\n        zeiten: 9:00-10:00\n"
            "        grund: Sondersprechstunde\n",
            "die Ausnahme Nr. 2 überschneidet sich mit einer anderen",
            "jeder Tag darf nur in einer Ausnahme vorkommen",
            5,
            5,
            "oeffnungszeiten",
            id="overlapping-exceptions",
        ),
        pytest.param(
            "    hinweis: Termine bitte telefonisch vereinbaren\n",
            "es sind weder Wochenzeiten noch nach_vereinbarung: ja angegeben",
            "tragen Sie mindestens eines davon ein",
            5,
            5,
            "oeffnungszeiten",
            id="neither-woche-nor-appointment",
        ),
        pytest.param(
            "    woche:\n      montag: []\n    nach_vereinbarung: nein\n",
            "es sind weder Wochenzeiten noch nach_vereinbarung: ja angegeben",
            "tragen Sie mindestens eines davon ein",
            5,
            5,
            "oeffnungszeiten",
            id="empty-woche",
        ),
    ],
)
def test_hours_errors(
    site: DataDir, body: str, needle: str, hint: str, line: int, col: int, field: str
) -> None:
    site.write(einheiten=HEAD + body)
    errors = site.errors()
    found = errors.at(needle, "einheiten.yml", line, col)
    assert hint in found.hint
    assert found.field == field
    assert errors == [found]


def test_by_appointment_alone_is_enough(site: DataDir) -> None:
    site.write(einheiten=HEAD + "    nach_vereinbarung: ja\n")
    hours = site.load().einheiten["buergerbuero"].oeffnungszeiten
    assert hours is not None
    assert hours.only_by_appointment


def test_week_with_appointments_is_not_appointment_only(site: DataDir) -> None:
    site.write(einheiten=HEAD + WEEK + "    nach_vereinbarung: ja\n")
    hours = site.load().einheiten["buergerbuero"].oeffnungszeiten
    assert hours is not None
    assert hours.nach_vereinbarung
    assert not hours.only_by_appointment
