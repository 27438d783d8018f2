"""Settings of the ``rathaus/pruefung`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class PruefungConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Run all checks before the build writes anything; off leaves checking to each plugin."""

    beispieldaten = opt.ListOfItems(opt.Type(str), default=[])
    """Words that mark an example site's content (its town, its placeholder videos): a copy
    of it with a real site_url gets a warning wherever one is left. The demo lists its own;
    the package knows none, only the reserved *.example addresses."""

    progress_every = opt.Type(int, default=200)
    """Log progress every this many pages, for builds with more pages than this."""
