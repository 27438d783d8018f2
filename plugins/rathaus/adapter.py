"""What every Rathaus MkDocs plugin needs from MkDocs: the site's data and a renderer.

The core (``rathaus.model``) knows nothing of MkDocs; this is the thin shared edge.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .escaping import plain_text
from .model import DataError, Finding, Site, load_site
from .render import FragmentRenderer


def report(findings: list[Finding]) -> str:
    return "Die Daten oder Seiten enthalten Fehler:\n" + "\n".join(f.format() for f in findings)


def site_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def load_or_fail(config: MkDocsConfig, data_dir: str) -> Site:
    """The validated site, or a PluginError listing every problem."""
    try:
        return load_site(site_root(config), data_dir)
    except DataError as exc:
        raise PluginError(report(exc.findings)) from None


def renderer(config: MkDocsConfig) -> FragmentRenderer:
    """Fragments resolve through the theme first, so overrides/fragments/… wins."""
    return FragmentRenderer(config.theme.get_env().loader)


def resolve_link(target: str, page: Page, files: Files, where: str) -> str:
    """An https address as is; a content page (``kontakt.md#anker``) relative to ``page``."""
    if target.startswith("https://"):
        return target
    path, _, anchor = target.partition("#")
    file = files.get_file_from_path(path)
    if file is None:
        raise PluginError(
            f"{where}: die Seite „{path}“ gibt es nicht – tragen Sie den Pfad einer Seite in "
            "content/ ein"
        )
    url = get_relative_url(file.url, page.url)
    return f"{url}#{anchor}" if anchor else url


def pages_by_source(files: Files) -> dict[str, File]:
    """Every documentation page of the build by its path in content/ (``kontakt.md``).

    The theme gets this once per build as ``rathaus_seiten`` (rathaus/pruefung), so a
    template that needs one page's URL looks it up instead of scanning ``pages`` – a scan
    on every page is quadratic in the number of pages (issue 8).
    """
    return {file.src_uri: file for file in files.documentation_pages()}


def generated_page(
    config: MkDocsConfig,
    files: Files,
    src_uri: str,
    title: str,
    description: str,
    inclusion: InclusionLevel = InclusionLevel.NOT_IN_NAV,
) -> File | None:
    """Add the page a plugin fills in later, with ``title`` and ``description`` as data.

    Both are text, not Markdown: they go into the front matter and the theme prints them
    escaped (the heading too: ``rathaus/sicherheit`` puts the title as ``<h1>`` in front of
    a page without one, as Material's ``partials/content.html`` would). ``None``, and nothing
    added, when an editor's page is at ``src_uri``: the editor's page wins."""
    if files.get_file_from_path(src_uri) is not None:
        return None
    # JSON strings are YAML double-quoted scalars: any text is safe in front matter. The theme
    # keeps NUL and other controls (autoescape does not remove them): remove them here.
    title, description = plain_text(title), plain_text(description)
    content = (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
        f"description: {json.dumps(description, ensure_ascii=False)}\n---\n"
    )
    file = File.generated(config, src_uri, content=content, inclusion=inclusion)
    files.append(file)
    return file
