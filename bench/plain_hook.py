"""MkDocs hook of the plain-Material variant (b): the theme's page lookup, without Rathaus.

The theme ``rathaus`` links its footer and header entries to pages by source path. With
Rathaus, ``rathaus/pruefung`` hands it ``rathaus_seiten``; without, the theme falls back to
scanning every page for each link on every page – quadratic, so (b) would pay a cost plain
Material does not have, and the overhead ratio would flatter Rathaus more with every N.
This hook gives (b) the same lookup; it loads nothing of the ``rathaus`` package.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.structure.files import Files


def on_env(env: Environment, files: Files, **kwargs: Any) -> Environment:
    env.globals["rathaus_seiten"] = {f.src_uri: f for f in files.documentation_pages()}
    return env
