"""Settings of the cache between builds, ``cache`` in the ``rathaus`` block."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class CacheConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Keep the HTML of each page's Markdown between builds and reuse it while the page, the
    site's files it links to, the Markdown settings and Rathaus stay the same."""

    dir = opt.Type(str, default=".cache/rathaus")
    """The cache folder, relative to mkdocs.yml; safe to delete. Pipelines keep it between
    runs (GitHub ``actions/cache``, GitLab ``cache:``)."""

    trusted_extensions = opt.ListOfItems(opt.Type(str), default=[])
    """Markdown extensions besides Python-Markdown's, PyMdown's, Material's and Rathaus' own
    whose result depends only on a page's text (others turn the cache off: they may read
    files, e.g. ``pymdownx.snippets``)."""
