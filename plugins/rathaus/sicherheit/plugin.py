"""MkDocs adapter of the Content-Security-Policy: one policy, script hashes per page.

The policy lives in this plugin's ``csp`` option. Every built HTML page (``on_post_page``;
``404.html`` through ``on_post_template``) gets ``<meta http-equiv="Content-Security-Policy">``
right after ``<meta charset>``, with the SHA-256 hashes of exactly the inline scripts the
page contains – Material's palette and scope scripts differ per page depth. A page that would
break its own policy (inline event handlers, ``javascript:`` addresses, inline styles) fails
the build. ``mkdocs serve`` gets no policy: its live-reload script is injected per request.
"""

from __future__ import annotations

from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from ..csp import policy_text, with_policy
from .config import SicherheitConfig, extended

log = get_plugin_logger(__name__)


class SicherheitPlugin(BasePlugin[SicherheitConfig]):
    """Adds and verifies the Content-Security-Policy of every page."""

    def __init__(self) -> None:
        self.serving = False
        self.pages = 0
        self.hashes: set[str] = set()
        self.policy: dict[str, list[str]] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.pages = 0
        self.hashes = set()
        self.policy = extended(self.config.csp, self.config.csp_extra)
        return config

    # Last: the policy must cover the page exactly as other plugins left it.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        return self._apply(output, page.file.src_uri)

    @event_priority(-100)
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if not template_name.endswith(".html"):
            return output_content
        return self._apply(output_content, template_name)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and not self.serving:
            log.info(
                f"Sicherheit: Content-Security-Policy in {self.pages} Seiten, "
                f"{len(self.hashes)} verschiedene Inline-Skripte per Hash erlaubt"
            )

    def _apply(self, html: str, where: str) -> str:
        if not self.config.enabled or self.serving:
            return html
        result, found = with_policy(html, self.policy)
        for violation in found.violations:
            log.warning(f"{where}: verletzt die Content-Security-Policy: {violation}")
        if found.has_policy:
            log.warning(f"{where}: hat schon eine Content-Security-Policy – entfernen Sie sie")
        elif found.insert_at is None:
            log.warning(f"{where}: kein <head>, die Content-Security-Policy fehlt")
        else:
            self.pages += 1
            self.hashes.update(policy_text({"script-src": []}, found.scripts).split()[1:])
        return result
