"""Checks of the editors' Markdown pages: links out of the folder, front matter, directives.

Directives embed data in a hand-written page and are HTML comments on their own line,
so a page still builds (showing nothing) when the plugin is off::

    <!-- rathaus/oeffnungszeiten { einheit: buergerbuero } -->
    <!-- rathaus/kontakt { person: anna-beispiel } -->
"""

from __future__ import annotations

import copy
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .markdown_scan import front_matter_lines, mask, outside_fences
from .model import Finding, Site
from .model.yamlread import check_text, parse_yaml

_DIRECTIVE = re.compile(r"^\s*<!--\s*rathaus/(?P<name>[\w-]+)\s*(?P<args>\{.*\})?\s*-->\s*$")


@dataclass(frozen=True)
class DirectiveSpec:
    """What a directive accepts besides ``ebene``, and the feature that renders it."""

    feature: str
    """The plugin that replaces the directive; while it is off the directive shows nothing."""
    references: dict[str, str] = field(default_factory=dict)
    """Keys naming a record → its data collection; exactly one of them is required."""
    counts: tuple[str, ...] = ()
    """Optional keys holding how many entries to show (1 to ``MAX_COUNT``)."""
    needs_zentrale: bool = False
    """Shows ``zentrale`` from data/stadt.yml, so that must be filled in."""

    def example(self, name: str) -> str:
        keys = [f"{key}: …" for key in list(self.references)[:1]] or [
            f"{key}: 3" for key in self.counts
        ]
        if not keys:
            return f"<!-- rathaus/{name} -->"
        return f"<!-- rathaus/{name} {{ {', '.join(keys)} }} -->"


MAX_COUNT = 50

# Directive name → what it accepts. Each feature renders its own directives.
_VERZEICHNIS, _THEMEN = "rathaus/verzeichnis", "rathaus/themen"
DIRECTIVES: dict[str, DirectiveSpec] = {
    "oeffnungszeiten": DirectiveSpec(_VERZEICHNIS, {"einheit": "einheiten"}),
    "kontakt": DirectiveSpec(_VERZEICHNIS, {"einheit": "einheiten", "person": "personen"}),
    "auf-einen-blick": DirectiveSpec(_VERZEICHNIS, {"einheit": "einheiten"}),
    "zentrale": DirectiveSpec(_VERZEICHNIS, needs_zentrale=True),
    # On a page in another language: the units where someone counsels in that language.
    "wir-sprechen": DirectiveSpec(_VERZEICHNIS),
    "dgs": DirectiveSpec("rathaus/gebaerdensprache", {"video": "videos"}),
    "suche": DirectiveSpec(_THEMEN),
    "haeufig": DirectiveSpec(_THEMEN),
    "termine": DirectiveSpec("rathaus/termine", counts=("anzahl",)),
    "aktuelles": DirectiveSpec("rathaus/aktuelles", counts=("anzahl",)),
}


@dataclass(frozen=True)
class Directive:
    name: str
    args: dict[str, str]
    line: int
    col: int
    text: str
    level: int = 2
    """Heading level of the embedded block's headings (``ebene:`` in the directive)."""


# Parsing is pure, and one build asks several times for the same page (``rathaus/pruefung``
# before the build, the directory's check in on_files, every plugin's on_page_markdown), so
# results are cached by the text itself; callers get their own copies. Bounded, so edits
# during ``mkdocs serve`` cannot grow it without limit.
_CACHE_SIZE = 16384


def find_directives(file: str, markdown: str) -> tuple[list[Directive], list[Finding]]:
    """Every directive outside code fences, with findings for malformed ones."""
    found, findings = _find_directives(file, markdown)
    return copy.deepcopy(found), list(findings)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _find_directives(file: str, markdown: str) -> tuple[list[Directive], tuple[Finding, ...]]:
    found: list[Directive] = []
    findings: list[Finding] = []
    lines = markdown.split("\n")
    for index, line in outside_fences(lines, front_matter_lines(markdown)):
        number = index + 1
        match = _DIRECTIVE.match(line)
        if not match:
            continue
        col = line.index("<!--") + 1
        name = match["name"]

        def problem(
            message: str, hint: str, *, at: int = number, column: int = col, label: str = name
        ) -> None:
            findings.append(
                Finding(file, at, column, f"rathaus/{label}", message, hint, rule="direktive")
            )

        if name not in DIRECTIVES:
            problem(
                f"die Anweisung „rathaus/{name}“ gibt es nicht",
                "bekannt sind: " + ", ".join(f"rathaus/{n}" for n in DIRECTIVES),
            )
            continue
        raw_args = match["args"] or "{}"
        doc, problems = parse_yaml(file, raw_args.encode())
        if problems or doc is None or not isinstance(doc.data, dict):
            problem(
                "die Angaben in { } sind nicht lesbar",
                "schreiben Sie z. B. { einheit: buergerbuero }",
            )
            continue
        args: dict[str, Any] = dict(doc.data)
        level_text = args.pop("ebene", "2")
        if level_text not in {"2", "3", "4", "5", "6"}:
            problem(
                f"ebene „{level_text}“ ist keine Überschriftenebene",
                "schreiben Sie ebene: 2 bis ebene: 6, passend zur Überschrift davor",
            )
            continue
        spec = DIRECTIVES[name]
        message = _args_problem(spec, args)
        if message:
            problem(message, f"z. B. {spec.example(name)}")
            continue
        found.append(Directive(name, args, number, col, line, int(level_text)))
    return found, tuple(findings)


def directives_of(feature: str) -> frozenset[str]:
    """The names of the directives ``feature`` (e.g. ``rathaus/verzeichnis``) renders."""
    return frozenset(name for name, spec in DIRECTIVES.items() if spec.feature == feature)


def render_directives(
    file: str, markdown: str, renderers: Mapping[str, Callable[[Directive], str]]
) -> str:
    """``markdown`` with each directive that ``renderers`` names replaced by its HTML, as a
    block of its own; other directives stay for the feature that renders them."""
    directives, _ = find_directives(file, markdown)
    wanted = [directive for directive in directives if directive.name in renderers]
    if not wanted:
        return markdown
    lines = markdown.splitlines()
    for directive in wanted:
        lines[directive.line - 1] = "\n" + renderers[directive.name](directive) + "\n"
    return "\n".join(lines) + "\n"


def _args_problem(spec: DirectiveSpec, args: dict[str, Any]) -> str | None:
    """What is wrong with a directive's arguments, in German; None when nothing is."""
    allowed = [*spec.references, *spec.counts]
    unknown = [key for key in args if key not in allowed]
    if unknown:
        known = " oder ".join(allowed) if allowed else "nur ebene"
        return f"„{unknown[0]}“ kennt dieser Baustein nicht (erlaubt: {known})"
    named = [key for key in args if key in spec.references]
    if spec.references and len(named) != 1:
        return "erwartet genau eine Angabe: " + " oder ".join(f"{k}: …" for k in spec.references)
    if not all(isinstance(args[key], str) for key in named):
        return "die Kennung muss ein einzelnes Wort sein"
    for key in spec.counts:
        value = args.get(key, "1")
        if not (isinstance(value, str) and value.isdigit() and 1 <= int(value) <= MAX_COUNT):
            return f"{key} muss eine ganze Zahl von 1 bis {MAX_COUNT} sein"
    return None


def check_directive(file: str, directive: Directive, site: Site) -> list[Finding]:
    """What a directive shows must exist: the records it names, zentrale for rathaus/zentrale."""
    spec = DIRECTIVES[directive.name]
    problems: list[tuple[str, str]] = []
    if spec.needs_zentrale and site.stadt.zentrale is None:
        problems.append(
            (
                "in data/stadt.yml fehlt zentrale:",
                "tragen Sie dort zentrale: mit telefon: ein (Handbuch „Seiten schreiben“)",
            )
        )
    for key, value in directive.args.items():
        collection = spec.references.get(key)
        if collection is not None and value not in getattr(site, collection):
            problems.append(
                (
                    f"{key} „{value}“ gibt es nicht",
                    f"prüfen Sie die Kennung in data/{collection}.yml",
                )
            )
    return [_finding(file, directive, message, hint) for message, hint in problems]


def feature_findings(file: str, text: str, used: Callable[[str], bool]) -> list[Finding]:
    """Directives whose feature is off in mkdocs.yml: they would show nothing at all."""
    directives, _ = find_directives(file, text)
    return [
        _finding(
            file,
            directive,
            f"der Baustein zeigt nichts: {feature} ist in mkdocs.yml ausgeschaltet",
            f"schalten Sie {feature.removeprefix('rathaus/')} im Block rathaus von mkdocs.yml "
            "ein, oder löschen Sie den Baustein",
        )
        for directive in directives
        if not used(feature := DIRECTIVES[directive.name].feature)
    ]


def _finding(file: str, directive: Directive, message: str, hint: str) -> Finding:
    return Finding(
        file,
        directive.line,
        directive.col,
        f"rathaus/{directive.name}",
        message,
        hint,
        rule="direktive",
    )


def split_front_matter(file: str, text: str) -> tuple[Any, int, list[Finding]]:
    """Parse front matter strictly. Returns (data or None, first body line, findings).

    MkDocs silently treats invalid front matter as page text; we report it instead.
    """
    data, body_line, findings = _split_front_matter(file, text)
    return copy.deepcopy(data), body_line, list(findings)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _split_front_matter(file: str, text: str) -> tuple[Any, int, tuple[Finding, ...]]:
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None, 1, ()
    end = next(
        (n for n, line in enumerate(lines[1:], start=1) if line.rstrip() in {"---", "..."}), 0
    )
    if not end:
        return (
            None,
            1,
            (
                Finding(
                    file,
                    1,
                    1,
                    "front matter",
                    "der Kopfbereich (Front Matter) wird nicht mit --- geschlossen",
                    "setzen Sie nach den Angaben eine Zeile mit --- ",
                    rule="front-matter",
                ),
            ),
        )
    block = "\n".join(lines[1:end]) + "\n"
    doc, problems = parse_yaml(file, block.encode())
    shifted = [
        Finding(
            p.file,
            p.line + 1,
            p.col,
            p.field or "front matter",
            p.message,
            p.hint,
            rule="front-matter",
        )
        for p in problems
    ]
    data = doc.data if doc is not None else None
    if doc is not None and data is not None and not isinstance(data, dict):
        shifted.append(
            Finding(
                file,
                2,
                1,
                "front matter",
                "der Kopfbereich muss aus Feldern bestehen (feldname: wert)",
                "schreiben Sie z. B. title: Seitentitel",
                rule="front-matter",
            )
        )
    return data, end + 2, tuple(shifted)


# Limits that keep Python-Markdown from crashing or stalling on a page: it nests lists,
# quotes and admonitions by recursion (a list nested 1 000 levels deep ends the build with a
# RecursionError) and looks for the closing bracket of every "[" to the end of its paragraph
# (20 KB of "[": over a minute). No page needs more than these; the handbook states them.
MAX_PAGE_BYTES = 500_000
MAX_NESTING = 20
MAX_OPEN_BRACKETS = 50

_CONTAINER = re.compile(r"(?:>|(?:[-*+]|\d{1,9}[.)]|!!!|\?\?\?\+?)(?=[ \t]|$))[ \t]*")
_INDENT = re.compile(r"[ \t]*")
_BRACKET = re.compile(r"\\.|[\[\]]")


def _limit(file: str, line: int, col: int, message: str, hint: str) -> Finding:
    return Finding(file, line, col, "", message, hint, rule="grenzen")


def size_finding(file: str, size: int) -> Finding | None:
    """A page above :data:`MAX_PAGE_BYTES` (checked before the page is read)."""
    if size <= MAX_PAGE_BYTES:
        return None
    return _limit(
        file,
        1,
        1,
        f"die Seite ist {size // 1000} KB groß, erlaubt sind höchstens {MAX_PAGE_BYTES // 1000} KB",
        "teilen Sie den Inhalt auf mehrere Seiten auf",
    )


def _nesting(line: str) -> int:
    """How deep a line is nested: lists, quotes and admonitions, by marker and indentation."""
    indent = _INDENT.match(line)
    assert indent is not None  # matches the empty string
    width = len(indent.group(0).expandtabs(4))
    depth, at = 0, indent.end()
    while container := _CONTAINER.match(line, at):
        depth, at = depth + 1, container.end()
    return depth + width // 4 if depth else 0


def check_limits(file: str, text: str) -> list[Finding]:
    """Nesting and open brackets Python-Markdown cannot take; one finding of each at most.

    A page with such a finding must not reach Markdown, not even in a check.
    """
    return list(_check_limits(file, text))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _check_limits(file: str, text: str) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    nested = brackets = False
    unclosed: list[tuple[int, int]] = []  # (line, column) of each "[" of the paragraph still open
    for number, line in enumerate(mask(text).split("\n"), start=1):
        if not line.strip():
            unclosed = []
            continue
        if not nested and _nesting(line) > MAX_NESTING:
            nested = True
            findings.append(
                _limit(
                    file,
                    number,
                    1,
                    f"Listen, Zitate oder Hinweis-Kästen sind hier mehr als {MAX_NESTING}-fach "
                    "ineinander verschachtelt",
                    "schreiben Sie den Inhalt flacher: wenige Ebenen, dazu Überschriften und "
                    "eigene Absätze",
                )
            )
        if brackets:
            continue
        for match in _BRACKET.finditer(line):
            if match.group(0) == "[":
                unclosed.append((number, match.start() + 1))
            elif match.group(0) == "]" and unclosed:
                unclosed.pop()
            if len(unclosed) > MAX_OPEN_BRACKETS:
                brackets = True
                findings.append(
                    _limit(
                        file,
                        *unclosed[0],
                        f"ab hier sind im selben Absatz mehr als {MAX_OPEN_BRACKETS} eckige "
                        "Klammern „[“ offen, ohne schließende „]“",
                        "schließen Sie jede Klammer mit „]“, oder schreiben Sie \\[ für eine "
                        "Klammer als Zeichen",
                    )
                )
                break
    return tuple(findings)


def markdown_files(content_dir: Path) -> Iterator[Path]:
    yield from sorted(p for p in content_dir.rglob("*.md"))


def outside_link(path: Path, base: Path) -> bool:
    """A symlink (or a file reached through one) that leaves ``base``."""
    return not path.resolve().is_relative_to(base.resolve())


# Names Windows refuses, whatever the extension ("con.md" too).
_RESERVED_NAMES = frozenset(
    [
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{n}" for n in range(1, 10)),
        *(f"LPT{n}" for n in range(1, 10)),
    ]
)
_NOT_PORTABLE = frozenset(':*?"<>|\\')


def _visible(text: str) -> str:
    """A name for a message: invisible characters as their code point."""
    return "".join(c if c.isprintable() else f"[U+{ord(c):04X}]" for c in text)


def _name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file name on every system, or None."""
    bad = sorted({c for c in name if c in _NOT_PORTABLE or not c.isprintable()})
    if bad:
        shown = ", ".join(f"„{c}“" if c.isprintable() else f"U+{ord(c):04X}" for c in bad)
        return f"der Name enthält Zeichen, die Windows in Datei-Namen nicht erlaubt: {shown}"
    if name != name.rstrip(". "):
        return "der Name endet mit einem Punkt oder Leerzeichen, das Windows weglässt"
    if name.split(".", 1)[0].upper() in _RESERVED_NAMES:
        return f"„{name.split('.', 1)[0]}“ ist unter Windows ein reservierter Name"
    return None


def check_names(root: Path, content_dir: str) -> list[Finding]:
    """File and folder names of content/ that do not survive a checkout on every system.

    Windows and macOS do not tell upper from lower case, and macOS does not tell the Unicode
    forms of a name apart (``Ämter`` as one character or as A and two dots): two such files
    are one there, so a build there would silently lose a page.
    """
    base = root / content_dir
    findings: list[Finding] = []
    if not base.is_dir():
        return findings
    same: dict[str, list[Path]] = {}
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base).as_posix()
        display = _visible(path.relative_to(root).as_posix())
        problem = _name_problem(path.name)
        if problem is not None:
            findings.append(
                Finding(
                    display,
                    1,
                    1,
                    "",
                    problem,
                    "benennen Sie die Datei oder den Ordner um: Buchstaben, Ziffern und "
                    "Bindestriche",
                    rule="dateiname",
                )
            )
        same.setdefault(unicodedata.normalize("NFC", relative).casefold(), []).append(path)
    for paths in same.values():
        # Files in two folders that differ only so: the folders are reported, not each file.
        if len(paths) < 2 or len({p.parent for p in paths}) > 1:
            continue
        first = paths[0]
        for other in paths[1:]:
            names = (
                f"„{_visible(first.relative_to(root).as_posix())}“ und "
                f"„{_visible(other.relative_to(root).as_posix())}“"
            )
            if unicodedata.normalize("NFC", first.name) == unicodedata.normalize("NFC", other.name):
                message = (
                    f"{names} sehen gleich aus, sind aber verschieden kodiert (Unicode NFC und "
                    "NFD) – unter macOS sind sie dieselbe Datei"
                )
            else:
                message = (
                    f"{names} unterscheiden sich nur in Groß- und Kleinschreibung – unter "
                    "Windows und macOS sind sie dieselbe Datei"
                )
            findings.append(
                Finding(
                    _visible(other.relative_to(root).as_posix()),
                    1,
                    1,
                    "",
                    message,
                    "benennen Sie eine um oder führen Sie beide zusammen",
                    rule="dateiname",
                )
            )
    return findings


def check_pages(root: Path, site: Site | None, content_dir: str) -> list[Finding]:
    """All page checks that do not need MkDocs."""
    base = root / content_dir
    findings: list[Finding] = []
    if not base.is_dir():
        return findings
    findings.extend(check_names(root, content_dir))
    for path in sorted(base.rglob("*")):
        display = path.relative_to(root).as_posix()
        if path.is_symlink() and outside_link(path, base):
            findings.append(
                Finding(
                    display,
                    1,
                    1,
                    "",
                    "die Datei verweist (Symlink) auf eine Stelle außerhalb von content/ und würde "
                    "veröffentlicht",
                    "legen Sie die Datei selbst in content/ ab oder löschen Sie den Verweis",
                    rule="sicherheit",
                )
            )
            continue
        if path.suffix != ".md" or not path.is_file():
            continue
        too_big = size_finding(display, path.stat().st_size)
        if too_big is not None:
            findings.append(too_big)
            continue

        text, problems = check_text(display, path.read_bytes())
        findings.extend(problems)
        if problems:
            continue
        problems = check_limits(display, text)
        findings.extend(problems)
        if problems:
            continue
        _, _, problems = split_front_matter(display, text)
        findings.extend(problems)
        directives, problems = find_directives(display, text)
        findings.extend(problems)
        if site is not None:
            for directive in directives:
                findings.extend(check_directive(display, directive, site))
    return findings
