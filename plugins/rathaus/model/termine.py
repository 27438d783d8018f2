"""Events (data/termine.yml) and the local date-times they are written in.

Editors write times as they read them on a poster: ``2027-03-27 14:00`` in Europe/Berlin.
This module turns such text into aware datetimes on purpose, because twice a year the
wall clock is not a simple line:

* **Spring gap.** On the last Sunday of March the clocks jump from 2:00 to 3:00, so
  ``2027-03-28 02:30`` never happens. That is an error with a German hint.
* **Autumn fold.** On the last Sunday of October the hour from 2:00 to 3:00 happens
  twice. ``2026-10-25 02:30`` therefore names two moments. Rule: without an offset the
  *first* occurrence is meant (still summer time, ``+02:00``), as Python's ``fold=0``
  and common calendar programs do; an editor who means the second one writes the offset
  explicitly: ``2026-10-25 02:30 +01:00``. An offset that does not fit the local time
  (``2027-01-10 10:00 +02:00``) is an error.

No MkDocs here: the events plugin and the calendar files build on this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any, Self

from pydantic import (
    Field,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..german import datum_lang, uhrzeit
from .entities import Adresse, Id, Record, Zugang
from .fieldtypes import Email, JaNein, Kurztext, Name, Telefon, Text, Titel, Verweis, shown
from .hours import BERLIN

_LOCAL = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})[ T](?P<h>\d{1,2}):(?P<m>\d{2})"
    r"(?:\s*(?P<offset>[+-]\d{2}:\d{2}))?$"
)
_CLOCK = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})$")
LOCAL_PATTERN = r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(\s*[+-]\d{2}:\d{2})?$"
_EXAMPLE = "2027-03-27 14:00"


def _offset_text(value: timedelta | None) -> str:
    minutes = int((value or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def resolve_local(day: date, clock: time, offset: str | None = None) -> datetime:
    """The moment the Berlin wall clock shows ``day clock``; see the module docstring."""
    text = f"{day.isoformat()} {clock.hour}:{clock.minute:02d}"
    naive = datetime.combine(day, clock)
    candidates: list[datetime] = []
    for fold in (0, 1):
        local = naive.replace(tzinfo=BERLIN, fold=fold)
        # A wall time that does not survive the trip through UTC does not exist.
        if local.astimezone(UTC).astimezone(BERLIN).replace(tzinfo=None) == naive and all(
            local.utcoffset() != c.utcoffset() for c in candidates
        ):
            candidates.append(local)
    if not candidates:
        raise PydanticCustomError(
            "rathaus_time_gap",
            "„{value}“ gibt es nicht: in dieser Nacht wird die Uhr von 2:00 auf 3:00 Uhr "
            "vorgestellt (Sommerzeit) – wählen Sie eine Uhrzeit ab 3:00 Uhr",
            {"value": text},
        )
    if offset is None:
        return candidates[0]
    for candidate in candidates:
        if _offset_text(candidate.utcoffset()) == offset:
            return candidate
    allowed = " oder ".join(_offset_text(c.utcoffset()) for c in candidates)
    raise PydanticCustomError(
        "rathaus_time_offset",
        "der Zeitzonen-Zusatz {offset} passt nicht zu „{value}“ in Deutschland – "
        "schreiben Sie {allowed} oder lassen Sie den Zusatz weg",
        {"offset": offset, "value": text, "allowed": allowed},
    )


def _invalid(value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "rathaus_datetime",
        "„{value}“ ist kein Zeitpunkt – schreiben Sie Datum und Uhrzeit, z. B. " + _EXAMPLE,
        {"value": shown(value)},
    )


def _clock(hour: str, minute: str, raw: Any) -> time:
    h, m = int(hour), int(minute)
    if h > 23 or m > 59:
        raise PydanticCustomError(
            "rathaus_datetime",
            "„{value}“ enthält keine gültige Uhrzeit – die Stunden gehen von 0 bis 23, "
            "die Minuten von 00 bis 59",
            {"value": raw},
        )
    return time(h, m)


def parse_local(value: Any) -> datetime:
    """``2027-03-27 14:00`` (optionally ``+01:00``) → an aware datetime in Europe/Berlin."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return resolve_local(value.date(), value.time())
        return value.astimezone(BERLIN)
    if not isinstance(value, str):
        raise _invalid(value)
    match = _LOCAL.match(value.strip())
    if not match:
        raise _invalid(value)
    try:
        day = date.fromisoformat(match["date"])
    except ValueError:
        raise PydanticCustomError(
            "rathaus_datetime",
            "den Tag „{day}“ gibt es nicht – prüfen Sie Monat und Tag",
            {"day": match["date"]},
        ) from None
    return resolve_local(day, _clock(match["h"], match["m"], value), match["offset"])


def parse_end(value: Any, start: datetime | None) -> datetime:
    """An end as a full date-time, or as a clock time on the day the event starts."""
    match = _CLOCK.match(value.strip()) if isinstance(value, str) else None
    if match and start is None:
        # The start itself is invalid and already reported; a clock time is fine.
        return datetime.min.replace(tzinfo=UTC)
    if match and start is not None:
        return resolve_local(start.date(), _clock(match["h"], match["m"], value))
    return parse_local(value)


def instant(moment: datetime) -> datetime:
    """``moment`` in UTC.

    Python compares and subtracts two datetimes of the *same* zone by wall time and
    ignores ``fold``; across a DST change that is wrong, so compare instants.
    """
    return moment.astimezone(UTC)


def check_order(start: datetime | None, end: datetime, raw: Any) -> datetime:
    if start is not None and instant(end) <= instant(start):
        raise PydanticCustomError(
            "rathaus_end_before_start",
            "das Ende „{value}“ liegt nicht nach dem Beginn – prüfen Sie Datum und Uhrzeit; "
            "geht es über Mitternacht, schreiben Sie das Datum des nächsten Tages dazu",
            {"value": raw},
        )
    return end


Zeitpunkt = Annotated[
    datetime,
    PlainValidator(parse_local),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": 40,
            "pattern": LOCAL_PATTERN,
            "description": "Datum und Uhrzeit in Deutschland, z. B. " + _EXAMPLE,
            "examples": [_EXAMPLE],
        }
    ),
]
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day_or_local(value: Any) -> date | datetime:
    """A date alone (``2027-03-04``: the time follows) or a local date-time."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DAY.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError(
                "rathaus_datetime",
                "den Tag „{day}“ gibt es nicht – prüfen Sie Monat und Tag",
                {"day": value.strip()},
            ) from None
    try:
        return parse_local(value)
    except PydanticCustomError as exc:
        if exc.type != "rathaus_datetime" or "kein Zeitpunkt" not in exc.message():
            raise
        raise PydanticCustomError(
            "rathaus_datetime",
            "„{value}“ ist kein Zeitpunkt – schreiben Sie Datum und Uhrzeit, z. B. "
            + _EXAMPLE
            + ", oder nur das Datum, wenn die Uhrzeit noch nicht feststeht (2027-03-27)",
            {"value": shown(value)},
        ) from None


TagOderZeitpunkt = Annotated[
    date | datetime,
    PlainValidator(parse_day_or_local),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": 40,
            "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(\s*[+-]\d{2}:\d{2})?)?$",
            "description": "Datum und Uhrzeit in Deutschland, z. B. "
            + _EXAMPLE
            + "; steht die Uhrzeit noch nicht fest, nur das Datum: „Uhrzeit folgt“",
            "examples": [_EXAMPLE, "2027-03-27"],
        }
    ),
]


def day_start(moment: date | datetime) -> datetime:
    """A moment to sort by: a day without a time counts from its midnight in Berlin."""
    if isinstance(moment, datetime):
        return moment
    return resolve_local(moment, time(0, 0))


END_SCHEMA: dict[str, Any] = {
    "type": "string",
    "maxLength": 40,
    "pattern": r"^(\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(\s*[+-]\d{2}:\d{2})?$",
    "description": "Ende: Datum und Uhrzeit oder nur die Uhrzeit am Tag des Beginns",
    "examples": ["2027-03-27 19:00", "19:00"],
}
Ende = Annotated[datetime, WithJsonSchema(END_SCHEMA)]


def second_occurrence(moment: datetime) -> bool:
    """True for a wall time in the autumn fold that means the *second* occurrence."""
    local = moment.astimezone(BERLIN)
    first = resolve_local(local.date(), local.time().replace(second=0, microsecond=0))
    return instant(first) != instant(local)


def local_text(moment: datetime) -> str:
    """How an editor writes ``moment``; the offset only where the wall time is ambiguous."""
    local = moment.astimezone(BERLIN)
    text = f"{local.date().isoformat()} {local.hour:02d}:{local.minute:02d}"
    if second_occurrence(local):
        text += " " + _offset_text(local.utcoffset())
    return text


class Anmeldung(Record):
    """Ob und wie man sich anmeldet."""

    erforderlich: JaNein = Field(description="ja, wenn man sich vorher anmelden muss")
    hinweis: Kurztext | None = Field(
        None,
        description="wie die Anmeldung geht, in eigenen Worten",
        examples=["Bitte melden Sie sich bis zum 1. März an."],
    )
    email: Email | None = Field(None, description="E-Mail-Adresse für die Anmeldung")
    telefon: Telefon | None = Field(
        None, description="Telefonnummer für die Anmeldung; mehrere als Liste"
    )
    link: Verweis | None = Field(None, description="https-Adresse eines Anmeldeformulars")
    frist: date | None = Field(None, description="letzter Tag der Anmeldung, z. B. 2027-03-20")

    @model_validator(mode="after")
    def _says_how(self) -> Self:
        if self.erforderlich and not (self.hinweis or self.email or self.telefon or self.link):
            raise PydanticCustomError(
                "rathaus_registration_how",
                "es fehlt, wie man sich anmeldet – ergänzen Sie email:, telefon:, link: "
                "oder hinweis:",
                {},
            )
        return self


class Veranstaltungsort(Record):
    """Ein Ort, der kein Gebäude aus standorte.yml ist, z. B. ein Platz oder ein Saal."""

    name: Name = Field(description="z. B. Marktplatz oder Gemeindezentrum St. Marien")
    adresse: Adresse = Field(description="Anschrift mit Straße, Postleitzahl und Ort")
    barrierefreiheit: Zugang = Field(default_factory=Zugang)


class Termin(Record):
    """Eine Veranstaltung. Zeiten gelten in Deutschland (Europe/Berlin)."""

    id: Id
    titel: Titel = Field(
        description="Titel, so wie er auf der Website stehen soll",
        examples=["Stadtteilfest am Marktplatz"],
    )
    beginn: Zeitpunkt
    ende: Ende = Field(description=END_SCHEMA["description"])
    standort: Id | None = Field(
        None,
        description="Kennung eines Gebäudes aus standorte.yml – oder ort: angeben",
        examples=["rathaus"],
    )
    ort: Veranstaltungsort | None = Field(
        None, description="ein anderer Ort mit Name und Adresse – oder standort: angeben"
    )
    raum: Name | None = Field(
        None,
        description="Raum oder Stockwerk, z. B. Erdgeschoss, Zimmer 12",
        examples=["Erdgeschoss, Zimmer 12"],
    )
    barrierefreiheit_hinweis: Kurztext | None = Field(
        None,
        description="Barrierefreiheit der Veranstaltung selbst, z. B. "
        "Gebärdensprachdolmetschung oder Induktionsschleife",
    )
    anmeldung: Anmeldung | None = None
    kostenlos: JaNein | None = Field(None, description="ja, wenn der Eintritt frei ist")
    einheit: Id = Field(description="Kennung der Einheit, die einlädt", examples=["buergerbuero"])
    beschreibung: Text = Field(
        description="Beschreibung in einigen Sätzen",
        examples=["Musik, Essen und Spiele für die ganze Familie."],
    )
    leichte_sprache: Text | None = Field(
        None,
        description="kurze Beschreibung in Leichter Sprache, jeder Satz in einer eigenen Zeile "
        "(schreiben Sie leichte_sprache: |)",
        examples=["Das Fest ist für alle.\nDer Eintritt ist frei."],
    )

    @field_validator("ende", mode="plain")
    @classmethod
    def _end(cls, value: Any, info: ValidationInfo) -> datetime:
        start = info.data.get("beginn")
        return check_order(start, parse_end(value, start), value)

    @model_validator(mode="after")
    def _one_place(self) -> Self:
        if (self.standort is None) == (self.ort is None):
            raise PydanticCustomError(
                "rathaus_event_place",
                "es ist nicht eindeutig, wo die Veranstaltung stattfindet – geben Sie "
                "entweder standort: (Kennung aus standorte.yml) oder ort: mit name und "
                "adresse an, nicht beides",
                {},
            )
        return self


@dataclass(frozen=True)
class Split:
    upcoming: list[Termin]
    past: list[Termin]


def split_events(events: list[Termin], today: date) -> Split:
    """Upcoming (soonest first) and past (newest first), split at the build date.

    An event counts as upcoming until the end of its last day, so an event running
    today or spanning several days stays in the upcoming list.
    """
    upcoming = sorted(
        (e for e in events if e.ende.astimezone(BERLIN).date() >= today),
        key=lambda e: (instant(e.beginn), e.id),
    )
    past = sorted(
        (e for e in events if e.ende.astimezone(BERLIN).date() < today),
        key=lambda e: (instant(e.beginn), e.id),
        reverse=True,
    )
    return Split(upcoming, past)


# -- German display, shared by the events and council pages -----------------------------


def iso(moment: datetime) -> str:
    """``2027-03-27T14:00+01:00``: a valid HTML ``datetime`` and ISO 8601 with offset."""
    return moment.astimezone(BERLIN).isoformat(timespec="minutes")


@dataclass(frozen=True)
class When:
    """Start and end in German words, and as machine-readable times with offset."""

    start_label: str
    end_label: str
    suffix: str
    start_iso: str
    end_iso: str
    clock_change: str | None

    @property
    def text(self) -> str:
        return f"{self.start_label} bis {self.end_label}{self.suffix}"


def when(start: datetime, end: datetime) -> When:
    """``Samstag, 27. März 2027, 14:00 bis 19:00 Uhr``; over several days with both dates."""
    start, end = start.astimezone(BERLIN), end.astimezone(BERLIN)
    change = None
    before, after = start.utcoffset() or timedelta(), end.utcoffset() or timedelta()
    if before != after:
        forward = after > before
        change = (
            "In dieser Zeit beginnt die Sommerzeit: Die Uhren werden von 2:00 auf 3:00 Uhr "
            "vorgestellt."
            if forward
            else "In dieser Zeit endet die Sommerzeit: Die Uhren werden von 3:00 auf 2:00 Uhr "
            "zurückgestellt."
        )
    if start.date() == end.date():
        return When(
            f"{datum_lang(start.date())}, {uhrzeit(start.time())}",
            uhrzeit(end.time()),
            " Uhr",
            iso(start),
            iso(end),
            change,
        )
    return When(
        f"{datum_lang(start.date())}, {uhrzeit(start.time())} Uhr",
        f"{datum_lang(end.date())}, {uhrzeit(end.time())} Uhr",
        "",
        iso(start),
        iso(end),
        change,
    )
