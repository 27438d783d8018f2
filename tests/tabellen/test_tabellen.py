"""Aligned Markdown table columns keep their alignment without inline styles (CSP)."""

from __future__ import annotations

import markdown
from selectolax.lexbor import LexborHTMLParser


def test_alignment_becomes_a_class() -> None:
    html = markdown.markdown(
        "| Amt | Zimmer | Telefon |\n|:--|:-:|--:|\n| Sozialamt | 12 | 100 |\n| x | y | z |",
        extensions=["tables", "attr_list", "rathaus.tabellen"],
    )
    page = LexborHTMLParser(html)
    assert page.css("[style]") == []
    assert [c.attributes["class"] for c in page.css("thead th")] == [
        "rathaus-links",
        "rathaus-mitte",
        "rathaus-rechts",
    ]
    assert [c.attributes["class"] for c in page.css("tbody tr:first-child td")] == [
        "rathaus-links",
        "rathaus-mitte",
        "rathaus-rechts",
    ]


def test_unaligned_columns_stay_plain() -> None:
    html = markdown.markdown(
        "| A | B |\n|---|---|\n| 1 | 2 |", extensions=["tables", "rathaus.tabellen"]
    )
    page = LexborHTMLParser(html)
    assert all("class" not in c.attributes for c in page.css("th, td"))
