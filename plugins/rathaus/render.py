"""Render HTML fragments with autoescaping; a town overrides them in its custom_dir.

MkDocs' own theme environment has autoescape off, so fragments get their own
environment that shares the theme's loader (overrides first) and falls back to the
fragments shipped with this package.
"""

from __future__ import annotations

from html import escape
from typing import Any

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    PackageLoader,
    StrictUndefined,
)
from jinja2.bccache import Bucket
from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser

from . import german, texte
from .escaping import json_ld, plain_text


def _jsonld(data: Any) -> Markup:
    return Markup(json_ld(data))


def _printable(value: Any) -> Any:
    # Autoescape does not remove NUL or other controls; every value a fragment prints passes
    # here first, so no data field can put one into a page.
    if isinstance(value, Markup):
        return Markup(plain_text(value))
    return plain_text(value) if isinstance(value, str) else value


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates for the life of the process.

    ``mkdocs serve`` loads the configuration again for every rebuild, so the theme and each
    plugin's fragment renderer get new Jinja environments that would compile every template
    again. Jinja keys a bucket by template name and file and checks the source's checksum
    on load, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


BYTECODE_CACHE = MemoryBytecodeCache()


class FragmentRenderer:
    def __init__(self, theme_loader: BaseLoader | None = None) -> None:
        loaders: list[BaseLoader] = [PackageLoader("rathaus", "templates")]
        if theme_loader is not None:
            loaders.insert(0, theme_loader)
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            bytecode_cache=BYTECODE_CACHE,
            finalize=_printable,
        )
        self.env.filters["jsonld"] = _jsonld
        # German presentation (rathaus.german) for fragments a town writes or overrides.
        for name in ("datum", "datum_lang", "datum_kurz", "uhrzeit", "uhr_leicht", "dauer"):
            self.env.filters[name] = getattr(german, name)
        self.env.filters["dateigroesse"] = german.dateigroesse
        # _() in the language of the page being built (rathaus.texte).
        texte.install(self.env)

    def render(self, name: str, **context: Any) -> str:
        """Render ``fragments/rathaus/<name>.html``; the result is safe HTML."""
        html = self.env.get_template(f"fragments/rathaus/{name}.html").render(**context)
        # Python-Markdown ends a raw HTML block at a blank line followed by text; keep
        # the fragment one block by dropping blank lines (whitespace only, no content).
        return "\n".join(line for line in html.splitlines() if line.strip())

    def render_document(self, template: str, /, **context: Any) -> str:
        """Render ``documents/rathaus/<template>.html``: a whole HTML file outside the theme
        (e.g. the page at a moved record's old address); a town may override it too."""
        return self.env.get_template(f"documents/rathaus/{template}.html").render(**context)


def toc_tokens(html: str) -> list[dict[str, Any]]:
    """Nested table-of-contents tokens (as MkDocs' ``get_toc`` expects) for ``html``."""
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for heading in LexborHTMLParser(html).css("h2, h3, h4, h5, h6"):
        anchor = heading.attributes.get("id")
        if not anchor:
            continue
        level, text = int(str(heading.tag)[1]), " ".join(heading.text(deep=True).split())
        token = {"level": level, "id": anchor, "name": escape(text), "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots
