"""German morphology for the linter: HanTa (Hannover Tagger) with pyphen syllables.

HanTa ships its model inside the package and runs offline. Loading it takes about one
second, tagging a sentence a few milliseconds, so it is loaded on first use and only asked
about sentences and words that a cheap word test has already picked (a form of *werden* for
the passive, a long capitalised word for compounds). Results are cached.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pyphen  # type: ignore[import-untyped]

_HYPHENATOR = pyphen.Pyphen(lang="de_DE")


@cache
def _tagger() -> Any:
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def syllables(word: str) -> int:
    """Number of syllables by the German hyphenation patterns of pyphen (LibreOffice)."""
    return len(_HYPHENATOR.positions(word)) + 1


@cache
def stems(word: str) -> tuple[str, ...]:
    """The lexical parts of a word by HanTa: ``Bürgerbüro`` → (bürger, büro)."""
    _, parts, _ = _tagger().analyze(word, taglevel=3)
    return tuple(morph for morph, tag in parts if tag in {"NN", "NE", "VV", "ADJ", "ADV", "CARD"})


def tags(words: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(word, lemma, STTS tag) for each word of a sentence."""
    return [(w, lemma, tag) for w, lemma, _, tag in _tagger().tag_sent(list(words), taglevel=3)]
