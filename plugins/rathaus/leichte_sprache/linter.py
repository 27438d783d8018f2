"""Run the rules on a page or a data field and turn issues into findings.

A page written in Leichte Sprache may switch a rule off in its front matter, but only with
a reason, which every report shows::

    ---
    leichte_sprache:
      aus:
        LS05: Der Text zitiert die Haus·ordnung wörtlich.
      geprueft:
        datum: 2027-02-10
        pruefgruppe: Prüf·gruppe der Lebens·hilfe Beispielstadt
    ---
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from .. import cache
from ..model import Finding, Level
from .rules import RULE_NAMES, RULES, Issue
from .settings import LEVELS, Einstellungen
from .text import BlockKind, Prepared, prepare_markdown, prepare_plain

FRONT_MATTER_KEY = "leichte_sprache"

CACHE_SIZE = 16_384
"""Texts whose results are kept. The build asks twice for every text (``rathaus/pruefung``
via ``checks.run_checks``, then ``rathaus/leichte-sprache`` for its report); the second ask
must still find the first one's result, so this is well above the texts of a large site."""


def issues(text: Prepared, settings: Einstellungen) -> list[Issue]:
    """Every issue of ``text`` at the level the settings give each rule."""
    found: list[Issue] = []
    for rule in RULES:
        for issue in rule(text, settings):
            configured = settings.regeln.get(issue.rule)
            if configured is None:
                found.append(issue)
                continue
            level = LEVELS[configured]
            if level is not None:
                found.append(Issue(issue.rule, issue.offset, issue.message, issue.hint, level))
    return sorted(found, key=lambda i: (i.offset, i.rule))


@dataclass(frozen=True)
class Switches:
    """Rules a page switched off (with reasons) and its review by a Prüfgruppe."""

    off: Mapping[str, str]
    reviewed: tuple[datetime.date, str] | None
    findings: tuple[Finding, ...]


_KEY = re.compile(r"[ \t]*(?:-[ \t]+)?([^\s:#'\"][^:\n]*):(?=[ \t]|$)")


def _key_places(source: str) -> dict[str, tuple[int, int]]:
    """Line and column of the first ``key:`` of each key in the front matter of ``source``.

    Built once per page: looking each key up in every line made a front matter with
    thousands of keys take minutes.
    """
    places: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(source.split("\n"), start=1):
        if number > 1 and line.rstrip() in {"---", "..."}:
            break
        match = _KEY.match(line)
        if match:
            places.setdefault(match.group(1).rstrip() + ":", (number, match.start(1) + 1))
    return places


def read_switches(file: str, source: str, front_matter: Any) -> Switches:
    """``leichte_sprache: {aus: {LSnn: Grund}, geprueft: {datum, pruefgruppe}}``."""
    block = front_matter.get(FRONT_MATTER_KEY) if isinstance(front_matter, dict) else None
    findings: list[Finding] = []
    off: dict[str, str] = {}
    reviewed: tuple[datetime.date, str] | None = None
    if block is None:
        return Switches(off, reviewed, ())

    places = _key_places(source)

    def problem(needle: str, message: str, hint: str) -> None:
        line, col = places.get(needle, (1, 1))
        findings.append(
            Finding(file, line, col, FRONT_MATTER_KEY, message, hint, rule="leichte-sprache")
        )

    if not isinstance(block, dict):
        problem(
            f"{FRONT_MATTER_KEY}:",
            "die Angaben zur Leichten Sprache sind keine Felder",
            "schreiben Sie darunter aus: und geprueft:, siehe Redaktionshandbuch",
        )
        return Switches(off, reviewed, tuple(findings))
    for key in block:
        if key not in {"aus", "geprueft"}:
            problem(f"{key}:", f"das Feld „{key}“ gibt es hier nicht", "erlaubt: aus, geprueft")
    rules = block.get("aus") or {}
    if not isinstance(rules, dict):
        problem("aus:", "unter aus: stehen keine Regeln", "schreiben Sie z. B. LS05: Grund")
        rules = {}
    for rule, reason in rules.items():
        rule_id = str(rule)
        if rule_id not in RULE_NAMES:
            problem(
                f"{rule_id}:",
                f"die Regel „{rule_id}“ gibt es nicht",
                "Regeln heißen LS01 bis LS26, siehe Redaktionshandbuch",
            )
        elif not isinstance(reason, str) or not reason.strip():
            problem(
                f"{rule_id}:",
                f"für das Ausschalten von {rule_id} fehlt der Grund",
                f"schreiben Sie den Grund dazu, z. B. {rule_id}: Der Text zitiert ein Gesetz.",
            )
        else:
            off[rule_id] = " ".join(reason.split())
            line, col = places.get(f"{rule_id}:", (1, 1))
            findings.append(
                Finding(
                    file,
                    line,
                    col,
                    "",
                    f"die Regel „{RULE_NAMES[rule_id]}“ ist auf dieser Seite ausgeschaltet. "
                    f"Grund: {off[rule_id]}",
                    "",
                    level=Level.INFO,
                    rule=rule_id,
                )
            )
    review = block.get("geprueft")
    if review is not None:
        day = _day(review.get("datum")) if isinstance(review, dict) else None
        group = review.get("pruefgruppe") if isinstance(review, dict) else None
        if not isinstance(day, datetime.date) or not isinstance(group, str) or not group.strip():
            problem(
                "geprueft:",
                "bei geprueft fehlen das Datum oder die Prüfgruppe",
                "schreiben Sie datum: 2027-02-10 und pruefgruppe: Name der Gruppe",
            )
        else:
            reviewed = (day, group.strip())
    return Switches(off, reviewed, tuple(findings))


def _day(value: Any) -> datetime.date | None:
    """A date as YAML gives it, or as text (the strict reader keeps scalars as text)."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


KIND = "leichte-sprache"
"""The cache's name for the rules' result on one text."""


@dataclass(frozen=True)
class Checked:
    """The result of the rules for one text: its issues and where each is in the text."""

    issues: tuple[Issue, ...]
    positions: tuple[tuple[int, int], ...]
    """1-based line and column of each issue in the source (Markdown only, else empty)."""


@lru_cache(maxsize=CACHE_SIZE)
def checked(
    kind: Literal["markdown", "plain"],
    source: str,
    settings: Einstellungen,
    kinds: tuple[tuple[int, BlockKind], ...] = (),
) -> Checked:
    """Prepare ``source`` and run the rules: once per content and settings in this process.

    The key is the text itself (and the settings), not a file or a place, so the same text
    asked for twice in a build – or again in the next build of ``mkdocs serve`` – is
    linted once, and a changed text is always linted anew. The result is immutable; callers
    build their findings from it. Between builds the site's cache keeps it.
    """
    store, entry = cache.current(), None
    if store is not None:
        entry = cache.key(KIND, kind, source, settings.model_dump(mode="json"), kinds)
        stored = store.get(KIND, entry) if entry is not None else None
        if stored is not None:
            return Checked(
                tuple(Issue(r, o, m, h, Level(lv)) for r, o, m, h, lv in stored["issues"]),
                tuple((line, col) for line, col in stored["positions"]),
            )
    if kind == "markdown":
        text = prepare_markdown(source)
    else:
        text = prepare_plain(source, kinds=dict(kinds))
    found = tuple(issues(text, settings))
    positions = tuple(text.position(i.offset) for i in found) if kind == "markdown" else ()
    if store is not None and entry is not None:
        store.put(
            KIND,
            entry,
            {
                "issues": [[i.rule, i.offset, i.message, i.hint, i.level.value] for i in found],
                "positions": positions,
            },
        )
    return Checked(found, positions)


def clear_cache() -> None:
    """Forget every cached result (tests; a rebuild never needs it: keys are contents)."""
    checked.cache_clear()


def _findings(
    file: str,
    found: Iterable[tuple[Issue, tuple[int, int]]],
    *,
    field: str = "",
) -> list[Finding]:
    return [
        Finding(file, line, col, field, issue.message, issue.hint, issue.level, issue.rule)
        for issue, (line, col) in found
    ]


def lint_page(file: str, source: str, front_matter: Any, settings: Einstellungen) -> list[Finding]:
    """Findings of a hand-written page in Leichte Sprache (Markdown with front matter)."""
    switches = read_switches(file, source, front_matter)
    result = checked("markdown", source, settings)
    found = [
        (issue, where)
        for issue, where in zip(result.issues, result.positions, strict=True)
        if issue.rule not in switches.off
    ]
    findings = [*switches.findings, *_findings(file, found)]
    if switches.reviewed is None and settings.regeln.get("LS26") != "aus":
        level = LEVELS[settings.regeln.get("LS26", "hinweis")] or Level.INFO
        findings.append(
            Finding(
                file,
                1,
                1,
                "",
                "die Seite wurde noch nicht von einer Prüfgruppe geprüft",
                "lassen Sie den Text prüfen und tragen Sie danach unter leichte_sprache: "
                "geprueft: datum und pruefgruppe ein",
                level,
                "LS26",
            )
        )
    return findings


def lint_field(
    file: str, line: int, col: int, field: str, value: str, settings: Einstellungen
) -> list[Finding]:
    """Findings of a text in Leichte Sprache from a data file, all at the field's place.

    The text may be folded by YAML (``>-``), so "one sentence per line" (LS02) and the
    paragraph length (LS18) cannot be judged and are left out.
    """
    found = [
        (i, (line, col))
        for i in checked("plain", value, settings).issues
        if i.rule not in {"LS02", "LS18", "LS19"}
    ]
    return _findings(file, found, field=field)


def lint_lines(
    lines: list[str], settings: Einstellungen, kinds: dict[int, BlockKind] | None = None
) -> list[Issue]:
    """Issues of generated text: one sentence per line, blank lines between blocks."""
    key = tuple(sorted(kinds.items())) if kinds else ()
    return list(checked("plain", "\n".join(lines), settings, key).issues)
