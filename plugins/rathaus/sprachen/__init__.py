"""Pages in other languages: which languages a town offers, where their pages are, and
whether a translation still matches its German source.

A translated page lives in the language's folder with the path of its German source
(``content/en/kontakt.md`` translates ``content/kontakt.md``), like a page in Leichter
Sprache in ``content/leichte-sprache/``: links inside a translation are relative in the same
tree, and the address says the language (``/en/kontakt/``). Its front matter says which
version of the German page it translates (``uebersetzt_aus``: the fingerprint
:func:`fingerprint` computes, which `rathaus check` prints) and whether a machine made it
(``maschinell: ja``). Nothing here calls a translation service.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..markdown_scan import PageSource
from ..model import Finding, Level

RULE = "uebersetzung"
SOURCE_KEY = "uebersetzt_aus"
MACHINE_KEY = "maschinell"


def folder_of(src_uri: str, codes: Iterable[str]) -> str | None:
    """The language of a page by its folder (``en/kontakt.md`` → ``en``); ``None``: German."""
    first = src_uri.split("/", 1)[0]
    return first if "/" in src_uri and first in codes else None


def source_of(src_uri: str, code: str) -> str:
    """The German page a translation translates: ``en/kontakt.md`` → ``kontakt.md``."""
    return src_uri.removeprefix(f"{code}/")


def fingerprint(text: str) -> str:
    """What `uebersetzt_aus` holds: 12 hex digits of SHA-256 over the German page's text
    (line ends and trailing spaces do not count, so an editor's tool cannot change it)."""
    normal = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n"))
    return hashlib.sha256(normal.strip().encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Stand:
    """What a translated page says about itself and its German source."""

    veraltet: bool
    """The German page changed since (or the translation does not say from which version)."""
    maschinell: bool


def _machine(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"ja", "nein"}:
        return value.strip().lower() == "ja"
    return None


def stand(translation: PageSource, german: PageSource | None) -> Stand:
    front = translation.front_matter if isinstance(translation.front_matter, Mapping) else {}
    source = front.get(SOURCE_KEY)
    outdated = german is not None and str(source or "") != fingerprint(german.text)
    return Stand(outdated, _machine(front.get(MACHINE_KEY)) is True)


def _place(page: PageSource, key: str) -> tuple[int, int]:
    for number, line in enumerate(page.text.split("\n"), start=1):
        if number > 1 and line.rstrip() == "---":
            break
        if line.startswith(f"{key}:"):
            return number, 1
    return 1, 1


def translation_findings(pages: Mapping[str, PageSource], codes: Sequence[str]) -> list[Finding]:
    """Translations whose German page changed, or that do not say what they translate."""
    findings: list[Finding] = []

    def finding(
        page: PageSource, key: str, where: str, message: str, hint: str, level: Level
    ) -> None:
        line, column = _place(page, where)
        findings.append(Finding(page.file, line, column, key, message, hint, level, RULE))

    for src_uri, page in sorted(pages.items()):
        code = folder_of(src_uri, codes)
        if code is None:
            continue
        front = page.front_matter if isinstance(page.front_matter, Mapping) else {}
        machine = front.get(MACHINE_KEY)
        if machine is not None and _machine(machine) is None:
            finding(
                page,
                MACHINE_KEY,
                MACHINE_KEY,
                f"„{machine}“ ist hier nicht erlaubt",
                "schreiben Sie maschinell: ja (ein Programm hat übersetzt) oder nein",
                Level.WARNING,
            )
        german = pages.get(source_of(src_uri, code))
        if german is None:
            continue
        current = fingerprint(german.text)
        source = front.get(SOURCE_KEY)
        if source is None:
            finding(
                page,
                SOURCE_KEY,
                "---",
                f"die Übersetzung sagt nicht, welche Fassung von {german.file} sie übersetzt",
                "stimmt sie mit der deutschen Seite überein, schreiben Sie in die Kopfzeilen: "
                f"{SOURCE_KEY}: {current}",
                Level.WARNING,
            )
        elif str(source) != current:
            finding(
                page,
                SOURCE_KEY,
                SOURCE_KEY,
                f"die deutsche Seite {german.file} wurde geändert, seit diese Übersetzung "
                "gemacht wurde; die Seite zeigt Lesenden einen Hinweis darauf",
                "passen Sie die Übersetzung an die deutsche Seite an und schreiben Sie dann "
                f"{SOURCE_KEY}: {current}",
                # A Hinweis, not a warning: a correction of the German page must not wait
                # for every translator; the notice keeps readers of the old text informed.
                Level.INFO,
            )
    return findings
