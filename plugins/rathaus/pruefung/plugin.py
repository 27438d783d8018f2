"""MkDocs adapter of the checks: fail before the site folder is touched, report progress.

``checks.run_checks`` is the single list of checks (``rathaus check`` runs the same). Running
it in ``on_pre_build`` – before MkDocs empties the site folder – means an editor's mistake
stops the build with the full German list while the previous output stays in place.

``mkdocs serve`` (1.6) treats any failed rebuild as "stuck": ``LiveReloadServer`` keeps
``_wanted_epoch`` ahead of ``_visible_epoch`` and every request waits until a build succeeds,
so the preview hangs. ``on_serve`` may modify the server, so this plugin wraps its
``builder``: a build that failed *before* the site folder was touched (data or page errors,
all raised by ``on_config``/``on_pre_build``) counts as done – the German list is in the log,
the last good site is served, and saving the fixed file rebuilds. A failure after writing
started is passed on unchanged, so a half-written site is never presented as good.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..adapter import pages_by_source, report, site_root
from ..checks import check_site
from ..model import Level
from ..render import BYTECODE_CACHE
from ..report import counts
from .config import PruefungConfig

log = get_plugin_logger(__name__)


class PruefungPlugin(BasePlugin[PruefungConfig]):
    """Runs every check (``checks.check_site``) before the build writes anything."""

    def __init__(self) -> None:
        self.serving = False
        self.writing = False
        self.total = 0
        self.written = 0

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    # Last of all pre_build handlers: other plugins may prepare data the checks read.
    @event_priority(-100)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        result = check_site(site_root(config))
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
        self.writing = True  # MkDocs empties the site folder right after pre_build

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
            server.builder = self._keep_last_good(server.builder)
        return server

    def _keep_last_good(self, build: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(build)
        def rebuild(*args: Any, **kwargs: Any) -> Any:
            self.writing = False
            try:
                return build(*args, **kwargs)
            except Abort:
                if self.writing:
                    raise
                log.error(
                    "Die Vorschau zeigt weiter den letzten fehlerfreien Stand. Speichern Sie "
                    "die korrigierte Datei, dann wird die Vorschau neu gebaut."
                )
                return None

        return rebuild
