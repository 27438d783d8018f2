"""The preview of ``mkdocs serve`` at the speed of typing (``vorschau`` in the ``rathaus`` block).

MkDocs rebuilds the whole site on every change: ~40 s at 2 000 pages before the page shows
an edit. This adapter puts a fast step in front of that rebuild:

- Only pages in content/ changed: MkDocs converts and renders them again with the last full
  build's configuration, files, navigation and plugins, and renders the pages last opened in
  the browser (their navigation may show a changed title) – a fraction of a second at any
  size.
- Data changed: the fast step loads the configuration and the data again, lists the pages and
  builds the navigation as a full build does (the part of a build that does not convert or
  render pages), and converts and renders only the pages open in the browser and pages the
  last build did not have. Every other page keeps what the last full build read from it (its
  Markdown, title, headings), which is all the navigation needs of it.

The pages are moved into the served folder and the browsers reload at once.

Then the full rebuild runs as before (rathaus/pruefung's: into a new folder, swapped in when
it succeeds), so every page – the overview a changed unit is listed in, the Leichte Sprache
and language twins, the search index, the checks – ends as a clean build writes it; if a page
open in the browser comes out different from the fast step, the browsers reload once more. A
new change while the full rebuild runs stops it, and the next round starts with the fast step.

Changes the fast step cannot place (mkdocs.yml, the theme, a page added, renamed or deleted, an
image) go straight to the full rebuild. Without rathaus/pruefung the full rebuild writes into
the served folder itself, so the fast step is off then.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from rathaus.adapter import Ueberholt, project_of, site_root
from rathaus.adapter.options.vorschau import VorschauConfig
from rathaus.checks import renderer, single_page_findings
from rathaus.german import anzahl, sekunden
from rathaus.model import Level

if TYPE_CHECKING:
    from wsgiref.types import StartResponse

log = get_plugin_logger(__name__)

# What MkDocs keeps on a page once it read and converted it; a page the fast step does not
# convert gets these from the last full build.
READ = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids")

# The options `mkdocs serve` may set on its command line besides mkdocs.yml (and dev_addr).
COMMAND_LINE = ("strict", "use_directory_urls")

WsgiApp = Callable[[dict[str, Any], "StartResponse"], Iterable[bytes]]


class VorschauPlugin(BasePlugin[VorschauConfig]):
    """A fast step before each rebuild of ``mkdocs serve`` (see the module's description)."""

    def __init__(self) -> None:
        self.serving = False
        self.server: LiveReloadServer | None = None
        self.settings: dict[str, Any] = {}
        self.docs = Path()
        self.data = Path()
        self.building: _Stand | None = None
        """The build that runs now, as far as it got."""
        self.last: _Stand | None = None
        """The last full build that finished: its pages hold what it read from them."""
        self.finished = False
        self.running_full = False
        self.superseded = False
        self.lock = threading.Lock()
        self.events: list[tuple[str, tuple[str, ...]]] = []
        """File changes the watcher saw since the last round: (kind, paths)."""
        self.pages: set[Path] = set()
        """Pages in content/ changed since the last finished full build."""
        self.data_changed = False
        self.interrupted = False
        """A full build stopped half-way: the plugins hold its state, not the last full one's."""
        self.structural = False
        """A change since the last finished full build that only a full build can place."""
        self.viewed: list[str] = []
        """Paths the browser asked for, the newest first."""

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve" and not dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        root = site_root(config)
        self.docs = Path(config.docs_dir)
        self.data = root / self.config.data_dir
        return config

    @event_priority(-100)  # last: the navigation every plugin has finished
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        self.building = _Stand(config, files, nav)
        return nav

    @event_priority(-100)  # last: the environment every plugin has finished
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if self.building is not None:
            self.building.env = env
        return env

    @event_priority(100)  # first: a stopped build should stop before the work of this page
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self._stop_if_superseded()
        return markdown

    @event_priority(100)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        self._stop_if_superseded()
        return context

    @event_priority(-100)  # last: the build is complete once every plugin is done
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.last = self.building
        self.finished = True

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        if not (self.config.enabled and self.serving):
            return server
        if project_of(config).options("rathaus/pruefung") is None:
            log.info("Vorschau: ohne rathaus/pruefung erst nach dem Neubau der ganzen Website")
            return server
        self.server = server
        self.settings = {name: config[name] for name in COMMAND_LINE}
        self.settings["dev_addr"] = f"{config.dev_addr.host}:{config.dev_addr.port}"
        self.settings.update(
            config_file=config.config_file_path, site_dir=server.root, site_url=config.site_url
        )
        watcher = _Watcher(self)
        for path in (self.docs, self.data):
            if path.is_dir():
                server.observer.schedule(watcher, str(path), recursive=True)
        app = server.get_app()
        assert app is not None
        server.set_app(self._remember_viewed(app))
        server.builder = self._rebuild(server.builder)
        # MkDocs logs why a page failed before the error goes up; a stopped build did not fail.
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not (self.superseded and record.levelno >= logging.ERROR)
        )
        return server

    # -- the rounds of `mkdocs serve` ---------------------------------------------------------

    def _rebuild(self, full: Callable[..., Any]) -> Callable[[], None]:
        def rebuild() -> None:
            with self.lock:
                events, self.events = self.events, []
            self._note(events)
            self.superseded = False
            if self.last is not None and not self.structural and (self.pages or self.data_changed):
                start = time.monotonic()
                try:
                    written = self._fast()
                except Exception as exc:  # the full rebuild that follows reports it
                    log.debug("The fast step failed", exc_info=exc)
                else:
                    log.info(
                        f"Vorschau: {anzahl(written, 'Seite', 'Seiten')} nach "
                        f"{sekunden(time.monotonic() - start)} neu geschrieben; die ganze "
                        "Website wird jetzt neu gebaut"
                    )
                    self._publish()
            before = self._viewed_outputs()
            self.finished = False
            self.running_full = True
            try:
                full()  # rathaus/pruefung's guard: a stopped build returns quietly
            finally:
                self.running_full = False
            if self.superseded:
                self.interrupted = True
                log.info("Vorschau: eine neue Änderung – der Neubau beginnt von vorn")
                return
            if self.finished:
                self.pages, self.data_changed, self.structural = set(), False, False
                self.interrupted = False
            if self._viewed_outputs() != before:
                self._announce()

        return rebuild

    def _note(self, events: list[tuple[str, tuple[str, ...]]]) -> None:
        """Sort the changes: pages the fast step rebuilds, data, or only a full build."""
        if not events:  # a change outside content/ and data/ (theme, mkdocs.yml, texts)
            self.structural = True
        known = {
            Path(file.abs_src_path)
            for file in (self.last.files.documentation_pages() if self.last is not None else [])
            if file.abs_src_path
        }
        for _kind, paths in events:
            for raw in paths:
                if not raw:
                    continue
                path = Path(raw)
                if path.is_relative_to(self.docs) and path in known and path.is_file():
                    self.pages.add(path)  # also a save that replaced the file
                elif (
                    path.is_relative_to(self.data)
                    and path.suffix in (".yml", ".yaml")
                    and path.is_file()
                ):
                    self.data_changed = True
                else:  # added, renamed, deleted, or not a page
                    self.structural = True

    def _fast(self) -> int:
        """Build the changed pages and those open in the browser, then put them in place."""
        served = Path(self.settings["site_dir"])
        staging = Path(tempfile.mkdtemp(prefix=f"{served.name}.vorschau-", dir=served.parent))
        errors = _ErrorCount()
        logging.getLogger("mkdocs").addHandler(errors)
        try:
            written = self._build_focus(staging)
            if errors.count:
                raise RuntimeError("errors while building the changed pages")
            for page in written:
                target = served / page.file.dest_uri
                target.parent.mkdir(parents=True, exist_ok=True)
                Path(page.file.abs_dest_path).replace(target)
            return len(written)
        finally:
            logging.getLogger("mkdocs").removeHandler(errors)
            shutil.rmtree(staging, ignore_errors=True)

    def _build_focus(self, site_dir: Path) -> list[Page]:
        assert self.last is not None
        # Shown before the full build only if each changed page passes its own checks.
        config = self.last.config
        problems = single_page_findings(
            site_root(config), sorted(self.pages), renderer(project_of(config))
        )
        if any(finding.level is Level.ERROR for finding in problems):
            raise RuntimeError("a changed page does not pass its checks")
        if self.data_changed or self.interrupted:
            return self._build_with_data(site_dir)
        return self._build_pages(site_dir)

    def _build_pages(self, site_dir: Path) -> list[Page]:
        """Only pages changed: the last full build's pages, navigation and plugins convert
        them again (their titles in the navigation with them) and render them and the pages
        open in the browser."""
        last = self.last
        assert last is not None and last.env is not None
        files = last.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        viewed = self._viewed_urls()
        changed, shown = [], []
        for file in files:
            assert file.page is not None
            if file.abs_src_path is not None and Path(file.abs_src_path) in self.pages:
                changed.append(file.page)
            if file.page in changed or file.url in viewed:
                shown.append(file.page)
        for page in changed:
            _populate_page(page, last.config, last.files)
        for page in shown:
            page.file.abs_dest_path = str(site_dir / page.file.dest_uri)
            _build_page(
                page,
                last.config,
                files,
                last.nav,
                last.env,
                excluded=page.file.inclusion.is_excluded(),
            )
        return shown

    def _build_with_data(self, site_dir: Path) -> list[Page]:
        """Data changed: load the configuration and the data again and list the pages as a
        full build does; convert and render the changed pages, the pages open in the browser
        and pages the last build did not have; every other page keeps what the last full build
        read from it."""
        assert self.last is not None
        settings = {**self.settings, "site_dir": str(site_dir)}
        site_url = settings.pop("site_url")
        config = load_config(**settings)
        config.site_url = site_url
        config = config.plugins.on_config(config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        previous = {
            file.src_uri: file.page for file in self.last.files.documentation_pages() if file.page
        }
        viewed = self._viewed_urls()
        focus: list[Page] = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            page = file.page
            assert page is not None
            old = previous.get(file.src_uri)
            changed = file.abs_src_path is not None and Path(file.abs_src_path) in self.pages
            if changed or old is None or file.url in viewed:
                focus.append(page)
            else:
                for name in READ:
                    setattr(page, name, getattr(old, name))
        for page in focus:
            _populate_page(page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for page in focus:
            _build_page(page, config, pages, nav, env, excluded=page.file.inclusion.is_excluded())
        return [page for page in focus if Path(page.file.abs_dest_path).is_file()]

    # -- the browser --------------------------------------------------------------------------

    def _remember_viewed(self, app: WsgiApp) -> WsgiApp:
        def serve(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
            path = str(environ.get("PATH_INFO", ""))
            if not path.startswith("/livereload/") and path.endswith(("/", ".html")):
                with self.lock:
                    if path in self.viewed:
                        self.viewed.remove(path)
                    self.viewed.insert(0, path)
                    del self.viewed[self.config.seiten :]
            return app(environ, start_response)

        return serve

    def _viewed_urls(self) -> set[str]:
        """The page URLs (as MkDocs writes them, ``verwaltung/bauamt/``) open in the browser."""
        assert self.server is not None
        mount = self.server.mount_path
        with self.lock:
            paths = list(self.viewed)
        urls = set()
        for path in paths:
            if not path.startswith(mount):
                continue
            url = path[len(mount) :]
            urls.add(url)
            if url.endswith("index.html"):
                urls.add(url[: -len("index.html")])
        return urls

    def _viewed_outputs(self) -> dict[str, bytes]:
        if self.server is None:
            return {}
        root = Path(self.server.root)
        outputs = {}
        for url in self._viewed_urls():
            path = root / url / "index.html" if not url.endswith(".html") else root / url
            if path.is_file():
                outputs[url] = path.read_bytes()
        return outputs

    def _publish(self) -> None:
        """Let the browsers reload now (MkDocs would wait until the whole rebuild ends)."""
        server = self.server
        assert server is not None
        with server._epoch_cond:
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()

    def _announce(self) -> None:
        """Make the browsers reload once more when this rebuild ends."""
        server = self.server
        assert server is not None
        with server._epoch_cond:
            server._wanted_epoch = max(server._wanted_epoch + 1, time.monotonic_ns() // 1_000_000)

    def _stop_if_superseded(self) -> None:
        server = self.server
        if self.running_full and server is not None and server._want_rebuild:
            self.superseded = True
            raise Ueberholt


@dataclass
class _Stand:
    """What a build has when it starts writing pages."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment | None = None


class _ErrorCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Watcher(FileSystemEventHandler):
    """Notes which files changed, for the next round (MkDocs' own watcher only says *that*)."""

    def __init__(self, plugin: VorschauPlugin) -> None:
        self.plugin = plugin

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed", "closed_no_write"):
            return
        paths = (str(event.src_path), str(getattr(event, "dest_path", "") or ""))
        with self.plugin.lock:
            self.plugin.events.append((event.event_type, paths))
