"""Every check the build runs, without building: the single source for `rathaus check`."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from . import cache, markdown_text, paragraf4, sprachen, suche
from .aktuelles import views as aktuelles_views
from .aktuelles.posts import check_posts, is_post, read_post
from .gebaerdensprache.medien.pruefung import check_videos
from .leichte_sprache import checks as leichte_sprache
from .leichte_sprache.settings import settings_from
from .leichte_sprache.views import Paths as LeichteSprachePaths
from .links import MaybeGenerated, check_links
from .markdown_scan import PageSource, mask
from .model import DataError, Finding, Level, Site, load_site
from .model.erklaerung import freshness
from .model.site import BODIES_FILE, STATEMENT_FILE, UNITS_FILE
from .model.termine import split_events
from .model.yamlread import check_text
from .pages import (
    check_limits,
    check_pages,
    feature_findings,
    markdown_files,
    size_finding,
    split_front_matter,
)
from .plan import Layout, Plan
from .project import Project
from .safety import Renderer, check_markdown_safety
from .termine import views as termine_views

VERZEICHNIS, THEMEN, LEICHTE_SPRACHE, PRUEFUNG = (
    "rathaus/verzeichnis",
    "rathaus/themen",
    "rathaus/leichte-sprache",
    "rathaus/pruefung",
)

Pages = Mapping[str, PageSource]
"""The editors' pages by path in the docs folder."""

PageCheck = Callable[
    [PageSource, Mapping[str, PageSource], frozenset[str] | MaybeGenerated], list[Finding]
]
"""A check of one page; it sees every page (by path in content/) and the generated paths
(:class:`~rathaus.links.MaybeGenerated` when the data could not be loaded)."""


# Checks of editors' pages that no plugin reports on its own: `rathaus check` prints them and
# the rathaus/pruefung plugin logs them during the build. Later checks (e.g. the Leichte
# Sprache linter) append themselves here. Content safety is not one of them: it needs the
# site's Markdown renderer (:func:`renderer`), see :func:`page_findings`.
PAGE_CHECKS: list[PageCheck] = [check_links, suche.check_page]


def renderer(project: Project) -> Renderer:
    """Python-Markdown with exactly the site's ``markdown_extensions``, and the iframe hosts
    its Content-Security-Policy allows."""
    return Renderer(project.markdown_extensions, project.mdx_configs, project.frame_hosts)


def _directory_pages(site: Site, project: Project, pages: Pages) -> Iterable[str]:
    """Pages and files of rathaus/verzeichnis, with the parts of overviews split by letters
    (the same parts as the build: ``rathaus.uebersichten``)."""
    if not project.uses(VERZEICHNIS):
        return
    plan = Plan(site, project)
    for kind in ("einheiten", "ansprechpersonen", "standorte", "oeffnungszeiten"):
        overview = plan.overviews.get(kind)
        yield overview.page
        yield from overview.part_pages()
    for unit_id in site.einheiten:
        yield from (plan.path("einheit", unit_id), plan.path("einheit-vcard", unit_id))
        # Each unit's page in every other language the site offers (rathaus/sprachen).
        for code in plan.layout.sprachen:
            yield f"{code}/{plan.layout.unit_page(unit_id)}"
    for person_id in site.personen:
        yield plan.path("person-vcard", person_id)


def _ls_paths(project: Project) -> LeichteSprachePaths:
    return LeichteSprachePaths.of(project)


def _single_pages(site: Site, project: Project, pages: Pages) -> Iterable[str]:
    """The one page of rathaus/barrierefreiheit, rathaus/handbuch, rathaus/gebaerdensprache
    and rathaus/suche (its search page in every language)."""
    for plugin in ("rathaus/barrierefreiheit", "rathaus/handbuch", "rathaus/gebaerdensprache"):
        if project.uses(plugin):
            yield str(project.option(plugin, "page"))
    if project.uses("rathaus/suche"):
        layout = Layout.of(project)
        yield layout.search_page
        yield from (f"{code}/{layout.search_page}" for code in layout.sprachen)


def _leichte_sprache_pages(site: Site, project: Project, pages: Pages) -> Iterable[str]:
    """The generated pages of rathaus/leichte-sprache, with the parts of split overviews."""
    if not project.uses(LEICHTE_SPRACHE):
        return
    paths = _ls_paths(project)
    yield from paths.generated(site)
    yield paths.ls(paths.woerterbuch_page)


def _topic_pages(site: Site, project: Project, pages: Pages) -> Iterable[str]:
    """The A–Z index of rathaus/themen and its parts by letters."""
    if not project.uses(THEMEN):
        return
    overview = _ls_paths(project).overviews(site).themen
    yield overview.page
    yield from overview.part_pages()


def _event_pages(site: Site, project: Project, pages: Pages) -> Iterable[str]:
    """The events list (all its pages), each event's page and calendar file, the feed."""
    options = project.options("rathaus/termine")
    if options is None:
        return
    plan = Plan(site, project)
    base = plan.layout.events_dir
    split = split_events(list(site.termine.values()), project.today)
    yield from termine_views.overview_pages(base, split, int(options["per_page"]))
    for event_id in site.termine:
        yield from (plan.path("termin", event_id), plan.path("termin-ics", event_id))
    yield f"{base}/{plan.layout.feed_name}"


def _body_pages(site: Site, project: Project, pages: Pages) -> Iterable[str]:
    if not project.uses("rathaus/gremien"):
        return
    plan = Plan(site, project)
    yield f"{plan.layout.bodies_dir}/index.md"
    for body_id in site.gremien:
        yield plan.path("gremium", body_id)


def _news_pages(site: Site, project: Project, pages: Pages) -> Iterable[str]:
    """The news list's pages, the yearly archives' pages and the feed, from the posts."""
    options = project.options("rathaus/aktuelles")
    if options is None:
        return
    news, per_page = str(options["news_dir"]).strip("/"), int(options["per_page"])
    posts = []
    for src_uri, page in pages.items():
        if is_post(src_uri, news):
            post, _ = read_post(page.file, src_uri, page.text, site)
            if post is not None:
                posts.append(post)
    yield from aktuelles_views.list_pages(news, len(posts), per_page)
    for year, count in aktuelles_views.years(posts):
        yield from aktuelles_views.year_pages(news, year, count, per_page)
    if options["feed"] and project.site_url:
        yield f"{news}/feed.xml"


# Paths in the docs folder that plugins generate, so links to them are not reported as
# missing; each function yields nothing when its plugin is not used.
GENERATED_PAGES: list[Callable[[Site, Project, Pages], Iterable[str]]] = [
    _directory_pages,
    _single_pages,
    _leichte_sprache_pages,
    _topic_pages,
    _event_pages,
    _body_pages,
    _news_pages,
]


def maybe_generated(project: Project) -> MaybeGenerated:
    """Where the features of ``project`` could put pages, for a round without data."""
    layout = LeichteSprachePaths.of(project)
    overviews = [
        layout.people_page,
        layout.locations_page,
        layout.hours_page,
        layout.topics_page,
        f"{layout.units_dir}/index.md",
    ]
    singles = [
        str(options["page"])
        for name in ("rathaus/barrierefreiheit", "rathaus/handbuch", "rathaus/gebaerdensprache")
        if (options := project.options(name)) is not None
    ]
    folders = [
        layout.units_dir,
        layout.events_dir,
        layout.bodies_dir,
        layout.folder,
        *(page.removesuffix(".md") for page in overviews),
        *([project.news_dir.strip("/")] if project.news_dir else []),
    ]
    return MaybeGenerated(tuple(folders), frozenset([*overviews, *singles]))


def generated_pages(
    site: Site, project: Project, pages: Mapping[str, PageSource] | None = None
) -> frozenset[str]:
    """Every path of :data:`GENERATED_PAGES` for ``site``, the project's options and the
    editors' ``pages`` (the news posts decide the news list's pages)."""
    pages = pages or {}
    return frozenset(path for source in GENERATED_PAGES for path in source(site, project, pages))


def statement_findings(site: Site, today: date) -> list[Finding]:
    """Checks of the accessibility statement that depend on the build date."""
    if site.erklaerung is None:
        return []
    where = site.sources[(STATEMENT_FILE, "")]
    return freshness(site.erklaerung, today, where.file, where.line, where.col)


def _markdown_texts(site: Site) -> Iterable[tuple[str, str, str, str]]:
    """(file, record id, field, text) of every data field that is Markdown."""
    for uid, unit in site.einheiten.items():
        if unit.einleitung:
            yield UNITS_FILE, uid, "einleitung", unit.einleitung
    for gid, body in site.gremien.items():
        for i, paper in enumerate(body.vorlagen, 1):
            if paper.sachverhalt:
                yield BODIES_FILE, gid, f"vorlagen[{i}].sachverhalt", paper.sachverhalt


def data_link_findings(site: Site, known: Collection[str], content: Path) -> list[Finding]:
    """Page links in the Markdown of data fields (:mod:`rathaus.markdown_text`) must name a
    page of content/, and attachments a file there, the way the build resolves them."""
    findings = []

    def finding(file: str, record: str, field: str, message: str, hint: str) -> None:
        where = site.sources[(file, record)]
        findings.append(
            Finding(where.file, where.line, where.col, field, message, hint, rule="link")
        )

    for file, record, field, text in _markdown_texts(site):
        for link in markdown_text.page_links(text):
            path = link.target.partition("#")[0]
            if path.endswith(".md") and path in known:
                continue
            if path.endswith(".md"):
                close = difflib.get_close_matches(path, sorted(known), n=1, cutoff=0.7)
                message = f"die verlinkte Seite „{path}“ gibt es nicht"
                hint = (
                    f"meinten Sie „{close[0]}“?"
                    if close
                    else "prüfen Sie den Dateinamen; Pfade gelten ab dem Ordner content/"
                )
            else:
                message = f"der Link „{link.target}“ nennt keine Seite in content/"
                hint = (
                    "verlinken Sie die Markdown-Datei der Seite (ab dem Ordner content/, "
                    "z. B. kontakt.md) oder eine https-Adresse"
                )
            finding(file, record, field, f"{message} (Zeile {link.line} des Texts)", hint)
    for gid, body in site.gremien.items():
        for i, paper in enumerate(body.vorlagen, 1):
            for j, anlage in enumerate(paper.anlagen, 1):
                if not (content / anlage.datei).is_file():
                    finding(
                        BODIES_FILE,
                        gid,
                        f"vorlagen[{i}].anlagen[{j}].datei",
                        f"die Anlage „{anlage.datei}“ gibt es nicht in content/",
                        "legen Sie die Datei dort ab oder korrigieren Sie den Pfad "
                        "(ab dem Ordner content/)",
                    )
    return findings


@dataclass(frozen=True)
class Checks:
    """The result of one run of every check."""

    findings: list[Finding]
    """All findings, errors and warnings, sorted by place."""
    pages: list[Finding]
    """The findings of :data:`PAGE_CHECKS` (also in ``findings``), page by page: no plugin
    reports them, so the build logs them (rathaus/pruefung)."""
    data_loaded: bool = True
    """``False`` when the data did not load: the checks that need it did not run
    (:data:`DATA_MISSING` says so to the editor)."""
    leichte_sprache: leichte_sprache.Abdeckung | None = None
    """How many resident pages have a version in Leichter Sprache (``None``: the feature is
    off, or the data did not load)."""


DATA_MISSING = "Weitere Prüfungen, die die Daten brauchen, folgen nach der Korrektur der Daten."


def check_site(project: Project, render: Renderer | None = None) -> Checks:
    """Every check of ``project``, each run once: `rathaus check` and the build (rathaus/
    pruefung) call this with the same project; ``render``: the build's Markdown renderer."""
    root, docs = project.root, project.docs_dir
    cache.use(cache.for_project(project))
    findings: list[Finding] = list(project.problems)
    if render is None:
        render = renderer(project)
    site: Site | None = None
    try:
        site = load_site(root, project.data_dir)
        findings.extend(site.warnings)
        if project.uses("rathaus/barrierefreiheit"):
            findings.extend(statement_findings(site, project.today))
    except DataError as exc:
        findings.extend(exc.findings)
    findings.extend(check_pages(root, site, docs))
    if project.news_dir is not None:
        findings.extend(check_posts(root, site, docs, project.news_dir))
    if project.media_dir is not None:
        findings.extend(
            check_videos(
                root,
                site,
                data_dir=project.data_dir,
                content_dir=docs,
                media_dir=project.media_dir,
            )
        )
    pages = read_pages(root, docs)
    generated = generated_pages(site, project, pages) if site is not None else None
    of_pages = (
        page_findings(
            pages, generated if generated is not None else maybe_generated(project), render
        )
        + marker_findings(root, project.data_dir, pages)
        + leftover_findings(project, pages)
        + [
            finding
            for page in pages.values()
            for finding in feature_findings(page.file, page.text, project.uses)
        ]
    )
    findings.extend(of_pages)
    if site is not None and generated is not None:
        known = pages.keys() | generated
        findings.extend(nav_findings(project, known))
        findings.extend(data_link_findings(site, known, root / docs))
        findings.extend(paragraf4.gate_findings(project, site, known.__contains__))
    languages = Layout.of(project).sprachen
    if languages:
        findings.extend(sprachen.translation_findings(pages, languages))
    ls_options = project.options(LEICHTE_SPRACHE)
    coverage = None
    if ls_options is not None:
        if site is not None:
            paths = _ls_paths(project)
            findings.extend(leichte_sprache.run(project, ls_options, site, pages, paths, generated))
            if generated is not None:
                coverage = leichte_sprache.coverage(ls_options, pages, paths, generated)
        else:
            # Without the data the linter lacks the town's names and the glossary: its
            # findings ("„Beispielstadt“ ist ein langes Wort") would bury the data error.
            findings.extend(settings_from(ls_options.get("pruefung"), "mkdocs.yml")[1])
    return Checks(
        sorted(findings), of_pages, data_loaded=site is not None, leichte_sprache=coverage
    )


def leichte_sprache_pruefstand(
    project: Project, documents: Collection[str]
) -> leichte_sprache.Pruefstand | None:
    """Review status of the site's pages in Leichter Sprache (``documents``: every page of
    the build); ``None`` without the rathaus/leichte-sprache plugin."""
    if not project.uses(LEICHTE_SPRACHE):
        return None
    pages = read_pages(project.root, project.docs_dir)
    return leichte_sprache.pruefstand(documents, _ls_paths(project).folder, pages)


def single_page_findings(root: Path, paths: Iterable[Path], render: Renderer) -> list[Finding]:
    """The checks each page passes on its own – readable text, size, limits, front matter,
    content safety – for ``paths``: what a page must pass before the preview shows it ahead of
    the full build (rathaus/vorschau); links and the site-wide checks come with that build."""
    findings: list[Finding] = []
    for path in paths:
        display = path.relative_to(root).as_posix()
        raw = path.read_bytes()
        too_big = size_finding(display, len(raw))
        if too_big is not None:
            findings.append(too_big)
            continue
        text, problems = check_text(display, raw)
        findings.extend(problems)
        findings.extend(check_limits(display, text))
        front_matter, _, problems = split_front_matter(display, text)
        findings.extend(problems)
        if not findings:
            findings.extend(check_markdown_safety(display, text, front_matter, render))
    return findings


# Every page read so far, by its path, with the file's state then: a build reads the pages
# in three places (checks, languages, the statement's review count), and a rebuild of
# `mkdocs serve` reads them all again though one changed.
_READ: dict[Path, tuple[tuple[int, int, int], PageSource | None]] = {}


def read_pages(root: Path, content_dir: str) -> dict[str, PageSource]:
    """Every readable Markdown page of content/ by its path there (problems: check_pages)."""
    base = root / content_dir
    pages: dict[str, PageSource] = {}
    if not base.is_dir():
        return pages
    for path in markdown_files(base):
        if path.is_symlink() or not path.is_file():
            continue
        stat = path.stat()
        state = (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size)
        known = _READ.get(path)
        if known is not None and known[0] == state:
            page = known[1]
        else:
            page = _read_page(root, base, path)
            _READ[path] = (state, page)
        if page is not None:
            pages[page.src_uri] = page
    return pages


def _read_page(root: Path, base: Path, path: Path) -> PageSource | None:
    display = path.relative_to(root).as_posix()
    raw = path.read_bytes()
    if size_finding(display, len(raw)) is not None:
        return None
    text, problems = check_text(display, raw)
    if problems or check_limits(display, text):
        return None
    front_matter, _, problems = split_front_matter(display, text)
    return PageSource(display, path.relative_to(base).as_posix(), text, front_matter, mask(text))


def nav_findings(project: Project, known: Collection[str]) -> list[Finding]:
    """Pages ``nav`` names that neither an editor nor a plugin provides (MkDocs warns)."""
    findings = []
    for path in project.nav:
        if path in known or (project.root / project.docs_dir / path).is_file():
            continue
        line = next((n for n, text in enumerate(project.config_lines, 1) if path in text), 1)
        text = project.config_lines[line - 1] if project.config_lines else ""
        findings.append(
            Finding(
                "mkdocs.yml",
                line,
                text.find(path) + 1 if path in text else 1,
                "nav",
                f"die Seite „{path}“ aus der Navigation gibt es nicht",
                f"legen Sie {project.docs_dir}/{path} an oder korrigieren Sie den Pfad",
                Level.WARNING,
                rule="link",
            )
        )
    return findings


MARKER = "BITTE AUSFÜLLEN"


def _data_texts(root: Path, data_dir: str) -> list[tuple[str, str]]:
    """Every data file as text with its path as findings show it, comments included."""
    return [
        (f"{data_dir}/{path.name}", path.read_text(encoding="utf-8", errors="replace"))
        for path in sorted((root / data_dir).glob("*.yml"))
    ]


def marker_findings(root: Path, data_dir: str, pages: Mapping[str, PageSource]) -> list[Finding]:
    """Every „BITTE AUSFÜLLEN“ that ``rathaus init`` (or an editor) left in the data and the
    pages: a warning, so a site with placeholders fails the check and the strict build. In a
    page, the words inside code (``BITTE AUSFÜLLEN`` explained in a handbook) do not count."""
    sources = [*_data_texts(root, data_dir), *((p.file, p.masked) for p in pages.values())]
    findings = []
    for file, text in sources:
        if MARKER not in text:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            column = line.find(MARKER)
            if column < 0:
                continue
            what = line[column + len(MARKER) :].strip(" :–-").removesuffix("-->").strip()
            findings.append(
                Finding(
                    file,
                    number,
                    column + 1,
                    "",
                    f"hier fehlt noch eine echte Angabe{f': {what}' if what else ''}",
                    f"tragen Sie sie ein und löschen Sie „{MARKER}“",
                    Level.WARNING,
                    rule="ausfuellen",
                )
            )
    return findings


# What a site copied from an example keeps by mistake: example addresses (the reserved
# top-level domain .example, RFC 2606), and the words the example names in its own
# mkdocs.yml (pruefung: beispieldaten, e.g. its town and its placeholder videos).
_EXAMPLE_ADDRESS = r"\b(?:[a-z0-9-]+\.)+example\b(?![-.\w])"


def _leftover_pattern(project: Project) -> re.Pattern[str]:
    options = project.options(PRUEFUNG) or {}
    words = [rf"\b{re.escape(word)}\b" for word in options.get("beispieldaten", [])]
    return re.compile("(?i)" + "|".join([*words, _EXAMPLE_ADDRESS]))


def leftover_findings(project: Project, pages: Mapping[str, PageSource]) -> list[Finding]:
    """Leftovers of the demo in a town's data and pages, at file:line (a warning).

    A site whose own address is an ``*.example`` one is an example site (the demo, the test
    sites): there they are meant. A town sets its real address, and from then on every
    leftover counts – also in a fork of the demo that kept its ``mkdocs.yml``.
    """
    host = (urlsplit(project.site_url or "").hostname or "").lower()
    if host.endswith(".example"):
        return []
    sources = [
        *_data_texts(project.root, project.data_dir),
        *((page.file, page.text) for page in pages.values()),
    ]
    leftover = _leftover_pattern(project)
    findings = []
    for file, text in sources:
        for number, line in enumerate(text.splitlines(), start=1):
            for match in leftover.finditer(line):
                findings.append(
                    Finding(
                        file,
                        number,
                        match.start() + 1,
                        "",
                        f"„{match[0]}“ stammt aus der Beispiel-Website",
                        "ersetzen Sie es durch die Angaben Ihrer Kommune (oder löschen Sie "
                        "Beispielvideos samt ihrer Dateien)",
                        Level.WARNING,
                        rule="beispieldaten",
                    )
                )
    return findings


def page_findings(
    pages: Mapping[str, PageSource],
    generated: frozenset[str] | MaybeGenerated,
    render: Renderer,
) -> list[Finding]:
    """The findings of content safety and :data:`PAGE_CHECKS` for every page."""
    findings: list[Finding] = []
    for page in pages.values():
        findings.extend(check_markdown_safety(page.file, page.text, page.front_matter, render))
        for check in PAGE_CHECKS:
            findings.extend(check(page, pages, generated))
    return findings
