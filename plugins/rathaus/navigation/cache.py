"""Navigation subtrees that do not contain the current page, rendered once per build.

Material renders the whole primary navigation for every page (``partials/nav-item.html``
calls itself for every entry), so a build costs pages × entries macro calls: quadratic
without ``navigation.prune``, and still most of the theme's time with it. Only the path to
the current page differs between pages; every other subtree renders the same on every page
except for its links, which MkDocs makes relative to the page. This cache renders such a
subtree once with the template context's ``page`` set to ``None``, which makes MkDocs' ``url``
filter join each link to ``base_url`` instead; ``base_url`` is a marker that each page
replaces by its own ``base_url`` (``../..``; ``/`` on the 404 page). Links then read
``../../a/b/`` where Material would write ``../b/``: the same targets. The current page and
its ancestors are always rendered live, so ``md-nav__item--active``, the open toggles and
``aria-current`` stay exact.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from jinja2.runtime import Context
from jinja2.utils import pass_context
from markupsafe import Markup

_INDENTATION = re.compile(r"[ \t\r\n]{2,}")
_TEMPLATE = "partials/nav-item.html"


class SubtreeCache:
    """Callable from templates: ``rathaus_nav_subtree(item, path, level, parent)``."""

    def __init__(self, *, compact: bool) -> None:
        self.compact = compact
        # Only ever inside the cache; replaced before anything reaches a page.
        self._base = f"rathaus-nav-{secrets.token_hex(8)}"
        self._module: Any = None
        self._rendered: dict[tuple[int, str, int, bool], tuple[object, str]] = {}
        self.renders = 0

    @pass_context
    def __call__(
        self, context: Context, item: Any, path: str, level: int, parent: Any = None
    ) -> Markup:
        key = (id(item), path, level, bool(parent is not None and parent.active))
        cached = self._rendered.get(key)
        if cached is None or cached[0] is not item:
            cached = (item, self._render(context, item, path, level, parent))
            self._rendered[key] = cached
        # The url filter wrote posixpath.join(marker, link): marker + "/" + link.
        base = context["base_url"]
        base = base if base.endswith("/") else base + "/"
        return Markup(cached[1].replace(self._base + "/", base))

    def _render(self, context: Context, item: Any, path: str, level: int, parent: Any) -> str:
        if getattr(item, "active", False):
            raise ValueError(f"{item!r} holds the current page and cannot be cached")
        if self._module is None:
            values = {**context.get_all(), "page": None, "base_url": self._base}
            template = context.environment.get_template(_TEMPLATE)
            self._module = template.make_module(values)
        self.renders += 1
        html = str(self._module.render(item, path, level, parent))
        return _INDENTATION.sub("\n", html) if self.compact else html
