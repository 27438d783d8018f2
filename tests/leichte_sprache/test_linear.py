"""Every Leichte Sprache rule and scan is linear in its input (issue 12, items 5 and 10).

Hostile or careless input once made the linter super-linear: a 3 KB capitalised word took
107 s (the morphology), a 200 KB page 55 s, the address rule LS21 was quadratic, and the
search index's Mediopunkt pattern took 117 s on a 20 000-character name. Each shape below
is 100 000 characters (the whole linter also gets 200 KB pages); on this machine every rule
needs well under 0.2 s on each, so the bounds only catch a return to super-linear time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache

import pytest

from rathaus.leichte_sprache import morphology
from rathaus.leichte_sprache.linter import checked, clear_cache, read_switches
from rathaus.leichte_sprache.rules import RULES, Rule
from rathaus.leichte_sprache.settings import Einstellungen
from rathaus.leichte_sprache.text import Prepared, prepare_markdown, prepare_plain
from rathaus.pages import split_front_matter
from tests.sicherheit.payloads import PAYLOADS

SIZE = 100_000
PAGE_SIZE = 200_000
RULE_BOUND = 1.0
"""Seconds one rule may take on one 100 000-character text."""
LINTER_BOUND = 10.0
"""Seconds the whole linter may take on a 200 KB page (normal: about 1 s)."""

SETTINGS = Einstellungen(begriffe=(("Amt", "Behörde"),))

UNITS: dict[str, str] = {
    "one-word": "a",
    "capitalised-word": "Bürgerbüro",
    "capitals": "A",
    "digits": "1",
    "hyphen-chain": "Bürger-büro-",
    "mediopunkt-chain": "Bürger·",
    "sentences-one-line": "Das ist gut. ",
    "sentences-lines": "Das ist gut.\n",
    "passive-sentences": "Der Antrag wird geprüft.\n",
    "abbreviation-dots": "z. ",
    "dots-in-a-word": 'a."',
    "ordinal-dots": "1. ",
    "addresses": "Hauptstraße 1 12345 Beispielstadt, ",
    "street-word": "Hauptstraße",
    "postcodes": "12345 ",
    "times-and-dates": "1.2. 10:00 ",
    "commas": "Amt, Behörde, ",
    "open-brackets": "[",
    "open-images": "![a](",
    "open-link-targets": "](<",
    "open-footnotes": "[^",
    "open-comments": "<!--",
    "open-tags": "<a",
    "emphasis": "*a _a ",
    "table": "| a ",
    "list": "- a\n",
    "quotes": "> ",
    "headings": "# Wort\n",
    "e-mail-like": "a.b-",
    "payloads": "\n".join(p.text for p in PAYLOADS) + "\n",
}


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@cache
def _prepared(shape: str, kind: str) -> Prepared:
    text = _repeat(UNITS[shape], SIZE)
    return prepare_markdown(text) if kind == "markdown" else prepare_plain(text)


@pytest.fixture(scope="module", autouse=True)
def _tagger_loaded() -> None:
    morphology.tags(("Das", "wird", "geprüft"))  # loading HanTa takes a second: not a rule's


def _seconds(run: Callable[[], object]) -> float:
    """CPU seconds of ``run``: other processes on a busy machine do not count."""
    start = time.process_time()
    run()
    return time.process_time() - start


@pytest.mark.parametrize("kind", ["plain", "markdown"])
@pytest.mark.parametrize("shape", sorted(UNITS))
def test_every_rule_is_fast_on_a_100_000_character_text(shape: str, kind: str) -> None:
    seconds = _seconds(lambda: _prepared(shape, kind))
    assert seconds < RULE_BOUND, f"preparing took {seconds:.1f} s"
    text = _prepared(shape, kind)
    slow = {
        rule.__name__: round(seconds, 2)
        for rule in RULES
        if (seconds := _seconds(lambda rule=rule: list(rule(text, SETTINGS)))) >= RULE_BOUND
    }
    assert slow == {}


@pytest.mark.parametrize(
    "shape", ["capitalised-word", "sentences-lines", "addresses", "open-images", "payloads"]
)
def test_the_whole_linter_is_fast_on_a_200_kb_page(shape: str) -> None:
    clear_cache()
    page = _repeat(UNITS[shape], PAGE_SIZE)
    seconds = _seconds(lambda: checked("markdown", page, SETTINGS))
    assert seconds < LINTER_BOUND


def test_a_huge_word_is_still_a_long_word_without_asking_the_morphology() -> None:
    word = _repeat("Bürgerbüro", 3_000)
    found = list(_rule("long_words")(prepare_plain(word), SETTINGS))
    assert [(i.rule, i.offset) for i in found] == [("LS16", 0)]
    assert len(found[0].message) < 100  # the message quotes a shortened word


def test_a_huge_number_is_a_big_number_not_a_crash() -> None:
    found = list(_rule("big_numbers")(prepare_plain("1" * SIZE), SETTINGS))
    assert [i.rule for i in found] == ["LS13"]


def _rule(name: str) -> Rule:
    return next(rule for rule in RULES if rule.__name__ == name)


def test_switches_of_a_front_matter_with_thousands_of_keys_are_read_in_linear_time() -> None:
    count = 8_000
    source = (
        "---\nleichte_sprache:\n"
        + "".join(f"  feld{i}: x\n" for i in range(count))
        + "  aus:\n"
        + "".join(f"    LS{i:02d}: \n" for i in range(count))
        + "---\n# Seite\n"
    )
    front_matter, _, problems = split_front_matter("content/seite.md", source)
    assert problems == []
    switches = _seconds(lambda: read_switches("content/seite.md", source, front_matter))
    assert switches < RULE_BOUND
    found = read_switches("content/seite.md", source, front_matter).findings
    assert len(found) == 2 * count
    assert (found[0].line, found[0].col) == (3, 3)  # feld0: where it is written
