"""Settings of the ``rathaus/aktuelles`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

from rathaus.plan import Layout

LAYOUT = Layout()


class AktuellesConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Generate news overview pages, yearly archives and the feed."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data, relative to mkdocs.yml."""

    news_dir = opt.Type(str, default="aktuelles")
    """Folder in content/ with one Markdown file per post."""

    units_dir = opt.Type(str, default=LAYOUT.units_dir)
    """Folder of the unit pages; the same value as ``units_dir`` of ``rathaus/verzeichnis``."""

    title = opt.Type(str, default="Aktuelles")
    """Title of the overview page and of the feed."""

    per_page = opt.Type(int, default=10)
    """Posts per overview page; more posts continue on ``seite-2`` …"""

    feed = opt.Type(bool, default=True)
    """Write an Atom feed ``<news_dir>/feed.xml`` (needs ``site_url``)."""

    feed_entries = opt.Type(int, default=20)
    """Number of newest posts in the feed."""
