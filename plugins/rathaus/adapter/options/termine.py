"""Settings of the ``rathaus/termine`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

from rathaus.plan import Layout

LAYOUT = Layout()


class TermineConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Generate the events pages and calendar files."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data, relative to mkdocs.yml."""

    events_dir = opt.Type(str, default=LAYOUT.events_dir)
    """Folder (in the site) for the events overview, one page and one .ics per event."""

    per_page = opt.Type(int, default=20)
    """Events per page of the list: upcoming ones (soonest first), then past ones (newest
    first); more continue on ``seite-2`` …"""

    feed_name = opt.Type(str, default=LAYOUT.feed_name)
    """File name (inside ``events_dir``) of the calendar of all upcoming events."""

    units_dir = opt.Type(str, default=LAYOUT.units_dir)
    """Where the directory plugin puts one page per unit (for the organiser link)."""

    locations_page = opt.Type(str, default=LAYOUT.locations_page)
    """Source path of the directory plugin's locations page (for the venue link)."""
