"""Settings of the ``rathaus/barrierefreiheit`` plugin (mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class BarrierefreiheitConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Generate the accessibility statement page and check its review date."""

    data_dir = opt.Type(str, default="data")
    """Folder with the YAML data, relative to mkdocs.yml."""

    page = opt.Type(str, default="barrierefreiheit.md")
    """Source path of the generated statement page."""
