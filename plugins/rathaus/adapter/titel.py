"""Page titles are text: one representation for the theme, and a heading on every page.

MkDocs 1.6 fills ``page.title`` from, in this order: the title of the page's ``nav`` entry in
``mkdocs.yml``, the front matter ``title``, the first element of the page if it is an ``<h1>``
(``_ExtractTitleTreeprocessor``: the heading's inner HTML with tags stripped and entities
kept, so ``# Bildung & Teilhabe`` gives ``Bildung &amp; Teilhabe``), or the file name. The
first, second and fourth are plain text, the third is HTML. Material prints them all without
escaping – markup in a front matter title or a record's name ran as script.

``plain_title`` turns the HTML form into text once per page, so every template of the Rathaus
theme escapes every title with ``| e`` – never twice (``A &amp;amp; B``), never not at all.
``with_heading`` gives a page without ``<h1>`` its heading, escaped, inside the content where
Material's ``partials/content.html`` would have printed it: the search index is built from the
content and takes a result's title from that heading. The heading is the front
matter title when there is one (a generated page's title, even when its nav entry is shorter),
as Material's ``<title>`` prefers it too. It gets an id as Markdown's heading would have.
"""

from __future__ import annotations

from html import escape, unescape

from markdown.extensions.toc import slugify
from mkdocs.structure.pages import Page


def plain_title(page: Page) -> str | None:
    """``page.title`` as plain text."""
    title = page.title
    if title is None:
        return None
    from_heading = (
        "title" not in vars(page)  # set from the nav entry
        and "title" not in page.meta
        and title == page._title_from_render  # MkDocs keeps its source private
    )
    return unescape(title) if from_heading else str(title)


def with_heading(html: str, page: Page, fallback: str) -> str:
    """``html`` with the page's heading in front when it has no ``<h1>`` of its own."""
    if "<h1" in html:
        return html
    title = str(page.meta.get("title") or plain_title(page) or fallback)
    base = slugify(title, "-") or "titel"
    anchor, n = base, 0
    while f'id="{anchor}"' in html:
        n += 1
        anchor = f"{base}_{n}"
    return f'<h1 id="{anchor}">{escape(title, quote=False)}</h1>\n{html}'
