"""What every Rathaus MkDocs plugin needs from MkDocs: the site's data and a renderer.

The core (``rathaus.model``) knows nothing of MkDocs; this is the thin shared edge.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from rathaus.checks import check_site
from rathaus.escaping import plain_text
from rathaus.model import DataError, Finding, Level, Site, load_site
from rathaus.model.hours import build_date
from rathaus.plan import Plan, RecordKind
from rathaus.project import THEME_TEXTS, Project, disagreements, nav_pages, text_findings
from rathaus.render import FragmentRenderer
from rathaus.safety import frame_hosts


class Ueberholt(Exception):  # noqa: N818 - a German domain word, like the other names here
    """A newer change stopped this rebuild of `mkdocs serve`; the next one starts at once
    (rathaus/vorschau raises it, rathaus/pruefung's last-good guard stays silent on it)."""


class _Produced(File):
    """A generated file whose content is made when MkDocs first reads or writes it."""

    def __init__(self, src_uri: str, produce: Callable[[], str], **kwargs: Any) -> None:
        self._produce: Callable[[], str] | None = produce
        self._made: str | bytes | None = None
        super().__init__(src_uri, **kwargs)

    @property
    def _content(self) -> str | bytes | None:
        if self._produce is not None:
            self._made, self._produce = self._produce(), None
        return self._made

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._produce, self._made = None, value


def generated_later(config: MkDocsConfig, src_uri: str, produce: Callable[[], str]) -> File:
    """A file outside the navigation (a vCard, a calendar) whose text ``produce`` writes only
    when the build writes the file: the preview's fast step (rathaus/vorschau) lists every
    file but writes a few pages."""
    file = _Produced(
        src_uri,
        produce,
        src_dir=None,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        inclusion=InclusionLevel.NOT_IN_NAV,
    )
    file.generated_by = config.plugins._current_plugin or "<unknown>"
    return file


def report(findings: list[Finding]) -> str:
    return "Die Daten oder Seiten enthalten Fehler:\n" + "\n".join(f.format() for f in findings)


def site_root(config: MkDocsConfig) -> Path:
    # `-f mkdocs.yml` leaves the path relative. MkDocs makes docs_dir absolute with abspath
    # (no symlinks resolved); the root must match it for docs_dir to lie inside.
    return Path(os.path.abspath(config.config_file_path)).parent  # noqa: PTH100


def project_from_config(config: MkDocsConfig) -> Project:
    """The project MkDocs' validated ``config`` describes (see :mod:`rathaus.project`)."""
    from rathaus.adapter.options.sicherheit import extended

    root = site_root(config)
    plugins = {
        name: dict(plugin.config)
        for name, plugin in _features(config)
        if plugin.config.get("enabled", True)
    }
    docs = Path(config.docs_dir)
    docs_dir = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else str(docs)
    hosts: frozenset[str] = frozenset()
    if "rathaus/sicherheit" in plugins:
        csp = plugins["rathaus/sicherheit"]
        hosts = frame_hosts(extended(csp["csp"], csp["csp_extra"]))
    config_file = Path(config.config_file_path)
    lines = config_file.read_text(encoding="utf-8", errors="replace").splitlines()
    return Project(
        root=root,
        docs_dir=docs_dir,
        today=build_date(),
        plugins=plugins,
        site_url=config.site_url,
        markdown_extensions=tuple(config.markdown_extensions),
        mdx_configs=dict(config.mdx_configs),
        frame_hosts=hosts,
        nav=nav_pages(config.nav),
        config_lines=tuple(lines),
        problems=text_findings({k: config.get(k) for k in THEME_TEXTS}, lines)
        + disagreements(plugins, lines),
    )


_last_project: tuple[MkDocsConfig, Project] | None = None


def project_of(config: MkDocsConfig) -> Project:
    """:func:`project_from_config`, built once per build (``mkdocs serve`` makes a new config
    for every rebuild, so the project follows every change)."""
    global _last_project
    if _last_project is None or _last_project[0] is not config:
        _last_project = (config, project_from_config(config))
    return _last_project[1]


_last_plan: tuple[MkDocsConfig, Site, Plan] | None = None


def plan_of(config: MkDocsConfig, site: Site) -> Plan:
    """Where the records of ``site`` are shown, once per build."""
    global _last_plan
    if _last_plan is None or _last_plan[0] is not config or _last_plan[1] is not site:
        _last_plan = (config, site, Plan(site, project_of(config)))
    return _last_plan[2]


def record_url(
    plan: Plan,
    kind: RecordKind,
    record_id: str,
    files: Files,
    page: Page | None = None,
    site_url: str = "",
) -> str:
    """The URL of the page that shows a record: relative to ``page``, or absolute (with
    ``site_url``) when no page is given."""
    target = plan.target(kind, record_id)
    file = files.get_file_from_path(target.path) if target is not None else None
    if target is None or file is None:
        raise PluginError(
            f"Rathaus: keine Seite für {kind} „{record_id}“ – ist der Teil der Website, der "
            f"{kind} zeigt, in mkdocs.yml eingeschaltet?"
        )
    url = get_relative_url(file.url, page.url) if page is not None else site_url + file.url
    return f"{url}#{target.anchor}" if target.anchor else url


def redirect_files(
    config: MkDocsConfig, files: Files, plan: Plan, render: FragmentRenderer
) -> list[File]:
    """A page at the old address of every record in ``data/weiterleitungen.yml`` that sends
    visitors on to its new page; an editor's page at the old address wins."""
    written = []
    for old, target, name in plan.redirects():
        if files.get_file_from_path(old) is not None:
            continue
        dest, urls = config.site_dir, config.use_directory_urls
        was, now = File(old, None, dest, urls), File(target.path, None, dest, urls)
        url = get_relative_url(now.url, was.url) + (f"#{target.anchor}" if target.anchor else "")
        html = render.render_document(
            "weiterleitung", name=name, url=url, site_name=config.site_name
        )
        written.append(
            File.generated(config, was.dest_uri, content=html, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    return written


def load_project(root: Path, config_file: str = "mkdocs.yml") -> Project | list[Finding]:
    """The project of ``root/mkdocs.yml`` as MkDocs validates it, or why it cannot be read."""
    path = root / config_file
    if not path.is_file():
        return [
            Finding(
                config_file,
                1,
                1,
                "",
                f"die Datei {config_file} fehlt",
                "legen Sie die Konfiguration der Website im Hauptordner an",
                rule="konfiguration",
            )
        ]
    config = MkDocsConfig(config_file_path=str(path))
    try:
        with path.open("rb") as stream:
            config.load_file(stream)
    except ConfigurationError as exc:
        return [_config_finding("", f"mkdocs.yml ist kein gültiges YAML: {exc}", Level.ERROR)]
    errors, warnings = config.validate()
    problems = [_config_finding(name, str(error), Level.ERROR) for name, error in errors]
    problems += [_config_finding(name, str(text), Level.WARNING) for name, text in warnings]
    if errors:
        return problems
    # Plugins' on_config is not run: the checks need only the validated options.
    project = project_from_config(config)
    return replace(project, problems=(*problems, *project.problems))


def _config_finding(name: str, message: str, level: Level) -> Finding:
    return Finding(
        "mkdocs.yml",
        1,
        1,
        name,
        f"die Einstellung {name} ist ungültig: {message}" if name else message,
        "korrigieren Sie die Einstellung in mkdocs.yml (siehe README)",
        level,
        rule="konfiguration",
    )


def _features(config: MkDocsConfig) -> Iterator[tuple[str, BasePlugin[Any]]]:
    """Every Rathaus feature plugin by its entry name (``rathaus/verzeichnis``): inside the
    one plugin ``rathaus``, or listed on its own (the entries of earlier versions)."""
    for name, plugin in config.plugins.items():
        if name.startswith("rathaus/"):
            yield name, plugin
        elif name == "rathaus":
            yield from getattr(plugin, "features", {}).items()


def load_or_fail(config: MkDocsConfig, data_dir: str) -> Site:
    """The validated site, or a PluginError listing every problem."""
    try:
        return load_site(site_root(config), data_dir)
    except DataError as exc:
        raise PluginError(report(exc.findings)) from None


def renderer(config: MkDocsConfig) -> FragmentRenderer:
    """Fragments resolve through the theme first, so a town's custom_dir wins."""
    return FragmentRenderer(config.theme.get_env().loader)


def resolve_link(target: str, page: Page, files: Files, where: str) -> str:
    """An https address as is; a content page (``kontakt.md#anker``) relative to ``page``."""
    if target.startswith("https://"):
        return target
    path, _, anchor = target.partition("#")
    file = files.get_file_from_path(path)
    if file is None:
        raise PluginError(
            f"{where}: die Seite „{path}“ gibt es nicht – tragen Sie den Pfad einer Seite in "
            "content/ ein"
        )
    url = get_relative_url(file.url, page.url)
    return f"{url}#{anchor}" if anchor else url


def pages_by_source(files: Files) -> dict[str, File]:
    """Every documentation page of the build by its path in content/ (``kontakt.md``).

    The theme gets this once per build as ``rathaus_seiten`` (rathaus/pruefung), so a
    template that needs one page's URL looks it up instead of scanning ``pages`` – a scan
    on every page is quadratic in the number of pages (issue 8).
    """
    return {file.src_uri: file for file in files.documentation_pages()}


def generated_page(
    config: MkDocsConfig,
    files: Files,
    src_uri: str,
    title: str,
    description: str,
    inclusion: InclusionLevel = InclusionLevel.NOT_IN_NAV,
) -> File | None:
    """Add the page a plugin fills in later, with ``title`` and ``description`` as data.

    Both are text, not Markdown: they go into the front matter and the theme prints them
    escaped (the heading too: ``rathaus/sicherheit`` puts the title as ``<h1>`` in front of
    a page without one, as Material's ``partials/content.html`` would). ``None``, and nothing
    added, when an editor's page is at ``src_uri``: the editor's page wins."""
    if files.get_file_from_path(src_uri) is not None:
        return None
    # JSON strings are YAML double-quoted scalars: any text is safe in front matter. The theme
    # keeps NUL and other controls (autoescape does not remove them): remove them here.
    title, description = plain_text(title), plain_text(description)
    content = (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
        f"description: {json.dumps(description, ensure_ascii=False)}\n---\n"
    )
    file = File.generated(config, src_uri, content=content, inclusion=inclusion)
    files.append(file)
    return file


def run_checks(root: Path) -> list[Finding]:
    """All findings for the site in ``root`` (its mkdocs.yml), errors and warnings, sorted."""
    project = load_project(root)
    if isinstance(project, list):
        return project
    return check_site(project).findings
