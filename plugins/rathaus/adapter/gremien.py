"""MkDocs adapter of the council bodies: an overview and one page per body."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from rathaus.adapter import (
    generated_page,
    load_or_fail,
    plan_of,
    record_url,
    renderer,
    resolve_link,
)
from rathaus.adapter.options.gremien import GremienConfig
from rathaus.gremien import views
from rathaus.model import Site
from rathaus.model.hours import build_date
from rathaus.plan import RecordKind
from rathaus.render import FragmentRenderer, toc_tokens

log = get_plugin_logger(__name__)


class GremienPlugin(BasePlugin[GremienConfig]):
    """Turns ``data/gremien.yml`` into pages with meetings and papers."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.renderer = FragmentRenderer()
        self.today = build_date()
        self.generated: dict[str, str] = {}  # src_uri → body id ("" for the overview)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.site = load_or_fail(config, self.config.data_dir)
        self.renderer = renderer(config)
        self.today = build_date()
        return config

    # After the directory plugin (priority 50), so links to unit pages resolve.
    @event_priority(40)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.generated = {}
        if not self.config.enabled or self.site is None:
            return files
        base = self.config.bodies_dir
        pages = [
            (
                f"{base}/index.md",
                "",
                "Gremien",
                "Gremien des Rats: Aufgaben, Sitzungen und Vorlagen.",
                InclusionLevel.UNDEFINED,
            )
        ]
        for body in self.site.gremien.values():
            pages.append(
                (
                    plan_of(config, self.site).path("gremium", body.id),
                    body.id,
                    body.name,
                    f"{body.name}: Aufgaben, Mitglieder, Sitzungen und Vorlagen.",
                    InclusionLevel.NOT_IN_NAV,
                )
            )
        for src_uri, body_id, title, description, inclusion in pages:
            if generated_page(config, files, src_uri, title, description, inclusion):
                self.generated[src_uri] = body_id
        log.info(f"{len(self.site.gremien)} Gremien")
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None:
            return markdown
        body_id = self.generated.get(page.file.src_uri)
        if body_id is None:
            return markdown
        links = self._links(page, files, config)
        if body_id:
            context = views.body_context(
                self.site,
                self.site.gremien[body_id],
                links,
                self.today,
                self.config.recent_papers,
                lambda path: Path(self._file(path, files).abs_src_path or "").stat().st_size,
            )
            html = self.renderer.render("gremium", level=2, **context)
        else:
            html = self.renderer.render(
                "gremien", level=2, bodies=views.overview(self.site, links, self.today)
            )
        return markdown + "\n" + html + "\n"

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Headings of generated pages live in raw HTML, which Markdown's toc cannot see.
        if self.config.enabled and page.file.src_uri in self.generated:
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html

    def _links(self, page: Page, files: Files, config: MkDocsConfig) -> views.Links:
        assert self.site is not None
        plan = plan_of(config, self.site)

        where = f"{self.config.data_dir}/gremien.yml"

        def link(kind: str, record_id: str) -> str:
            if kind == "seite":
                return resolve_link(record_id, page, files, where)
            if kind == "datei":
                return get_relative_url(self._file(record_id, files).url, page.url)
            return record_url(plan, cast(RecordKind, kind), record_id, files, page)

        return link

    def _file(self, path: str, files: Files) -> File:
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(
                f"{self.config.data_dir}/gremien.yml: die Anlage „{path}“ gibt es nicht in "
                "content/ – legen Sie die Datei dort ab oder korrigieren Sie den Pfad"
            )
        return file
