"""Strict YAML for editors: every scalar stays text, positions are kept, surprises are errors.

PyYAML implements YAML 1.1, where `8:00` is the number 480, `01067` is octal, `nein`
and `off` are booleans for some tools and strings for others, and `#12` after a value
silently becomes a comment. We read PyYAML's *event stream* (its parser is iterative, so
deep nesting cannot overflow the stack) and build plain Python values ourselves:

* plain scalars stay strings (the data model converts them deliberately), only an empty
  value, `~` and `null` become ``None``;
* anchors, aliases and tags are refused (no alias bombs, no Python objects);
* duplicate keys, non-string keys and nesting deeper than ``MAX_DEPTH`` are refused;
* a value followed by `#text` on the same line is refused, because the editor almost
  certainly meant the `#` as part of the value;
* the bytes must be UTF-8 without NUL, control or bidi-override characters, and without
  the characters that YAML and ``str.splitlines`` treat as a line break but editors do not
  (U+0085, U+2028, U+2029, VT, FF, FS, GS, RS): they would shift every later line number;
* every value and key is checked again *after* parsing, because a double-quoted escape
  (``"\\u202E"``, ``"\\ud800"``, ``"\\b"``) makes characters the bytes never showed, and
  libyaml accepts a TAB inside a plain value where the pure parser does not. Text is
  normalised to NFC, so decomposed umlauts are published composed.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from .fieldtypes import WEEKDAYS
from .findings import Finding

MAX_DEPTH = 24
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
# Bidi overrides and isolates can make text display differently from what it is.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Line breaks for YAML or str.splitlines, but not for editors, git or our line counting.
LINE_BREAKERS = frozenset("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# Invisible characters without any use in editor data: they hide inside words and ids.
INVISIBLE = frozenset("\u200b\u2060\ufeff")
ALLOWED_CONTROLS = frozenset("\t\n\r")
# Any character check_text reports; text without one skips the per-character scan.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]"
)
# Any character a parsed value must not hold (TAB and LF are judged by the scalar's style).
FORBIDDEN_IN_VALUE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
    + "".join(sorted(BIDI_CONTROLS | INVISIBLE))
    + "]"
)
INLINE_HASH = re.compile(r"[ \t]+#\S")
# A file full of stray characters is one mistake (a binary or wrongly encoded file).
_MAX_CHAR_FINDINGS = 20
# Escapes of double-quoted YAML scalars, to find where an escaped character was written.
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_NAMED_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}


def describe_char(char: str, col: int) -> tuple[str, str]:
    """Message and hint for a character editor data must not hold, at 1-based ``col``."""
    code = f"U+{ord(char):04X}"
    if char in BIDI_CONTROLS:
        return (
            f"unsichtbares Steuerzeichen für die Schreibrichtung {code} in Spalte {col}",
            "löschen Sie das Zeichen; es kann Text anders anzeigen, als er ist",
        )
    if char in LINE_BREAKERS:
        return (
            f"Zeilentrenner {code} in Spalte {col}",
            "ersetzen Sie ihn durch einen normalen Zeilenumbruch oder ein Leerzeichen; "
            "manche Programme brechen hier die Zeile um, andere nicht",
        )
    if 0xD800 <= ord(char) <= 0xDFFF:
        return (
            f"ungültiges Zeichen {code} in Spalte {col} (eine halbe Ersatzkodierung)",
            "löschen Sie die Escape-Folge und schreiben Sie das gemeinte Zeichen selbst",
        )
    if char == "\t":
        return (
            f"Tabulator in Spalte {col}",
            "ersetzen Sie den Tabulator durch ein Leerzeichen; Tabulatoren sind nur in "
            "mehrzeiligen Texten (feld: |) erlaubt",
        )
    if unicodedata.category(char) == "Cc":
        return (
            f"unzulässiges Steuerzeichen {code} in Spalte {col}",
            "löschen Sie das Zeichen; es stammt oft aus kopiertem Text",
        )
    return (
        f"unsichtbares Zeichen {code} in Spalte {col}",
        "löschen Sie das Zeichen; man sieht es nicht, aber es stört Suche, Links und Vergleiche",
    )


Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based


@dataclass(frozen=True)
class Span:
    """A scalar in the source: 0-based start and end as PyYAML reports them, and its style."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int
    style: str


def _span(event: yaml.Event) -> Span:
    start, end = event.start_mark, event.end_mark
    style = getattr(event, "style", None) or ""
    if start is None or end is None:
        return Span(0, 0, 0, 0, style)
    return Span(start.line, start.column, end.line, end.column, style)


def _decode_escape(escape: str) -> str:
    if escape[1] in "xuU":
        code = int(escape[2:], 16)
        return chr(code) if code <= 0x10FFFF else ""
    return _NAMED_ESCAPES.get(escape[1], escape[1])


def locate(lines: list[str], span: Span, char: str, nth: int = 0) -> Mark:
    """The position of the ``nth`` ``char`` inside ``span``, written or as an escape.

    Falls back to the start of the span; never raises.
    """
    pattern = re.compile(
        (_ESCAPE.pattern + "|" if span.style == '"' else "") + re.escape(char), re.DOTALL
    )
    seen = 0
    last = min(span.end_line, len(lines) - 1)
    for number in range(span.start_line, last + 1):
        text = lines[number]
        low = span.start_col if number == span.start_line else 0
        high = span.end_col if number == span.end_line else len(text)
        for match in pattern.finditer(text, low, high):
            found = match.group()
            if found != char and _decode_escape(found) != char:
                continue
            if seen == nth:
                return Mark(number + 1, match.start() + 1)
            seen += 1
    return Mark(span.start_line + 1, span.start_col + 1)


@dataclass
class Document:
    """A parsed YAML file: plain data plus where each key and value stood."""

    file: str
    data: Any
    key_marks: dict[Path_, Mark] = field(default_factory=dict)
    value_marks: dict[Path_, Mark] = field(default_factory=dict)
    # Where each scalar value stands in ``lines``, to find single characters in it.
    spans: dict[Path_, Span] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def char_mark(self, path: Path_, char: str, nth: int = 0) -> Mark:
        """Where the ``nth`` ``char`` of the value at ``path`` was written (or its escape)."""
        span = self.spans.get(tuple(path))
        if span is None:
            return self.mark_for(path)
        return locate(self.lines, span, char, nth)

    def mark_for(self, path: Path_, *, prefer_key: bool = False) -> Mark:
        """The best known position for ``path``: the value, else the key, else a parent."""
        probe = tuple(path)
        while True:
            first, second = (
                (self.key_marks, self.value_marks)
                if prefer_key
                else (self.value_marks, self.key_marks)
            )
            if probe in first:
                return first[probe]
            if probe in second:
                return second[probe]
            if not probe:
                return Mark(1, 1)
            probe = probe[:-1]


def _mark(event: yaml.Event) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1) if start else Mark(1, 1)


def _finding(file: str, mark: Mark, message: str, hint: str, field_name: str = "") -> Finding:
    return Finding(file, mark.line, mark.col, field_name, message, hint, rule="yaml")


def check_text(file: str, raw: bytes) -> tuple[str, list[Finding]]:
    """Decode bytes as UTF-8 and report characters that have no place in editor data."""
    findings: list[Finding] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        # A byte order mark is harmless noise that Windows editors add; drop it.
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        line = good.count("\n") + 1
        col = len(good) - (good.rfind("\n") + 1) + 1
        findings.append(
            _finding(
                file,
                Mark(line, col),
                "Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte "
                f"0x{raw[exc.start]:02x})",
                "speichern Sie die Datei im Editor mit der Kodierung „UTF-8“",
            )
        )
        return "", findings
    if _SUSPECT.search(text) is None:
        return text, findings
    line, col, more = 1, 0, 0
    first_more: Mark | None = None
    for char in text:
        col += 1
        if char == "\n":
            line, col = line + 1, 0
            continue
        if char in ALLOWED_CONTROLS or not _SUSPECT.match(char):
            continue
        if len(findings) == _MAX_CHAR_FINDINGS:
            more += 1
            first_more = first_more or Mark(line, col)
            continue
        message, hint = describe_char(char, col)
        findings.append(_finding(file, Mark(line, col), message, hint))
    if first_more is not None:
        findings.append(
            _finding(
                file,
                first_more,
                f"und {more} weitere solche Zeichen in der Datei",
                "speichern Sie die Datei neu als reinen Text (UTF-8) und prüfen Sie sie dann",
            )
        )
    return text, findings


_SYNTAX_HINTS: tuple[tuple[str, str, str], ...] = (
    (
        "mapping values are not allowed",
        "ein Doppelpunkt steht an einer Stelle, an der YAML keinen erwartet",
        'setzen Sie Werte mit Doppelpunkt in Anführungszeichen, z. B. titel: "Hinweis: …"',
    ),
    (
        "found character '\\t'",
        "ein Tabulator wurde zum Einrücken verwendet",
        "rücken Sie nur mit Leerzeichen ein",
    ),
    (
        "could not find expected ':'",
        "nach einem Feldnamen fehlt der Doppelpunkt",
        "schreiben Sie feldname: wert",
    ),
    (
        "expected <block end>",
        "die Einrückung passt nicht zur Zeile davor",
        "rücken Sie Felder desselben Eintrags gleich weit ein",
    ),
    (
        "found unexpected end of stream",
        "ein Anführungszeichen oder eine Klammer wird nicht geschlossen",
        "schließen Sie jedes geöffnete Anführungszeichen in derselben Zeile",
    ),
    (
        "found undefined tag handle",
        "ein Ausrufezeichen am Wertanfang wird als YAML-Tag gelesen",
        "setzen Sie den Wert in Anführungszeichen",
    ),
)


def _syntax_finding(file: str, exc: yaml.MarkedYAMLError, lines: list[str]) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    from_source = _source_hint(exc, lines)
    if from_source is not None:
        at, message, hint = from_source
        return _finding(file, at, f"YAML-Syntaxfehler: {message}", hint)
    problem = f"{exc.context or ''} {exc.problem or ''}"
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in problem:
            return _finding(file, where, f"YAML-Syntaxfehler: {message}", hint)
    return _finding(
        file,
        where,
        f"YAML-Syntaxfehler ({(exc.problem or 'unbekannt').strip()})",
        "prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile",
    )


# -- Hints from the editor's line ---------------------------------------------------------
# PyYAML's problem text names what the parser expected, not what the editor did: one
# phrase covers a missing blank, an indentation slip and a stray apostrophe. So the hint
# is chosen by looking at the lines around the problem. All patterns here are linear.

_KEY = re.compile(r"[^\s:#'\"{}\[\]][^:#]*?:(?: +|$)")
_NO_BLANK = re.compile(r"^ *(?:- +)?(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:].*)$")
_KEY_LINE = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[A-Za-z_][\w-]*):(?: +(?P<value>.*))?$")
Hint = tuple[Mark, str, str]


def _spaces(count: int) -> str:
    return f"{count} Leerzeichen" if count else "ohne Einrückung"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _value_start(line: str) -> int | None:
    """Where the value of a ``key: value`` or ``- value`` line begins."""
    at = _indent(line)
    while line.startswith("-", at) and line[at + 1 : at + 2] in {" ", ""}:
        at = _indent(line[at + 1 :]) + at + 1
    key = _KEY.match(line, at)
    if key:
        at = key.end()
    return at if at < len(line) else None


def _closing(line: str, start: int, quote: str) -> int | None:
    """The index of the quote that closes a scalar opened before ``start``."""
    at = start
    while at < len(line):
        char = line[at]
        if quote == '"' and char == "\\":
            at += 2
            continue
        if char == quote:
            if quote == "'" and line[at + 1 : at + 2] == "'":
                at += 2
                continue
            return at
        at += 1
    return None


def _opening_quote(lines: list[str], problem: int) -> Mark | None:
    """The quote that opened the scalar the parser was still in at line ``problem``.

    An unclosed quote runs on over the following lines until the next quote character,
    often many lines later; the editor's mistake is where it opened.
    """
    opened: tuple[int, int, str] | None = None
    for number in range(min(problem, len(lines) - 1) + 1):
        line = lines[number]
        if opened is None:
            start = _value_start(line)
            if start is not None and line[start] in "'\"":
                quote = line[start]
                if _closing(line, start + 1, quote) is None:
                    opened = (number, start, quote)
            continue
        if _closing(line, 0, opened[2]) is not None:
            if number == problem:
                return Mark(opened[0] + 1, opened[1] + 1)
            opened = None
    return Mark(opened[0] + 1, opened[1] + 1) if opened else None


def _early_close(line: str) -> Hint | None:
    """A quote inside a quoted value ends it too early: 'Bürgers' Büro'."""
    start = _value_start(line)
    if start is None or line[start] not in "'\"":
        return None
    quote = line[start]
    end = _closing(line, start + 1, quote)
    rest = line[end + 1 :].strip() if end is not None else ""
    if end is None or not rest or rest.startswith("#"):
        return None
    value = line[start:].rstrip()
    if quote == "'":
        inner = value[1:-1] if value.endswith("'") else value[1:]
        return (
            Mark(0, end + 1),
            "ein Apostroph beendet den Text in einfachen Anführungszeichen zu früh",
            "verdoppeln Sie den Apostroph im Text ('"
            + inner.replace("'", "''")
            + "') oder setzen Sie den Wert in doppelte Anführungszeichen",
        )
    return (
        Mark(0, end + 1),
        "ein Anführungszeichen im Text beendet den Wert in Anführungszeichen zu früh",
        "setzen Sie den Wert in einfache Anführungszeichen oder schreiben Sie im Text "
        "typografische Anführungszeichen „…“",
    )


def _previous(lines: list[str], number: int) -> int | None:
    """The nearest line above ``number`` with content (not blank, not a comment)."""
    for above in range(min(number, len(lines)) - 1, -1, -1):
        text = lines[above].strip()
        if text and not text.startswith("#"):
            return above
    return None


def _indentation(exc: yaml.MarkedYAMLError, lines: list[str], number: int) -> Hint | None:
    above = _previous(lines, number)
    if above is None or number >= len(lines):
        return None
    line, prev = lines[number], lines[above]
    here, there = _indent(line), _indent(prev)
    # In "- id: x" the fields of the entry start after the dash.
    there_fields = there + 2 if prev.lstrip().startswith("- ") else there
    prev_key = _KEY_LINE.match(prev)
    key = _KEY_LINE.match(line)
    name = f"„{key['key']}:“" if key else "die Zeile"
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem:
        if key and key["value"] and ": " in key["value"]:
            return None  # a colon inside a value: the table's hint is right
        if prev_key and prev_key["value"] and here > there:
            return (
                Mark(number + 1, here + 1),
                "die Zeile ist weiter eingerückt als die Zeile davor",
                f"rücken Sie {name} genauso weit ein wie „{prev_key['key']}:“ "
                f"({_spaces(there_fields)})",
            )
        return None
    shallower = 0 < here < there_fields and not line.lstrip().startswith("- ")
    if shallower and ("expected <block end>" in problem or "did not find expected" in problem):
        return (
            Mark(number + 1, here + 1),
            "die Zeile ist weniger weit eingerückt als die Zeile davor",
            f"rücken Sie {name} genauso weit ein wie die Felder darüber ({_spaces(there_fields)})",
        )
    return None


def _source_hint(exc: yaml.MarkedYAMLError, lines: list[str]) -> Hint | None:
    problem_mark, context_mark = exc.problem_mark, exc.context_mark
    if problem_mark is None:
        return None
    number = problem_mark.line
    line = lines[number] if number < len(lines) else ""
    unclosed = (
        "ein Anführungszeichen wird nicht geschlossen",
        "schließen Sie es am Ende des Werts in derselben Zeile",
    )
    if context_mark is not None and (exc.context or "").startswith("while scanning a quoted"):
        return (Mark(context_mark.line + 1, context_mark.column + 1), *unclosed)
    early = _early_close(line)
    if early is not None:
        return (Mark(number + 1, early[0].col), early[1], early[2])
    opened = _opening_quote(lines, number)
    if opened is not None:
        return (opened, *unclosed)
    if "'\\t'" in (exc.problem or "") and line[: problem_mark.column].strip():
        # libyaml accepts this TAB and the value check names it; say the same here.
        return (
            Mark(number + 1, problem_mark.column + 1),
            *describe_char("\t", problem_mark.column + 1),
        )
    first = context_mark.line if context_mark is not None else number
    for above in range(max(first, number - 1), min(number, len(lines) - 1) + 1):
        blank = _NO_BLANK.match(lines[above])
        if blank:
            return (
                Mark(above + 1, blank.start("value") + 1),
                "nach dem Doppelpunkt fehlt ein Leerzeichen",
                f"schreiben Sie {blank['key']}: {blank['value'].strip()}",
            )
    start = _value_start(line)
    if start is not None and line[start] in "{[" and start < problem_mark.column:
        group = "Gruppe von Feldern" if line[start] == "{" else "Liste"
        return (
            Mark(number + 1, start + 1),
            f"ein Wert beginnt mit „{line[start]}“ und wird als {group} gelesen",
            'setzen Sie den ganzen Wert in Anführungszeichen, z. B. "'
            + line[start:].strip().replace('"', "'")
            + '"',
        )
    if "found '-'" in (exc.problem or "") and line.lstrip().startswith("-"):
        return (
            Mark(number + 1, _indent(line) + 1),
            "eine Zeile beginnt mit „- “ wie ein Listeneintrag, aber hier stehen Felder",
            "löschen Sie „- “ oder rücken Sie die Zeile unter das Feld ein, zu dem die Liste "
            "gehört",
        )
    return _indentation(exc, lines, number)


# libyaml's parser emits the same events as PyYAML's pure-Python one, 5–10 times faster;
# every page's front matter and directives go through here (issue 8). A document with any
# problem is read again by the pure-Python parser, whose error texts the findings map.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None


class _Builder:
    """Turns PyYAML events into plain values, recording positions per path."""

    def __init__(self, file: str, text: str, loader: Any = yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.lines = text.splitlines()
        self.doc = Document(file, None, lines=self.lines)
        self.findings: list[Finding] = []
        # Set when the data cannot be trusted at all (syntax, anchors, tags, depth).
        self.fatal = False

    def build(self) -> Document:
        # Each frame: [container, path, pending_key (for mappings), seen_keys]
        stack: list[list[Any]] = []
        documents = 0
        try:
            for event in yaml.parse(_text_stream(self.lines), Loader=self.loader):
                if isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        self.findings.append(
                            _finding(
                                self.file,
                                _mark(event),
                                "die Datei enthält mehr als ein YAML-Dokument (---)",
                                "entfernen Sie die zusätzliche Zeile mit ---",
                            )
                        )
                        self.fatal = True
                        break
                    continue
                if isinstance(event, yaml.AliasEvent):
                    self.findings.append(
                        _finding(self.file, _mark(event), *_ON_PURPOSE)
                        if _MERGE_KEY.search(_text_stream(self.lines))
                        else _finding(
                            self.file,
                            _mark(event),
                            "ein Wert beginnt mit * und wird als YAML-Verweis gelesen",
                            "setzen Sie den Wert in Anführungszeichen",
                        )
                    )
                    self.fatal = True
                    return self.doc
                if not isinstance(event, yaml.NodeEvent):
                    if isinstance(event, yaml.CollectionEndEvent):
                        frame = stack.pop()
                        if not stack:
                            self.doc.data = frame[0]
                    continue
                if event.anchor is not None:
                    self.findings.append(self._anchor(event, event.anchor))
                    self.fatal = True
                    return self.doc
                tag = getattr(event, "tag", None)
                if tag not in (None, "!"):
                    self.findings.append(
                        _finding(
                            self.file,
                            _mark(event),
                            f"YAML-Tags wie „{tag}“ sind nicht erlaubt",
                            "entfernen Sie das Tag oder setzen Sie den Wert in Anführungszeichen",
                        )
                    )
                    self.fatal = True
                    return self.doc
                if len(stack) >= MAX_DEPTH:
                    self.findings.append(
                        _finding(
                            self.file,
                            _mark(event),
                            f"die Daten sind tiefer als {MAX_DEPTH} Ebenen verschachtelt",
                            "prüfen Sie die Einrückung; so tiefe Strukturen gibt es im Datenmodell "
                            "nicht",
                        )
                    )
                    self.fatal = True
                    return self.doc
                self._node(event, stack)
        except yaml.MarkedYAMLError as exc:
            self.findings.append(_syntax_finding(self.file, exc, self.lines))
            self.fatal = True
        return self.doc

    def _anchor(self, event: yaml.NodeEvent, anchor: str) -> Finding:
        """An anchor used on purpose (aliased or merged elsewhere) or an accidental ``&``."""
        text = _text_stream(self.lines)
        aliased = re.search(r"\*" + re.escape(anchor) + r"(?![\w-])", text)
        if aliased or _MERGE_KEY.search(text):
            return _finding(self.file, _mark(event), *_ON_PURPOSE)
        return _finding(
            self.file,
            _mark(event),
            f"„&{anchor}“ wird als YAML-Anker gelesen und verschluckt",
            f'setzen Sie den ganzen Wert in Anführungszeichen, z. B. "&{anchor} …"',
        )

    def _node(self, event: yaml.NodeEvent, stack: list[list[Any]]) -> None:
        value: Any
        if isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event)
        elif isinstance(event, yaml.MappingStartEvent):
            value = {}
        else:
            value = []

        if not stack:
            path: Path_ = ()
            self.doc.value_marks[path] = _mark(event)
            if isinstance(event, yaml.ScalarEvent):
                self.doc.data = value
                self.doc.spans[path] = _span(event)
            else:
                stack.append([value, path, None, {}])
            return

        parent, parent_path, pending_key, seen = stack[-1]
        if isinstance(parent, list):
            path = (*parent_path, len(parent))
            parent.append(value)
            self.doc.value_marks[path] = _mark(event)
            if isinstance(event, yaml.ScalarEvent):
                self.doc.spans[path] = _span(event)
        elif pending_key is None:
            # This node is a mapping key.
            if not isinstance(event, yaml.ScalarEvent) or value is None:
                self.findings.append(
                    _finding(
                        self.file,
                        _mark(event),
                        "ein Feldname fehlt oder ist kein einfacher Text",
                        "schreiben Sie feldname: wert",
                    )
                )
                self.fatal = True
                raise _AbortError
            if value in seen:
                first = seen[value]
                self.findings.append(
                    _finding(
                        self.file,
                        _mark(event),
                        f"das Feld steht doppelt (zuerst in Zeile {first.line})",
                        # Both hours are meant: deleting one would lose them.
                        f"schreiben Sie beide Zeiten als Liste unter einen {value}:, z. B. "
                        f"{value}: [8:00-12:00, 14:00-16:00]"
                        if value in WEEKDAYS
                        else "löschen Sie eines der beiden Vorkommen",
                        field_name=str(value),
                    )
                )
            seen[value] = _mark(event)
            stack[-1][2] = value
            self.doc.key_marks[(*parent_path, value)] = _mark(event)
            return
        else:
            path = (*parent_path, pending_key)
            parent[pending_key] = value
            stack[-1][2] = None
            self.doc.value_marks[path] = _mark(event)
            if isinstance(event, yaml.ScalarEvent):
                self.doc.spans[path] = _span(event)
        if not isinstance(event, yaml.ScalarEvent):
            stack.append([value, path, None, {}])

    def _scalar(self, event: yaml.ScalarEvent) -> str | None:
        if event.style:  # quoted or block scalar: always text (plain: None, libyaml "")
            return self._checked(event, str(event.value))
        if event.value in NULL_WORDS:
            return None
        end = event.end_mark
        if end is not None and end.line < len(self.lines):
            rest = self.lines[end.line][end.column :]
            inline = INLINE_HASH.match(rest)
            if inline:
                self.findings.append(
                    _finding(
                        self.file,
                        # 1-based column of the "#", however many blanks precede it.
                        Mark(end.line + 1, end.column + inline.end() - 1),
                        "alles ab „#“ wird als Kommentar gelesen und fehlt im Wert "
                        f"(gelesen wurde nur „{event.value}“)",
                        f'setzen Sie den ganzen Wert in Anführungszeichen, z. B. "{event.value}'
                        f'{rest.rstrip()}"',
                    )
                )
        return self._checked(event, str(event.value))

    def _checked(self, event: yaml.ScalarEvent, value: str) -> str:
        """``value`` in NFC; its first forbidden character is a finding and all are dropped.

        Dropping them keeps one mistake from turning into follow-up errors (or a crash on
        a lone surrogate) further down; the finding already fails the run.
        """
        block = event.style in ("|", ">")
        bad = [
            m.start()
            for m in FORBIDDEN_IN_VALUE.finditer(value)
            if not (block and value[m.start()] == "\t")
        ]
        if bad:
            char = value[bad[0]]
            where = locate(self.lines, _span(event), char, value[: bad[0]].count(char))
            message, hint = describe_char(char, where.col)
            self.findings.append(_finding(self.file, where, message, hint))
            drop = set(bad)
            value = "".join(c for i, c in enumerate(value) if i not in drop)
        if not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
        return value


_MERGE_KEY = re.compile(r"^[ \t-]*<<[ \t]*:", re.MULTILINE)
_ON_PURPOSE = (
    "Anker und Verweise (&, *, <<) sind nicht erlaubt",
    "schreiben Sie die Angaben aus",
)


class _AbortError(Exception):
    pass


def _text_stream(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def parse_yaml(file: str, raw: bytes) -> tuple[Document | None, list[Finding]]:
    """Parse ``raw`` strictly: the document (``None`` if unusable) and every problem found.

    Problems such as a duplicate key or a swallowed ``#`` still yield a document, so
    the data model can report its own problems in the same run.
    """
    text, findings = check_text(file, raw)
    if findings:
        return None, findings
    if _FAST_LOADER is not None:
        fast = _Builder(file, text, _FAST_LOADER)
        with contextlib.suppress(_AbortError):
            fast.build()
        # Only syntax errors need the pure parser's texts; the other findings are the same
        # (and a TAB inside a plain value is a syntax error there, a named character here).
        if not fast.fatal:
            return fast.doc, fast.findings
    builder = _Builder(file, text)
    with contextlib.suppress(_AbortError):
        builder.build()
    return (None if builder.fatal else builder.doc), builder.findings
