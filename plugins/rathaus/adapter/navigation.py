"""MkDocs adapter: hands the theme the navigation cache (``cache.SubtreeCache``) per build.

The theme's ``partials/nav.html`` and ``partials/nav-item.html`` (generated copies of
Material's, scripts/theme_copies.py) ask ``rathaus_nav_subtree`` for every entry that
does not hold the current page when it is defined, and render everything themselves when it
is not, so the theme also works without this plugin.
"""

from __future__ import annotations

from collections.abc import Iterable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext

from rathaus.adapter.options.navigation import NavigationConfig
from rathaus.navigation.cache import SubtreeCache

log = get_plugin_logger(__name__)


class NavigationPlugin(BasePlugin[NavigationConfig]):
    def __init__(self) -> None:
        self.cache: SubtreeCache | None = None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        # A new cache per build: the nav objects, the files and the templates may all change.
        self.cache = SubtreeCache(compact=self.config.compact) if self.config.enabled else None
        if self.cache is not None:
            env.globals["rathaus_nav_subtree"] = self.cache
        return env

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        # A table of contents beside a short page is docs-site furniture, not help.
        if self.config.enabled and _headings(page.toc) < self.config.toc_min_headings:
            hide = page.meta.get("hide")
            page.meta["hide"] = [*hide, "toc"] if isinstance(hide, list) else ["toc"]
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.cache is not None:
            log.debug(f"navigation subtrees rendered: {self.cache.renders}")


def _headings(links: Iterable[AnchorLink]) -> int:
    return sum(1 + _headings(link.children) for link in links)
