"""Find what matters in an editor's Markdown without rendering it: code, links, attribute lists.

Positions are 1-based lines and character columns, as editors count. Code (fenced blocks and
inline code spans) and the front matter are masked with spaces first, so an example shown as
code is never mistaken for a link or raw HTML, and every position stays where it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")
# [text](target "title") and ![alt](target); text may hold one level of nested brackets.
_INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]"
    r"\(\s*(?P<target><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"""
)
# [label]: target  (reference definition)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(?P<target><[^>\n]*>|\S+)", re.MULTILINE)
# { #id .class key="value" } of the attr_list extension
_ATTR_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*)\}")


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


def mask(text: str) -> str:
    """``text`` with front matter, fenced code and code spans replaced by spaces."""
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    in_front = bool(lines) and lines[0].rstrip() == "---"
    for number, line in enumerate(lines):
        if in_front:
            out.append(_blank(line))
            if number > 0 and line.rstrip() in {"---", "..."}:
                in_front = False
            continue
        match = _FENCE_OPEN.match(line)
        if fence is not None:
            out.append(_blank(line))
            closing = match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence)
            if closing and not line.strip().strip(fence[0]):
                fence = None
            continue
        if match:
            fence = match["fence"]
            out.append(_blank(line))
            continue
        out.append(_CODE_SPAN.sub(lambda m: _blank(m.group(0)), line))
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
