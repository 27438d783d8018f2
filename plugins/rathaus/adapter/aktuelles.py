"""MkDocs adapter of the news: overview pages, yearly archives, post headers, Atom feed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
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
    report,
    site_root,
)
from rathaus.adapter.options.aktuelles import AktuellesConfig
from rathaus.aktuelles import views
from rathaus.aktuelles.posts import Post, is_post, read_post
from rathaus.markdown_scan import outside_fences
from rathaus.model import Level, Site
from rathaus.pages import Directive, render_directives
from rathaus.pagination import pager
from rathaus.render import FragmentRenderer, toc_tokens

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class _Listing:
    """A generated list page: the posts it shows, the pages of its list (the overview or
    one year's archive) and which year (for an archive)."""

    posts: tuple[Post, ...]
    pages: tuple[str, ...]
    year: int | None = None
    year_count: int = 0


class AktuellesPlugin(BasePlugin[AktuellesConfig]):
    """News posts from ``content/aktuelles/`` with overview, archives and a feed."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.renderer = FragmentRenderer()
        self.posts: dict[str, Post] = {}
        self.listings: dict[str, _Listing] = {}
        self.pages: list[str] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        if self.config.per_page < 1 or self.config.feed_entries < 1:
            raise PluginError("rathaus/aktuelles: per_page and feed_entries must be at least 1")
        self.site = load_or_fail(config, self.config.data_dir)
        self.renderer = renderer(config)
        return config

    # After rathaus/verzeichnis (50), so the unit pages exist; before MkDocs builds the nav.
    @event_priority(40)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.site is None:
            return files
        news = self.config.news_dir.strip("/")
        root = site_root(config)
        findings = []
        self.posts = {}
        for file in files.documentation_pages():
            if file.generated_by or not is_post(file.src_uri, news):
                continue
            display = Path(file.abs_src_path or file.src_uri).resolve()
            shown = (
                display.relative_to(root.resolve()).as_posix()
                if display.is_relative_to(root.resolve())
                else file.src_uri
            )
            post, problems = read_post(shown, file.src_uri, file.content_string, self.site)
            findings.extend(problems)
            if post is not None:
                self.posts[file.src_uri] = post
                file.inclusion = InclusionLevel.NOT_IN_NAV
        errors = [f for f in findings if f.level is Level.ERROR]
        if errors:
            raise PluginError(report(errors))

        ordered = tuple(views.newest_first(list(self.posts.values())))
        per_page = self.config.per_page
        self.pages = views.list_pages(news, len(ordered), per_page)
        self.listings = {}
        generated: list[tuple[str, str, str, _Listing, InclusionLevel]] = []
        pages = tuple(self.pages)
        for n, src_uri in enumerate(pages):
            chunk = ordered[n * per_page : (n + 1) * per_page]
            title = self.config.title if n == 0 else f"{self.config.title} – Seite {n + 1}"
            generated.append(
                (
                    src_uri,
                    title,
                    "Meldungen und Pressemitteilungen der Verwaltung, die neuesten zuerst.",
                    _Listing(chunk, pages),
                    InclusionLevel.UNDEFINED if n == 0 else InclusionLevel.NOT_IN_NAV,
                )
            )
        for year, count in views.years(ordered):
            of_year = tuple(p for p in ordered if p.day.year == year)
            year_pages = tuple(views.year_pages(news, year, count, per_page))
            for n, src_uri in enumerate(year_pages):
                title = f"{self.config.title}: Meldungen aus {year}"
                generated.append(
                    (
                        src_uri,
                        title if n == 0 else f"{title} – Seite {n + 1}",
                        f"Alle Meldungen der Verwaltung aus dem Jahr {year}.",
                        _Listing(
                            of_year[n * per_page : (n + 1) * per_page], year_pages, year, count
                        ),
                        InclusionLevel.NOT_IN_NAV,
                    )
                )
        for src_uri, title, description, listing, inclusion in generated:
            if generated_page(config, files, src_uri, title, description, inclusion):
                self.listings[src_uri] = listing

        if self.config.feed:
            self._add_feed(files, config, ordered)
        log.info(f"{len(ordered)} Meldungen, {len(self.pages)} Übersichtsseiten")
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None:
            return markdown
        src_uri = page.file.src_uri
        url = self._relative(page, files)
        unit_url = self._unit_url(config, files, page)
        post = self.posts.get(src_uri)
        if post is not None:
            view = views.post_view(self.site, post, url, unit_url)
            head = self.renderer.render("meldung-kopf", post=view, level=2)
            foot = self.renderer.render("meldung-fuss", overview_url=url(self.pages[0]))
            return _after_title(markdown, head) + "\n\n" + foot + "\n"
        if "rathaus/aktuelles" in markdown:
            markdown = self._render_directives(markdown, page, url, unit_url)
        listing = self.listings.get(src_uri)
        if listing is None:
            return markdown
        all_posts = list(self.posts.values())
        feed = f"{self.config.news_dir.strip('/')}/feed.xml"
        html = self.renderer.render(
            "aktuelles",
            posts=[views.post_view(self.site, p, url, unit_url) for p in listing.posts],
            level=2,
            pager=pager(listing.pages, url, src_uri, "Seiten der Meldungen"),
            years=views.year_links(
                self.config.news_dir.strip("/"), all_posts, url, listing.year, src_uri
            ),
            feed_url=url(feed) if files.get_file_from_path(feed) is not None else "",
            intro=(
                f"Alle {listing.year_count} Meldungen aus dem Jahr {listing.year}, "
                "die neuesten zuerst."
                if listing.year
                else "Meldungen und Pressemitteilungen der Verwaltung, die neuesten zuerst."
            ),
        )
        return markdown + "\n" + html + "\n"

    def _render_directives(
        self, markdown: str, page: Page, url: views.Url, unit_url: views.UnitUrl
    ) -> str:
        """rathaus/aktuelles { anzahl: 3 }: the latest posts, e.g. on the start page."""
        site = self.site
        assert site is not None
        newest = views.newest_first(list(self.posts.values()))

        def latest(directive: Directive) -> str:
            count = int(directive.args.get("anzahl", "3"))
            return self.renderer.render(
                "neueste-meldungen",
                posts=[views.post_view(site, p, url, unit_url) for p in newest[:count]],
                all_url=url(self.pages[0]),
                level=directive.level,
            )

        return render_directives(page.file.src_uri, markdown, {"aktuelles": latest})

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Headings in raw HTML are invisible to Markdown's toc; the page outline needs them.
        src_uri = page.file.src_uri
        if self.config.enabled and (src_uri in self.listings or src_uri in self.posts):
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            server.watch(str(site_root(config) / self.config.data_dir))
        return server

    # -- helpers ---------------------------------------------------------------------------

    def _add_feed(self, files: Files, config: MkDocsConfig, ordered: tuple[Post, ...]) -> None:
        assert self.site is not None
        site_url = config.site_url or ""
        if not site_url:
            log.warning(
                "rathaus/aktuelles: kein Feed – in mkdocs.yml fehlt site_url, ein Feed braucht "
                "vollständige Adressen"
            )
            return
        news = self.config.news_dir.strip("/")

        def absolute(file: File) -> str:
            return site_url + file.url

        feed_src = f"{news}/feed.xml"
        index = files.get_file_from_path(self.pages[0])
        text = views.atom_feed(
            self.site,
            ordered[: self.config.feed_entries],
            title=f"{self.site.stadt.name}: {self.config.title}",
            feed_url=site_url + feed_src,
            index_url=absolute(index) if index is not None else site_url,
            absolute=self._page_url(absolute, files),
            unit_url=self._unit_url(config, files, None),
        )
        files.append(
            File.generated(config, feed_src, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
        )

    def _page_url(self, to_url: Callable[[File], str], files: Files) -> views.Url:
        def url(src_uri: str) -> str:
            file = files.get_file_from_path(src_uri)
            if file is None:
                raise PluginError(f"rathaus/aktuelles: no page {src_uri}")
            return to_url(file)

        return url

    def _relative(self, page: Page, files: Files) -> views.Url:
        return self._page_url(lambda file: get_relative_url(file.url, page.url), files)

    def _unit_url(self, config: MkDocsConfig, files: Files, page: Page | None) -> views.UnitUrl:
        """Links to unit pages: relative to ``page``, absolute without one (the feed)."""
        assert self.site is not None
        plan, site_url = plan_of(config, self.site), config.site_url or ""

        def url(unit_id: str) -> str:
            return record_url(plan, "einheit", unit_id, files, page, site_url)

        return url


def _after_title(markdown: str, html: str) -> str:
    """Insert ``html`` after the first level-1 heading (outside code fences)."""
    lines = markdown.split("\n")
    for index, line in outside_fences(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", html, "", *lines[index + 1 :]])
    return html + "\n\n" + markdown
