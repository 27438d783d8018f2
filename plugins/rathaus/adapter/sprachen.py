"""MkDocs adapter of the pages in other languages (``sprachen`` in the ``rathaus`` block).

A translated page is an editor's Markdown file in the language's folder
(``content/en/kontakt.md``); this adapter gives every page its language (``<html lang>``,
``dir``, the theme's texts through :mod:`rathaus.texte`), each language its own navigation,
every page the language picker and the ``hreflang`` alternates of its translations, and a
translation a notice when its German page changed since or a machine made it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from rathaus import sprachen, texte
from rathaus.adapter import project_of, renderer, site_root
from rathaus.adapter.options.sprachen import SprachenConfig
from rathaus.adapter.varianten import mirror_navigation
from rathaus.checks import read_pages
from rathaus.model import Level
from rathaus.render import FragmentRenderer

log = get_plugin_logger(__name__)


class SprachenPlugin(BasePlugin[SprachenConfig]):
    """Pages in the languages a town offers, beside the German ones."""

    def __init__(self) -> None:
        self.languages: dict[str, texte.Seitensprache] = {}
        self.renderer = FragmentRenderer()
        self.files: Files | None = None
        self.translations: dict[str, dict[str, str]] = {}
        """German page → its translation, per language."""
        self.navs: dict[str, Navigation] = {}
        self.stand: dict[str, sprachen.Stand] = {}

    # -- configuration ----------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.languages = {}
        if not self.config.enabled:
            return config
        folders = [site_root(config) / self.config.texte_dir]
        for code in self.config.angeboten:
            _check_catalogue(_code(code), folders)
        # Loaded as every other feature loads them.
        self.languages = texte.angeboten(site_root(config), dict(self.config))
        self.renderer = renderer(config)
        return config

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        if self.languages:
            texte.install(env)
        return env

    def _language(self, src_uri: str) -> texte.Seitensprache:
        code = sprachen.folder_of(src_uri, self.languages)
        return self.languages[code] if code else texte.GERMAN

    # -- pages and navigation ---------------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.languages:
            return files
        for file in files.documentation_pages():
            if sprachen.folder_of(file.src_uri, self.languages):
                # Each language has its own navigation (on_nav), like Leichte Sprache.
                file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    # After every plugin added its pages (they may be translated too).
    @event_priority(-50)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.languages:
            return nav
        self.files = files
        self.translations = {code: {} for code in self.languages}
        for file in files.documentation_pages():
            code = sprachen.folder_of(file.src_uri, self.languages)
            if code is None:
                continue
            german = sprachen.source_of(file.src_uri, code)
            if files.get_file_from_path(german) is not None:
                self.translations[code][german] = file.src_uri
        self.navs = {
            code: mirror_navigation(
                nav,
                files,
                self.translations[code],
                f"{code}/index.md",
                functools.partial(_in_folder, code),
                # The town's section titles are German: a language's few pages in one list.
                sections=False,
            )
            for code in self.languages
        }
        project = project_of(config)
        pages = read_pages(project.root, project.docs_dir)
        self.stand = {}
        for src_uri, page in pages.items():
            code = sprachen.folder_of(src_uri, self.languages)
            if code is not None:
                source = pages.get(sprachen.source_of(src_uri, code))
                self.stand[src_uri] = sprachen.stand(page, source)
        # `rathaus check` reports the same (rathaus.checks); the build says it once more so
        # that an editor who only previews sees it too.
        for finding in sprachen.translation_findings(pages, list(self.languages)):
            if finding.level is Level.INFO:
                log.info(finding.format())
            else:
                log.warning(finding.format())
        counts = ", ".join(
            f"{language.sprache.deutsch} {len(self.translations[code])}"
            for code, language in self.languages.items()
        )
        log.info(f"Sprachen: übersetzte Seiten – {counts}")
        return nav

    # -- rendering --------------------------------------------------------------------------

    @event_priority(100)
    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page | None:
        if self.languages:
            texte.AKTUELL.set(self._language(page.file.src_uri))
        return page

    @event_priority(-100)
    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.languages:
            return html
        state = self.stand.get(page.file.src_uri)
        code = sprachen.folder_of(page.file.src_uri, self.languages)
        texte.AKTUELL.set(None)
        if state is None or code is None or not (state.veraltet or state.maschinell):
            return html
        german = files.get_file_from_path(sprachen.source_of(page.file.src_uri, code))
        with texte.in_sprache(self.languages[code]):
            notice = self.renderer.render(
                "uebersetzung-hinweis",
                veraltet=state.veraltet,
                maschinell=state.maschinell,
                deutsch_url=german.url_relative_to(page.file) if german else None,
            )
        # Right under the page's heading: the first thing read after the title.
        head, found, rest = html.partition("</h1>")
        return head + found + "\n" + notice + "\n" + rest if found else notice + "\n" + html

    @event_priority(100)
    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.languages or self.files is None:
            return context
        language = self._language(page.file.src_uri)
        texte.AKTUELL.set(language)
        versions = self._versions(page.file.src_uri)
        values: dict[str, Any] = {
            "rathaus_sprache": _described(language.sprache),
            "rathaus_sprachen": self._picker(language, versions),
            "rathaus_alternativen": self._alternates(versions),
        }
        context.update(values)  # type: ignore[typeddict-item]
        code = sprachen.folder_of(page.file.src_uri, self.languages)
        if code is not None:
            context["nav"] = self.navs[code]
            # The footer's links lead to this language's pages where they exist.
            translated = {
                german: self.files.get_file_from_path(path)
                for german, path in self.translations[code].items()
            }
            # A marker even when nothing is translated: the footer then marks German links.
            context["rathaus_in_sprache"] = translated or {"": None}  # type: ignore[typeddict-unknown-key]
        return context

    def on_template_context(
        self, context: TemplateContext, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        # One error page for every address: it says so in every language too.
        if not self.languages or template_name != "404.html" or self.files is None:
            return context
        entries = []
        for code, language in self.languages.items():
            start = self.files.get_file_from_path(f"{code}/index.md")
            if start is None:
                continue
            with texte.in_sprache(language):
                entries.append(
                    {
                        **_described(language.sprache),
                        "url": start.url,
                        "titel": texte.gettext("Seite nicht gefunden"),
                        "text": texte.gettext("Startseite in dieser Sprache"),
                    }
                )
        context["rathaus_fehlerseite"] = entries  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        texte.AKTUELL.set(None)
        return output

    def _versions(self, src_uri: str) -> dict[str, str]:
        """Every existing version of ``src_uri`` (itself too) by language code."""
        code = sprachen.folder_of(src_uri, self.languages)
        german = sprachen.source_of(src_uri, code) if code else src_uri
        assert self.files is not None
        versions = {}
        if self.files.get_file_from_path(german) is not None:
            versions[texte.DEUTSCH.code] = german
        for other, pages in self.translations.items():
            if german in pages:
                versions[other] = pages[german]
        versions.setdefault(code or texte.DEUTSCH.code, src_uri)  # a page in one language
        return versions

    def _picker(
        self, current: texte.Seitensprache, versions: dict[str, str]
    ) -> list[dict[str, Any]]:
        """Every language in its own name: this page in it, or else its start page."""
        assert self.files is not None
        entries = []
        for language in (texte.GERMAN, *self.languages.values()):
            code = language.sprache.code
            target = versions.get(code)
            start = "index.md" if code == texte.DEUTSCH.code else f"{code}/index.md"
            file = self.files.get_file_from_path(target or start)
            if file is None:
                continue
            with texte.in_sprache(language):
                note = (
                    ""
                    if target
                    else "Startseite auf Deutsch"
                    if code == texte.DEUTSCH.code
                    else texte.gettext("Startseite in dieser Sprache")
                )
            entries.append(
                {
                    **_described(language.sprache),
                    "url": file.url,
                    "aktuell": code == current.sprache.code,
                    "hinweis": note,
                }
            )
        return entries if len(entries) > 1 else []

    def _alternates(self, versions: dict[str, str]) -> list[dict[str, str]]:
        """``hreflang`` links: every version of the page, itself included, and the German
        one as ``x-default``; none for a page that exists in one language only."""
        assert self.files is not None
        if len(versions) < 2:
            return []
        links = []
        for code, path in versions.items():
            file = self.files.get_file_from_path(path)
            if file is not None:
                links.append({"hreflang": code, "url": file.url})
        if texte.DEUTSCH.code in versions:
            links.append({"hreflang": "x-default", "url": links[0]["url"]})
        return links


def _in_folder(code: str, src_uri: str) -> bool:
    return sprachen.folder_of(src_uri, (code,)) == code


def _code(value: Any) -> str:
    if not isinstance(value, str) or value not in texte.BEKANNT:
        known = ", ".join(sorted(texte.BEKANNT))
        raise PluginError(
            f"mkdocs.yml, rathaus → sprachen → angeboten: die Sprache „{value}“ kennt Rathaus "
            f"nicht – schreiben Sie das Kürzel einer dieser Sprachen: {known}"
        )
    return value


def _check_catalogue(code: str, folders: list[Path]) -> None:
    if texte.catalog_path(code, folders) is None:
        raise PluginError(
            f"mkdocs.yml, rathaus → sprachen → angeboten: für {texte.BEKANNT[code].deutsch} "
            f"({code}) fehlen die Texte der Oberfläche – legen Sie {folders[0].name}/{code}.po "
            "an (eine Vorlage ist jede Datei in rathaus/texte_po/, README „Sprachen“)"
        )


def _described(sprache: texte.Sprache) -> dict[str, str]:
    return {"code": sprache.code, "name": sprache.name, "richtung": sprache.richtung}
