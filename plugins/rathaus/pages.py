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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Finding, Site
from .model.yamlread import check_text, parse_yaml

_DIRECTIVE = re.compile(r"^\s*<!--\s*rathaus/(?P<name>[\w-]+)\s*(?P<args>\{.*\})?\s*-->\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")

# Directive name → the argument keys it accepts and which data collection each names.
DIRECTIVES: dict[str, dict[str, str]] = {
    "oeffnungszeiten": {"einheit": "einheiten"},
    "kontakt": {"einheit": "einheiten", "person": "personen"},
    "dgs": {"video": "videos"},  # rathaus/gebaerdensprache
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
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            fence = None if fence == marker else (fence or marker)
            continue
        if fence:
            continue
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
        allowed = DIRECTIVES[name]
        bad = [key for key in args if key not in allowed]
        if bad or len(args) != 1 or not all(isinstance(v, str) for v in args.values()):
            problem(
                "erwartet genau eine Angabe: " + " oder ".join(f"{k}: …" for k in allowed),
                f"z. B. <!-- rathaus/{name} {{ {next(iter(allowed))}: … }} -->",
            )
            continue
        found.append(Directive(name, args, number, col, line, int(level_text)))
    return found, tuple(findings)


def check_directive(file: str, directive: Directive, site: Site) -> list[Finding]:
    """References of a directive must name existing records."""
    findings = []
    for key, value in directive.args.items():
        collection = getattr(site, DIRECTIVES[directive.name][key])
        if value not in collection:
            findings.append(
                Finding(
                    file,
                    directive.line,
                    directive.col,
                    f"rathaus/{directive.name}",
                    f"{key} „{value}“ gibt es nicht",
                    f"prüfen Sie die Kennung in data/{DIRECTIVES[directive.name][key]}.yml",
                    rule="direktive",
                )
            )
    return findings


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


def markdown_files(content_dir: Path) -> Iterator[Path]:
    yield from sorted(p for p in content_dir.rglob("*.md"))


def outside_link(path: Path, base: Path) -> bool:
    """A symlink (or a file reached through one) that leaves ``base``."""
    return not path.resolve().is_relative_to(base.resolve())


def check_pages(root: Path, site: Site | None, content_dir: str = "content") -> list[Finding]:
    """All page checks that do not need MkDocs."""
    base = root / content_dir
    findings: list[Finding] = []
    if not base.is_dir():
        return findings
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

        text, problems = check_text(display, path.read_bytes())
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
