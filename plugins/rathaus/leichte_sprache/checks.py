"""The Leichte Sprache checks of ``rathaus check`` and the build: pages, data texts, generated.

- hand-written pages in the LS folder (``content/leichte-sprache/…``),
- ``leichte_sprache:`` texts in the data (units, people, services, events) at the field's line,
- ``leichte_sprache:`` summaries of news posts at their front-matter line,
- the generated LS pages (the templates must keep the rules for every record).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..markdown_scan import PageSource
from ..model import Finding, Level, Site
from ..model.yamlread import Mark, parse_yaml
from ..plan import Layout
from ..project import Project
from . import views
from .linter import lint_field, lint_page, read_switches
from .settings import Einstellungen, settings_from

DEFAULT_EXEMPT = ["handbuch/"]
"""Default of the plugin option ``ohne_gegenstueck``: the editors' handbook."""
FIELD = "leichte_sprache"


def is_ls_page(src_uri: str, folder: str) -> bool:
    return src_uri.startswith(f"{folder}/") and src_uri.endswith(".md")


def site_settings(settings: Einstellungen, site: Site | None) -> Einstellungen:
    """The town's own name is always allowed (``Stadt Beispielstadt``)."""
    return settings.with_names(site.stadt.name) if site is not None else settings


def field_marks(root: Path, data_dir: str, file: str) -> dict[str, Mark]:
    """Where each record's ``leichte_sprache:`` value starts, by record id."""
    path = root / data_dir / file
    if not path.is_file():
        return {}
    return dict(_marks(f"{data_dir}/{file}", path.read_bytes()))


@lru_cache(maxsize=8)
def _marks(display: str, raw: bytes) -> tuple[tuple[str, Mark], ...]:
    """:func:`field_marks` of one file's content: parsed once per content in this process."""
    doc, _ = parse_yaml(display, raw)
    if doc is None or not isinstance(doc.data, list):
        return ()
    marks = {}
    for index, record in enumerate(doc.data):
        if isinstance(record, dict) and isinstance(record.get("id"), str) and FIELD in record:
            marks[record["id"]] = doc.mark_for((index, FIELD))
    return tuple(marks.items())


def data_findings(root: Path, site: Site, settings: Einstellungen, data_dir: str) -> list[Finding]:
    collections: dict[str, Mapping[str, Any]] = {
        "einheiten.yml": site.einheiten,
        "personen.yml": site.personen,
        "leistungen.yml": site.leistungen,
        "termine.yml": site.termine,
    }
    findings: list[Finding] = []
    for file, records in collections.items():
        marks = field_marks(root, data_dir, file)
        for record_id, record in records.items():
            text = getattr(record, FIELD, None)
            mark = marks.get(record_id)
            if text and mark is not None:
                findings.extend(
                    lint_field(f"{data_dir}/{file}", mark.line, mark.col, FIELD, text, settings)
                )
    return findings


def post_findings(pages: Mapping[str, PageSource], settings: Einstellungen) -> list[Finding]:
    """``leichte_sprache:`` summaries in the front matter of any page (news posts)."""
    findings: list[Finding] = []
    for page in pages.values():
        fm = page.front_matter
        text = fm.get(FIELD) if isinstance(fm, dict) else None
        if not isinstance(text, str):
            continue
        line = next(
            (n for n, row in enumerate(page.text.split("\n"), start=1) if row.startswith(FIELD)),
            1,
        )
        findings.extend(lint_field(page.file, line, len(FIELD) + 3, FIELD, text, settings))
    return findings


def page_findings(
    pages: Mapping[str, PageSource], settings: Einstellungen, folder: str
) -> list[Finding]:
    findings: list[Finding] = []
    for src_uri, page in sorted(pages.items()):
        if is_ls_page(src_uri, folder):
            findings.extend(lint_page(page.file, page.text, page.front_matter, settings))
    return findings


PAIRING = "LS00"
"""Rule id of findings about pairs of pages (LS page ↔ page in everyday language)."""


def _exempt(src_uri: str, exempt: Sequence[str]) -> bool:
    return any(src_uri.startswith(prefix) for prefix in exempt)


def without_twin(
    documents: Collection[str],
    folder: str,
    exempt: Sequence[str],
    judged: Iterable[str] | None = None,
) -> list[str]:
    """Pages in everyday language without an LS twin (``exempt``: ``ohne_gegenstueck``);
    ``judged``: the pages to look at (default: all ``documents``)."""
    known = set(documents)
    return sorted(
        src_uri
        for src_uri in (known if judged is None else set(judged))
        if src_uri.endswith(".md")
        and not is_ls_page(src_uri, folder)
        and f"{folder}/{src_uri}" not in known
        and not _exempt(src_uri, exempt)
    )


def pairing_findings(
    documents: Collection[str],
    written: Iterable[str],
    folder: str,
    content_dir: str,
    *,
    complete: bool,
    exempt: Sequence[str],
    judged: Iterable[str] | None = None,
) -> list[Finding]:
    """Warnings about pairs: a written LS page without a page in everyday language, and – if
    the site wants every page in Leichte Sprache (``vollstaendig``) – a page without LS twin.

    ``documents``: every page of the site (written and generated, both languages);
    ``written``: the LS pages editors wrote; ``judged``: the pages whose twin is looked for
    (default: all).
    """
    findings: list[Finding] = []
    for src_uri in sorted(written):
        standard = src_uri.removeprefix(f"{folder}/")
        if standard in documents or _exempt(src_uri, exempt):
            continue
        findings.append(
            Finding(
                f"{content_dir}/{src_uri}",
                1,
                1,
                "",
                f"zu dieser Seite in Leichter Sprache gibt es keine Seite in Alltags-Sprache "
                f"({content_dir}/{standard}); der Schalter oben führt zur Start-Seite in "
                "Alltags-Sprache",
                f"legen Sie {content_dir}/{standard} an, benennen Sie die Seite wie ihr "
                "Gegenstück, oder tragen Sie sie unter ohne_gegenstueck ein, wenn es nur "
                "diese Fassung gibt",
                Level.WARNING,
                PAIRING,
            )
        )
    if complete:
        findings.extend(
            Finding(
                f"{content_dir}/{src_uri}",
                1,
                1,
                "",
                "die Seite hat keine Fassung in Leichter Sprache",
                f"legen Sie {content_dir}/{folder}/{src_uri} an, oder tragen Sie die Seite "
                "unter ohne_gegenstueck ein",
                Level.WARNING,
                PAIRING,
            )
            for src_uri in without_twin(documents, folder, exempt, judged)
        )
    return findings


def exempt_pages(configured: Sequence[str], layout: Layout) -> list[str]:
    """``ohne_gegenstueck``, the search page (one page for every reader, which marks the
    results in Leichter Sprache) and the pages in other languages (Leichte Sprache is
    German)."""
    return [*configured, layout.search_page, *(f"{code}/" for code in layout.sprachen)]


def has_ls_box(front_matter: Any) -> bool:
    """A page (a news post) with a summary in Leichter Sprache (``leichte_sprache:`` text)."""
    box = front_matter.get(FIELD) if isinstance(front_matter, Mapping) else None
    return isinstance(box, str) and bool(box.strip())


@dataclass(frozen=True)
class Abdeckung:
    """How many pages for residents have a version in Leichter Sprache: an LS twin, or for a
    news post its summary in Leichter Sprache. Pages under ``ohne_gegenstueck`` (the
    handbook, legal pages a town lists there) and the search page do not count."""

    pages: tuple[str, ...]
    """The counted pages (paths in the docs folder)."""
    missing: tuple[str, ...]
    """Of them, the pages without a version in Leichter Sprache."""

    @property
    def covered(self) -> int:
        return len(self.pages) - len(self.missing)

    @property
    def percent(self) -> int:
        """Rounded down: 79.9 % is not 80 %."""
        return self.covered * 100 // len(self.pages) if self.pages else 100

    def text(self) -> str:
        return (
            f"{self.covered} von {len(self.pages)} Seiten haben eine Fassung in Leichter "
            f"Sprache ({self.percent} %)"
        )


def abdeckung(
    documents: Collection[str],
    folder: str,
    exempt: Sequence[str],
    boxed: Collection[str] = (),
) -> Abdeckung:
    """LS coverage of ``documents`` (every page, written and generated); ``boxed``: pages
    with their own summary in Leichter Sprache (:func:`has_ls_box`)."""
    counted = tuple(
        sorted(
            src_uri
            for src_uri in documents
            if src_uri.endswith(".md")
            and not is_ls_page(src_uri, folder)
            and not _exempt(src_uri, exempt)
        )
    )
    boxes = set(boxed)
    missing = tuple(p for p in without_twin(documents, folder, exempt) if p not in boxes)
    return Abdeckung(counted, missing)


@dataclass(frozen=True)
class Pruefstand:
    """How many pages in Leichter Sprache a Prüfgruppe has checked (DIN SPEC 33429): the
    accessibility statement says it for the whole site."""

    seiten: int
    geprueft: int


def pruefstand(
    documents: Collection[str], folder: str, pages: Mapping[str, PageSource]
) -> Pruefstand:
    """Review status of the LS pages among ``documents`` (written and generated); ``pages``:
    the editors' pages, whose ``leichte_sprache: geprueft:`` counts. Pages written from data
    have no review of their own."""
    ls_pages = [p for p in documents if p.endswith(".md") and is_ls_page(p, folder)]
    reviewed = [
        src_uri
        for src_uri in ls_pages
        if src_uri in pages
        and read_switches(pages[src_uri].file, "", pages[src_uri].front_matter).reviewed
    ]
    return Pruefstand(len(ls_pages), len(reviewed))


def pairing_options(options: Mapping[str, Any] | None) -> tuple[bool, list[str]]:
    """``vollstaendig`` and ``ohne_gegenstueck`` as mkdocs.yml gives them (defaults as the
    plugin's: `rathaus check` does not run MkDocs, so wrong types fall back to them)."""
    options = options or {}
    complete = options.get("vollstaendig", False)
    exempt = options.get("ohne_gegenstueck", DEFAULT_EXEMPT)
    if not isinstance(exempt, list) or not all(isinstance(p, str) for p in exempt):
        exempt = DEFAULT_EXEMPT
    return complete is True, list(exempt)


def generated_findings(
    site: Site,
    settings: Einstellungen,
    paths: views.Paths,
    today: date,
    content_dir: str,
    skip: frozenset[str] = frozenset(),
    pages: Mapping[str, views.LsPage] | None = None,
) -> list[Finding]:
    """Findings of the generated LS pages; the file is the page's path as if it were written.

    ``pages``: the pages of ``views.all_pages`` with plain paths as links, if already built.
    """
    findings: list[Finding] = []
    if pages is None:
        pages = views.all_pages(site, lambda path: path, paths, today)
    for src_uri, page in pages.items():
        if src_uri in skip:
            continue
        lines, _ = views.lintable(page)
        for text, issue in views.lint(page, settings):
            offset_line = "\n".join(lines)[: issue.offset].count("\n") + 1
            findings.append(
                Finding(
                    f"{content_dir}/{src_uri}",
                    offset_line,
                    1,
                    "erzeugt",
                    f"{issue.message}: „{text.strip()}“",
                    issue.hint,
                    issue.level,
                    issue.rule,
                )
            )
    return findings


def run(
    project: Project,
    options: Mapping[str, Any],
    site: Site,
    pages: Mapping[str, PageSource],
    paths: views.Paths,
    generated: frozenset[str] | None,
) -> list[Finding]:
    """Everything ``rathaus check`` reports about Leichte Sprache, with the plugin's validated
    ``options``. ``generated``: the paths the plugins generate (``None``: unknown, the data
    did not load; then pairs are not judged)."""
    settings, findings = settings_from(options.get("pruefung"), "mkdocs.yml")
    settings = site_settings(settings, site)
    folder, content_dir = paths.folder, project.docs_dir
    # Unreviewed pages (LS26) are listed by the build; `rathaus check` reports problems only.
    findings.extend(f for f in page_findings(pages, settings, folder) if f.rule != "LS26")
    findings.extend(post_findings(pages, settings))
    findings.extend(data_findings(project.root, site, settings, project.data_dir))
    written = frozenset(p for p in pages if is_ls_page(p, folder))
    findings.extend(generated_findings(site, settings, paths, project.today, content_dir, written))
    if generated is not None:
        complete, configured = pairing_options(options)
        exempt = exempt_pages(configured, paths)
        findings.extend(
            pairing_findings(
                frozenset(pages) | generated,
                written,
                folder,
                content_dir,
                complete=complete,
                exempt=exempt,
                judged=pages,
            )
        )
    return findings


def coverage(
    options: Mapping[str, Any],
    pages: Mapping[str, PageSource],
    paths: views.Paths,
    generated: frozenset[str],
) -> Abdeckung:
    """The LS coverage ``rathaus check`` reports (the build computes it from its files)."""
    _, configured = pairing_options(options)
    boxed = [src_uri for src_uri, page in pages.items() if has_ls_box(page.front_matter)]
    return abdeckung(
        frozenset(pages) | generated, paths.folder, exempt_pages(configured, paths), boxed
    )


def counts_by_level(findings: list[Finding]) -> dict[Level, int]:
    result = dict.fromkeys(Level, 0)
    for finding in findings:
        result[finding.level] += 1
    return result
