"""Text from data on its way into an output format: one function per format (issue 12).

`rathaus check` refuses control characters, but a town may bypass the check, and an import or
a news post's front matter may bring them later; so every writer sends its text through the
function of its format here and the output file stays valid whatever arrives.

What every format removes (`plain_text`): C0 controls except TAB, LF and CR; DEL; C1 controls
(U+0080–U+009F, U+0085 included); lone surrogates (U+D800–U+DFFF, which cannot even be encoded
as UTF-8); the noncharacters U+FFFE and U+FFFF. None of them can be shown, and each breaks at
least one of the formats below. Removing (not replacing) keeps "Name\\x00Rest" readable as
"NameRest". Bidi controls and zero-width characters are valid everywhere and stay; refusing
them is the check's job.

* `json_ld` – JSON (RFC 8259) inside ``<script type="application/ld+json">``: the text can never
  end the element (``<``, ``>``, ``&`` as ``\\u003c`` …) and U+2028/U+2029 are written as
  ``\\u2028``/``\\u2029`` (JavaScript before ES2019 ends a string at them).
* `vcard_text` – a TEXT value for vobject (vCard 3.0, RFC 2426; the same rules as RFC 6350
  3.4): vobject escapes backslash, comma, semicolon and newline; this function removes
  controls and turns CR LF and a lone CR into LF first, so a line break becomes ``\\n`` and
  never starts a property.
* `folded` – content lines (vCard, iCalendar) folded at 75 octets without splitting a UTF-8
  sequence (RFC 6350 3.2, RFC 5545 3.1). vobject 0.9 counts characters, not octets, and leaves
  a line of 70 umlauts unfolded, so the vCard writer folds its result again.
* `ical_text` – a TEXT value for the icalendar package (RFC 5545 3.3.11): icalendar escapes and
  folds the same way; the line breaks are normalised as for vCard.
* `ical_line` – a value icalendar writes without escaping (``PRODID``, RFC 7986 ``NAME``):
  controls removed and every line break (CR, LF) replaced by a space.
* `uri` – a URI value (vCard ``URL``, iCalendar ``URL``/``ORGANIZER``; RFC 3986): controls
  removed, every character outside RFC 3986's reserved and unreserved set percent-encoded
  (spaces, line breaks, non-ASCII), so a value can never break the line or the property.
* `xml_text` – text and attribute values for XML 1.0 (the Atom feed, RFC 4287): controls
  removed (XML 1.0 ``Char`` allows only TAB, LF and CR below U+0020) and CR LF / CR turned into
  LF, the form a parser reports anyway. Escaping ``<``, ``&`` and quotes is ElementTree's part.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("\r\n?")
_FOLD = re.compile("\r\n[ \t]")
# RFC 3986 reserved and unreserved characters, and "%" for escapes already present.
_URI_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


def plain_text(text: str) -> str:
    """``text`` without the characters no output format can carry (see the module)."""
    return _UNPRINTABLE.sub("", text)


# Python-Markdown's backslash escapes; "<" and "&" have none and become entities.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that renders as exactly this text, on one line."""
    flat = " ".join(plain_text(text).split())
    escaped = flat.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def _lines(text: str) -> str:
    return _LINE_BREAK.sub("\n", plain_text(text))


def _clean(data: Any) -> Any:
    if isinstance(data, str):
        return plain_text(data)
    if isinstance(data, dict):
        return {_clean(key): _clean(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_clean(item) for item in data]
    return data


def json_ld(data: Any) -> str:
    """``data`` as compact, sorted JSON safe to place inside a ``<script>`` element."""
    text = json.dumps(_clean(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def vcard_text(text: str) -> str:
    """A vCard TEXT value before vobject escapes and folds it."""
    return _lines(text)


def ical_text(text: str) -> str:
    """An iCalendar TEXT value before icalendar escapes and folds it."""
    return _lines(text)


def ical_line(text: str) -> str:
    """A one-line iCalendar value that icalendar does not escape."""
    return " ".join(_lines(text).split("\n"))


def uri(text: str) -> str:
    """A URI value that stays one token on one line (already valid URIs are unchanged)."""
    return quote(plain_text(text), safe=_URI_SAFE)


def folded(text: str) -> str:
    """CRLF-separated content lines, unfolded and folded again at 75 octets."""
    out: list[str] = []
    for line in _FOLD.sub("", text).split("\r\n"):
        room, part = 75, ""
        for char in line:
            size = len(char.encode("utf-8"))
            if size > room:
                out.append(part)
                room, part = 74, " "
            part += char
            room -= size
        out.append(part)
    return "\r\n".join(out)


def xml_text(text: str) -> str:
    """Text or an attribute value that XML 1.0 allows (ElementTree escapes the rest)."""
    return _lines(text)
