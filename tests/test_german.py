"""German presentation: the outputs every page, calendar and message relies on."""

from __future__ import annotations

from datetime import date, time

import pytest

from rathaus.german import (
    anzahl,
    dateigroesse,
    datum,
    datum_kurz,
    datum_lang,
    dauer,
    sekunden,
    uhr_leicht,
    uhrzeit,
)

DAY = date(2027, 3, 27)


def test_dates() -> None:
    assert datum(DAY) == "27. März 2027"
    assert datum_lang(DAY) == "Samstag, 27. März 2027"
    assert datum_kurz(date(2027, 1, 5)) == "05.01.2027"


@pytest.mark.parametrize(
    ("value", "text", "leicht"),
    [
        (time(8, 0), "8:00", "8 Uhr"),
        (time(14, 30), "14:30", "14:30 Uhr"),
        (time(9, 5), "9:05", "9:05 Uhr"),
        (time(0, 0), "0:00", "0 Uhr"),
        (time(23, 59, 59), "24:00", "24 Uhr"),
    ],
)
def test_clock_times(value: time, text: str, leicht: str) -> None:
    assert uhrzeit(value) == text
    assert uhr_leicht(value) == leicht


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (1, "1 Sekunde"),
        (45, "45 Sekunden"),
        (185, "3:05 Minuten"),
        (3723, "1:02:03 Stunden"),
    ],
)
def test_durations(seconds: float, text: str) -> None:
    assert dauer(seconds) == text


def test_sizes_and_counts() -> None:
    assert dateigroesse(12_400_000) == "12,4 MB"
    assert dateigroesse(845_000) == "845 KB"
    assert dateigroesse(10) == "1 KB"
    assert anzahl(1, "Person", "Personen") == "1 Person"
    assert anzahl(3, "Person", "Personen") == "3 Personen"


@pytest.mark.parametrize(
    ("size", "text"),
    [(12_400_000, "12,4 MB"), (1_000_000, "1,0 MB"), (845_300, "845 KB"), (12, "1 KB")],
)
def test_dateigroesse(size: int, text: str) -> None:
    assert dateigroesse(size) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (185.2, "3:05 Minuten"),
        (60, "1:00 Minuten"),
        (6.0, "6 Sekunden"),
        (1, "1 Sekunde"),
        (3723, "1:02:03 Stunden"),
    ],
)
def test_playing_times(seconds: float, text: str) -> None:
    assert dauer(seconds) == text


def test_fragments_have_the_german_filters() -> None:
    from rathaus.render import FragmentRenderer

    template = FragmentRenderer().env.from_string(
        "{{ tag | datum_lang }}, {{ zeit | uhrzeit }} Uhr – {{ zeit | uhr_leicht }}"
    )
    assert template.render(tag=DAY, zeit=time(9, 30)) == (
        "Samstag, 27. März 2027, 9:30 Uhr – 9:30 Uhr"
    )


@pytest.mark.parametrize(("seconds", "text"), [(0.04, "0,0 s"), (0.36, "0,4 s"), (12.25, "12,2 s")])
def test_sekunden(seconds: float, text: str) -> None:
    assert sekunden(seconds) == text
