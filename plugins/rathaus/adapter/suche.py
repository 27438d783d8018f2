"""MkDocs adapter of the site's search: the search page, the header field, the index.

Every page gets ``rathaus_suche`` in its template context: where the search page is, and
whether and as what Pagefind indexes the page (``partials/rathaus/suchmerkmale.html``). After
the build, :func:`rathaus.suche.index.build` writes the index; ``mkdocs serve`` skips it
unless ``index_beim_vorschauen`` is set, and the search page then says the search is not
available in the preview.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from rathaus import suche, texte
from rathaus.adapter import generated_page, load_or_fail, project_of, renderer, site_root
from rathaus.adapter.options.suche import SucheConfig
from rathaus.german import anzahl
from rathaus.model import Site
from rathaus.plan import Layout
from rathaus.render import FragmentRenderer
from rathaus.suche import index
from rathaus.texte import N_

log = get_plugin_logger(__name__)

TITLE = N_("Suche")
DESCRIPTION = N_("Suchen Sie auf der Website der Verwaltung nach Leistungen, Ämtern und Themen.")


@dataclass(frozen=True)
class Suchmerkmale:
    """What the theme needs on every page (partials/rathaus/suchfeld.html, suchmerkmale.html)."""

    url: str
    """The search page's URL (MkDocs' ``url`` filter makes it relative to the page)."""
    suchseite: bool
    """This page is the search page: no header field, not indexed."""
    aufnehmen: bool
    """Pagefind indexes this page's content."""
    art: str | None
    """The kind of the page set by its front matter (``nachrangig``); else its fragments say."""
    bereich: str | None
    """The navigation section the page is in, shown with each result."""


@dataclass(frozen=True)
class Verweis:
    titel: str
    url: str


class SuchePlugin(BasePlugin[SucheConfig]):
    """The search page, the search field in every header and the Pagefind index."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.renderer = FragmentRenderer()
        self.page_file: File | None = None
        self.language_pages: dict[str, File] = {}
        """The search page of each other language (rathaus/sprachen): Pagefind searches the
        index of the language of the page the search runs on."""
        self.serving = False
        self.layout = Layout()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        for name in ("material/search", "search"):
            if name in config.plugins:
                raise PluginError(
                    f"mkdocs.yml: entfernen Sie „- {name}“ unter plugins – Rathaus bringt eine "
                    "eigene Suche mit (Block „suche“ im Eintrag rathaus, README „Suche“)"
                )
        self.site = load_or_fail(config, self.config.data_dir)
        self.renderer = renderer(config)
        self.layout = Layout.of(project_of(config))
        return config

    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        generated_page(config, files, self.config.page, TITLE, DESCRIPTION)
        self.page_file = files.get_file_from_path(self.config.page)
        self.language_pages = {}
        options = project_of(config).options("rathaus/sprachen")
        for code, language in texte.angeboten(site_root(config), options).items():
            with texte.in_sprache(language):
                title, description = texte.gettext(TITLE), texte.gettext(DESCRIPTION)
            path = f"{code}/{self.config.page}"
            generated_page(config, files, path, title, description)
            file = files.get_file_from_path(path)
            if file is not None:
                self.language_pages[code] = file
        return files

    def _search_page_of(self, src_uri: str) -> File | None:
        """The search page in the language of the page ``src_uri``."""
        code = src_uri.split("/", 1)[0] if "/" in src_uri else None
        return self.language_pages.get(code or "", self.page_file)

    def _is_search_page(self, page: Page) -> bool:
        return page.file in (self.page_file, *self.language_pages.values())

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or not self._is_search_page(page):
            return markdown
        site = self.site
        assert site is not None

        def link(src_uri: str, titel: str) -> Verweis | None:
            file = files.get_file_from_path(src_uri)
            return Verweis(titel, get_relative_url(file.url, page.url)) if file else None

        code = page.file.src_uri.split("/", 1)[0] if page.file != self.page_file else None
        links = [
            link(f"{code}/index.md", N_("Startseite in dieser Sprache")) if code else None,
            link(self.layout.topics_page, N_("Themen und Dienstleistungen von A bis Z")),
            link(f"{self.layout.units_dir}/index.md", N_("Alle Ämter und Einrichtungen")),
            link(self.layout.leichte_sprache_page, N_("Informationen in Leichter Sprache")),
        ]
        html = self.renderer.render(
            "suchseite",
            basis=get_relative_url("", page.url) or ".",
            arten=suche.arten_json(),
            eintrags_arten=" ".join(sorted(suche.EINTRAGS_ARTEN)),
            zentrale=site.stadt.zentrale,
            links=[entry for entry in links if entry],
        )
        return markdown + "\n" + html + "\n"

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.config.enabled or self.page_file is None:
            return context
        is_search = self._is_search_page(page)
        rang = suche.rang_of(page.meta)
        parent = page.parent
        search_page = self._search_page_of(page.file.src_uri) or self.page_file
        context["rathaus_suche"] = Suchmerkmale(  # type: ignore[typeddict-unknown-key]
            url=search_page.url,
            suchseite=is_search,
            aufnehmen=not is_search and rang != "nein",
            art="nachrangig" if rang == "nachrangig" else None,
            bereich=parent.title if parent is not None and parent.title else None,
        )
        return context

    # After every other plugin: the index must see the pages as they were written.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if self.serving and not self.config.index_beim_vorschauen:
            log.info("Suchindex in der Vorschau nicht gebaut (suche.index_beim_vorschauen)")
            return
        built = index.build(Path(config.site_dir))
        log.info(
            f"Suchindex: {anzahl(built.pages, 'Seite', 'Seiten')}, "
            f"{built.bytes / 1024:.0f} KiB, {built.seconds:.1f} s"
        )
