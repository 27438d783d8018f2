"""Settings of the ``rathaus/gremien`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

from rathaus.plan import Layout

LAYOUT = Layout()


class GremienConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Generate the council bodies pages."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data, relative to mkdocs.yml."""

    bodies_dir = opt.Type(str, default=LAYOUT.bodies_dir)
    """Folder (in the site) for the overview and one page per body."""

    recent_papers = opt.Type(int, default=10)
    """How many of the newest papers a body page lists."""

    units_dir = opt.Type(str, default=LAYOUT.units_dir)
    """Where the directory plugin puts one page per unit (office and lead office links)."""

    locations_page = opt.Type(str, default=LAYOUT.locations_page)
    """Source path of the directory plugin's locations page (meeting venue links)."""
