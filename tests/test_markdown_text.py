"""Markdown in data text fields: links, emphasis and lists, never raw HTML or script links."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from rathaus.markdown_text import TextLink, page_links, to_html, to_plain

PASTED = """\
Wir beraten *kostenlos* und **vertraulich**.
Termine über das [Kontaktformular](kontakt.md#formular).

- [Merkblatt](https://www.beispielstadt.de/merkblatt.pdf)
- per [E-Mail](mailto:integration@beispielstadt.de)
"""


def _resolve(target: str) -> str:
    return "../../" + target.replace(".md", "/")


def test_links_emphasis_and_lists_are_rendered_with_page_links_resolved() -> None:
    html = LexborHTMLParser(to_html(PASTED, _resolve))
    assert [e.text() for e in html.css("em, strong")] == ["kostenlos", "vertraulich"]
    assert [(a.text(), a.attributes["href"]) for a in html.css("a")] == [
        ("Kontaktformular", "../../kontakt/#formular"),
        ("Merkblatt", "https://www.beispielstadt.de/merkblatt.pdf"),
        ("E-Mail", "mailto:integration@beispielstadt.de"),
    ]
    assert len(html.css("ul > li")) == 2


def test_raw_html_is_text_and_script_links_are_not_links() -> None:
    text = '<script>alert(1)</script> <a href="x">a</a> [klick](javascript:alert(1)) ' + (
        "[bild](data:text/html;base64,PHNjcmlwdD4=)"
    )
    html = LexborHTMLParser(to_html(text, _resolve))
    assert html.css("script, a") == []
    paragraph = html.css_first("p")
    assert paragraph is not None
    assert "<script>alert(1)</script>" in paragraph.text()
    assert "[klick](javascript:alert(1))" in paragraph.text()


def test_headings_images_and_code_stay_text() -> None:
    html = LexborHTMLParser(to_html("# Titel\n\n![Bild](a.png) `code`", _resolve))
    assert html.css("h1, img, code") == []


def test_plain_text_drops_the_markup_for_json_ld() -> None:
    assert to_plain(PASTED) == (
        "Wir beraten kostenlos und vertraulich. Termine über das Kontaktformular.\n"
        "Merkblatt\nper E-Mail"
    )


def test_page_links_name_their_line_in_the_text() -> None:
    text = "Erst [a](https://x.de).\nDann [b](kontakt.md)\n\n- [c](seiten/d.md#e)\n- [f](#oben)"
    assert page_links(text) == [TextLink("kontakt.md", 2), TextLink("seiten/d.md#e", 4)]


def test_controls_are_removed_before_parsing() -> None:
    assert to_plain("Amt\x00 für\x1b Bürger") == "Amt für Bürger"
    assert "\ufffd" not in to_html("a\x00b", _resolve)
