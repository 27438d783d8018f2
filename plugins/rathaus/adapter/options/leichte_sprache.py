"""Settings of the ``rathaus/leichte-sprache`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

from rathaus.leichte_sprache.checks import DEFAULT_EXEMPT


class LeichteSpracheConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Publish pages in Leichte Sprache, check them, and link every page to its counterpart."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data, relative to mkdocs.yml."""

    ohne_gegenstueck = opt.Type(list, default=DEFAULT_EXEMPT)
    """Pages that need no counterpart (path prefixes in content/), e.g. the editor handbook, or
    a page written only in Leichte Sprache (``leichte-sprache/…``)."""

    vollstaendig = opt.Type(bool, default=False)
    """Every page should have a version in Leichte Sprache: a page without one is a warning
    (else an information line of the build)."""

    pruefung = opt.Type(dict, default={})
    """Rule levels and thresholds of the linter (see README "Leichte Sprache")."""
