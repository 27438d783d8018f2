"""German morphology for the linter: HanTa (Hannover Tagger) with pyphen syllables.

HanTa ships its model inside the package and runs offline. Loading it takes about one
second, tagging a sentence a few milliseconds, so it is loaded on first use and only asked
about sentences and words that a cheap word test has already picked (a form of *werden* for
the passive, a long capitalised word for compounds). Results are cached.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

import pyphen  # type: ignore[import-untyped]

_HYPHENATOR = pyphen.Pyphen(lang="de_DE")

MAX_WORD = 40
"""Longest word HanTa is asked about: its analysis of a word grows with the cube of its length
(a 3 000-letter word: minutes). A longer word is long in any sense of Leichte Sprache."""

_LONG_WORD = "Wort"
"""Stands in for a word longer than :data:`MAX_WORD` when a sentence is tagged."""


@cache
def _tagger() -> Any:
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def syllables(word: str) -> int:
    """Number of syllables by the German hyphenation patterns of pyphen (LibreOffice)."""
    return len(_HYPHENATOR.positions(word)) + 1


@cache
def stems(word: str) -> tuple[str, ...]:
    """The lexical parts of a word by HanTa: ``Bürgerbüro`` → (bürger, büro).

    A word longer than :data:`MAX_WORD` is not analysed: no parts.
    """
    if len(word) > MAX_WORD:
        return ()
    _, parts, _ = _tagger().analyze(word, taglevel=3)
    return tuple(morph for morph, tag in parts if tag in {"NN", "NE", "VV", "ADJ", "ADV", "CARD"})


@lru_cache(maxsize=4096)
def tags(words: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """(word, lemma, STTS tag) for each word of a sentence (words too long to analyse: NN)."""
    asked = [w if len(w) <= MAX_WORD else _LONG_WORD for w in words]
    tagged = _tagger().tag_sent(asked, taglevel=3)
    return tuple((w, lemma, tag) for w, (_, lemma, _, tag) in zip(words, tagged, strict=True))
