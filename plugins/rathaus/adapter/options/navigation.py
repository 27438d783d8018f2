"""Settings of the ``rathaus/navigation`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class NavigationConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Render each part of the navigation that does not hold the current page once per build."""
    compact = opt.Type(bool, default=True)
    """Collapse the indentation of those parts (the same rendering, about half the bytes)."""
    toc_min_headings = opt.Type(int, default=3)
    """A page with fewer headings shows no table of contents beside it (it only repeats them)."""
