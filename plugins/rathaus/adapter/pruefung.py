"""MkDocs adapter of the checks: fail before the site folder is touched, report progress.

``checks.run_checks`` is the single list of checks (``rathaus check`` runs the same). Running
it in ``on_pre_build`` – before MkDocs empties the site folder – means an editor's mistake
stops the build with the full German list while the previous output stays in place.

``mkdocs serve`` (1.6) treats any failed rebuild as "stuck": ``LiveReloadServer`` keeps
``_wanted_epoch`` ahead of ``_visible_epoch`` and every request waits until a build succeeds,
so the preview hangs. Worse, MkDocs empties the served folder right after ``on_pre_build``, so
a crash while reading or writing pages (an exception in a Markdown extension, a recursion
limit) would leave half a site even if the wait ended. ``on_serve`` may modify the server, so
this plugin wraps its ``builder``: each rebuild writes into a fresh folder next to the served
one (``on_config`` redirects ``site_dir``), and only a build that finished is swapped in
(``publish.swap_into_place``, atomic on Linux). Any failure – a broken ``mkdocs.yml``, data or
page errors, a crash anywhere in the build – counts as done: the German message is in the log,
the last good site stays served, and saving the fixed file rebuilds.

Content safety is checked a second time on the HTML MkDocs actually produced
(``on_page_content``, before other plugins change it): an editor's page that no plugin changed
is judged as rendered; a page whose Markdown a plugin extended (directives, generated
overviews) is judged on the editor's own Markdown rendered with the same extensions, and the
whole output must still hold no script, head element, event attribute or ``javascript:``
address. Findings ``rathaus check`` already reported are not repeated; an error fails the
build after the last page (``on_post_build``), so every unsafe page is listed.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from rathaus.adapter import Ueberholt, pages_by_source, project_of, report, site_root
from rathaus.adapter.options.pruefung import PruefungConfig
from rathaus.checks import check_site, renderer
from rathaus.model import Level
from rathaus.publish import swap_into_place
from rathaus.render import BYTECODE_CACHE
from rathaus.report import counts
from rathaus.safety import Renderer, check_html, check_output_html

log = get_plugin_logger(__name__)


class PruefungPlugin(BasePlugin[PruefungConfig]):
    """Runs every check (``checks.check_site``) before the build writes anything."""

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.staging: Path | None = None
        """The folder the current rebuild of `mkdocs serve` writes into, until it is swapped in."""
        self.staged = False
        self.total = 0
        self.written = 0
        self.renderer: Renderer | None = None
        self.editors: dict[str, str] = {}
        """The Markdown of each editor's page before any plugin changed it."""
        self.changed: set[str] = set()
        self.reported: set[str] = set()
        self.unsafe: list[str] = []

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    # Last of all pre_build handlers: other plugins may prepare data the checks read.
    @event_priority(-100)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        project = project_of(config)
        self.renderer = renderer(project)
        result = check_site(project, self.renderer)
        self.reported = {finding.format() for finding in result.pages}
        self.unsafe = []
        self.editors = {}
        self.changed = set()
        findings = result.findings
        errors = [f for f in findings if f.level is Level.ERROR]
        if errors:
            raise PluginError(report(errors) + f"\n{counts(findings)}")
        # Findings of page checks no other plugin reports (data warnings are logged by the
        # plugin that loads the data); warnings fail a --strict build.
        for finding in result.pages:
            if finding.level is Level.WARNING:
                log.warning(finding.format())
            else:
                log.info(finding.format())
        log.info(f"Prüfung: {counts(findings)}")

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if not self.config.enabled:
            return env
        # Rebuilds of `mkdocs serve` reuse the compiled theme templates (render.py).
        if env.bytecode_cache is None:
            env.bytecode_cache = BYTECODE_CACHE
        # Pages by source path, for templates that link to one page (footer, header entries):
        # a lookup instead of a scan of all pages on every page.
        env.globals["rathaus_seiten"] = pages_by_source(files)
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        self.total = len(files.documentation_pages())
        self.written = 0
        return files

    # First: the editor's Markdown before any plugin expands directives into it.
    @event_priority(100)
    def _before_plugins(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled and page.file.generated_by is None:
            self.editors[page.file.src_uri] = markdown
        return markdown

    @event_priority(-100)
    def _after_plugins(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.editors.get(page.file.src_uri, markdown) != markdown:
            self.changed.add(page.file.src_uri)
        return markdown

    on_page_markdown = CombinedEvent(_before_plugins, _after_plugins)

    # First: the HTML as Markdown produced it, before other plugins post-process it.
    @event_priority(100)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.renderer is None:
            return html
        src = page.file.src_uri
        source = page.file.content_string if page.file.generated_by is None else ""
        display = _display(page, config)
        found = check_output_html(display, html, source)
        if src in self.editors:
            rendered = self.renderer.html(source) if src in self.changed else html
            found += check_html(display, rendered, source, page.meta, self.renderer.hosts)
        for finding in sorted(set(found), key=lambda f: (f.line, f.col, f.message)):
            text = finding.format()
            if text in self.reported:
                continue
            self.reported.add(text)
            if finding.level is Level.ERROR:
                log.error(text)
                self.unsafe.append(text)
            else:
                log.info(text)
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.unsafe:
            raise PluginError(
                f"{len(self.unsafe)} unsichere Stelle(n) im Inhalt der Seiten (siehe oben) – "
                "die Website wird nicht veröffentlicht"
            )

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        self.written += 1
        every = self.config.progress_every
        if self.total > every and (self.written % every == 0 or self.written == self.total):
            log.info(f"Seiten geschrieben: {self.written} von {self.total}")
        return output

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            server.builder = self._keep_last_good(server.builder, Path(server.root))
        return server

    # First of all config handlers, so every plugin sees the folder this rebuild writes into.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if self.staging is not None:
            config.site_dir = str(self.staging)
            self.staged = True
        return config

    def _keep_last_good(self, build: Callable[..., Any], served: Path) -> Callable[..., Any]:
        @wraps(build)
        def rebuild(*args: Any, **kwargs: Any) -> Any:
            staging = Path(tempfile.mkdtemp(prefix=f"{served.name}.neu-", dir=served.parent))
            if self.dirty:  # a dirty build rewrites only changed pages: start from the old site
                shutil.copytree(served, staging, dirs_exist_ok=True)
            self.staging, self.staged = staging, False
            try:
                result = build(*args, **kwargs)
                # Without this plugin in the reloaded config the build wrote `served` itself.
                if self.staged:
                    swap_into_place(staging, served)
                return result
            except Ueberholt:  # a newer change: rathaus/vorschau starts the next round
                return None
            except Exception as exc:  # any failure: keep serving the last good site
                _explain(exc, config_loaded=self.staged)
                return None
            finally:
                self.staging = None
                shutil.rmtree(staging, ignore_errors=True)

        return rebuild


def _display(page: Page, config: MkDocsConfig) -> str:
    """The page's path as editors see it (``content/kontakt.md``)."""
    path = page.file.abs_src_path
    if path is None:
        return page.file.src_uri
    try:
        return Path(path).relative_to(site_root(config)).as_posix()
    except ValueError:
        return page.file.src_uri


def _explain(exc: Exception, *, config_loaded: bool) -> None:
    """Log why a rebuild of `mkdocs serve` failed, in German, and what the preview does now."""
    if not config_loaded and isinstance(exc, Abort):  # MkDocs logged the invalid options
        log.error("mkdocs.yml lässt sich nicht laden – die Meldung darüber nennt die Einstellung")
    elif not config_loaded:  # e.g. a YAML syntax error, with its line
        log.error(f"mkdocs.yml lässt sich nicht laden: {exc}")
    elif not isinstance(exc, Abort):
        # Checks and MkDocs' own errors were logged (Abort); an unexpected crash was not.
        log.error(f"Der Bau ist abgebrochen: {type(exc).__name__}: {exc}")
        log.debug("Traceback of the failed rebuild", exc_info=exc)
    log.error(
        "Die Vorschau zeigt weiter den letzten fehlerfreien Stand. Speichern Sie "
        "die korrigierte Datei, dann wird die Vorschau neu gebaut."
    )
