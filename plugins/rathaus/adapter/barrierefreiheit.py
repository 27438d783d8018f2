"""MkDocs adapter of the accessibility statement (BITV 2.0 § 7, EU 2018/1523)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from rathaus import paragraf4
from rathaus.adapter import load_or_fail, project_of, renderer, resolve_link
from rathaus.adapter.options.barrierefreiheit import BarrierefreiheitConfig
from rathaus.checks import leichte_sprache_pruefstand, statement_findings
from rathaus.german import datum
from rathaus.model import Site
from rathaus.model.hours import build_date
from rathaus.render import FragmentRenderer, toc_tokens

log = get_plugin_logger(__name__)


class BarrierefreiheitPlugin(BasePlugin[BarrierefreiheitConfig]):
    """Writes the statement page from ``data/barrierefreiheit.yml``."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.renderer = FragmentRenderer()
        self.generated = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.site = load_or_fail(config, self.config.data_dir)
        if self.site.erklaerung is None:
            raise PluginError(
                f"{self.config.data_dir}/barrierefreiheit.yml fehlt – die Erklärung zur "
                "Barrierefreiheit ist Pflicht (BITV 2.0 § 7); legen Sie die Datei an"
            )
        # A stale statement fails `--strict` builds but keeps `mkdocs serve` running.
        for finding in statement_findings(self.site, build_date()):
            log.warning(finding.format())
        self.renderer = renderer(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.generated = False
        if not self.config.enabled or files.get_file_from_path(self.config.page) is not None:
            return files
        content = (
            '---\ndescription: "Wie barrierefrei diese Website ist, welche Barrieren es gibt '
            'und wie Sie uns eine Barriere melden."\n---\n\n# Erklärung zur Barrierefreiheit\n'
        )
        files.append(File.generated(config, self.config.page, content=content))
        self.generated = True
        if self.site is not None and self.site.erklaerung is not None:
            reviewed = self.site.erklaerung.zuletzt_ueberprueft_am
            log.info("Barrierefreiheit: Erklärung erzeugt, zuletzt überprüft am " + datum(reviewed))
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self._is_statement(page) or self.site is None or self.site.erklaerung is None:
            return markdown
        statement = self.site.erklaerung
        topics = paragraf4.topics_of(project_of(config))
        missing = paragraf4.statement_barrier(topics, statement.gebaerdensprache_geplant_bis)
        if topics is not None and missing is not None:
            statement = statement.model_copy(update={"barrieren": (*statement.barrieren, missing)})
        where = f"{self.config.data_dir}/barrierefreiheit.yml"
        contact_url = resolve_link(statement.feedback.kontaktseite, page, files, where)
        report_url = (
            resolve_link(statement.pruefbericht, page, files, where)
            if statement.pruefbericht
            else None
        )
        html = self.renderer.render(
            "erklaerung",
            statement=statement,
            contact_url=contact_url,
            report_url=report_url,
            authority_url=resolve_link(statement.durchsetzung.webseite, page, files, where),
            created=datum(statement.erstellt_am),
            reviewed=datum(statement.zuletzt_ueberprueft_am),
            leichte_sprache=leichte_sprache_pruefstand(
                project_of(config), [file.src_uri for file in files.documentation_pages()]
            ),
        )
        return markdown + "\n" + html + "\n"

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self._is_statement(page):
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html

    def _is_statement(self, page: Page) -> bool:
        return self.config.enabled and self.generated and page.file.src_uri == self.config.page
