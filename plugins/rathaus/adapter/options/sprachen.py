"""Settings of the pages in other languages, ``sprachen`` in the ``rathaus`` block."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class SprachenConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Pages in the languages under ``angeboten`` (nothing happens while the list is empty)."""

    angeboten = opt.Type(list, default=[])
    """The languages besides German, as codes: ``[en, tr, ar, uk]``. Their pages are in
    content/<code>/ with the path of the German page they translate."""

    texte_dir = opt.Type(str, default="texte")
    """A town's own catalogues of the theme's texts (``<code>.po``), relative to mkdocs.yml;
    they come before the ones Rathaus ships."""
