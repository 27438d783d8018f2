"""What every Rathaus MkDocs plugin needs from MkDocs: the site's data and a renderer.

The core (``rathaus.model``) knows nothing of MkDocs; this is the thin shared edge.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

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
