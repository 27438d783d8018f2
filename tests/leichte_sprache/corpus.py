"""Precision and recall of the LS linter per rule over the labelled corpus (corpus.yml).

``python -m tests.leichte_sprache.corpus`` prints the table for the README.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from rathaus.leichte_sprache.linter import issues
from rathaus.leichte_sprache.settings import Einstellungen
from rathaus.leichte_sprache.text import prepare_plain

CORPUS = Path(__file__).with_name("corpus.yml")
# The town's name is allowed, as the README tells editors to configure it.
SETTINGS = Einstellungen(erlaubt=("Musterstadt",))


@dataclass(frozen=True)
class Example:
    text: str
    rules: frozenset[str]


@dataclass(frozen=True)
class Score:
    rule: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def load(path: Path = CORPUS) -> list[Example]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Example(str(e["text"]), frozenset(e["rules"])) for e in raw]


def found(text: str, settings: Einstellungen | None = None) -> frozenset[str]:
    """The rule ids the real linter reports on ``text`` (any level)."""
    settings = settings or SETTINGS
    return frozenset(i.rule for i in issues(prepare_plain(text), settings))


def scores(examples: list[Example]) -> list[Score]:
    results = [(e.rules, found(e.text)) for e in examples]
    rules = sorted({r for expected, got in results for r in expected | got})
    return [
        Score(
            rule,
            sum(1 for e, g in results if rule in e and rule in g),
            sum(1 for e, g in results if rule not in e and rule in g),
            sum(1 for e, g in results if rule in e and rule not in g),
        )
        for rule in rules
    ]


def table(rows: list[Score]) -> str:
    def pct(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}"

    lines = [
        "| Rule | TP | FP | FN | Precision | Recall |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {s.rule} | {s.tp} | {s.fp} | {s.fn} | {pct(s.precision)} | {pct(s.recall)} |"
        for s in rows
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    examples = load()
    print(f"{len(examples)} texts")
    print(table(scores(examples)))
    for example in examples:
        got = found(example.text)
        if got != example.rules:
            print(f"# {example.text!r}: expected {sorted(example.rules)}, got {sorted(got)}")
