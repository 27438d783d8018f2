"""Markdown extension: column alignment of tables as CSS classes instead of inline styles.

Python-Markdown writes ``style="text-align: right;"`` on aligned table cells, which the
site's Content-Security-Policy (``style-src 'self'``) forbids; the obsolete ``align``
attribute is invalid HTML. A class keeps both the alignment and the policy.
Use it in mkdocs.yml as ``- rathaus.tabellen`` after ``tables``.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALIGN_CLASSES = {
    "text-align: left;": "rathaus-links",
    "text-align: center;": "rathaus-mitte",
    "text-align: right;": "rathaus-rechts",
}


class _AlignmentToClass(Treeprocessor):
    def run(self, root: Element) -> None:
        for cell in root.iter():
            if cell.tag not in {"th", "td"}:
                continue
            css = ALIGN_CLASSES.get(cell.get("style", ""))
            if css is None:
                continue
            del cell.attrib["style"]
            cell.set("class", f"{cell.get('class', '')} {css}".strip())


class TableAlignmentExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # After the table block processor built the cells; before attr_list and toc.
        md.treeprocessors.register(_AlignmentToClass(md), "rathaus_tabellen", 30)


def makeExtension(**kwargs: object) -> TableAlignmentExtension:  # noqa: N802
    return TableAlignmentExtension(**kwargs)
