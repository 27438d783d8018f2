"""Field types editors write as text, each parsed deliberately with a German error."""

from __future__ import annotations

import enum
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from typing import Annotated, Any, Self
from urllib.parse import urlsplit

import phonenumbers
from pydantic import (
    AfterValidator,
    BeforeValidator,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ..german import uhrzeit


class Choice(enum.StrEnum):
    """A choice editors write in lower-case ASCII and residents read as a German label."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


ID_PATTERN = r"^[a-z0-9äöüß]+(-[a-z0-9äöüß]+)*$"
WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_TIME = re.compile(r"^(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)$")
# One dash between two times; the blanks around it are stripped from the parts, because
# `\s*[-–]\s*` backtracks quadratically over a long run of blanks.
_RANGE_DASH = re.compile("[-–]")
_DIN_5008 = re.compile(r"^(\+\d{1,3} )?0?\d{2,5} \d[\d ]*(-\d+)?$")
# No `?`, `&`, `%`, `,`, `;`, `=` or blanks: a mailto: link made from the address can carry
# no second recipient and no header (`?bcc=`). Domains in ASCII (IDN as punycode, xn--).
_EMAIL = re.compile(r"^[A-Za-z0-9._'+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_EMAIL_CHARS = re.compile(r"[A-Za-z0-9._'+@-]")
_HOST = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$")

# Lengths a field may have, in characters. They bound what one careless paste can do to a
# page (a 20 kB heading) and keep every check linear in practice; the schema states them.
NAME_MAX = 120
TITLE_MAX = 200
SHORT_MAX = 1000
TEXT_MAX = 5000
LONG_MAX = 50_000
ADDRESS_MAX = 2000
EMAIL_MAX = 254
SHORT_VALUE_MAX = 60  # times, dates, phone numbers, keys


def shown(value: Any, limit: int = 60) -> str:
    """``value`` for a message: long text shortened, so a 100 000-character paste is not echoed."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def too_long(value: str, most: int) -> PydanticCustomError:
    return PydanticCustomError(
        "rathaus_too_long",
        "der Wert ist zu lang ({length} Zeichen) – kürzen Sie den Wert auf höchstens {most} "
        "Zeichen",
        {"length": len(value), "most": most},
    )


# Invisible characters with a use in running text (joiners in Persian or emoji, marks for
# right-to-left words, the soft hyphen) but none in an id, a name or an address. The ones
# without any use (U+200B, U+2060, U+FEFF, bidi overrides) the YAML reader refuses everywhere.
_NAME_INVISIBLE = re.compile(
    "[\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200c-\u200f\u2061-\u2064\u3164\uffa0]"
)
_ADDRESS_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200c-\u200f\u2061-\u2064\u3164\uffa0]"
)


def _char_error(value: str, index: int, kind: str = "unsichtbares Zeichen") -> PydanticCustomError:
    """A character at ``index``; the finding adds the column (see ``validation.translate``)."""
    char = value[index]
    return PydanticCustomError(
        "rathaus_char",
        "{kind} U+{code} – löschen Sie das Zeichen; man sieht es nicht, aber es stört Suche, "
        "Links und Vergleiche",
        {"kind": kind, "code": f"{ord(char):04X}", "char": char, "nth": value[:index].count(char)},
    )


def no_invisible(value: str, *, address: bool = False) -> str:
    """Refuse invisible characters in ids, names and addresses (the soft hyphen in addresses)."""
    found = (_ADDRESS_INVISIBLE if address else _NAME_INVISIBLE).search(value)
    if found:
        raise _char_error(value, found.start())
    return value


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


def _reversed(value: str, start: time, end: time, field_name: str | None) -> PydanticCustomError:
    """End before start: a range over midnight (22:00-02:00) or swapped times (12:00-8:00).

    Swapping an overnight range would publish 2:00–22:00, so a range that starts in the
    evening or ends in the small hours is split at midnight instead.
    """
    if start == end:
        return PydanticCustomError(
            "rathaus_range_reversed",
            "in „{value}“ sind Beginn und Ende gleich – tragen Sie die Uhrzeit ein, zu der "
            "die Zeit endet",
            {"value": value},
        )
    if start.hour >= 18 or end.hour < 6:
        first, second = f"{uhrzeit(start)}-24:00", f"0:00-{uhrzeit(end)}"
        if field_name in WEEKDAYS:
            day = WEEKDAYS.index(field_name)
            where = (
                f"{first} am {field_name.capitalize()} und {second} am "
                f"{WEEKDAYS[(day + 1) % 7].capitalize()}"
            )
        else:
            where = f"{first} und {second} am folgenden Tag"
        return PydanticCustomError(
            "rathaus_range_overnight",
            "„{value}“ geht über Mitternacht – teilen Sie die Zeit an Mitternacht: {where}",
            {"value": value, "where": where},
        )
    return PydanticCustomError(
        "rathaus_range_reversed",
        "in „{value}“ liegt das Ende vor dem Beginn – tauschen Sie die Uhrzeiten",
        {"value": value},
    )


def _time_range(value: Any, info: ValidationInfo) -> TimeRange:
    if isinstance(value, TimeRange):
        return value
    text = value if isinstance(value, str) else ""
    parts = [p.strip() for p in _RANGE_DASH.split(text)] if len(text) <= SHORT_VALUE_MAX else []
    if len(parts) != 2:
        raise PydanticCustomError(
            "rathaus_range",
            "„{value}“ ist keine Zeitspanne – schreiben Sie z. B. 8:00-12:00",
            {"value": shown(value)},
        )
    start, end = parse_time(parts[0]), parse_time(parts[1])
    if end <= start:
        raise _reversed(text.strip(), start, end, info.field_name)
    return TimeRange(start, end)


Zeitspanne = Annotated[
    TimeRange,
    PlainValidator(_time_range),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}$",
            "maxLength": SHORT_VALUE_MAX,
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
                {
                    "type": "string",
                    "pattern": r"^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}$",
                    "maxLength": SHORT_VALUE_MAX,
                },
                {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "pattern": r"^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}$",
                        "maxLength": SHORT_VALUE_MAX,
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
    if len(text) > SHORT_VALUE_MAX:
        raise too_long(text, SHORT_VALUE_MAX)
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
    WithJsonSchema({"type": "string", "maxLength": SHORT_VALUE_MAX, "examples": ["02398 678-100"]}),
]
Telefone = Annotated[
    tuple[Telefon, ...],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "maxLength": SHORT_VALUE_MAX},
                {"type": "array", "items": {"type": "string", "maxLength": SHORT_VALUE_MAX}},
            ],
            "examples": ["02398 678-100"],
        }
    ),
]


def _foreign(char: str, where: str = "in E-Mail-Adressen") -> str:
    """How to name a character that does not belong in an address."""
    name = unicodedata.name(char, "")
    script = name.split(" ")[0] if name else ""
    if char.isspace():
        return f"ein Leerzeichen (U+{ord(char):04X}) ist {where} nicht erlaubt"
    if char.isalpha() and script not in {"LATIN", ""}:
        return (
            f"„{char}“ (U+{ord(char):04X}, {name}) sieht aus wie ein lateinischer Buchstabe, "
            "ist aber keiner"
        )
    return f"das Zeichen „{char}“ (U+{ord(char):04X}) ist {where} nicht erlaubt"


def _email(value: Any) -> str:
    text = str(value).strip()
    if len(text) > EMAIL_MAX:
        raise too_long(text, EMAIL_MAX)
    no_invisible(text, address=True)
    if _EMAIL.match(text):
        return text
    stray = next((c for c in text if not _EMAIL_CHARS.match(c)), None)
    if stray is not None and "@" in text:
        raise PydanticCustomError(
            "rathaus_email_char",
            "{what} – schreiben Sie die Adresse nur mit lateinischen Buchstaben ohne Umlaute, "
            "Ziffern und . _ - + (eine Domain mit Umlauten in der Form xn--…); "
            "eine E-Mail-Adresse pro Feld, ohne ? & , ; und Leerzeichen",
            {"what": _foreign(stray)},
        )
    raise PydanticCustomError(
        "rathaus_email",
        "„{value}“ ist keine E-Mail-Adresse – schreiben Sie name@beispielstadt.example, "
        "ohne Leerzeichen und ohne (at)",
        {"value": shown(text)},
    )


Email = Annotated[
    str,
    PlainValidator(_email),
    WithJsonSchema(
        {
            "type": "string",
            "format": "email",
            "maxLength": EMAIL_MAX,
            "pattern": _EMAIL.pattern,
        }
    ),
]


def _text_of(value: Any, most: int, *, one_line: bool) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError(
            "rathaus_text",
            "hier wird ein Text erwartet, keine Liste und keine Gruppe von Feldern – "
            "schreiben Sie den Text in dieselbe Zeile hinter den Doppelpunkt",
            {},
        )
    text = value.strip()
    if len(text) > most:
        raise too_long(text, most)
    if not text:
        raise PydanticCustomError(
            "rathaus_text_empty",
            "der Text ist leer – tragen Sie etwas ein oder löschen Sie das Feld",
            {},
        )
    if one_line:
        if "\n" in text:
            raise PydanticCustomError(
                "rathaus_one_line",
                "der Wert steht auf mehreren Zeilen – schreiben Sie ihn in eine Zeile",
                {},
            )
        no_invisible(text)
    return text


def _text_validator(most: int, *, one_line: bool) -> Callable[[Any], str]:
    def validate(value: Any) -> str:
        return _text_of(value, most, one_line=one_line)

    return validate


def _text_schema(most: int) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "minLength": 1, "maxLength": most})


# One line: names, titles, rooms, numbers. Several lines: descriptions and notes.
Name = Annotated[
    str, PlainValidator(_text_validator(NAME_MAX, one_line=True)), _text_schema(NAME_MAX)
]
Titel = Annotated[
    str, PlainValidator(_text_validator(TITLE_MAX, one_line=True)), _text_schema(TITLE_MAX)
]
Kurztext = Annotated[
    str, PlainValidator(_text_validator(SHORT_MAX, one_line=False)), _text_schema(SHORT_MAX)
]
Text = Annotated[
    str, PlainValidator(_text_validator(TEXT_MAX, one_line=False)), _text_schema(TEXT_MAX)
]
Langtext = Annotated[
    str, PlainValidator(_text_validator(LONG_MAX, one_line=False)), _text_schema(LONG_MAX)
]


_PAGE = re.compile(r"^(?!/)(?!.*\.\.)[\w./-]+\.md(#[\w-]+)?$")
_HTTPS = re.compile(r"^https://[^\s<>\"']+$")


def web_address(text: str) -> str:
    """Refuse what makes an address look like another: invisible characters, a host outside
    ASCII (look-alike letters; an IDN host is written as punycode, xn--…) or a user part
    (``https://www.stadt.example@angreifer.example``). The scheme is checked by the caller.
    """
    no_invisible(text, address=True)
    try:
        parts = urlsplit(text)
    except ValueError:
        parts = None
    host = parts.hostname or "" if parts else ""
    if parts is None or "@" in parts.netloc:
        raise PydanticCustomError(
            "rathaus_web_user",
            "„{value}“ enthält vor dem Rechnernamen einen Teil mit @ – solche Adressen "
            "führen oft woanders hin, als sie zeigen; schreiben Sie die Adresse ohne ihn",
            {"value": shown(text)},
        )
    stray = next((c for c in host if not c.isascii()), None)
    if stray is not None:
        raise PydanticCustomError(
            "rathaus_web_host",
            "{what} – schreiben Sie den Rechnernamen in lateinischen Buchstaben; einen "
            "Namen mit Umlauten in der Form xn--…",
            {"what": _foreign(stray, "im Rechnernamen")},
        )
    if not _HOST.match(host):
        raise PydanticCustomError(
            "rathaus_web_host",
            "„{value}“ hat keinen gültigen Rechnernamen – schreiben Sie z. B. "
            "https://www.beispiel.de",
            {"value": shown(text)},
        )
    return text


def _link(value: Any) -> str:
    """An https address or a page in content/ (``kontakt.md``); nothing that runs code."""
    text = no_invisible(_text_of(value, ADDRESS_MAX, one_line=True), address=True)
    if _HTTPS.match(text):
        return web_address(text)
    if _PAGE.match(text):
        return text
    raise PydanticCustomError(
        "rathaus_link",
        "„{value}“ ist weder eine https-Adresse noch eine Seite in content/ – schreiben Sie "
        "z. B. https://www.beispiel.de oder kontakt.md",
        {"value": shown(text)},
    )


def _page(value: Any) -> str:
    text = no_invisible(_text_of(value, ADDRESS_MAX, one_line=True), address=True)
    if _PAGE.match(text):
        return text
    raise PydanticCustomError(
        "rathaus_page",
        "„{value}“ ist keine Seite in content/ – schreiben Sie den Pfad der Markdown-Datei, "
        "z. B. barriere-melden.md",
        {"value": shown(text)},
    )


Verweis = Annotated[
    str,
    PlainValidator(_link),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": ADDRESS_MAX,
            "examples": ["kontakt.md", "https://www.beispiel.de"],
        }
    ),
]
_FILE = re.compile(r"^(?!/)(?!.*\.\.)[\w./-]+\.[A-Za-z0-9]{2,5}$")


def _file(value: Any) -> str:
    text = no_invisible(_text_of(value, ADDRESS_MAX, one_line=True), address=True)
    if _FILE.match(text) and not text.endswith(".md"):
        return text
    raise PydanticCustomError(
        "rathaus_file",
        "„{value}“ ist keine Datei in content/ – schreiben Sie den Pfad ab dem Ordner content/ "
        "mit Dateiendung, z. B. medien/vorlagen/bebauungsplan-88.pdf",
        {"value": shown(text)},
    )


# A file editors publish with the site (an attachment), as a path inside content/.
Datei = Annotated[
    str,
    PlainValidator(_file),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": ADDRESS_MAX,
            "pattern": r"^[\w./-]+\.[A-Za-z0-9]{2,5}$",
            "examples": ["medien/vorlagen/bebauungsplan-88.pdf"],
        }
    ),
]
Seite = Annotated[
    str,
    PlainValidator(_page),
    WithJsonSchema({"type": "string", "maxLength": ADDRESS_MAX, "pattern": r"\.md(#[\w-]+)?$"}),
]
