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
* the bytes must be UTF-8 without NUL, control or bidi-override characters.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .findings import Finding

MAX_DEPTH = 24
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
# Bidi overrides and isolates can make text display differently from what it is.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ALLOWED_CONTROLS = frozenset("\t\n\r")
# Any character check_text reports; text without one skips the per-character scan.
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f" + "".join(sorted(BIDI_CONTROLS)) + "]")
INLINE_HASH = re.compile(r"[ \t]+#\S")

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based


@dataclass
class Document:
    """A parsed YAML file: plain data plus where each key and value stood."""

    file: str
    data: Any
    key_marks: dict[Path_, Mark] = field(default_factory=dict)
    value_marks: dict[Path_, Mark] = field(default_factory=dict)

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
    line, col = 1, 0
    for char in text:
        col += 1
        if char == "\n":
            line, col = line + 1, 0
            continue
        if char in BIDI_CONTROLS:
            findings.append(
                _finding(
                    file,
                    Mark(line, col),
                    f"unsichtbares Steuerzeichen für die Schreibrichtung (U+{ord(char):04X})",
                    "löschen Sie das Zeichen; es kann Text anders anzeigen, als er ist",
                )
            )
        elif (ord(char) < 32 and char not in ALLOWED_CONTROLS) or ord(char) == 0x7F:
            findings.append(
                _finding(
                    file,
                    Mark(line, col),
                    f"unzulässiges Steuerzeichen (U+{ord(char):04X})",
                    "löschen Sie das Zeichen; es stammt oft aus kopiertem Text",
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


def _syntax_finding(file: str, exc: yaml.MarkedYAMLError) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
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
        self.doc = Document(file, None)
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
                        _finding(
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
                    self.findings.append(
                        _finding(
                            self.file,
                            _mark(event),
                            f"„&{event.anchor}“ wird als YAML-Anker gelesen und verschluckt",
                            "setzen Sie den ganzen Wert in Anführungszeichen, "
                            f'z. B. "&{event.anchor} …"',
                        )
                    )
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
            self.findings.append(_syntax_finding(self.file, exc))
            self.fatal = True
        return self.doc

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
            else:
                stack.append([value, path, None, {}])
            return

        parent, parent_path, pending_key, seen = stack[-1]
        if isinstance(parent, list):
            path = (*parent_path, len(parent))
            parent.append(value)
            self.doc.value_marks[path] = _mark(event)
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
                        "löschen Sie eines der beiden Vorkommen",
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
        if not isinstance(event, yaml.ScalarEvent):
            stack.append([value, path, None, {}])

    def _scalar(self, event: yaml.ScalarEvent) -> str | None:
        if event.style:  # quoted or block scalar: always text (plain: None, libyaml "")
            return str(event.value)
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
        return str(event.value)


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
        if not fast.findings and not fast.fatal:
            return fast.doc, []
    builder = _Builder(file, text)
    with contextlib.suppress(_AbortError):
        builder.build()
    return (None if builder.fatal else builder.doc), builder.findings
