"""MkDocs adapter of the events: generated pages and iCalendar files."""

from __future__ import annotations

import functools
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from rathaus.adapter import (
    generated_later,
    generated_page,
    load_or_fail,
    plan_of,
    record_url,
    renderer,
)
from rathaus.adapter.options.termine import TermineConfig
from rathaus.model import Site, slugify
from rathaus.model.hours import build_date
from rathaus.model.termine import Split, split_events
from rathaus.model.termine import when as event_when
from rathaus.pages import Directive, render_directives
from rathaus.plan import RecordKind
from rathaus.render import FragmentRenderer, toc_tokens
from rathaus.termine import views
from rathaus.termine.ics import calendar_text, uid_host

log = get_plugin_logger(__name__)


class TerminePlugin(BasePlugin[TermineConfig]):
    """Turns ``data/termine.yml`` into an events page, event pages and calendar files."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.renderer = FragmentRenderer()
        self.today = build_date()
        self.generated: dict[str, str] = {}  # src_uri → event id ("" for the list pages)
        self.split = Split([], [])
        self.pages: list[str] = []  # the pages of the events list, the first is the index

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        if self.config.per_page < 1:
            raise PluginError("rathaus/termine: per_page must be at least 1")
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
        site, base = self.site, self.config.events_dir
        self.split = split_events(list(site.termine.values()), self.today)
        self.pages = views.overview_pages(base, self.split, self.config.per_page)
        pages = [
            (
                src_uri,
                "",
                "Termine" if n == 0 else f"Termine – Seite {n + 1}",
                "Veranstaltungen der Stadt: Datum, Ort, Barrierefreiheit und Anmeldung.",
                InclusionLevel.UNDEFINED if n == 0 else InclusionLevel.NOT_IN_NAV,
            )
            for n, src_uri in enumerate(self.pages)
        ]
        plan = plan_of(config, site)
        taken = {plan.path("termin", event.id): event.id for event in site.termine.values()}
        for number, src_uri in enumerate(self.pages[1:], start=2):
            if src_uri in taken:
                raise PluginError(
                    f"rathaus/termine: die Kennung „{taken[src_uri]}“ eines Termins ergibt "
                    f"dieselbe Adresse wie Seite {number} der Terminliste ({base}/seite-"
                    f"{number}/) – bitte die Kennung in data/termine.yml ändern"
                )
        for event in site.termine.values():
            when = event_when(event.beginn, event.ende).text
            pages.append(
                (
                    plan.path("termin", event.id),
                    event.id,
                    event.titel,
                    f"{event.titel}: {when}.",
                    InclusionLevel.NOT_IN_NAV,
                )
            )
        for src_uri, event_id, title, description, inclusion in pages:
            if generated_page(config, files, src_uri, title, description, inclusion):
                self.generated[src_uri] = event_id

        site_url = config.site_url or ""
        host = uid_host(site_url, f"{slugify(site.stadt.name)}.invalid")

        # The calendars are written with the other files; their links are the pages' now.
        urls = {
            event_id: record_url(plan, "termin", event_id, files, None, site_url)
            for event_id in site.termine
        }
        for event in site.termine.values():
            text = functools.partial(
                calendar_text, site, [event], urls.__getitem__, host, self.today
            )
            files.append(generated_later(config, plan.path("termin-ics", event.id), text))
        upcoming = self.split.upcoming
        feed = functools.partial(
            calendar_text,
            site,
            upcoming,
            urls.__getitem__,
            host,
            self.today,
            name=f"Termine: {site.stadt.name}",
        )
        files.append(generated_later(config, f"{base}/{self.config.feed_name}", feed))
        log.info(f"{len(site.termine)} Termine, davon {len(upcoming)} kommende")
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None:
            return markdown
        if "rathaus/termine" in markdown:
            markdown = self._render_directives(markdown, page, files, config)
        event_id = self.generated.get(page.file.src_uri)
        if event_id is None:
            return markdown
        links = self._links(page, files, config)
        if event_id:
            context = views.event_context(self.site, self.site.termine[event_id], links, self.today)
            html = self.renderer.render("termin", level=2, **context)
        else:
            context = views.overview_context(
                self.site,
                links,
                self.today,
                self.split,
                self.pages,
                page.file.src_uri,
                self.config.per_page,
            )
            html = self.renderer.render("termine", level=2, **context)
        return markdown + "\n" + html + "\n"

    def _render_directives(
        self, markdown: str, page: Page, files: Files, config: MkDocsConfig
    ) -> str:
        """rathaus/termine { anzahl: 3 }: the next events, e.g. on the start page."""
        site = self.site
        assert site is not None
        links = self._links(page, files, config)

        def next_events(directive: Directive) -> str:
            count = int(directive.args.get("anzahl", "3"))
            return self.renderer.render(
                "naechste-termine",
                events=[
                    views.event_view(site, event, links, self.today)
                    for event in self.split.upcoming[:count]
                ],
                all_url=links("termine", ""),
                level=directive.level,
            )

        return render_directives(page.file.src_uri, markdown, {"termine": next_events})

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Headings of generated pages live in raw HTML, which Markdown's toc cannot see.
        if self.config.enabled and page.file.src_uri in self.generated:
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html

    def _links(self, page: Page, files: Files, config: MkDocsConfig) -> views.Links:
        assert self.site is not None
        plan, base = plan_of(config, self.site), self.config.events_dir
        site_url = config.site_url or ""
        lists = {
            "termine": lambda i: f"{base}/index.md",
            "liste": lambda i: i,
            "feed": lambda i: f"{base}/{self.config.feed_name}",
        }

        def link(kind: str, record_id: str) -> str:
            absolute = kind.endswith("-absolute")
            kind = kind.removesuffix("-absolute")
            if kind not in lists:
                return record_url(
                    plan,
                    cast(RecordKind, kind),
                    record_id,
                    files,
                    None if absolute else page,
                    site_url,
                )
            file = files.get_file_from_path(lists[kind](record_id))
            if file is None:
                raise PluginError(f"rathaus/termine: no page for {kind} {record_id!r}")
            return site_url + file.url if absolute else get_relative_url(file.url, page.url)

        return link
