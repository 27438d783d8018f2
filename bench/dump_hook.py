"""MkDocs hook for the benchmark's warm-up build: writes each page's final Markdown.

Loaded through ``hooks:`` only in the warm-up build of the Rathaus variant (a). After every
Rathaus plugin has run ``on_page_markdown`` (data views, directives, news headers), the page's
Markdown is what an editor would have to write by hand to get the same page from plain
Material; it becomes the content of variant (b), with the page's title and description.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

_KEEP = ("title", "description")


@event_priority(-100)  # after every plugin that rewrites Markdown
def on_page_markdown(markdown: str, page: Page, **kwargs: Any) -> str:
    target = Path(os.environ["RATHAUS_BENCH_DUMP"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: page.meta[k] for k in _KEEP if k in page.meta}
    front = "---\n" + yaml.safe_dump(meta, allow_unicode=True, width=1000) + "---\n\n"
    target.write_text((front if meta else "") + markdown, encoding="utf-8")
    return markdown
