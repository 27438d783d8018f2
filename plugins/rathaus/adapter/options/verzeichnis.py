"""Settings of the ``rathaus/verzeichnis`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

from rathaus import uebersichten
from rathaus.plan import Layout

LAYOUT = Layout()


class VerzeichnisConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Generate the directory pages; off leaves directives as invisible comments."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data, relative to mkdocs.yml."""

    units_dir = opt.Type(str, default=LAYOUT.units_dir)
    """Folder (in the site) for one page per unit and the units overview."""

    people_page = opt.Type(str, default=LAYOUT.people_page)
    """Source path of the alphabetical directory of contact people."""

    locations_page = opt.Type(str, default=LAYOUT.locations_page)
    """Source path of the locations page."""

    hours_page = opt.Type(str, default=LAYOUT.hours_page)
    """Source path of the opening hours overview."""

    people_per_part = opt.Type(int, default=uebersichten.PEOPLE_PER_PART)
    """More people than this: the directory is split into parts by initial letters."""

    locations_per_part = opt.Type(int, default=uebersichten.LOCATIONS_PER_PART)
    """More locations than this: the locations page is split into parts by initial letters."""

    hours_per_part = opt.Type(int, default=uebersichten.HOURS_PER_PART)
    """More units with hours than this: the hours overview is split by initial letters."""

    units_per_part = opt.Type(int, default=uebersichten.UNITS_PER_PART)
    """More units than this: the units overview is split by initial letters.

    A top-level unit counts with the units assigned to it (they stay on its part)."""
