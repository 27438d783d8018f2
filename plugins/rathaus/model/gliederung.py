"""Long overviews in parts by initial letters, in German dictionary order (DIN 5007-1).

An overview with more entries than ``threshold`` is split into parts such as „A–C“, „D“ or
„Sch–Sz“; each part has at most ``threshold`` entries. The split points are fixed in advance
(from typical shares of German initial letters), never computed from the data: a range is
split only when it holds too many entries, at the same place every time. So a new record
changes at most the part it falls into (which may become two parts); every other part
keeps its address.

How a range is split: the alphabet A–Z is halved at the point that balances the typical
shares (A–J | K–Z …) until every range fits. A single letter that is still too large is
split by its second letter (Sa–Se | Sf–Sz), then by the third. Entries not starting with
A–Z form the part „0–9“ at the end, as on the A–Z index. Only entries with the same
beginning up to the fourth letter, or with the same key, are numbered: „Schm (1/2)“.

Plain Python, no MkDocs: the plugins turn parts into pages.
"""

from __future__ import annotations

import math
import string
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

OTHER = "0–9"
"""Label of the part for entries that do not start with a letter A–Z (after folding umlauts)."""

MAX_PREFIX = 4
"""Longest common beginning a range is split by; beyond it parts are numbered."""

# Typical shares of initial letters of German words and family names (per mille, rounded).
_INITIAL = dict(
    zip(
        string.ascii_lowercase,
        (
            40,
            90,
            10,
            40,
            35,
            45,
            55,
            80,
            12,
            8,
            90,
            45,
            65,
            20,
            10,
            40,
            1,
            45,
            135,
            30,
            10,
            25,
            65,
            1,
            1,
            25,
        ),
        strict=True,
    )
)
# Shares of letters inside German words (per mille), for the second and later letters.
_INNER = dict(
    zip(
        string.ascii_lowercase,
        (
            65,
            19,
            30,
            51,
            174,
            17,
            30,
            48,
            76,
            3,
            12,
            34,
            25,
            98,
            25,
            8,
            1,
            70,
            73,
            62,
            44,
            7,
            19,
            1,
            1,
            11,
        ),
        strict=True,
    )
)
_BEFORE_A = 10
"""Share of „no further letter“ (the word ends, or a space, hyphen or digit follows)."""


@dataclass(frozen=True)
class Teil(Generic[T]):
    """One part of an overview: its entries, a label („A–C“) and a slug for its address."""

    slug: str
    label: str
    entries: tuple[T, ...]


def fold(key: str) -> str:
    """A sort key without diacritics: DIN 5007-1 files Ç under C and É under E.

    ``rathaus.model.sort_key`` already folds Ä, Ö, Ü and ß.
    """
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def initial(key: str) -> str:
    """The index letter of a sort key: „A“ … „Z“, or ``OTHER``."""
    first = fold(key[:1])[:1]
    return first.upper() if first and "a" <= first <= "z" else OTHER


def _class(key: str, depth: int) -> int:
    """0 for „no letter“ (end, space, digit, hyphen), 1–26 for a–z; later characters → 26.

    The classes follow the code point order of the sort keys, so every range of classes
    is a contiguous run of the sorted entries.
    """
    if depth >= len(key) or key[depth] < "a":
        return 0
    if key[depth] > "z":
        return 26
    return ord(key[depth]) - ord("a") + 1


def _weight(depth: int, cls: int) -> int:
    if cls == 0:
        return _BEFORE_A
    return (_INITIAL if depth == 0 else _INNER)[string.ascii_lowercase[cls - 1]]


def _middle(depth: int, lo: int, hi: int) -> int:
    """The last class of the left half of ``lo..hi``: the halves' typical shares balance."""
    total = sum(_weight(depth, c) for c in range(lo, hi + 1))
    best, best_diff, left = lo, total, 0
    for c in range(lo, hi):
        left += _weight(depth, c)
        diff = abs(total - 2 * left)
        if diff < best_diff:
            best, best_diff = c, diff
    return best


def _end(prefix: str, cls: int) -> str:
    return prefix + ("" if cls == 0 else string.ascii_lowercase[cls - 1])


def _label(prefix: str, lo: int, hi: int) -> str:
    first, last = (_end(prefix, c).capitalize() for c in (lo, hi))
    return first if first == last else f"{first}–{last}"


def slug_of(label: str) -> str:
    """``A–C`` → ``a-c``, ``Schm (1/2)`` → ``schm-1``."""
    text = label.lower().replace("–", "-")
    if text.endswith(")") and " (" in text:
        text, _, number = text.partition(" (")
        text = f"{text}-{number.split('/')[0]}"
    return text


def _total(items: list[tuple[str, T]], weight: Callable[[T], float]) -> float:
    return sum(weight(x) for _, x in items)


def _numbered(
    label: str, items: list[tuple[str, T]], threshold: int, weight: Callable[[T], float]
) -> list[Teil[T]]:
    """Numbered parts of about equal weight, for entries no letter can tell apart."""
    count = max(2, math.ceil(_total(items, weight) / threshold))
    chunks: list[list[T]] = [[] for _ in range(count)]
    # Greedy: each chunk takes entries up to its share of the total, at least one entry.
    share, done, chunk = _total(items, weight) / count, 0.0, 0
    for _, item in items:
        if chunks[chunk] and done + weight(item) > share * (chunk + 1) and chunk < count - 1:
            chunk += 1
        chunks[chunk].append(item)
        done += weight(item)
    chunks = [c for c in chunks if c]
    return [
        Teil(slug_of(f"{label} ({n}/{len(chunks)})"), f"{label} ({n}/{len(chunks)})", tuple(c))
        for n, c in enumerate(chunks, start=1)
    ]


def _split(
    items: list[tuple[str, T]],
    prefix: str,
    lo: int,
    hi: int,
    threshold: int,
    weight: Callable[[T], float],
) -> list[Teil[T]]:
    if not items:
        return []
    depth = len(prefix)
    label = _label(prefix, lo, hi)
    if _total(items, weight) <= threshold:
        return [Teil(slug_of(label), label, tuple(x for _, x in items))]
    if lo < hi:
        middle = _middle(depth, lo, hi)
        left = [(k, x) for k, x in items if _class(k, depth) <= middle]
        right = [(k, x) for k, x in items if _class(k, depth) > middle]
        return _split(left, prefix, lo, middle, threshold, weight) + _split(
            right, prefix, middle + 1, hi, threshold, weight
        )
    letter = _end(prefix, lo)
    if lo == 0 or depth + 1 >= MAX_PREFIX or any(k[depth] != letter[-1] for k, _ in items):
        return _numbered(label, items, threshold, weight)
    return _split(items, letter, 0, 26, threshold, weight)


def _one(item: object) -> float:
    return 1.0


def gliedern(
    items: Sequence[T],
    key: Callable[[T], str],
    threshold: int,
    weight: Callable[[T], float] = _one,
) -> list[Teil[T]]:
    """``items`` (in display order) in parts of at most ``threshold`` entries.

    ``key`` gives the sort key (``rathaus.model.sort_key`` of the name the overview is
    sorted by). ``weight``: how much an entry counts (1 unless given; a one-line
    cross-reference may count less). No entries: no parts. A total of at most ``threshold``:
    one part with the empty slug – the overview is not split. Within a part the entries
    keep their order.
    """
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    if not items:
        return []
    keyed = [(fold(key(item)), item) for item in items]
    if _total(keyed, weight) <= threshold:
        return [Teil("", "", tuple(items))]
    letters = [(k, x) for k, x in keyed if initial(k) != OTHER]
    others = [(k, x) for k, x in keyed if initial(k) == OTHER]
    parts = _split(letters, "", 1, 26, threshold, weight)
    if _total(others, weight) > threshold:
        parts += _numbered(OTHER, others, threshold, weight)
    elif others:
        parts.append(Teil(slug_of(OTHER), OTHER, tuple(x for _, x in others)))
    return parts
