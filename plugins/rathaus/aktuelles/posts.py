"""News posts as editors write them: Markdown with a front matter, read without MkDocs.

A post is a Markdown file in ``content/aktuelles/``::

    ---
    datum: 2026-11-12
    einheit: bildung-vielfalt-teilhabe
    leichte_sprache: Kurzfassung in Leichter Sprache (optional)
    ---

    # Überschrift

    Anrisstext für die Übersicht und den Feed.

    <!-- more -->

    Der Rest der Meldung.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ..markdown_scan import outside_fences
from ..model import Finding, Site
from ..model.entities import Id
from ..model.fieldtypes import Text, Titel
from ..model.gremien import Webadresse
from ..model.validation import translate
from ..model.yamlread import check_text, parse_yaml
from ..pages import split_front_matter

SEPARATOR = "<!-- more -->"
_HEADING = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$")


class Herausgeber(BaseModel):
    """Eine Stelle außerhalb der Verwaltung, die eine Meldung herausgibt, z. B. der Kreis."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: Titel = Field(description="Name der Stelle, z. B. Kreis Beispielkreis")
    link: Webadresse | None = Field(
        None, description="Adresse der Meldung oder der Stelle im Internet"
    )


class Kopf(BaseModel):
    """Die Angaben im Kopfbereich einer Meldung. Andere Felder (z. B. description) bleiben
    erlaubt, sie gehören MkDocs."""

    model_config = ConfigDict(extra="allow", frozen=True, str_strip_whitespace=True)

    datum: date = Field(description="Datum der Meldung, z. B. 2026-11-12")
    einheit: Id | None = Field(None, description="Kennung der Einheit, die die Meldung herausgibt")
    herausgeber: Herausgeber | None = Field(
        None,
        description="eine andere Stelle, die die Meldung herausgibt (statt einheit), z. B. Kreis",
    )
    leichte_sprache: Text | None = Field(None, description="Kurzfassung in Leichter Sprache")

    @model_validator(mode="after")
    def _one_publisher(self) -> Kopf:
        if (self.einheit is None) == (self.herausgeber is None):
            raise PydanticCustomError(
                "rathaus_one_publisher",
                "wer die Meldung herausgibt, ist nicht eindeutig – geben Sie genau eines an: "
                "einheit (eine Einheit der Verwaltung) oder herausgeber (eine andere Stelle "
                "mit name und link)",
                {},
            )
        return self


@dataclass(frozen=True)
class Post:
    """A valid post: what overview pages, archives and the feed need."""

    src_uri: str
    """Path below the content folder, e.g. ``aktuelles/sozialbericht.md``."""
    title: str
    day: date
    unit_id: str | None
    """The publishing unit, or None when another body (``herausgeber``) published it."""
    teaser: tuple[str, ...]
    """The teaser as plain-text paragraphs."""
    leichte_sprache: str | None
    herausgeber: Herausgeber | None = None


def is_post(src_uri: str, news_dir: str) -> bool:
    """Every Markdown page below ``news_dir`` except its index is a post."""
    return (
        src_uri.startswith(f"{news_dir}/")
        and src_uri.endswith(".md")
        and (src_uri != f"{news_dir}/index.md")
    )


class _Paragraphs(HTMLParser):
    """Plain text of each top-level block of rendered Markdown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "hr"}:
            return
        self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        self._depth -= 1
        if self._depth == 0:
            text = " ".join("".join(self._text).split())
            if text:
                self.blocks.append(text)
            self._text = []

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def plain_paragraphs(markdown_text: str) -> tuple[str, ...]:
    """Markdown → text paragraphs: links and emphasis become their text."""
    parser = _Paragraphs()
    parser.feed(markdown.markdown(markdown_text))
    return tuple(parser.blocks)


def read_post(
    display: str, src_uri: str, text: str, site: Site | None
) -> tuple[Post | None, list[Finding]]:
    """Parse and check one post; ``display`` is the path shown in findings."""
    data, body_line, findings = split_front_matter(display, text)
    if findings:
        return None, findings
    lines = text.splitlines()

    def problem(line: int, col: int, field: str, message: str, hint: str) -> None:
        findings.append(Finding(display, line, col, field, message, hint, rule="meldung"))

    if data is None:
        problem(
            1,
            1,
            "front matter",
            "die Meldung hat keinen Kopfbereich mit Datum und Einheit",
            "beginnen Sie die Datei mit ---, datum: 2026-11-12, einheit: …, ---",
        )
        return None, findings
    block = "\n".join(lines[1 : body_line - 2]) + "\n"
    doc, _ = parse_yaml(display, block.encode())
    assert doc is not None  # split_front_matter parsed the same block without problems
    head: Kopf | None = None
    try:
        head = Kopf.model_validate(data)
    except ValidationError as exc:
        for f in translate(doc, Kopf, exc, records=False):
            problem(f.line + 1, f.col, f.field, f.message, f.hint)
    if (
        head is not None
        and head.einheit is not None
        and site is not None
        and head.einheit not in site.einheiten
    ):
        mark = doc.mark_for(("einheit",))
        close = difflib.get_close_matches(head.einheit, sorted(site.einheiten), n=1, cutoff=0.6)
        problem(
            mark.line + 1,
            mark.col,
            "einheit",
            f"die Einheit „{head.einheit}“ gibt es nicht",
            f"meinten Sie „{close[0]}“?"
            if close
            else "tragen Sie die Kennung einer Einheit aus data/einheiten.yml ein",
        )

    title: str | None = None
    title_at = 0
    separator_at = 0
    for index, line in outside_fences(lines, body_line - 1):
        number = index + 1
        heading = _HEADING.match(line)
        if heading and title is None:
            title, title_at = heading["title"], number
        if line.strip() == SEPARATOR:
            separator_at = number
            break
    if title is None:
        problem(
            body_line,
            1,
            "",
            "die Meldung hat keine Überschrift",
            "schreiben Sie die Überschrift als erste Zeile nach dem Kopfbereich: # Überschrift",
        )
    if not separator_at:
        problem(
            len(lines) or 1,
            1,
            "",
            f"es fehlt die Markierung {SEPARATOR} nach dem Anrisstext",
            f"setzen Sie nach den ersten ein, zwei Absätzen eine Zeile {SEPARATOR}; der Text "
            "davor erscheint in der Übersicht und im Feed",
        )
    elif title is not None and separator_at < title_at:
        problem(
            separator_at,
            1,
            "",
            f"die Markierung {SEPARATOR} steht vor der Überschrift",
            "setzen Sie sie nach den ersten Absätzen der Meldung",
        )
    teaser = (
        plain_paragraphs("\n".join(lines[title_at : separator_at - 1]))
        if title and separator_at > title_at
        else ()
    )
    if title and separator_at > title_at and not teaser:
        problem(
            separator_at,
            1,
            "",
            "zwischen Überschrift und Markierung steht kein Anrisstext",
            "schreiben Sie ein, zwei Sätze, die sagen, worum es geht",
        )
    if findings or head is None or title is None:
        return None, findings
    return (
        Post(
            src_uri=src_uri,
            title=title,
            day=head.datum,
            unit_id=head.einheit,
            herausgeber=head.herausgeber,
            teaser=teaser,
            leichte_sprache=head.leichte_sprache,
        ),
        [],
    )


def check_posts(root: Path, site: Site | None, content_dir: str, news_dir: str) -> list[Finding]:
    """Findings of every post, for ``rathaus check`` (the build reports the same)."""
    base = root / content_dir
    findings: list[Finding] = []
    folder = base / news_dir
    if not folder.is_dir():
        return findings
    for path in sorted(folder.rglob("*.md")):
        src_uri = path.relative_to(base).as_posix()
        if not is_post(src_uri, news_dir) or not path.is_file():
            continue
        display = path.relative_to(root).as_posix()
        text, problems = check_text(display, path.read_bytes())
        if problems or split_front_matter(display, text)[2]:
            continue  # check_pages reports unreadable text and front matter
        findings.extend(read_post(display, src_uri, text, site)[1])
    return findings
