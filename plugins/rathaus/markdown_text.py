"""Markdown in a text field of the data (a unit's ``einleitung``): what editors paste from
the old site – links, emphasis, lists – shown as such instead of raw brackets.

The subset is CommonMark's paragraphs, line breaks, emphasis, links and lists, parsed by
markdown-it-py with raw HTML off: a ``<script>`` in the text is shown as text, and
markdown-it's link validation drops ``javascript:``, ``vbscript:``, ``file:`` and ``data:``
targets (the brackets stay as text). Links to pages of content/ (``kontakt.md#anker``) are
resolved by the caller like the page links of the other data fields, and checked by
:func:`page_links` in ``rathaus check``. JSON-LD gets the text without the markup
(:func:`to_plain`). No MkDocs here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .escaping import plain_text

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_PARSER = MarkdownIt("zero").enable(["paragraph", "newline", "emphasis", "link", "list"])


@dataclass(frozen=True)
class TextLink:
    target: str
    line: int
    """Line of the text the link stands on, counted from 1."""


def _is_page(target: str) -> bool:
    return not _SCHEME.match(target) and not target.startswith(("#", "/"))


def _links(tokens: list[Token]) -> list[tuple[Token, int]]:
    found = []
    for block in tokens:
        if block.type != "inline" or not block.children:
            continue
        line = block.map[0] + 1 if block.map else 1
        for child in block.children:
            if child.type == "softbreak" or child.type == "hardbreak":
                line += 1
            if child.type == "link_open":
                found.append((child, line))
    return found


def _parse(text: str) -> list[Token]:
    # Controls go first, as in every output format: markdown-it would show NUL as U+FFFD.
    return _PARSER.parse(plain_text(text))


def page_links(text: str) -> list[TextLink]:
    """Links to pages of content/ (relative targets), for the check."""
    return [
        TextLink(str(token.attrs["href"]), line)
        for token, line in _links(_parse(text))
        if _is_page(str(token.attrs["href"]))
    ]


def to_html(text: str, page_url: Callable[[str], str]) -> str:
    """The text as HTML; ``page_url`` turns ``kontakt.md#anker`` into the link of the page."""
    tokens = _parse(text)
    for token, _ in _links(tokens):
        target = str(token.attrs["href"])
        if _is_page(target):
            token.attrs["href"] = page_url(target)
    return str(_PARSER.renderer.render(tokens, _PARSER.options, {})).rstrip("\n")


def to_plain(text: str) -> str:
    """The words without the markup: paragraphs and list items as lines."""
    lines: list[str] = []
    for block in _parse(text):
        if block.type == "inline" and block.children is not None:
            words = "".join(
                " " if child.type in ("softbreak", "hardbreak") else child.content
                for child in block.children
                if child.type in ("text", "softbreak", "hardbreak")
            )
            lines.append(words)
    return "\n".join(lines)
