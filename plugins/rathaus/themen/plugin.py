"""MkDocs adapter of the index from A to Z: one generated page."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from ..adapter import load_or_fail, renderer
from ..model import Site, slugify
from ..render import FragmentRenderer, toc_tokens
from . import views
from .config import ThemenConfig

log = get_plugin_logger(__name__)

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

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        if not 1 < self.config.heading_level < 6:
            raise PluginError("rathaus/themen: heading_level must be 2 to 5")
        self.site = load_or_fail(config, self.config.data_dir)
        self.renderer = renderer(config)
        return config

    # Like rathaus/verzeichnis: early, so that other plugins' on_files see the page.
    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.site is None:
            return files
        self.generated = files.get_file_from_path(self.config.page) is None
        if self.generated:  # an editor's page at the same path wins
            content = f"---\ndescription: {json.dumps(DESCRIPTION, ensure_ascii=False)}\n---\n\n"
            content += f"# {TITLE}\n"
            files.append(File.generated(config, self.config.page, content=content))
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None or not self._is_index(page):
            return markdown

        def unit_url(unit_id: str) -> str:
            src_uri = f"{self.config.units_dir}/{slugify(unit_id)}.md"
            file = files.get_file_from_path(src_uri)
            if file is None:
                raise PluginError(
                    f"rathaus/themen: no page {src_uri} for unit {unit_id!r} – "
                    "is rathaus/verzeichnis enabled with the same units_dir?"
                )
            return get_relative_url(file.url, page.url)

        entries = views.entries(self.site, unit_url)
        html = self.renderer.render(
            "themen", letters=views.letters(entries), level=self.config.heading_level
        )
        log.info(f"{len(entries)} Einträge von A bis Z")
        return markdown + "\n" + html + "\n"

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Headings in raw HTML are invisible to Markdown's toc; the page outline needs them.
        if self.config.enabled and self._is_index(page):
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html

    def _is_index(self, page: Page) -> bool:
        return self.generated and page.file.src_uri == Path(self.config.page).as_posix()
