"""MkDocs adapter of the editor handbook: the field reference page, generated at every build."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from rathaus.adapter import renderer
from rathaus.adapter.options.handbuch import HandbuchConfig
from rathaus.handbuch.felder import reference
from rathaus.render import toc_tokens

log = get_plugin_logger(__name__)


class HandbuchPlugin(BasePlugin[HandbuchConfig]):
    """Adds ``handbuch/felder.md``: every field of every data file, from the data model."""

    def __init__(self) -> None:
        self.generated = False

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        self.generated = False
        if not self.config.enabled or files.get_file_from_path(self.config.page) is not None:
            return files
        data_files = reference()
        html = renderer(config).render("felder", files=data_files, level=2)
        content = (
            '---\ndescription: "Alle Felder der Datendateien in data/ mit Bedeutung und '
            'Beispiel, erzeugt aus dem Datenmodell."\n---\n\n# Alle Felder der Datendateien\n\n'
            + html
            + "\n"
        )
        files.append(File.generated(config, self.config.page, content=content))
        self.generated = True
        count = sum(len(f.fields) for f in data_files)
        log.info(f"Handbuch: Feldreferenz mit {count} Feldern in {len(data_files)} Dateien")
        return files

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Headings of the reference live in raw HTML, which Markdown's toc cannot see.
        if self.generated and page.file.src_uri == self.config.page:
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html
