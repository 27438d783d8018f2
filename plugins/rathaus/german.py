"""German presentation of dates, clock times, durations, sizes and counts: the one owner.

Every page, fragment, calendar file and message that shows a date or a time to a person
formats it here (the fragments through the Jinja filters of the same names, see
``render.FragmentRenderer``). Plain Python, no MkDocs; Babel knows the German month and
day names.
"""

from __future__ import annotations

from datetime import date, time

from babel.dates import format_date
from babel.numbers import format_decimal

END_OF_DAY = time(23, 59, 59)
"""How the model stores the clock time 24:00 (the end of a day)."""


def datum(day: date) -> str:
    """``27. März 2027``."""
    return format_date(day, "d. MMMM y", locale="de")


def datum_lang(day: date) -> str:
    """``Samstag, 27. März 2027``."""
    return format_date(day, "EEEE, d. MMMM y", locale="de")


def datum_kurz(day: date) -> str:
    """``27.03.2027`` (calendar files, where a line must stay short)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def uhrzeit(value: time) -> str:
    """``8:00``, ``14:30``, ``24:00``: no leading zero."""
    if value == END_OF_DAY:
        return "24:00"
    return f"{value.hour}:{value.minute:02d}"


def uhr_leicht(value: time) -> str:
    """Leichte Sprache: ``8 Uhr``, ``12:30 Uhr``, ``24 Uhr`` – no ``:00``."""
    if value == END_OF_DAY:
        return "24 Uhr"
    return f"{value.hour} Uhr" if value.minute == 0 else f"{value.hour}:{value.minute:02d} Uhr"


def dauer(seconds: float) -> str:
    """``3:05 Minuten``, ``1:02:03 Stunden``, under a minute ``45 Sekunden``."""
    total = round(seconds)
    if total < 60:
        return anzahl(total, "Sekunde", "Sekunden")
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d} Stunden"
    return f"{minutes}:{secs:02d} Minuten"


def sekunden(seconds: float) -> str:
    """``0,4 s``: a short time to a tenth of a second (the preview's log)."""
    return format_decimal(seconds, format="0.0", locale="de") + " s"


def dateigroesse(size: int) -> str:
    """``12,4 MB``, ``845 KB`` (decimal units, as file managers show them)."""
    if size >= 1_000_000:
        return format_decimal(size / 1_000_000, format="#,##0.0", locale="de") + " MB"
    return format_decimal(max(1, round(size / 1000)), format="#,##0", locale="de") + " KB"


def anzahl(count: int, one: str, many: str) -> str:
    """``1 Person``, ``3 Personen``."""
    return f"{count} {one if count == 1 else many}"
