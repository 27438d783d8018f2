"""Internal links between editors' pages: the target file must exist, the anchor should.

MkDocs checks links only while building and without a line number; this check runs in
``rathaus check`` too and points at the link itself. Pages generated from data (unit pages,
the directory …) count as existing: they are listed by :data:`rathaus.checks.GENERATED_PAGES`.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from markdown.extensions.toc import (
    slugify as toc_slugify,
)
from markdown.extensions.toc import unique

from .markdown_scan import Link, PageSource, attr_lists, links
from .model import Finding, Level

RULE = "link"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HEADING_ATTRS = re.compile(r"\s*\{:?[^{}]*\}\s*$")
_ID_IN_ATTRS = re.compile(r"(?:^|\s)#(?P<id>[\w-]+)")
_HTML_ID = re.compile(r"""\s(?:id|name)\s*=\s*["']?(?P<id>[^"'\s>]+)""")
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]")
_DIRECTIVE = re.compile(r"<!--\s*rathaus/")


def anchors(page: PageSource) -> set[str] | None:
    """The ids a page's headings and raw HTML get; ``None`` when directives add unknown ones."""
    if _DIRECTIVE.search(page.masked):
        return None
    found: set[str] = set()
    ids: list[str] = []
    lines = page.masked.split("\n")
    for number, line in enumerate(lines):
        text: str | None = None
        match = _ATX.match(line)
        if match:
            text = match["text"]
        elif (
            number + 1 < len(lines)
            and line.strip()
            and _SETEXT.match(lines[number + 1])
            and not line.lstrip().startswith(("-", "*", "<", "|"))
        ):
            text = line.strip()
        if text is None:
            continue
        attrs = _HEADING_ATTRS.search(text)
        if attrs:
            explicit = _ID_IN_ATTRS.search(attrs.group(0).strip(" {}:"))
            text = text[: attrs.start()]
            if explicit:
                found.add(explicit["id"])
                continue
        plain = _INLINE_MARKUP.sub(lambda m: m.group(1) or "", text)
        ids.append(unique(toc_slugify(plain, "-"), set(ids)))
    found.update(ids)
    for attr in attr_lists(page.masked):
        found.update(m["id"] for m in _ID_IN_ATTRS.finditer(attr.body))
    found.update(m["id"] for m in _HTML_ID.finditer(page.masked))
    return found


@dataclass(frozen=True)
class MaybeGenerated:
    """What the build might generate when the data could not be read: the folders and pages
    of the features. A link there is not judged until the data is fixed; a link anywhere
    else that has no page is reported in the same round as the data errors."""

    folders: tuple[str, ...]
    pages: frozenset[str]

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and (
            path in self.pages or any(path.startswith(f"{f}/") for f in self.folders)
        )


def check_links(
    page: PageSource,
    pages: Mapping[str, PageSource],
    generated: frozenset[str] | MaybeGenerated | None,
) -> list[Finding]:
    """Links to pages or files of content/ that do not exist, and anchors that do not."""
    findings: list[Finding] = []
    base = posixpath.dirname(page.src_uri)
    for link in links(page.masked):
        target = link.target.strip()
        if not target or _SCHEME.match(target) or target.startswith(("/", "//")):
            continue  # external, mail, absolute: not an editor's relative link
        path, _, anchor = unquote(target).partition("#")
        path = path.split("?", 1)[0]

        def problem(message: str, hint: str, level: Level = Level.ERROR, at: Link = link) -> None:
            findings.append(
                Finding(page.file, at.line, at.col, "", message, hint, level, rule=RULE)
            )

        if not path:
            resolved = page.src_uri
        else:
            if not posixpath.splitext(path)[1]:
                continue  # "verwaltung/" and similar: MkDocs does not check these either
            resolved = posixpath.normpath(posixpath.join(base, path))
            if resolved.startswith("../") or resolved == "..":
                problem(
                    f"der Link „{target}“ führt aus dem Ordner content/ hinaus",
                    "verlinken Sie eine Seite in content/, z. B. kontakt.md",
                )
                continue
            if generated is None and resolved not in pages:
                continue  # which pages are generated is unknown
            if isinstance(generated, MaybeGenerated) and resolved in generated:
                continue  # may be generated once the data is fixed
            made = generated if isinstance(generated, frozenset) else frozenset()
            if resolved not in pages and resolved not in made:
                close = _closest(resolved, [*pages, *made])
                problem(
                    f"die verlinkte Seite „{path}“ gibt es nicht",
                    f"meinten Sie „{posixpath.relpath(close, base or '.')}“?"
                    if close
                    else "prüfen Sie den Dateinamen; Pfade gelten ab dem Ordner dieser Seite",
                )
                continue
        if not anchor or resolved not in pages:
            continue
        known = anchors(pages[resolved])
        if known is not None and anchor not in known:
            problem(
                f"den Abschnitt „#{anchor}“ gibt es auf der Seite „{resolved}“ nicht",
                "prüfen Sie die Überschrift; der Anker ist die Überschrift in Kleinbuchstaben "
                "mit Bindestrichen, z. B. #oeffnungszeiten wird zu #offnungszeiten",
                Level.WARNING,
            )
    return findings


def _closest(path: str, candidates: list[str]) -> str | None:
    close = difflib.get_close_matches(path, sorted(candidates), n=1, cutoff=0.7)
    return close[0] if close else None
