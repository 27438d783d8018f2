"""The glossary (``data/woerterbuch.yml``) on pages in Leichte Sprache.

The first time a hard word appears in the running text of a page, its explanation follows
right there: the explanation's sentences are added as lines after the line with the word,
one sentence per line, visible to every reader (no tooltip, no brackets), and a last line
links to the word's entry on the Wörterbuch page – on hand-written pages (:func:`explain`,
Markdown) and on pages written from data (:func:`explain_page`). The word matches with or
without Mediopunkt ("Bürgerbüro", "Bürger·büro") and in the forms under ``varianten``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from ..markdown_scan import mask
from ..model.woerterbuch import Wort
from . import views
from .text import _NO_BREAK, mask_markdown
from .views import Line, LsPage, Part, split_sentences

Link = Callable[[Wort], str]
"""The address of a word's entry on the Wörterbuch page, as the page that explains it links."""

LINK_TEXT = "{wort} im Wörter·buch"


def pattern(entry: Wort) -> re.Pattern[str]:
    """The word and its forms, with an optional Mediopunkt between any two letters."""
    forms = sorted({entry.wort, *entry.varianten}, key=len, reverse=True)

    def loose(form: str) -> str:
        return "·?".join(re.escape(c) for c in form.replace("·", ""))

    return re.compile(r"(?<![\w·-])(?:" + "|".join(loose(f) for f in forms) + r")(?![\w·-])")


def _markdown_text(text: str) -> str:
    return "".join(f"\\{c}" if c in "\\`*_{}[]<>#|" else c for c in text)


def explain(markdown: str, entries: Iterable[Wort], link: Link | None = None) -> str:
    """``markdown`` with each glossary word's explanation after the line of its first use.

    Only lines of running text count: not headings, lists, tables, code or HTML. ``link``:
    the Markdown link target of an entry (none without a Wörterbuch page).
    """
    lines = markdown.split("\n")
    plain = mask(markdown).split("\n")
    visible = mask_markdown(markdown)[0].split("\n")
    after: dict[int, list[str]] = {}
    for entry in entries:
        found = pattern(entry)
        for index, line in enumerate(visible):
            if not plain[index].strip() or _NO_BREAK.match(plain[index]):
                continue
            if found.search(line):
                added = after.setdefault(index, [])
                added.extend(_markdown_text(s) for s in split_sentences(entry.erklaerung))
                if link is not None:
                    text = _markdown_text(LINK_TEXT.format(wort=entry.wort))
                    added.append(f"Mehr dazu: [{text}]({link(entry)}).")
                break
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        out.extend(after.get(index, []))
    return "\n".join(out)


def explain_page(page: LsPage, entries: Iterable[Wort], link: Link | None = None) -> LsPage:
    """``page`` with each glossary word's explanation after the line of its first use in
    running text (blocks of sentences; not headings, lists or facts); ``link`` as for
    :func:`explain`."""
    blocks = list(page.blocks)
    for entry in entries:
        found = pattern(entry)
        for index, block in enumerate(blocks):
            if block.kind != "saetze":
                continue
            hit = next((i for i, ln in enumerate(block.lines) if found.search(ln.text)), None)
            if hit is None:
                continue
            added = tuple(views.line(s) for s in split_sentences(entry.erklaerung))
            if link is not None:
                added += (_link_line(entry, link),)
            lines = block.lines[: hit + 1] + added + block.lines[hit + 1 :]
            blocks[index] = replace(block, lines=lines)
            break
    return replace(page, blocks=blocks)


def _link_line(entry: Wort, link: Link) -> Line:
    return views.line(
        "Mehr dazu: ", Part(LINK_TEXT.format(wort=entry.wort), link(entry), name=True), "."
    )
