"""Field types editors write as text, each parsed deliberately with a German error."""

from __future__ import annotations

import enum
import itertools
import re
from dataclasses import dataclass
from datetime import time
from typing import Annotated, Any, Self

import phonenumbers
from pydantic import AfterValidator, BeforeValidator, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError


class Choice(enum.StrEnum):
    """A choice editors write in lower-case ASCII and residents read as a German label."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


ID_PATTERN = r"^[a-z0-9äöüß]+(-[a-z0-9äöüß]+)*$"
_TIME = re.compile(r"^(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)$")
_RANGE_SPLIT = re.compile(r"\s*[-–]\s*")
_DIN_5008 = re.compile(r"^(\+\d{1,3} )?0?\d{2,5} \d[\d ]*(-\d+)?$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def _ja_nein(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in {"ja", "true"}:
            return True
        if word in {"nein", "false"}:
            return False
    raise PydanticCustomError(
        "rathaus_ja_nein",
        "„{value}“ ist weder ja noch nein – schreiben Sie ja oder nein",
        {"value": value},
    )


JaNein = Annotated[
    bool,
    PlainValidator(_ja_nein),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nein"]}]}),
]


def parse_time(text: str) -> time:
    match = _TIME.match(text.strip())
    if not match:
        raise PydanticCustomError(
            "rathaus_time",
            "„{value}“ ist keine Uhrzeit – schreiben Sie z. B. 8:00 oder 14:30",
            {"value": text},
        )
    hour, minute = int(match["h"]), int(match["m"])
    if hour == 24:
        if minute:
            raise PydanticCustomError(
                "rathaus_time", "„{value}“ gibt es nicht – höchstens 24:00", {"value": text}
            )
        return time(23, 59, 59)
    return time(hour, minute)


@dataclass(frozen=True, order=True)
class TimeRange:
    """A half-open interval on one day, e.g. 8:00–12:00."""

    start: time
    end: time

    def overlaps(self, other: TimeRange) -> bool:
        return self.start < other.end and other.start < self.end


def _time_range(value: Any) -> TimeRange:
    if isinstance(value, TimeRange):
        return value
    if not isinstance(value, str) or not _RANGE_SPLIT.search(value):
        raise PydanticCustomError(
            "rathaus_range",
            "„{value}“ ist keine Zeitspanne – schreiben Sie z. B. 8:00-12:00",
            {"value": value},
        )
    parts = _RANGE_SPLIT.split(value.strip())
    if len(parts) != 2:
        raise PydanticCustomError(
            "rathaus_range",
            "„{value}“ ist keine Zeitspanne – schreiben Sie z. B. 8:00-12:00",
            {"value": value},
        )
    start, end = parse_time(parts[0]), parse_time(parts[1])
    if end <= start:
        raise PydanticCustomError(
            "rathaus_range_reversed",
            "in „{value}“ liegt das Ende nicht nach dem Beginn – tauschen Sie die Uhrzeiten",
            {"value": value},
        )
    return TimeRange(start, end)


Zeitspanne = Annotated[
    TimeRange,
    PlainValidator(_time_range),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}$",
            "examples": ["8:00-12:00"],
        }
    ),
]


def _one_or_many(value: Any) -> Any:
    """Editors may write a single value where a list is allowed."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _no_overlap(ranges: tuple[TimeRange, ...]) -> tuple[TimeRange, ...]:
    ordered = tuple(sorted(ranges))
    for before, after in itertools.pairwise(ordered):
        if before.overlaps(after):
            raise PydanticCustomError(
                "rathaus_overlap",
                "zwei Zeitspannen überschneiden sich – fassen Sie sie zusammen oder korrigieren "
                "Sie eine",
                {},
            )
    return ordered


Zeitspannen = Annotated[
    tuple[Zeitspanne, ...],
    BeforeValidator(_one_or_many),
    AfterValidator(_no_overlap),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}$"},
                {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "pattern": r"^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}$",
                    },
                },
            ],
            "examples": ["8:00-12:00", ["8:00-12:00", "14:00-16:00"]],
        }
    ),
]


@dataclass(frozen=True)
class Phone:
    """A phone number as written, plus its E.164 form for ``tel:`` links."""

    written: str
    e164: str
    display: str


def _phone(value: Any) -> Phone:
    if isinstance(value, Phone):
        return value
    text = str(value).strip()
    try:
        parsed = phonenumbers.parse(text.replace("/", " "), "DE")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise PydanticCustomError(
            "rathaus_phone",
            "„{value}“ ist keine gültige Telefonnummer – schreiben Sie Vorwahl und Nummer, "
            "z. B. 02398 678-100",
            {"value": text},
        )
    return Phone(
        written=text,
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        display=_display(text, parsed),
    )


def _display(text: str, parsed: phonenumbers.PhoneNumber) -> str:
    """The editor's grouping (DIN 5008: ``02398 678-330``), else the library's format.

    The number has been validated, so the editor's spelling is kept where it consists
    of digits, spaces and a hyphen before the extension only. Non-breaking spaces and
    hyphens keep a number on one line.
    """
    cleaned = " ".join(text.replace("/", " ").replace("(", " ").replace(")", " ").split())
    if not _DIN_5008.match(cleaned):
        style = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if parsed.country_code == 49
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        cleaned = phonenumbers.format_number(parsed, style)
    return cleaned.replace(" ", "\u00a0").replace("-", "\u2011")


Telefon = Annotated[
    Phone,
    PlainValidator(_phone),
    WithJsonSchema({"type": "string", "examples": ["02398 678-100"]}),
]
Telefone = Annotated[
    tuple[Telefon, ...],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}},
            ],
            "examples": ["02398 678-100"],
        }
    ),
]


def _email(value: Any) -> str:
    text = str(value).strip()
    if not _EMAIL.match(text):
        raise PydanticCustomError(
            "rathaus_email",
            "„{value}“ ist keine E-Mail-Adresse – schreiben Sie name@musterstadt.example, "
            "ohne Leerzeichen und ohne (at)",
            {"value": text},
        )
    return text


Email = Annotated[
    str,
    PlainValidator(_email),
    WithJsonSchema({"type": "string", "format": "email"}),
]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError(
            "rathaus_text",
            "hier wird ein Text erwartet, keine Liste und keine Gruppe von Feldern – "
            "schreiben Sie den Text in dieselbe Zeile hinter den Doppelpunkt",
            {},
        )
    text = value.strip()
    if not text:
        raise PydanticCustomError(
            "rathaus_text_empty",
            "der Text ist leer – tragen Sie etwas ein oder löschen Sie das Feld",
            {},
        )
    return text


Text = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]


_PAGE = re.compile(r"^(?!/)(?!.*\.\.)[\w./-]+\.md(#[\w-]+)?$")
_HTTPS = re.compile(r"^https://[^\s<>\"']+$")


def _link(value: Any) -> str:
    """An https address or a page in content/ (``kontakt.md``); nothing that runs code."""
    text = _text(value)
    if _HTTPS.match(text) or _PAGE.match(text):
        return text
    raise PydanticCustomError(
        "rathaus_link",
        "„{value}“ ist weder eine https-Adresse noch eine Seite in content/ – schreiben Sie "
        "z. B. https://www.beispiel.de oder kontakt.md",
        {"value": text},
    )


def _page(value: Any) -> str:
    text = _text(value)
    if _PAGE.match(text):
        return text
    raise PydanticCustomError(
        "rathaus_page",
        "„{value}“ ist keine Seite in content/ – schreiben Sie den Pfad der Markdown-Datei, "
        "z. B. barriere-melden.md",
        {"value": text},
    )


Verweis = Annotated[
    str,
    PlainValidator(_link),
    WithJsonSchema({"type": "string", "examples": ["kontakt.md", "https://www.beispiel.de"]}),
]
Seite = Annotated[
    str, PlainValidator(_page), WithJsonSchema({"type": "string", "pattern": r"\.md(#[\w-]+)?$"})
]
