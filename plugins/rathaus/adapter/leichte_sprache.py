"""MkDocs adapter of Leichte Sprache: LS pages in the same build, own navigation, the switch.

Convention: the LS counterpart of ``content/<pfad>.md`` is ``content/leichte-sprache/<pfad>.md``
and is published under ``/leichte-sprache/<pfad>/``. Generated pages (units, people,
locations, hours) get an LS counterpart written from data (``views.py``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from rathaus.adapter import generated_page, load_or_fail, project_of, renderer, site_root
from rathaus.adapter.options.leichte_sprache import LeichteSpracheConfig
from rathaus.adapter.varianten import mirror_navigation
from rathaus.german import datum
from rathaus.leichte_sprache import checks, views, woerterbuch
from rathaus.leichte_sprache.linter import read_switches
from rathaus.leichte_sprache.settings import Einstellungen, settings_from
from rathaus.leichte_sprache.text import hard_line_breaks
from rathaus.model import Finding, Level, Site
from rathaus.model.hours import build_date
from rathaus.render import FragmentRenderer, toc_tokens
from rathaus.texte import N_
from rathaus.uebersichten import Uebersichten

log = get_plugin_logger(__name__)


class LeichteSprachePlugin(BasePlugin[LeichteSpracheConfig]):
    """Pages in Leichte Sprache beside the standard pages, checked by the LS linter."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.root = Path()
        self.settings = Einstellungen()
        self.paths = views.Paths()
        self.renderer = FragmentRenderer()
        self.today: date = build_date()
        self.generated: dict[str, views.LsPage] = {}
        self.all_generated: dict[str, views.LsPage] = {}
        """Every page ``views`` can write (links as plain paths), also those not written."""
        self.counterpart: dict[str, str] = {}
        self.overviews: Uebersichten | None = None
        """The overviews' parts by letters, computed once per build."""
        self.ls_nav: Navigation | None = None
        self._files: Files | None = None

    # -- configuration and files ------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.root = site_root(config)
        settings, problems = settings_from(self.config.pruefung, "mkdocs.yml")
        if problems:
            raise PluginError("\n".join(p.format() for p in problems))
        self.site = load_or_fail(config, self.config.data_dir)
        self.settings = checks.site_settings(settings, self.site)
        # Where the standard pages are, and their parts: the LS overviews are split alike.
        self.paths = views.Paths.of(project_of(config))
        self.renderer = renderer(config)
        self.today = build_date()
        return config

    def _is_ls(self, src_uri: str) -> bool:
        return checks.is_ls_page(src_uri, self.paths.folder)

    # After rathaus/verzeichnis (50): the standard generated pages must exist to get an LS
    # counterpart; before the other plugins, which then see the LS pages.
    @event_priority(40)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.site is None:
            return files
        for file in files.documentation_pages():
            if self._is_ls(file.src_uri):
                # LS pages live in their own navigation (on_nav), never in the standard one.
                file.inclusion = InclusionLevel.NOT_IN_NAV
        self.generated = {}
        self.overviews = self.paths.overviews(self.site)
        pages = views.all_pages(
            self.site, lambda path: path, self.paths, self.today, self.overviews
        )
        self.all_generated = pages
        standard_of = self.paths.generated(self.site, self.overviews)
        for src_uri, page in pages.items():
            standard = standard_of.get(src_uri)  # None: a page only in LS (Wörterbuch)
            if standard is not None and files.get_file_from_path(standard) is None:
                continue  # no standard page (e.g. rathaus/verzeichnis is off)
            if generated_page(config, files, src_uri, page.title, page.description):
                self.generated[src_uri] = page
        return files

    def _pair(self, files: Files) -> None:
        """Standard page ↔ LS page, both ways, for every page that has a counterpart."""
        self.counterpart = {}
        prefix = f"{self.paths.folder}/"
        for file in files.documentation_pages():
            if not self._is_ls(file.src_uri):
                continue
            standard = file.src_uri.removeprefix(prefix)
            if files.get_file_from_path(standard) is not None:
                self.counterpart[file.src_uri] = standard
                self.counterpart[standard] = file.src_uri

    # -- navigation -------------------------------------------------------------------------

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.site is None:
            return nav
        self._files = files
        # Pairs are made here: every plugin has added its generated pages by now.
        self._pair(files)
        self.ls_nav = self._ls_navigation(nav, files)
        self._report(files, config)
        return nav

    def _ls_navigation(self, nav: Navigation, files: Files) -> Navigation:
        """The LS navigation mirrors the standard one (pages written only in Leichte Sprache
        at the end)."""
        standard_to_ls = {k: v for k, v in self.counterpart.items() if not self._is_ls(k)}
        return mirror_navigation(
            nav, files, standard_to_ls, f"{self.paths.folder}/index.md", self._is_ls
        )

    # -- checks -----------------------------------------------------------------------------

    def _report(self, files: Files, config: MkDocsConfig) -> None:
        docs = Path(config.docs_dir)
        content_dir = (
            docs.relative_to(self.root).as_posix() if docs.is_relative_to(self.root) else "content"
        )
        findings: list[Finding] = []
        sources = {}
        for file in files.documentation_pages():
            if self._is_ls(file.src_uri) and not file.generated_by:
                sources[file.src_uri] = file
        from rathaus.checks import read_pages

        pages = read_pages(self.root, content_dir)
        written = {k: v for k, v in pages.items() if k in sources}
        findings.extend(checks.page_findings(written, self.settings, self.paths.folder))
        findings.extend(checks.post_findings(pages, self.settings))
        assert self.site is not None
        findings.extend(
            checks.data_findings(self.root, self.site, self.settings, self.config.data_dir)
        )
        findings.extend(
            checks.generated_findings(
                self.site,
                self.settings,
                self.paths,
                self.today,
                content_dir,
                frozenset(p for p in self.all_generated if p not in self.generated),
                self.all_generated,
            )
        )
        for finding in sorted(findings):
            if finding.level is Level.ERROR:
                log.warning(finding.format())
            else:
                log.info(finding.format())
        # Pairs are structure, not style: their warnings are warnings of the build.
        documents = frozenset(file.src_uri for file in files.documentation_pages())
        exempt = checks.exempt_pages(self.config.ohne_gegenstueck, self.paths)
        pairing = checks.pairing_findings(
            documents,
            sources,
            self.paths.folder,
            content_dir,
            complete=self.config.vollstaendig,
            exempt=exempt,
        )
        for finding in pairing:
            log.warning(finding.format())
        missing = checks.without_twin(documents, self.paths.folder, exempt)
        if not self.config.vollstaendig:
            for src_uri in missing:
                log.info(
                    f"{content_dir}/{src_uri}: LS00 die Seite hat keine Fassung in Leichter "
                    f"Sprache – legen Sie {content_dir}/{self.paths.folder}/{src_uri} an"
                )
        counts = checks.counts_by_level([*findings, *pairing])
        ls_pages = sum(1 for f in files.documentation_pages() if self._is_ls(f.src_uri))
        boxed = [src for src, page in pages.items() if checks.has_ls_box(page.front_matter)]
        covered = checks.abdeckung(documents, self.paths.folder, exempt, boxed)
        log.info(
            f"Leichte Sprache: {ls_pages} Seiten ({len(self.generated)} erzeugt); "
            f"{covered.text()}; Prüfung: "
            f"{counts[Level.ERROR]} Fehler, {counts[Level.WARNING]} Warnungen, "
            f"{counts[Level.INFO]} Hinweise"
        )

    # -- pages ------------------------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or not self._is_ls(page.file.src_uri):
            return markdown
        glossary = self.paths.ls(self.paths.woerterbuch_page)
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:

            def url(target: str) -> str:
                if ":" in target.split("#", 1)[0]:
                    return target
                path, _, anchor = target.partition("#")
                file = files.get_file_from_path(path)
                if file is None:
                    raise PluginError(f"rathaus/leichte-sprache: no page {path!r}")
                relative = get_relative_url(file.url, page.url)
                return f"{relative}#{anchor}" if anchor else relative

            assert self.site is not None
            view = views.page_for(
                self.site, page.file.src_uri, url, self.paths, self.today, self.overviews
            )
            if page.file.src_uri != glossary:
                link = self._glossary_link(lambda entry: url(f"{glossary}#{entry}"))
                view = woerterbuch.explain_page(view, self.site.woerterbuch.values(), link)
            return markdown + "\n" + self.renderer.render("leichte-sprache", page=view) + "\n"
        assert self.site is not None
        folder = posixpath.dirname(page.file.src_uri)
        target = posixpath.relpath(glossary, folder or ".")
        link = self._glossary_link(lambda entry: f"{target}#{entry}")
        return hard_line_breaks(woerterbuch.explain(markdown, self.site.woerterbuch.values(), link))

    def _glossary_link(self, address: Callable[[str], str]) -> woerterbuch.Link | None:
        """Links to the entries of the Wörterbuch page Rathaus writes (``address``: from the
        heading's id); none when a town writes the page itself (its ids are its own)."""
        if self.paths.ls(self.paths.woerterbuch_page) not in self.generated:
            return None
        return lambda entry: address(views.woerterbuch_anchor(entry))

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or not self._is_ls(page.file.src_uri):
            return html
        if page.file.src_uri in self.generated:
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        # Visible review status: "Geprüft von … am …" or "noch nicht geprüft" (item 5).
        reviewed = read_switches(page.file.src_uri, "", page.meta).reviewed
        status = self.renderer.render(
            "leichte-sprache-pruefung",
            geprueft=(
                {"pruefgruppe": reviewed[1], "datum": datum(reviewed[0])}
                if reviewed is not None
                else None
            ),
        )
        # Typography of Leichte Sprache (L22) applies inside this wrapper only.
        return self.renderer.env.get_template(
            "fragments/rathaus/leichte-sprache-rahmen.html"
        ).render(content=Markup(html + "\n" + status))

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.config.enabled:
            return context
        # Namespaced key for the theme's partial partials/rathaus/sprachleiste.html.
        context["rathaus_sprachwahl"] = self._switch(page)  # type: ignore[typeddict-unknown-key]
        if self._is_ls(page.file.src_uri) and self.ls_nav is not None:
            # LS pages show the LS navigation only (and standard pages the standard one).
            context["nav"] = self.ls_nav
        return context

    def on_template_context(
        self, context: TemplateContext, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        # The error page has no counterpart: its switch leads to the LS start page.
        if self.config.enabled and template_name == "404.html" and self._files is not None:
            start = self._files.get_file_from_path(f"{self.paths.folder}/index.md")
            if start is not None:
                context["rathaus_sprachwahl"] = {  # type: ignore[typeddict-unknown-key]
                    "leichte_sprache": False,
                    "url": start.url,
                    "label": N_("Leichte Sprache"),
                    "gegenstueck": False,
                    "beschreibung": N_("Start-Seite in Leichter Sprache"),
                }
        return context

    def _switch(self, page: Page) -> dict[str, Any]:
        """Where the header switch of ``page`` goes, and the alternate link of its <head>."""
        is_ls = self._is_ls(page.file.src_uri)
        other = self.counterpart.get(page.file.src_uri)
        target = other or ("index.md" if is_ls else f"{self.paths.folder}/index.md")
        file = self._files.get_file_from_path(target) if self._files else None
        url = file.url if file is not None else ""
        return {
            "leichte_sprache": is_ls,
            "url": url,
            # Without a counterpart the visible label says where the link goes. The theme
            # prints label and description translated on pages in other languages.
            "label": (
                (N_("Alltags-Sprache") if other else N_("Start-Seite in Alltags-Sprache"))
                if is_ls
                else N_("Leichte Sprache")
            ),
            "gegenstueck": other is not None,
            "beschreibung": (
                N_("Diese Seite in Alltags-Sprache")
                if is_ls and other
                else N_("Start-Seite in Alltags-Sprache")
                if is_ls
                else N_("Diese Seite in Leichter Sprache")
                if other
                else N_("Start-Seite in Leichter Sprache")
            ),
        }
