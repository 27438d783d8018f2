"""Settings of the ``rathaus/handbuch`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class HandbuchConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Generate the field reference page of the editor handbook."""

    page = opt.Type(str, default="handbuch/felder.md")
    """Source path of the generated field reference (an editor's page there wins)."""
