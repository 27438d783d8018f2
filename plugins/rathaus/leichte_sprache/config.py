"""Settings of the ``rathaus/leichte-sprache`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class LeichteSpracheConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Publish pages in Leichte Sprache, check them, and link every page to its counterpart."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data, relative to mkdocs.yml."""

    ohne_gegenstueck = opt.Type(list, default=["handbuch/"])
    """Standard pages that need no LS counterpart (path prefixes), e.g. the editor handbook."""

    pruefung = opt.Type(dict, default={})
    """Rule levels and thresholds of the linter (see README "Leichte Sprache")."""
