"""Settings of the preview (``mkdocs serve``), ``vorschau`` in the ``rathaus`` block."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class VorschauConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Show an edit at once in the pages open in the browser, before the whole site is
    rebuilt (off: every change waits for the whole rebuild, as plain MkDocs does)."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data: an edit there is shown at once, too."""

    seiten = opt.Type(int, default=5)
    """How many of the pages last opened in the browser are rebuilt at once."""
