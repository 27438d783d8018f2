"""Settings of the site's search, ``suche`` in the ``rathaus`` block of mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

from rathaus.plan import Layout

LAYOUT = Layout()


class SucheConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """The search page, the search field in the header and the Pagefind index."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data (the switchboard's phone for „Nicht gefunden?“)."""

    page = opt.Type(str, default=LAYOUT.search_page)
    """Source path of the generated search page."""

    units_dir = opt.Type(str, default=LAYOUT.units_dir)
    """Folder of the unit pages: the search page links their overview."""

    index_beim_vorschauen = opt.Type(bool, default=False)
    """Build the index on every rebuild of `mkdocs serve` too (slow for large sites)."""
