"""Markdown (or plain text) → blocks and sentences, with every position kept.

The linter must point at the character an editor wrote. So nothing is ever deleted: Markdown
syntax, code, comments, link targets and raw HTML are replaced by spaces of the same length
(``markdown_scan.mask`` does code and front matter), and offsets into the masked text are
offsets into the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..markdown_scan import mask, position

BlockKind = Literal["absatz", "ueberschrift", "liste", "tabelle", "adresse"]

# Every pattern here runs on an editor's whole page and must stay linear in its length: a
# scan to a closing character must stop at the next opening one, else it runs again from
# every later opening character when the closing one is missing (quadratic). Unbounded runs
# start only at a word's beginning.
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_LINK_TARGET = re.compile(
    r"\]\((?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"\n]*\")?\)"
)
_REF_LINK = re.compile(r"\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S.*$", re.MULTILINE)
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]\n]+\]:", re.MULTILINE)
_URL = re.compile(
    r"<?(?:https?://|mailto:|tel:)[^\s<>)\]]+>?|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+"
)
_ATTR = re.compile(r"\{:?[^{}\n]*\}")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")


def _blank(match: re.Match[str]) -> str:
    return "".join(c if c == "\n" else " " for c in match.group(0))


@dataclass
class Block:
    """A paragraph, heading, list item, table cell or address: text between two offsets."""

    kind: BlockKind
    start: int
    end: int
    lines: list[tuple[int, int]] = field(default_factory=list)
    """(start, end) offsets of each source line of the block."""


@dataclass(frozen=True)
class Word:
    text: str
    start: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    """The masked text of the sentence (same length as the source span)."""
    block: Block
    words: tuple[Word, ...]
    after_colon: bool = False
    """Starts after "Das heißt: …" in the same line: its own sentence, but no new line needed."""


@dataclass(frozen=True)
class Prepared:
    """A text ready for the rules: the source, its masked form and its blocks."""

    source: str
    masked: str
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    italics: tuple[int, ...] = ()
    footnotes: tuple[int, ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        return position(self.source, offset)


_ITALIC = re.compile(
    r"(?<![*\w])\*(?!\*|\s)[^*\n]+(?<!\s)\*(?!\*)|(?<![_\w])_(?!_|\s)[^_\n]+(?<!\s)_(?![_\w])"
)
_FOOTNOTE = re.compile(r"\[\^[^\[\]\n]+\]")


def _blank_comments(text: str) -> str:
    """``<!--.*?-->`` blanked, in one pass: the regular expression would scan to the end of the
    text again from every ``<!--`` that is never closed."""
    parts: list[str] = []
    done = 0
    while (start := text.find("<!--", done)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no later comment is closed either
        end += 3
        parts += [text[done:start], "".join(c if c == "\n" else " " for c in text[start:end])]
        done = end
    return "".join([*parts, text[done:]])


class _Next:
    """The next place of one character at or after a position, for positions that only grow:
    each part of the text is searched once."""

    def __init__(self, text: str, char: str) -> None:
        self.text, self.char, self.found = text, char, -1

    def at(self, start: int) -> int:
        if self.found < start:
            found = self.text.find(self.char, start)
            self.found = found if found >= 0 else len(self.text)
        return self.found


def _blank_images(text: str) -> str:
    """``![alt](target)`` on one line blanked, as ``!\\[[^\\]\\n]*\\]\\([^)\\n]*\\)`` would, in one
    pass: the pattern scans to the line's end again from every ``![`` before a missing ``)``."""
    close, paren = _Next(text, "]"), _Next(text, ")")
    line_after_open, line_after_close = _Next(text, "\n"), _Next(text, "\n")
    parts: list[str] = []
    done = search = 0
    while (start := text.find("![", search)) >= 0:
        search = start + 1
        alt_end = close.at(start + 2)
        if alt_end > line_after_open.at(start + 2) or text[alt_end + 1 : alt_end + 2] != "(":
            continue
        end = paren.at(alt_end + 2)
        if end > line_after_close.at(alt_end + 2) or end == len(text):
            continue
        parts += [text[done:start], " " * (end + 1 - start)]
        done = search = end + 1
    return "".join([*parts, text[done:]])


def mask_markdown(text: str) -> tuple[str, list[int], list[int]]:
    """Masked Markdown: only the words a reader sees remain. Also italics and footnotes."""
    masked = mask(text)
    masked = _blank_comments(masked)
    masked = _FOOTNOTE_DEF.sub(_blank, masked)
    footnotes = [m.start() for m in _FOOTNOTE.finditer(masked)]
    masked = _FOOTNOTE.sub(_blank, masked)
    masked = _blank_images(masked)
    masked = _REF_DEF.sub(_blank, masked)
    masked = _LINK_TARGET.sub(_blank, masked)
    masked = _REF_LINK.sub(_blank, masked)
    masked = _URL.sub(_blank, masked)
    masked = _TAG.sub(_blank, masked)
    masked = _ATTR.sub(_blank, masked)
    italics = [m.start() for m in _ITALIC.finditer(masked)]
    masked = _ESCAPE.sub(" ", masked)
    lines = masked.split("\n")
    out = []
    for line in lines:
        if _RULE.match(line):
            out.append(" " * len(line))
            continue
        line = _ADMONITION.sub(_blank, line)
        line = _QUOTE.sub(_blank, line)
        line = _LIST.sub(lambda m: "\x01" + " " * (len(m.group(0)) - 1), line)
        line = _HEADING.sub(lambda m: "\x02" + " " * (len(m.group(0)) - 1), line)
        out.append(line)
    masked = "\n".join(out)
    # Link text brackets and emphasis markers are syntax, not text.
    masked = re.sub(r"!?\[|\]", " ", masked)
    masked = _EMPHASIS.sub(lambda m: " " * len(m.group(0)), masked)
    return masked, italics, footnotes


def _blocks(masked: str, *, markdown: bool) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    offset = 0
    lines = masked.split("\n")
    for line in lines:
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped or stripped in {"\x01", "\x02"}:
            current = None
            continue
        if markdown and _SETEXT.match(line) and current is not None:
            current.kind = "ueberschrift"
            current = None
            continue
        first = line.lstrip()[0]
        if markdown and "|" in line and (stripped.startswith("|") or stripped.endswith("|")):
            current = None
            if set(stripped) <= set("|-: "):
                continue
            cell_start = start
            for part in line.split("|"):
                if part.strip():
                    blocks.append(
                        Block(
                            "tabelle",
                            cell_start,
                            cell_start + len(part),
                            [(cell_start, cell_start + len(part))],
                        )
                    )
                cell_start += len(part) + 1
            continue
        if first == "\x02":
            blocks.append(Block("ueberschrift", start, end, [(start, end)]))
            current = None
            continue
        if first == "\x01" or current is None:
            current = Block("liste" if first == "\x01" else "absatz", start, end, [])
            blocks.append(current)
        current.end = end
        current.lines.append((start, end))
    return blocks


# A sentence ends at . ! ? (and : at the end of a line), unless the dot closes an
# abbreviation (one or two letters: "z.", "B.", "Nr.") or an ordinal number ("15. August").
_END = re.compile(r"[.!?]+(?=[\s\"“”)]|$)|:(?=[ \t]*(?:\n|$))|:(?= [A-ZÄÖÜ])")
_WORD = re.compile(r"[^\s]+")
_STRIP = ".,;:!?\"„“”‚‘'()[]{}»«…–—"

# Two-letter German words that are words, not abbreviations: a dot after them ends a sentence.
SHORT_WORDS = frozenset(["ja", "so", "da", "zu", "an", "um", "es", "er", "du", "wo", "im", "am"])
_ENDS_SENTENCE = SHORT_WORDS | {"Ja"}


# Both tests below look at the word before the dot and the rest of its line. They look at a
# few characters around the dot only, never at the whole line or text, so splitting a text
# into sentences stays linear in its length (a generated page is one long text, and one line
# may hold thousands of dots).
_TOKEN_WINDOW = 32
"""Longest word looked at before a dot: an abbreviation has at most 4 letters (``bzgl``)."""
_LAST_TOKEN = re.compile(rf"(?<!\S)(\S{{1,{_TOKEN_WINDOW}}})$")
_ORDINAL_DIGITS = re.compile(r"(?<![\d.])\d{1,2}$")
_BLANK_REST = re.compile(r"(?:(?!\n)\s)*+(?:\n|\Z)")


def _blank_rest_of_line(text: str, dot: int) -> bool:
    """Nothing but blanks after ``dot`` up to the end of its line."""
    return _BLANK_REST.match(text, dot + 1) is not None


def _is_abbreviation_dot(text: str, dot: int) -> bool:
    if _blank_rest_of_line(text, dot):
        return False  # a dot at the end of a line ends the sentence
    # ``$`` also matches before a final newline, so the word may end the previous line; a
    # longer word than the window is no abbreviation.
    before = _LAST_TOKEN.search(text, max(dot - _TOKEN_WINDOW - 1, 0), dot)
    if not before:
        return False
    token = before.group(1).lstrip(_STRIP)
    if re.fullmatch(r"[A-Za-zÄÖÜäöü]{1,2}", token) and token not in _ENDS_SENTENCE:
        return True
    return token.lower() in _KNOWN_ABBREVIATIONS


def _is_ordinal_dot(text: str, dot: int) -> bool:
    """``15. August`` or ``2. Stock``: digits, a dot and more words on the same line."""
    # At most two digits and a final newline end at ``dot``; the look-behind sees before the
    # window's start, so a window of four characters gives the result of the whole text.
    if not _ORDINAL_DIGITS.search(text, max(dot - 4, 0), dot):
        return False
    return not _blank_rest_of_line(text, dot)


_KNOWN_ABBREVIATIONS = frozenset(
    [
        "usw",
        "bzw",
        "ca",
        "etc",
        "ggf",
        "evtl",
        "inkl",
        "nr",
        "mio",
        "mrd",
        "tel",
        "str",
        "max",
        "min",
        "bzgl",
        "vgl",
        "ca",
        "zb",
        "dh",
        "ua",
        "sog",
        "usf",
        "abs",
        "art",
        "ff",
        "jh",
        "jhd",
        "dr",
        "prof",
        "hr",
        "fr",
        "mo",
        "di",
        "mi",
        "do",
        "fr",
        "sa",
        "so",
    ]
)


def words_of(text: str, start: int, end: int) -> tuple[Word, ...]:
    found = []
    for match in _WORD.finditer(text, start, end):
        raw = match.group(0)
        core = raw.strip(_STRIP)
        if not core or not any(c.isalnum() for c in core):
            continue
        found.append(Word(core, match.start() + raw.index(core)))
    return tuple(found)


def _sentences(masked: str, blocks: list[Block]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for block in blocks:
        text = masked
        cursor = block.start
        if block.kind in {"ueberschrift", "tabelle"}:
            ends = [block.end]
        else:
            ends = []
            for match in _END.finditer(text, block.start, block.end):
                dot = match.start()
                if match.group(0) == "." and (
                    _is_abbreviation_dot(text, dot) or _is_ordinal_dot(text, dot)
                ):
                    continue
                ends.append(match.end())
            if not ends or text[ends[-1] : block.end].strip():
                ends.append(block.end)
        after_colon = False
        for end in ends:
            words = words_of(text, cursor, end)
            if words:
                first = words[0].start
                # Include opening punctuation ("„…") but never start in leading blanks.
                lead = cursor + (len(text[cursor:end]) - len(text[cursor:end].lstrip()))
                start = min(first, lead)
                sentences.append(Sentence(start, end, text[start:end], block, words, after_colon))
            after_colon = text[end - 1] == ":" and "\n" not in text[end : end + 2]
            cursor = end
    return sentences


def prepare_markdown(text: str) -> Prepared:
    masked, italics, footnotes = mask_markdown(text)
    blocks = _blocks(masked, markdown=True)
    clean = masked.replace("\x01", " ").replace("\x02", " ")
    return Prepared(
        text,
        clean,
        tuple(blocks),
        tuple(_sentences(clean, blocks)),
        tuple(italics),
        tuple(footnotes),
    )


def prepare_plain(text: str, *, kinds: dict[int, BlockKind] | None = None) -> Prepared:
    """Plain text (a data field, or generated LS lines): every blank line ends a block.

    ``kinds`` gives the kind of the block that starts on a line index (0-based), e.g. an
    address block written from data.
    """
    masked = _URL.sub(_blank, text)
    blocks = _blocks(masked, markdown=False)
    if kinds:
        # Blocks are in text order: count the newlines between one block and the next only.
        line_index, counted = 0, 0
        for block in blocks:
            line_index += masked.count("\n", counted, block.start)
            counted = block.start
            if line_index in kinds:
                block.kind = kinds[line_index]
    return Prepared(text, masked, tuple(blocks), tuple(_sentences(masked, blocks)))


_NO_BREAK = re.compile(r"^\s*(?:#|\||<|!!!|\?\?\?|\{|[-*+]\s|\d{1,9}[.)]\s|>)|^\s*$")


def hard_line_breaks(markdown: str) -> str:
    """Each source line of a paragraph on its own rendered line (one sentence per line).

    Markdown joins the lines of a paragraph; two trailing spaces keep the break. Code,
    headings, tables, HTML, admonition heads and list starts are left alone.
    """
    lines = markdown.split("\n")
    masked = mask(markdown).split("\n")
    out = []
    for index, line in enumerate(lines):
        following = masked[index + 1] if index + 1 < len(masked) else ""
        in_code = not masked[index].strip() and line.strip()
        if (
            in_code
            or (_NO_BREAK.match(masked[index]) and not _LIST.match(masked[index]))
            or not following.strip()
            or _NO_BREAK.match(following)
            or line.endswith("  ")
        ):
            out.append(line)
        else:
            out.append(line.rstrip() + "  ")
    return "\n".join(out)
