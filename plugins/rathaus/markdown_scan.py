"""Find what matters in an editor's Markdown without rendering it: code, links, attribute lists.

Positions are 1-based lines and character columns, as editors count. Code (fenced blocks and
inline code spans) and the front matter are masked with spaces first, so an example shown as
code is never mistaken for a link, and every position stays where it was.

The link check (``links.py``) and the Leichte Sprache linter use :func:`mask`; the content-safety
decision does not depend on it any more (``safety.py`` judges the HTML the renderer produced,
and only looks up positions here). Fences follow Python-Markdown's ``fenced_code`` – the
renderer MkDocs uses – rather than CommonMark: a fence starts in column 1, its info string is
one word (``.lang``, ``{ attrs }``, ``hl_lines="…"``), it closes only with the same fence, and
an unclosed fence is text. Code spans may cross lines of a paragraph; a run of backticks pairs
only with a run of the same length (Python-Markdown would also let ```` open a ``` span).
Every scan is linear in the length of the text (possessive quantifiers, no nested repetition,
backtick runs paired by length), so a line of 100 000 backticks or brackets is cheap.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

# Python-Markdown's FENCED_BLOCK_RE, one line at a time.
_FENCE_OPEN = re.compile(
    r"(?P<fence>`{3,}+|~{3,}+) *+"
    r"(?:\{[^\n]*\}|\.?[\w#.+-]*+ *+(?:hl_lines=(?P<q>[\"'])[^\n]*?(?P=q) *+)?)$"
)
_BACKTICKS = re.compile(r"`+")
# [text](target "title") and ![alt](target); text may hold one level of nested brackets.
_INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]\n]++|\[[^\[\]\n]*+\])*+\]"
    r"\((?>\s*)(?P<target><[^>\n]*+>|[^\s()]*+(?:\([^\s()]*+\)[^\s()]*+)*+)"
    r"""(?>(?:\s++(?:"[^"\n]*+"|'[^'\n]*+'|\([^)\n]*+\)))?)(?>\s*)\)"""
)
# [label]: target  (reference definition)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]++\]:(?>\s*)(?P<target><[^>\n]*+>|\S++)", re.MULTILINE)
# { #id .class key="value" } of the attr_list extension
_ATTR_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*+)\}")


@dataclass(frozen=True)
class Link:
    line: int
    col: int
    target: str


@dataclass(frozen=True)
class AttrList:
    line: int
    col: int
    """Column of the first character inside the braces."""
    body: str


def _blank(text: str) -> str:
    return "".join(c if c == "\n" else " " for c in text)


def front_matter_lines(text: str) -> int:
    """How many lines at the start of ``text`` are front matter (with both ``---``)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in {"---", "..."}:
            return number
    return 0


# MkDocs 1.6 (mkdocs.utils.meta): a YAML block between "---" and "---" or "..." is front
# matter only when it parses to a mapping; otherwise the page may start with MultiMarkdown
# "key: value" lines (continued by indented lines) up to the first blank line.
_YAML_BLOCK = re.compile(r"---[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_KEY = re.compile(r" {0,3}[A-Za-z0-9_-]+:")
_META_MORE = re.compile(r"(?: {4}|\t)")


def page_body(text: str) -> str:
    """The part of a page MkDocs renders: ``text`` without the front matter it removes.

    The safety check must judge exactly what the build renders, so this follows the runner's
    rule rather than Rathaus's stricter front matter reader (``pages.split_front_matter``).
    """
    if match := _YAML_BLOCK.match(text):
        try:
            data = yaml.safe_load(match[1])
        except yaml.YAMLError:
            return text
        return text[match.end() :].lstrip("\n") if isinstance(data, dict) else text
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start, in_meta = 0, False
    for line in lines:
        if not line.strip():
            start += 1  # the blank line ends the block and goes with it
            break
        if _META_KEY.match(line) or (in_meta and _META_MORE.match(line)):
            start, in_meta = start + 1, True
            continue
        break
    return "\n".join(lines[start:]).lstrip("\n")


def _fences(lines: list[str], first: int) -> dict[int, int]:
    """Fenced blocks as opening line index → closing line index (Python-Markdown's rule)."""
    closers: dict[str, list[int]] = defaultdict(list)
    for index in range(first, len(lines)):
        bare = lines[index].rstrip(" ")
        if len(bare) >= 3 and bare[0] in "`~" and bare == bare[0] * len(bare):
            closers[bare].append(index)
    blocks: dict[int, int] = {}
    index = first
    while index < len(lines):
        match = _FENCE_OPEN.match(lines[index])
        if match:
            candidates = closers[match["fence"]]
            at = bisect.bisect_right(candidates, index)
            if at < len(candidates):
                blocks[index] = candidates[at]
                index = candidates[at] + 1
                continue
        index += 1
    return blocks


def outside_fences(lines: list[str], first: int = 0) -> Iterator[tuple[int, str]]:
    """(index, line) of every line from ``first`` on that is not part of a fenced code block.

    The one fence rule of Rathaus (Python-Markdown's, as :func:`mask` applies it): every scan
    of Markdown for headings, directives or separators skips code this way."""
    fences = _fences(lines, first)
    index = first
    while index < len(lines):
        if index in fences:
            index = fences[index] + 1
            continue
        yield index, lines[index]
        index += 1


def _code_spans(line: str) -> str:
    """``line`` (a paragraph) with code spans blanked: a run of n backticks up to the next run
    of exactly n, across line breaks as in Python-Markdown; a backtick after an odd number of
    backslashes is literal text."""
    runs: list[tuple[int, int]] = []
    for match in _BACKTICKS.finditer(line):
        start, end = match.span()
        slash = start
        while slash > 0 and line[slash - 1] == "\\":
            slash -= 1
        if (start - slash) % 2:
            start += 1
        if end > start:
            runs.append((start, end))
    by_length: dict[int, list[int]] = defaultdict(list)
    for number, (start, end) in enumerate(runs):
        by_length[end - start].append(number)
    out = list(line)
    number = 0
    while number < len(runs):
        start, end = runs[number]
        same = by_length[end - start]
        at = bisect.bisect_right(same, number)
        if at < len(same):
            closer = same[at]
            close_end = runs[closer][1]
            out[start:close_end] = _blank(line[start:close_end])
            number = closer + 1
        else:
            number += 1
    return "".join(out)


def mask(text: str) -> str:
    """``text`` with front matter, fenced code and code spans replaced by spaces."""
    lines = text.split("\n")
    front = front_matter_lines(text)
    out = [_blank(line) for line in lines[:front]]
    fences = _fences(lines, front)
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.extend(_code_spans("\n".join(paragraph)).split("\n"))
            paragraph.clear()

    index = front
    while index < len(lines):
        if index in fences:
            flush()
            closing = fences[index]
            out.extend(_blank(line) for line in lines[index : closing + 1])
            index = closing + 1
            continue
        paragraph.append(lines[index])
        if not lines[index].strip():
            flush()
        index += 1
    flush()
    return "\n".join(out)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _target(match: re.Match[str]) -> tuple[str, int]:
    target, start = match["target"], match.start("target")
    if target.startswith("<") and target.endswith(">"):
        return target[1:-1], start + 1
    return target, start


def links(masked: str) -> Iterator[Link]:
    """Inline links, images and reference definitions of masked Markdown."""
    found: list[tuple[int, str]] = []
    for pattern in (_INLINE_LINK, _REFERENCE):
        for match in pattern.finditer(masked):
            target, start = _target(match)
            found.append((start, target))
    for start, target in sorted(found):
        line, col = position(masked, start)
        yield Link(line, col, target)


def attr_lists(masked: str) -> Iterator[AttrList]:
    for match in _ATTR_LIST.finditer(masked):
        line, col = position(masked, match.start("body"))
        yield AttrList(line, col, match["body"])


@dataclass(frozen=True)
class PageSource:
    """One Markdown page of content/, read and decoded, for the page checks."""

    file: str
    """Path shown to editors, e.g. ``content/kontakt.md``."""
    src_uri: str
    """Path inside content/, e.g. ``kontakt.md``."""
    text: str
    front_matter: Any
    masked: str
    """``text`` with front matter and code replaced by spaces (see :func:`mask`)."""
