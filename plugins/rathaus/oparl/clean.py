"""Text and addresses from an OParl export, made plain before they reach data/gremien.yml.

An export comes from a third party's server, so nothing in it is trusted: every value the
import writes is plain text the data model accepts, or a validated http(s) address.

* characters no output can carry safely are removed: controls (except the blanks TAB, CR and
  LF), U+2028/U+2029, bidi controls, zero-width and other invisible characters, lone
  surrogates and non-characters;
* text is normalised to NFC and runs of blanks and line breaks become one space (every
  imported field is one line in the file);
* a value longer than the model allows is shortened and marked with "…";
* an address must be http(s) with an ASCII host (punycode) and no user part, else it is
  dropped.

Markup such as ``<script>`` stays literal text: the templates escape it on every page.
Nothing changes silently: every removal, shortening or dropped value is a German note naming
the object and the field.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..model.fieldtypes import ADDRESS_MAX, NAME_MAX, SHORT_MAX, TITLE_MAX, Kurztext, Name, Titel
from ..model.gremien import Webadresse
from ..model.yamlread import BIDI_CONTROLS, INVISIBLE

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200c-\u200f\u2061-\u2064\u3164\uffa0"
)
_REFUSED = re.compile(
    f"[{_CONTROLS}\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff{_INVISIBLE}"
    + "".join(sorted(BIDI_CONTROLS | INVISIBLE))
    + "]"
)
_BLANKS = re.compile("[ \t\r\n]+")

# The model's own validators decide in the end, so the file always loads.
_KINDS: dict[int, tuple[str, TypeAdapter[str]]] = {
    NAME_MAX: ("Name", TypeAdapter(Name)),
    TITLE_MAX: ("Titel", TypeAdapter(Titel)),
    SHORT_MAX: ("Kurztext", TypeAdapter(Kurztext)),
}
_WEB: TypeAdapter[str] = TypeAdapter(Webadresse)


def _kind(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char in BIDI_CONTROLS:
        return f"Steuerzeichen für die Schreibrichtung {code}"
    if 0xD800 <= ord(char) <= 0xDFFF:
        return f"ungültiges Zeichen {code} (halbe Ersatzkodierung)"
    if unicodedata.category(char) == "Cc" or char in "\u2028\u2029":
        return f"Steuerzeichen {code}"
    return f"unsichtbares Zeichen {code}"


def quiet(value: str) -> str:
    """``value`` without refused characters and line breaks, for a message or a comparison."""
    return _BLANKS.sub(" ", _REFUSED.sub("", value)).strip()


def _shown(value: str, limit: int = 60) -> str:
    text = quiet(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def what(value: Any) -> str:
    """What a JSON value is, in German."""
    if isinstance(value, bool):
        return "ein Wahrheitswert"
    if isinstance(value, int | float):
        return "eine Zahl"
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, dict):
        return "ein Objekt"
    return "Text" if isinstance(value, str) else "leer"


def _message(exc: ValidationError) -> str:
    return str(exc.errors()[0].get("msg", "ungültiger Wert"))


class Cleaner:
    """Makes values plain; collects one German note for every change it makes."""

    def __init__(self) -> None:
        self._notes: dict[str, None] = {}

    @property
    def notes(self) -> list[str]:
        return list(self._notes)

    def note(self, text: str) -> None:
        self._notes[text] = None

    def text(self, value: Any, where: str, field: str, most: int) -> str | None:
        """Plain one-line text of at most ``most`` characters: NAME_MAX, TITLE_MAX or SHORT_MAX."""
        if value is None:
            return None
        if not isinstance(value, str):
            self.note(f"{where}, Feld {field}: kein Text, sondern {what(value)} – weggelassen")
            return None
        found = sorted({m.group() for m in _REFUSED.finditer(value)})
        for char in found:
            self.note(f"{where}, Feld {field}: {_kind(char)} entfernt")
        text = unicodedata.normalize("NFC", _BLANKS.sub(" ", _REFUSED.sub("", value)).strip())
        if not text:
            return None
        if len(text) > most:
            self.note(
                f"{where}, Feld {field}: {len(text)} Zeichen, erlaubt sind {most} – auf "
                f"{most} Zeichen gekürzt (endet mit „…“)"
            )
            text = text[: most - 1].rstrip() + "…"
        label, adapter = _KINDS[most]
        try:
            return adapter.validate_python(text)
        except ValidationError as exc:
            self.note(f"{where}, Feld {field}: {_message(exc)} – weggelassen ({label})")
            return None

    def url(self, value: Any, where: str, field: str) -> str | None:
        """A http(s) address the model accepts, or ``None`` with a note."""
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.note(f"{where}, Feld {field}: keine Adresse, sondern {what(value)} – weggelassen")
            return None
        text, reason = _web(value)
        if reason is None:
            return text
        self.note(f"{where}, Feld {field}: „{_shown(text)}“ weggelassen – {reason}")
        return None

    def ident(self, obj: dict[str, Any], what: str) -> str | None:
        """The object's ``id`` if the model accepts it as ``oparl_id``; else a note."""
        value = obj.get("id")
        text, reason = _web(value) if isinstance(value, str) else ("", "kein Text")
        if reason is None:
            return text
        self.note(f"{what} „{_shown(text)}“ übersprungen – die Kennung (id) ist ungültig: {reason}")
        return None


def _web(value: str) -> tuple[str, str | None]:
    """The address and why the model would refuse it (``None``: it is accepted)."""
    text = value.strip()
    if len(text) > ADDRESS_MAX:
        return text, f"länger als {ADDRESS_MAX} Zeichen"
    refused = _REFUSED.search(text)
    if refused:
        return text, f"enthält ein {_kind(refused.group())}"
    if not re.match(r"https?://", text):
        return text, "keine http(s)-Adresse"
    try:
        return _WEB.validate_python(text), None
    except ValidationError as exc:
        return text, _message(exc)
