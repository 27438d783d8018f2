"""Settings of the ``rathaus/themen`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

from rathaus.plan import Layout

LAYOUT = Layout()


class ThemenConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Generate the index of topics and services from A to Z."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data, relative to mkdocs.yml."""

    page = opt.Type(str, default=LAYOUT.topics_page)
    """Source path of the generated index page."""

    units_dir = opt.Type(str, default=LAYOUT.units_dir)
    """Folder of the unit pages; the same value as ``units_dir`` of ``rathaus/verzeichnis``."""

    heading_level = opt.Type(int, default=2)
    """Heading level of the letters; entries get the level below."""

    entries_per_part = opt.Type(int, default=50)
    """More entries than this: the index is split into parts by initial letters.

    A service counts 1, a unit topic 0.75, a cross-reference from a synonym 0.2."""
