"""The theme's scripts, marked at their source: only what a template says is trusted.

Every literal ``<script`` in a template's *source* (Material's, the town's overrides) gets the
per-build marker of ``rathaus.csp.marker`` through a loader that wraps the theme's; the script
tags MkDocs' ``script_tag`` filter writes for ``extra_javascript`` are marked the same way.
Data and page content only ever reach a template's output through its variables, never its
source, so nothing they contain can carry the marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jinja2
from markupsafe import Markup

from ..csp import marker

_SCRIPT_TAG = re.compile(r"<script(?=[\s>/])", re.IGNORECASE)


class MarkingLoader(jinja2.BaseLoader):
    """``inner``'s templates with ``marker(token)`` in every ``<script`` start tag."""

    def __init__(self, inner: jinja2.BaseLoader, token: str) -> None:
        self.inner = inner
        self.mark = "<script" + marker(token)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        return _SCRIPT_TAG.sub(self.mark, source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def mark_theme(env: jinja2.Environment, token: str) -> None:
    """Make ``env`` mark every script its templates and ``script_tag`` write."""
    if env.loader is None:
        raise ValueError("the theme's Jinja environment has no loader")
    env.loader = MarkingLoader(env.loader, token)
    script_tag = env.filters["script_tag"]
    mark = "<script" + marker(token)

    @jinja2.pass_context
    def marked_script_tag(context: jinja2.runtime.Context, value: object) -> Markup:
        return Markup(_SCRIPT_TAG.sub(mark, str(script_tag(context, value)), count=1))

    env.filters["script_tag"] = marked_script_tag
