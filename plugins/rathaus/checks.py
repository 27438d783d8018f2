"""Every check the build runs, without building: the single source for `rathaus check`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .aktuelles.posts import check_posts
from .leichte_sprache import checks as leichte_sprache
from .leichte_sprache.settings import read_plugins, read_settings
from .leichte_sprache.views import Paths as LeichteSprachePaths
from .links import check_links
from .markdown_scan import PageSource, mask
from .medien.pruefung import check_videos
from .model import DataError, Finding, Site, load_site
from .model.erklaerung import freshness
from .model.hours import build_date
from .model.site import STATEMENT_FILE
from .model.slugs import slugify
from .model.yamlread import FORBIDDEN_IN_VALUE, check_text, describe_char
from .pages import check_limits, check_pages, markdown_files, size_finding, split_front_matter
from .safety import Renderer, check_markdown_safety, frame_hosts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

PageCheck = Callable[[PageSource, Mapping[str, PageSource], frozenset[str] | None], list[Finding]]
"""A check of one page; it sees every page (by path in content/) and the generated paths
(``None`` when the data could not be loaded, so generated pages are unknown)."""


# Checks of editors' pages that no plugin reports on its own: `rathaus check` prints them and
# the rathaus/pruefung plugin logs them during the build. Later checks (e.g. the Leichte
# Sprache linter) append themselves here. Content safety is not one of them: it needs the
# site's Markdown renderer (:func:`renderer`), see :func:`page_findings`.
PAGE_CHECKS: list[PageCheck] = [check_links]


def load_project_config(root: Path) -> MkDocsConfig | None:
    """MkDocs' own validated config of ``root/mkdocs.yml``; ``None`` when it cannot be loaded
    (the build reports why)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return None
    try:
        return load_config(str(config_file))
    except (ConfigurationError, OSError):
        return None


def renderer(root: Path) -> Renderer:
    """Python-Markdown with exactly the ``markdown_extensions`` of ``root/mkdocs.yml``;
    MkDocs' defaults when the config cannot be loaded."""
    config = load_project_config(root)
    return Renderer() if config is None else config_renderer(config)


# mkdocs.yml values the theme prints on every page. Templates escape them (no markup can
# result), but no escaping makes control, direction or invisible characters harmless.
THEME_TEXTS = ("site_name", "site_description", "site_author", "copyright")


def config_findings(root: Path, config: MkDocsConfig) -> list[Finding]:
    """Characters in the theme's texts from mkdocs.yml that a page must not show."""
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    lines = text.splitlines()
    findings: list[Finding] = []
    for key in THEME_TEXTS:
        value = config.get(key)
        match = FORBIDDEN_IN_VALUE.search(value) if isinstance(value, str) else None
        if match is None:
            continue
        char = match.group()
        line = next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)
        written = lines[line - 1] if lines else ""
        col = written.find(char) + 1 if char in written else len(key) + 3
        message, hint = describe_char(char, col)
        findings.append(Finding("mkdocs.yml", line, col, key, message, hint, rule="yaml"))
    return findings


def config_renderer(config: MkDocsConfig) -> Renderer:
    """The renderer of a loaded MkDocs config, with the ``frame-src`` hosts that
    rathaus/sicherheit's Content-Security-Policy allows (none without that plugin)."""
    from .sicherheit.config import extended

    plugin = config.plugins.get("rathaus/sicherheit")
    hosts: frozenset[str] = frozenset()
    if plugin is not None and plugin.config.get("enabled", True):
        hosts = frame_hosts(extended(plugin.config["csp"], plugin.config["csp_extra"]))
    return Renderer(config.markdown_extensions, config.mdx_configs, hosts)


@dataclass(frozen=True)
class PluginOptions:
    """The options of the plugins as mkdocs.yml gives them, for the generated pages' paths.

    ``options("rathaus/verzeichnis")`` is that plugin's mapping, ``{}`` when mkdocs.yml does
    not set any (then the plugin's defaults apply). `rathaus check` does not run MkDocs, so
    the values are unchecked: use them only where they have the expected type.
    """

    plugins: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __call__(self, plugin: str) -> Mapping[str, Any]:
        return self.plugins.get(plugin) or {}

    def get(self, plugin: str) -> Mapping[str, Any] | None:
        """The plugin's options; ``None`` when mkdocs.yml does not list the plugin."""
        return self.plugins.get(plugin)

    @classmethod
    def read(cls, root: Path) -> PluginOptions:
        return cls(read_plugins(root) or {})


DEFAULTS = PluginOptions()
"""No options: every plugin at its defaults."""


class GeneratedPages(Protocol):
    """Paths in content/ one plugin generates, from the data and the plugin's options."""

    def __call__(self, site: Site, options: PluginOptions = ..., /) -> Iterable[str]: ...


def _ls_paths(options: PluginOptions) -> LeichteSprachePaths:
    return LeichteSprachePaths.from_options(
        options.get("rathaus/verzeichnis"), options.get("rathaus/themen")
    )


def _directory_pages(site: Site, options: PluginOptions = DEFAULTS) -> Iterable[str]:
    """Pages and files of rathaus/verzeichnis and rathaus/barrierefreiheit, with the parts of
    overviews split by letters (the same parts as the build: ``verzeichnis.teile``)."""
    paths = _ls_paths(options)
    overviews = paths.overviews(site)
    for kind in ("einheiten", "ansprechpersonen", "standorte", "oeffnungszeiten"):
        overview = overviews.get(kind)
        yield overview.page
        yield from overview.part_pages()
    yield "barrierefreiheit.md"
    for unit_id in site.einheiten:
        yield from (
            f"{paths.units_dir}/{slugify(unit_id)}.md",
            f"{paths.units_dir}/{slugify(unit_id)}.vcf",
        )
    people = paths.people_page.removesuffix(".md")
    for person_id in site.personen:
        yield f"{people}/{slugify(person_id)}.vcf"


# Paths in content/ that plugins generate, so links to them are not reported as missing.
# A plugin that generates pages adds a function ``(site, options)`` here; ``options(name)``
# gives its settings in mkdocs.yml (e.g. how many entries one page of a list shows).
def _handbook_pages(site: Site, options: PluginOptions = DEFAULTS) -> Iterable[str]:
    """The field reference of rathaus/handbuch (default path)."""
    yield "handbuch/felder.md"


def _leichte_sprache_pages(site: Site, options: PluginOptions = DEFAULTS) -> Iterable[str]:
    """The generated pages of rathaus/leichte-sprache, with the parts of split overviews."""
    paths = _ls_paths(options)
    yield from paths.generated(site)
    yield paths.ls(paths.woerterbuch_page)


def _sign_language_pages(site: Site, options: PluginOptions = DEFAULTS) -> Iterable[str]:
    """The video overview of rathaus/gebaerdensprache (default path)."""
    yield "gebaerdensprache.md"


def _topic_pages(site: Site, options: PluginOptions = DEFAULTS) -> Iterable[str]:
    """The A–Z index of rathaus/themen and its parts by letters."""
    overview = _ls_paths(options).overviews(site).themen
    yield overview.page
    yield from overview.part_pages()


def _finding_pages(site: Site, options: PluginOptions = DEFAULTS) -> Iterable[str]:
    """Pages of rathaus/aktuelles, rathaus/termine and rathaus/gremien
    (default paths; the yearly news archives depend on the posts and are not listed)."""
    yield from ("aktuelles/index.md", "termine/index.md", "gremien/index.md")
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
    _topic_pages,
    _finding_pages,
]


def generated_pages(site: Site, options: PluginOptions = DEFAULTS) -> frozenset[str]:
    """Every path of :data:`GENERATED_PAGES` for ``site`` and the plugins' ``options``."""
    return frozenset(path for source in GENERATED_PAGES for path in source(site, options))


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
    data_loaded: bool = True
    """``False`` when the data did not load: the checks that need it did not run
    (:data:`DATA_MISSING` says so to the editor)."""


DATA_MISSING = "Weitere Prüfungen, die die Daten brauchen, folgen nach der Korrektur der Daten."


def check_site(
    root: Path, render: Renderer | None = None, config: MkDocsConfig | None = None
) -> Checks:
    """Every check of the site in ``root``, each run once (see :func:`run_checks`);
    ``render`` and ``config``: the build's Markdown renderer and config (default: loaded from
    ``root/mkdocs.yml``)."""
    findings: list[Finding] = []
    if config is None:
        config = load_project_config(root)
    if config is not None:
        findings.extend(config_findings(root, config))
        if render is None:
            render = config_renderer(config)
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
    of_pages = page_findings(root, site, pages=pages, render=render)
    findings.extend(of_pages)
    if site is not None:
        generated = generated_pages(site, PluginOptions.read(root))
        findings.extend(leichte_sprache.run(root, site, pages, build_date(), generated=generated))
    else:
        # Without the data the linter lacks the town's names and the glossary: its findings
        # ("„Beispielstadt“ ist ein langes Wort") would bury the data error. Its settings in
        # mkdocs.yml do not depend on the data.
        findings.extend(read_settings(root)[1])
    return Checks(sorted(findings), of_pages, data_loaded=site is not None)


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
        raw = path.read_bytes()
        if size_finding(display, len(raw)) is not None:
            continue
        text, problems = check_text(display, raw)
        if problems or check_limits(display, text):
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
    render: Renderer | None = None,
) -> list[Finding]:
    """The findings of content safety and :data:`PAGE_CHECKS` for every page (``pages``:
    already read; ``render``: the site's Markdown renderer, else :func:`renderer`)."""
    if pages is None:
        pages = read_pages(root, content_dir)
    generated = generated_pages(site, PluginOptions.read(root)) if site is not None else None
    findings: list[Finding] = []
    if pages and render is None:
        render = renderer(root)
    for page in pages.values():
        findings.extend(check_markdown_safety(page.file, page.text, page.front_matter, render))
        for check in PAGE_CHECKS:
            findings.extend(check(page, pages, generated))
    return findings
