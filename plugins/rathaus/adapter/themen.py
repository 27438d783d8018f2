"""MkDocs adapter of the index from A to Z: one generated page."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from rathaus import themenindex
from rathaus.adapter import (
    generated_page,
    load_or_fail,
    plan_of,
    project_of,
    record_url,
    renderer,
)
from rathaus.adapter.options.themen import ThemenConfig
from rathaus.model import Site
from rathaus.model.gliederung import Teil
from rathaus.pages import Directive, render_directives
from rathaus.pagination import part_page
from rathaus.plan import SUCHE, Layout
from rathaus.render import FragmentRenderer, toc_tokens
from rathaus.uebersichten import PartLink

log = get_plugin_logger(__name__)

_DIRECTIVE_TEXT = re.compile(r"<!--\s*rathaus/(suche|haeufig)\b")


TITLE = "Themen und Dienstleistungen von A bis Z"
DESCRIPTION = (
    "Themen und Dienstleistungen der Verwaltung von A bis Z, "
    "jeweils mit der zuständigen Stelle und ihrem Kontakt."
)


class ThemenPlugin(BasePlugin[ThemenConfig]):
    """Generates the page „Themen und Dienstleistungen von A bis Z“."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.renderer = FragmentRenderer()
        self.generated = False
        self.parts: list[Teil[str]] = []
        """Anchors of the entries by part; more than one part: the index is split by letters."""
        self.search_page = ""
        """The search page's source path; empty when rathaus/suche is off."""
        self.part_pages: dict[str, int] = {}
        """Source path of a part page → its index in ``parts``."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        if not 1 < self.config.heading_level < 6:
            raise PluginError("rathaus/themen: heading_level must be 2 to 5")
        if self.config.entries_per_part < 1:
            raise PluginError("rathaus/themen: entries_per_part must be at least 1")
        self.site = load_or_fail(config, self.config.data_dir)
        self.renderer = renderer(config)
        project = project_of(config)
        self.search_page = Layout.of(project).search_page if project.uses(SUCHE) else ""
        return config

    # Like rathaus/verzeichnis: early, so that other plugins' on_files see the page.
    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.site is None:
            return files
        page = generated_page(
            config, files, self.config.page, TITLE, DESCRIPTION, InclusionLevel.UNDEFINED
        )
        self.generated = page is not None
        self.parts, self.part_pages = [], {}
        if self.generated:
            self.parts = themenindex.parts(self.site, self.config.entries_per_part)
        if len(self.parts) > 1:
            for index, part in enumerate(self.parts):
                src_uri = self._part_page(index)
                description = f"{DESCRIPTION} Teil {part.label}."
                if generated_page(config, files, src_uri, f"Themen: {part.label}", description):
                    self.part_pages[src_uri] = index
        return files

    def _part_page(self, index: int) -> str:
        return part_page(Path(self.config.page).as_posix(), self.parts[index].slug)

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None:
            return markdown
        if _DIRECTIVE_TEXT.search(markdown):
            markdown = self._render_directives(markdown, page, files)
        if not self._is_index(page):
            return markdown

        plan = plan_of(config, self.site)

        def unit_url(unit_id: str) -> str:
            return record_url(plan, "einheit", unit_id, files, page)

        def page_url(src_uri: str) -> str:
            file = files.get_file_from_path(src_uri)
            if file is None:
                raise PluginError(f"rathaus/themen: no page {src_uri}")
            return get_relative_url(file.url, page.url)

        entries = themenindex.entries(self.site, unit_url)
        if len(self.parts) <= 1:
            html = self.renderer.render(
                "themen", letters=themenindex.letters(entries), level=self.config.heading_level
            )
            log.info(f"{len(entries)} Einträge von A bis Z")
            return markdown + "\n" + html + "\n"
        parts = [
            PartLink(
                part.label, page_url(self._part_page(i)), page.file.src_uri == self._part_page(i)
            )
            for i, part in enumerate(self.parts)
        ]
        current = self.part_pages.get(page.file.src_uri)
        if current is None:  # the first page: what is where, and the letters
            html = self.renderer.render("uebersicht-teile", kind="themen", parts=parts, entries=[])
            log.info(f"{len(entries)} Einträge von A bis Z auf {len(self.parts)} Seiten")
            return markdown + "\n" + html + "\n"
        here = set(self.parts[current].entries)
        part_of = {anchor: i for i, part in enumerate(self.parts) for anchor in part.entries}
        shown = [
            dataclasses.replace(
                e, see_url=f"{page_url(self._part_page(part_of[e.see_anchor]))}#{e.see_anchor}"
            )
            if e.see_anchor and e.see_anchor not in here
            else e
            for e in entries
            if e.anchor in here
        ]
        html = self.renderer.render(
            "themen",
            letters=themenindex.letters(shown),
            level=self.config.heading_level,
            parts=parts,
        )
        return markdown + "\n" + html + "\n"

    def _render_directives(self, markdown: str, page: Page, files: Files) -> str:
        """rathaus/suche (a search form that opens the index filtered by the words) and
        rathaus/haeufig (the services marked ``haeufig``)."""
        site = self.site
        assert site is not None

        def search(directive: Directive) -> str:
            # The site's search page when rathaus/suche is on, else the A–Z and its filter.
            target = files.get_file_from_path(self.search_page)
            action = (
                get_relative_url(target.url, page.url)
                if target is not None
                else self._index_url(page, files, None)
            )
            return self.renderer.render("suche", action=action)

        def frequent(directive: Directive) -> str:
            tasks = [
                themenindex.Task(
                    entry.title,
                    self._index_url(page, files, entry.anchor),
                    tuple(unit.name for unit in entry.units),
                )
                for entry in themenindex.frequent(site, themenindex.entries(site, str))
            ]
            return self.renderer.render("haeufig", tasks=tasks)

        renderers = {"suche": search, "haeufig": frequent}
        return render_directives(page.file.src_uri, markdown, renderers)

    def _index_url(self, page: Page, files: Files, anchor: str | None) -> str:
        """The index (or the part holding ``anchor``) relative to ``page``."""
        src_uri = Path(self.config.page).as_posix()
        if anchor is not None and len(self.parts) > 1:
            src_uri = next(
                self._part_page(i) for i, part in enumerate(self.parts) if anchor in part.entries
            )
        file = files.get_file_from_path(src_uri)
        if file is None:
            raise PluginError(f"rathaus/themen: no page {src_uri}")
        url = get_relative_url(file.url, page.url)
        return f"{url}#{anchor}" if anchor else url

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Headings in raw HTML are invisible to Markdown's toc; the page outline needs them.
        if self.config.enabled and self._is_index(page):
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html

    def _is_index(self, page: Page) -> bool:
        """The index page or one of its parts."""
        return self.generated and (
            page.file.src_uri == Path(self.config.page).as_posix()
            or page.file.src_uri in self.part_pages
        )
