"""Videos in Deutscher Gebärdensprache (DGS), as editors write them in ``data/videos.yml``.

Only what an editor knows is written here: files, captions, transcript, topic. Duration,
resolution, frame rate and file size are read from the files
(``rathaus.gebaerdensprache.medien``); values an editor declares under ``angaben:`` are
compared with what the files say.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Self

from pydantic import AfterValidator, Field, PlainValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from .entities import Id, Record
from .fieldtypes import (
    ADDRESS_MAX,
    SHORT_VALUE_MAX,
    Choice,
    Langtext,
    Seite,
    Titel,
    no_invisible,
    shown,
    too_long,
    web_address,
)

# A path below content/, written as in a Markdown link: medien/dgs/video.mp4.
_MEDIA_PATH = re.compile(r"^[^\s\\]+$")
_MEDIA_MAX = 300
_DURATION = re.compile(r"^(?:(?P<h>\d+):)?(?P<m>\d{1,2}):(?P<s>[0-5]\d)$")
_PEERTUBE_ID = re.compile(r"^[\w-]{6,64}$")
_YOUTUBE_ID = re.compile(r"^[\w-]{11}$")
_VIMEO_ID = re.compile(r"^\d{3,12}$")


def _media_path(value: Any) -> str:
    """A relative path in content/; where it may point is checked with the files."""
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > _MEDIA_MAX:
        raise too_long(text, _MEDIA_MAX)
    if text and _MEDIA_PATH.match(no_invisible(text, address=True)):
        return text
    raise PydanticCustomError(
        "rathaus_media_path",
        "„{value}“ ist kein Dateipfad – schreiben Sie den Pfad in content/ ohne Leerzeichen, "
        "z. B. medien/dgs/startseite.mp4",
        {"value": shown(value)},
    )


Medienpfad = Annotated[
    str,
    PlainValidator(_media_path),
    WithJsonSchema(
        {"type": "string", "maxLength": _MEDIA_MAX, "examples": ["medien/dgs/startseite.mp4"]}
    ),
]


def parse_duration(value: Any) -> float:
    """``3:05`` or ``1:02:03`` (hours, minutes, seconds) → seconds."""
    text = value.strip() if isinstance(value, str) else ""
    # Bounded first: int() refuses more than 4300 digits with an English ValueError.
    match = _DURATION.match(text) if len(text) <= SHORT_VALUE_MAX else None
    if not match:
        raise PydanticCustomError(
            "rathaus_duration",
            "„{value}“ ist keine Spieldauer – schreiben Sie Minuten und Sekunden, z. B. 3:05",
            {"value": shown(value)},
        )
    return int(match["h"] or 0) * 3600 + int(match["m"]) * 60 + int(match["s"])


Spieldauer = Annotated[
    float,
    PlainValidator(parse_duration),
    WithJsonSchema(
        {"type": "string", "pattern": r"^(\d+:)?\d{1,2}:[0-5]\d$", "maxLength": SHORT_VALUE_MAX}
    ),
]


def _whole_number(value: Any) -> int:
    text = value.strip() if isinstance(value, str) else str(value)
    if text.isdigit() and len(text) <= 9 and int(text) > 0:
        return int(text)
    raise PydanticCustomError(
        "rathaus_number", "„{value}“ ist keine ganze Zahl größer als 0", {"value": shown(value)}
    )


Zahl = Annotated[
    int,
    PlainValidator(_whole_number),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "maxLength": SHORT_VALUE_MAX},
            ]
        }
    ),
]


def _frame_rate(value: Any) -> float:
    text = value.strip().replace(",", ".") if isinstance(value, str) else str(value)
    try:
        rate = float(text) if len(text) <= SHORT_VALUE_MAX else 0.0
    except ValueError:
        rate = 0.0
    if 0 < rate < float("inf"):
        return rate
    raise PydanticCustomError(
        "rathaus_frame_rate",
        "„{value}“ ist keine Bildrate – schreiben Sie Bilder pro Sekunde, z. B. 25 oder 29,97",
        {"value": shown(value)},
    )


Bildrate = Annotated[
    float,
    PlainValidator(_frame_rate),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "exclusiveMinimum": 0},
                {"type": "string", "maxLength": SHORT_VALUE_MAX},
            ]
        }
    ),
]


class Anbieter(Choice):
    YOUTUBE = "youtube", "YouTube"
    VIMEO = "vimeo", "Vimeo"
    PEERTUBE = "peertube", "PeerTube"


class Extern(Record):
    """Dasselbe Video bei einem Videodienst. Es wird erst nach einem Klick geladen."""

    anbieter: Anbieter = Field(description="youtube, vimeo oder peertube")
    adresse: Annotated[
        str,
        Field(pattern=r"^https://[^\s<>\"']+$", max_length=ADDRESS_MAX),
        AfterValidator(web_address),
    ] = Field(
        description="Adresse des Videos beim Anbieter, z. B. https://www.youtube.com/watch?v=…"
    )


class Angaben(Record):
    """Werte, die Sie kennen; sie werden mit der Videodatei verglichen."""

    dauer: Spieldauer | None = Field(None, description="Spieldauer, z. B. 3:05")
    breite: Zahl | None = Field(None, description="Breite in Bildpunkten, z. B. 1280")
    hoehe: Zahl | None = Field(None, description="Höhe in Bildpunkten, z. B. 720")
    bildrate: Bildrate | None = Field(None, description="Bilder pro Sekunde, z. B. 25")


class Video(Record):
    """Ein Video in Deutscher Gebärdensprache (DGS) mit Untertiteln und Transkript."""

    id: Id
    titel: Titel = Field(
        description="Titel des Videos, wie er über dem Video steht",
        examples=["Einen Termin im Bürgerbüro buchen"],
    )
    thema: Titel = Field(description="Was das Video erklärt, z. B. Hinweise zur Navigation")
    seite: Seite | None = Field(
        None, description="Seite in content/, die das Video erklärt, z. B. barrierefreiheit.md"
    )
    datum: date = Field(description="Datum der Aufnahme oder Veröffentlichung, z. B. 2027-02-01")
    dateien: tuple[Medienpfad, ...] = Field(
        (),
        description="Videodateien (MP4, WebM) in content/medien/, z. B. medien/dgs/start.mp4",
    )
    poster: Medienpfad | None = Field(
        None, description="Vorschaubild (JPEG, PNG oder WebP) in content/medien/"
    )
    untertitel: Medienpfad | None = Field(
        None, description="Deutsche Untertitel als WebVTT-Datei (.vtt) in content/medien/"
    )
    transkript: Langtext | None = Field(
        None,
        description="Der Text des Videos zum Nachlesen",
        examples=["Guten Tag. In diesem Video erklären wir, wie Sie einen Ausweis beantragen."],
    )
    transkript_datei: Medienpfad | None = Field(
        None, description="oder: der Text des Videos als Textdatei (.txt) in content/medien/"
    )
    extern: Extern | None = Field(
        None, description="dasselbe Video bei YouTube, Vimeo oder PeerTube (zwei Klicks)"
    )
    angaben: Angaben | None = Field(
        None, description="bekannte Werte der Datei; sie werden mit der Datei verglichen"
    )

    @model_validator(mode="after")
    def _sources(self) -> Self:
        if not self.dateien and self.extern is None:
            raise PydanticCustomError(
                "rathaus_video_source",
                "das Video hat weder dateien: noch extern: – tragen Sie mindestens eine "
                "Videodatei ein",
                {},
            )
        if self.transkript is not None and self.transkript_datei is not None:
            raise PydanticCustomError(
                "rathaus_video_transcript",
                "transkript: und transkript_datei: schließen sich aus – behalten Sie eines",
                {},
            )
        if self.extern is not None:
            video_id(self.extern)  # raises when the address names no video
        return self


def video_id(extern: Extern) -> str:
    """The provider's id of the video in ``extern.adresse``."""
    address = extern.adresse
    candidates: list[str] = []
    if extern.anbieter is Anbieter.YOUTUBE:
        candidates += re.findall(r"[?&]v=([\w-]+)", address)
        candidates += re.findall(r"(?:youtu\.be|/embed|/shorts|/live)/([\w-]+)", address)
        pattern = _YOUTUBE_ID
    elif extern.anbieter is Anbieter.VIMEO:
        candidates += re.findall(r"vimeo\.com/(?:video/)?(\d+)", address)
        pattern = _VIMEO_ID
    else:
        candidates += re.findall(r"/(?:w|videos/watch|videos/embed)/([\w-]+)", address)
        pattern = _PEERTUBE_ID
    for candidate in candidates:
        if pattern.match(candidate):
            return candidate
    raise PydanticCustomError(
        "rathaus_video_address",
        "in der Adresse „{value}“ steht keine Video-Kennung von {provider} – kopieren Sie die "
        "Adresse aus der Adresszeile des Browsers, während das Video läuft",
        {"value": address, "provider": extern.anbieter.label},
    )
