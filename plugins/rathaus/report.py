"""Findings as text for people and machines: human (German), GitHub, GitLab, JSON.

Every format shows the same findings; only the shape differs. The human format groups by
file and quotes the offending line with a caret under the column::

    data/personen.yml – 1 Fehler
    data/personen.yml:4:12: einheit: die Einheit „buergerbueor“ gibt es nicht – …
         4 |   einheit: buergerbueor
           |            ^
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Finding, Level

if TYPE_CHECKING:
    from .leichte_sprache.checks import Abdeckung

Formatter = Callable[[Sequence[Finding], Path, "Abdeckung | None"], str]
"""Findings, the site's folder and the Leichte Sprache coverage (``None``: not known) → text."""

_LEVEL_WORDS = {Level.ERROR: "Fehler", Level.WARNING: "Warnung", Level.INFO: "Hinweis"}


def counts(findings: Sequence[Finding]) -> str:
    """``2 Fehler, 1 Warnung`` – plus reviewed exceptions when there are any."""
    errors = sum(f.level is Level.ERROR for f in findings)
    warnings = sum(f.level is Level.WARNING for f in findings)
    notes = sum(f.level is Level.INFO for f in findings)
    text = f"{errors} Fehler, {warnings} {'Warnung' if warnings == 1 else 'Warnungen'}"
    if notes:
        text += f", {notes} {'Hinweis' if notes == 1 else 'Hinweise'}"
    return text


def _source_lines(root: Path, file: str) -> list[str]:
    try:
        return (root / file).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


# A quoted line longer than this is cut around the column: a 100 000-character value must
# not flood the editor's terminal.
QUOTE_WIDTH = 100


def quote_line(lines: list[str], line: int, col: int) -> list[str]:
    """The source line and a caret under ``col`` (1-based characters); tabs kept aligned."""
    if not 1 <= line <= len(lines):
        return []
    text = lines[line - 1].rstrip()
    if len(text) > QUOTE_WIDTH:
        start = max(0, min(col - 1 - QUOTE_WIDTH // 2, len(text) - QUOTE_WIDTH))
        end = start + QUOTE_WIDTH
        col -= start - (1 if start else 0)
        text = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    pad = "".join("\t" if c == "\t" else " " for c in text[: max(col - 1, 0)])
    number = str(line)
    return [f"  {number:>4} | {text}", f"  {'':>4} | {pad}^"]


def human(findings: Sequence[Finding], root: Path, coverage: Abdeckung | None = None) -> str:
    out: list[str] = []
    for file, group in groupby(sorted(findings), key=lambda f: f.file):
        items = list(group)
        lines = _source_lines(root, file)
        out.append(f"{file} – {counts(items)}")
        for finding in items:
            text = finding.format()
            if finding.level is not Level.ERROR:
                where, _, rest = text.partition(": ")
                text = f"{where}: {_LEVEL_WORDS[finding.level]}: {rest}"
            out.append(text)
            out.extend(quote_line(lines, finding.line, finding.col))
        out.append("")
    out.append(counts(findings))
    if coverage is not None:
        out.append(f"Leichte Sprache: {coverage.text()}")
    return "\n".join(out)


def github(findings: Sequence[Finding], root: Path, coverage: Abdeckung | None = None) -> str:
    def escape(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return escape(text).replace(":", "%3A").replace(",", "%2C")

    kinds = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}
    return "\n".join(
        f"::{kinds[f.level]} file={prop(f.file)},line={f.line},col={f.col}::"
        + escape(f.format().split(": ", 1)[1])
        for f in findings
    )


def fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across runs and line shifts: file, rule, field, message and the n-th repeat."""
    key = "\0".join([finding.file, finding.rule, finding.field, finding.message, str(occurrence)])
    return hashlib.sha256(key.encode()).hexdigest()


def gitlab(findings: Sequence[Finding], root: Path, coverage: Abdeckung | None = None) -> str:
    """GitLab Code Quality report (a subset of the Code Climate format)."""
    severities = {Level.ERROR: "critical", Level.WARNING: "minor", Level.INFO: "info"}
    seen: dict[tuple[str, str, str, str], int] = {}
    issues = []
    for finding in sorted(findings):
        key = (finding.file, finding.rule, finding.field, finding.message)
        seen[key] = seen.get(key, 0) + 1
        issues.append(
            {
                "description": finding.format().split(": ", 1)[1],
                "check_name": f"rathaus/{finding.rule}",
                "fingerprint": fingerprint(finding, seen[key]),
                "severity": severities[finding.level],
                "location": {"path": finding.file, "lines": {"begin": finding.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)


JSON_VERSION = 2
"""Version 2: an object with the findings and the Leichte Sprache coverage (version 1, before
Rathaus 0.2, was the list of findings alone)."""


def as_json(findings: Sequence[Finding], root: Path, coverage: Abdeckung | None = None) -> str:
    """``{"version": 2, "findings": [...], "leichte_sprache": {...} or null}``."""
    return json.dumps(
        {
            "version": JSON_VERSION,
            "findings": [
                {
                    "file": f.file,
                    "line": f.line,
                    "col": f.col,
                    "field": f.field,
                    "level": f.level.value,
                    "rule": f.rule,
                    "message": f.message,
                    "hint": f.hint,
                }
                for f in findings
            ],
            "leichte_sprache": None
            if coverage is None
            else {
                "seiten": len(coverage.pages),
                "mit_fassung": coverage.covered,
                "prozent": coverage.percent,
                "ohne_fassung": list(coverage.missing),
            },
        },
        ensure_ascii=False,
        indent=2,
    )


FORMATS: dict[str, Formatter] = {
    "human": human,
    "github": github,
    "gitlab": gitlab,
    "json": as_json,
}
