"""MkDocs adapter of the Content-Security-Policy: one policy, script hashes per page.

The policy lives in this plugin's ``csp`` option. Every built HTML page (``on_post_page``;
``404.html`` through ``on_post_template``) gets ``<meta http-equiv="Content-Security-Policy">``
right after ``<meta charset>``, with the SHA-256 hashes of the inline scripts the theme's
templates wrote on that page (``skripte``: marked with a random per-build token) – Material's
palette and scope scripts differ per page depth. Any other script (from content, or data that
reached HTML unescaped) is not hashed, so the browser would block it, and fails the build. A
page that would break its own policy (inline event handlers, ``javascript:`` addresses, inline
styles) fails the build too. ``mkdocs serve`` gets no policy: its live-reload script is
injected per request.

Titles are made text for the theme on every page, with or without the policy (``titel``).
"""

from __future__ import annotations

import secrets
from typing import Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from rathaus.adapter.options.sicherheit import SicherheitConfig, extended
from rathaus.adapter.titel import plain_title, with_heading
from rathaus.csp import PageScan, policy_text, scan, with_policy
from rathaus.sicherheit.skripte import mark_theme

log = get_plugin_logger(__name__)


class SicherheitPlugin(BasePlugin[SicherheitConfig]):
    """Adds and verifies the Content-Security-Policy of every page."""

    def __init__(self) -> None:
        self.serving = False
        self.pages = 0
        self.hashes: set[str] = set()
        self.policy: dict[str, list[str]] = {}
        self.token = ""
        self.foreign: list[str] = []

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.pages = 0
        self.hashes = set()
        self.foreign = []
        self.policy = extended(self.config.csp, self.config.csp_extra)
        return config

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.config.enabled and not self.serving:
            # Never derived from content or time: whatever a page carries cannot guess it.
            self.token = secrets.token_hex(16)
            mark_theme(env, self.token)
        return env

    # First, where Markdown's own <h1> would be: inside wrappers other plugins add around the
    # content (Leichte Sprache) and before they build a table of contents from it.
    @event_priority(100)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        html = with_heading(html, page, config.site_name)
        page.title = plain_title(page)
        return html

    # Last: the policy must cover the page exactly as other plugins left it.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        return self._apply(output, page.file.src_uri, page.content or "")

    @event_priority(-100)
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if not template_name.endswith(".html"):
            return output_content
        return self._apply(output_content, template_name, "")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.serving:
            return
        log.info(
            f"Sicherheit: Content-Security-Policy in {self.pages} Seiten, "
            f"{len(self.hashes)} verschiedene Inline-Skripte per Hash erlaubt"
        )
        if self.foreign:
            raise PluginError(
                "Skripte, die nicht vom Theme stammen, sind nicht erlaubt:\n"
                + "\n".join(self.foreign)
            )

    def _apply(self, html: str, where: str, content: str) -> str:
        if not self.config.enabled or self.serving:
            return html
        result, found = with_policy(html, self.policy, self.token)
        self._report_foreign(found, where, content)
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

    def _report_foreign(self, found: PageScan, where: str, content: str) -> None:
        if not found.foreign:
            return
        # The page's rendered Markdown alone: a script there came from its source file.
        if scan(content).foreign:
            cause = (
                "die Quelldatei der Seite enthält ein Skript – entfernen Sie das "
                "<script>-Element (die Inhaltsprüfung nennt die Zeile)"
            )
        else:
            cause = (
                "ein Wert aus den Daten, dem Kopf einer Seite oder mkdocs.yml wurde als HTML "
                "ausgegeben – melden Sie das bitte als Fehler von Rathaus"
            )
        for script in found.foreign:
            message = f"{where}: Skript {script}: {cause}"
            log.error(message)
            self.foreign.append(message)
