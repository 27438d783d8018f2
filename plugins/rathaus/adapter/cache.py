"""MkDocs adapter of the cache (:mod:`rathaus.cache`): MkDocs' Markdown conversion of a page
is kept between builds.

MkDocs' ``Page.render`` turns the Markdown into HTML and, on the way, resolves the page's
links against the site's files (and warns about broken ones), collects its anchors and its
table of contents. Its result depends on the page's final Markdown (after every plugin's
``on_page_markdown``), the page's own address, the Markdown settings, the link validation
levels – all in the key – and on the files its links name: each lookup is recorded with the
file it found, and a stored result is used only when every lookup finds the same file now. A
conversion that logged anything (a broken link, an extension's warning) is not stored, so a
warning that fails a ``--strict`` build is never skipped. The render is swapped per page in
``on_pre_page``; everything else of MkDocs stays as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from rathaus import cache
from rathaus.adapter import project_of
from rathaus.adapter.options.cache import CacheConfig

log = get_plugin_logger(__name__)

KIND = "seite-html"
"""The cache's name for MkDocs' conversion of a page."""

Found = list[str] | None
"""A file as a link lookup found it: source path, address, inclusion; ``None``: no file."""


class CachePlugin(BasePlugin[CacheConfig]):
    """Reuses MkDocs' conversion of unchanged pages from the last builds."""

    def __init__(self) -> None:
        self.store: cache.Store | None = None
        self.settings: str | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.store = self.settings = None
        if not self.config.enabled:
            return config
        project = project_of(config)
        untrusted = cache.untrusted_of(project)
        if untrusted:
            log.info(
                "Zwischenspeicher aus: die Markdown-Erweiterung(en) "
                f"{', '.join(untrusted)} könnten mehr als den Text einer Seite lesen. Hängt "
                "ihr Ergebnis nur vom Text ab, tragen Sie sie in mkdocs.yml unter "
                "rathaus: cache: trusted_extensions: ein."
            )
            return config
        self.store = cache.for_project(project)
        links = config.validation.links
        self.settings = cache.key(
            KIND,
            list(config.markdown_extensions),
            dict(config.mdx_configs),
            config.use_directory_urls,
            [links.not_found, links.absolute_links, links.unrecognized_links, links.anchors],
        )
        if self.settings is None:
            log.info(
                "Zwischenspeicher für Seiten aus: eine Einstellung der Markdown-Erweiterungen "
                "in mkdocs.yml ist ein Python-Objekt ohne festen Namen (z. B. eine Funktion, "
                "die erst beim Laden entsteht)."
            )
        return config

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page | None:
        if self.store is not None and self.settings is not None:
            # An attribute of the page shadows the method: this page renders through the cache.
            page.render = _cached(page, page.render, self.store, self.settings)  # type: ignore[method-assign,assignment]
        return page

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.store is not None:
            self.store.finish()


def _cached(
    page: Page, render: Callable[[MkDocsConfig, Files], None], store: cache.Store, settings: str
) -> Callable[[MkDocsConfig, Files], None]:
    def cached_render(config: MkDocsConfig, files: Files) -> None:
        assert page.markdown is not None
        entry = cache.key(
            settings,
            page.markdown,
            [page.file.src_uri, page.file.url, page.file.inclusion.name],
            [logging.getLogger(name).getEffectiveLevel() for name in ("mkdocs", "")],
        )
        stored = store.get(KIND, entry) if entry is not None else None
        if stored is not None and _restore(page, stored, files):
            return
        lookups = _Lookups(files)
        with _logged() as records:
            render(config, lookups)  # type: ignore[arg-type]
        if entry is not None and not records and lookups.complete:
            store.put(KIND, entry, _saved(page, lookups.found))

    return cached_render


class _Lookups:
    """The site's files as MkDocs' link resolution sees them, with each lookup recorded."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.found: dict[str, Found] = {}
        self.complete = True

    def get_file_from_path(self, path: str) -> File | None:
        file = self.files.get_file_from_path(path)
        self.found[path] = _found(file)
        return file

    def __getattr__(self, name: str) -> Any:
        self.complete = False  # a use of the files this record does not cover
        return getattr(self.files, name)


def _found(file: File | None) -> Found:
    return None if file is None else [file.src_uri, file.url, file.inclusion.name]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _logged() -> Iterator[list[logging.LogRecord]]:
    """Records logged meanwhile, by MkDocs (its loggers do not propagate) or anyone else."""
    handler = _Collect()
    loggers = [logging.getLogger("mkdocs"), logging.getLogger()]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def _saved(page: Page, found: dict[str, Found]) -> dict[str, Any]:
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": [_anchor_data(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None
        if links is None
        else {file.src_uri: dict(anchors) for file, anchors in links.items()},
        "found": found,
    }


def _restore(page: Page, stored: dict[str, Any], files: Files) -> bool:
    """Set what ``Page.render`` sets from ``stored``; ``False`` when a link now finds another
    file than then (the page must be converted again)."""
    for path, then in stored["found"].items():
        if _found(files.get_file_from_path(path)) != then:
            return False
    links = None
    if stored["links"] is not None:
        links = {}
        for src_uri, anchors in stored["links"].items():
            file = page.file if src_uri == page.file.src_uri else files.get_file_from_path(src_uri)
            if file is None:
                return False
            links[file] = anchors
    page.content = stored["content"]
    page.toc = TableOfContents([_anchor(item) for item in stored["toc"]])
    page._title_from_render = stored["title"]
    page.present_anchor_ids = set(stored["anchors"])
    page.links_to_anchors = links
    return True


def _anchor_data(item: AnchorLink) -> list[Any]:
    return [item.title, item.id, item.level, [_anchor_data(child) for child in item.children]]


def _anchor(data: list[Any]) -> AnchorLink:
    title, anchor_id, level, children = data
    item = AnchorLink(title, anchor_id, level)
    item.children = [_anchor(child) for child in children]
    return item
