"""Every check the build runs, without building: the single source for `rathaus check`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .aktuelles.posts import check_posts
from .leichte_sprache import checks as leichte_sprache
from .leichte_sprache.views import Paths as LeichteSprachePaths
from .links import check_links
from .markdown_scan import PageSource, mask
from .medien.pruefung import check_videos
from .model import DataError, Finding, Site, load_site
from .model.erklaerung import freshness
from .model.hours import build_date
from .model.site import STATEMENT_FILE
from .model.slugs import slugify
from .model.yamlread import check_text
from .pages import check_pages, markdown_files, split_front_matter
from .safety import check_markdown_safety

PageCheck = Callable[[PageSource, Mapping[str, PageSource], frozenset[str] | None], list[Finding]]
"""A check of one page; it sees every page (by path in content/) and the generated paths
(``None`` when the data could not be loaded, so generated pages are unknown)."""


def _safety(
    page: PageSource, pages: Mapping[str, PageSource], generated: frozenset[str] | None
) -> list[Finding]:
    return check_markdown_safety(page.file, page.text, page.front_matter)


# Checks of editors' pages that no plugin reports on its own: `rathaus check` prints them and
# the rathaus/pruefung plugin logs them during the build. Later checks (e.g. the Leichte
# Sprache linter) append themselves here.
PAGE_CHECKS: list[PageCheck] = [_safety, check_links]

GeneratedPages = Callable[[Site], Iterable[str]]


def _directory_pages(site: Site) -> Iterable[str]:
    """Pages and files of rathaus/verzeichnis and rathaus/barrierefreiheit (default paths)."""
    yield from ("verwaltung/index.md", "ansprechpersonen.md", "standorte.md")
    yield from ("oeffnungszeiten.md", "barrierefreiheit.md")
    for unit_id in site.einheiten:
        yield from (f"verwaltung/{slugify(unit_id)}.md", f"verwaltung/{slugify(unit_id)}.vcf")
    for person_id in site.personen:
        yield f"ansprechpersonen/{slugify(person_id)}.vcf"


# Paths in content/ that plugins generate, so links to them are not reported as missing.
# A plugin that generates pages adds a function here.
def _handbook_pages(site: Site) -> Iterable[str]:
    """The field reference of rathaus/handbuch (default path)."""
    yield "handbuch/felder.md"


def _leichte_sprache_pages(site: Site) -> Iterable[str]:
    """The generated pages of rathaus/leichte-sprache (default paths)."""
    yield from LeichteSprachePaths().generated(site)
    yield LeichteSprachePaths().ls(LeichteSprachePaths.woerterbuch_page)


def _sign_language_pages(site: Site) -> Iterable[str]:
    """The video overview of rathaus/gebaerdensprache (default path)."""
    yield "gebaerdensprache.md"


def _finding_pages(site: Site) -> Iterable[str]:
    """Pages of rathaus/themen, rathaus/aktuelles, rathaus/termine and rathaus/gremien
    (default paths; the yearly news archives depend on the posts and are not listed)."""
    yield from ("themen.md", "aktuelles/index.md", "termine/index.md", "gremien/index.md")
    for event_id in site.termine:
        yield from (f"termine/{slugify(event_id)}.md", f"termine/{slugify(event_id)}.ics")
    yield "termine/kalender.ics"
    for body_id in site.gremien:
        yield f"gremien/{slugify(body_id)}.md"


GENERATED_PAGES: list[GeneratedPages] = [
    _directory_pages,
    _handbook_pages,
    _leichte_sprache_pages,
    _sign_language_pages,
    _finding_pages,
]


def statement_findings(site: Site, today: date) -> list[Finding]:
    """Checks of the accessibility statement that depend on the build date."""
    if site.erklaerung is None:
        return []
    where = site.sources[(STATEMENT_FILE, "")]
    return freshness(site.erklaerung, today, where.file, where.line, where.col)


@dataclass(frozen=True)
class Checks:
    """The result of one run of every check."""

    findings: list[Finding]
    """All findings, errors and warnings, sorted by place."""
    pages: list[Finding]
    """The findings of :data:`PAGE_CHECKS` (also in ``findings``), page by page: no plugin
    reports them, so the build logs them (rathaus/pruefung)."""


def check_site(root: Path) -> Checks:
    """Every check of the site in ``root``, each run once (see :func:`run_checks`)."""
    findings: list[Finding] = []
    site: Site | None = None
    try:
        site = load_site(root)
        findings.extend(site.warnings)
        findings.extend(statement_findings(site, build_date()))
    except DataError as exc:
        findings.extend(exc.findings)
    findings.extend(check_pages(root, site))
    findings.extend(check_posts(root, site))
    findings.extend(check_videos(root, site))
    pages = read_pages(root)
    of_pages = page_findings(root, site, pages=pages)
    findings.extend(of_pages)
    findings.extend(leichte_sprache.run(root, site, pages, build_date()))
    return Checks(sorted(findings), of_pages)


def run_checks(root: Path) -> list[Finding]:
    """All findings for the site in ``root``, errors and warnings, sorted by place."""
    return check_site(root).findings


def read_pages(root: Path, content_dir: str = "content") -> dict[str, PageSource]:
    """Every readable Markdown page of content/ by its path there (problems: check_pages)."""
    base = root / content_dir
    pages: dict[str, PageSource] = {}
    if not base.is_dir():
        return pages
    for path in markdown_files(base):
        if path.is_symlink() or not path.is_file():
            continue
        display = path.relative_to(root).as_posix()
        text, problems = check_text(display, path.read_bytes())
        if problems:
            continue
        front_matter, _, problems = split_front_matter(display, text)
        src_uri = path.relative_to(base).as_posix()
        pages[src_uri] = PageSource(display, src_uri, text, front_matter, mask(text))
    return pages


def page_findings(
    root: Path,
    site: Site | None,
    content_dir: str = "content",
    pages: Mapping[str, PageSource] | None = None,
) -> list[Finding]:
    """The findings of :data:`PAGE_CHECKS` for every page (``pages``: already read)."""
    if pages is None:
        pages = read_pages(root, content_dir)
    generated = (
        frozenset(path for source in GENERATED_PAGES for path in source(site))
        if site is not None
        else None
    )
    findings: list[Finding] = []
    for page in pages.values():
        for check in PAGE_CHECKS:
            findings.extend(check(page, pages, generated))
    return findings
