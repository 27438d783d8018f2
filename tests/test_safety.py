"""Content safety: decided on the rendered HTML, reported at the editor's line and column."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from rathaus.model import Level
from rathaus.safety import Renderer, check_html, check_markdown_safety, check_output_html
from tests.sicherheit.payloads import CANARY, PAYLOADS, Payload, text_payloads

# The extensions of a typical site (the demo's mkdocs.yml), as MkDocs adds its defaults.
RENDERER = Renderer(
    ["toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html", "rathaus.tabellen"],
    {},
    frozenset({"video.beispielstadt.example"}),
)


def check(text: str, front_matter: object = None) -> list[tuple[int, int, str]]:
    return [
        (f.line, f.col, f.message)
        for f in check_markdown_safety("content/s.md", text, front_matter, RENDERER)
    ]


def errors(markdown: str) -> list[str]:
    return [
        f.message
        for f in check_markdown_safety("content/s.md", f"# Seite\n\n{markdown}\n", None, RENDERER)
        if f.level is Level.ERROR
    ]


@pytest.mark.parametrize(
    ("markdown", "line", "col", "message"),
    [
        ("<script>alert(1)</script>", 3, 1, "das Element <script> ist in Seiten nicht erlaubt"),
        ("Text <SCRIPT src=x.js></SCRIPT>", 3, 6, "das Element <script> ist in Seiten nicht"),
        ('<embed src="x.swf">', 3, 1, "das Element <embed>"),
        (
            '<meta http-equiv="refresh" content="0;url=https://b.example">',
            3,
            1,
            "das Element <meta>",
        ),
        ('<base href="https://b.example/">', 3, 1, "das Element <base>"),
        ("<style>p { color: red }</style>", 3, 1, "das Element <style>"),
        ('<form action="https://b.example"><input></form>', 3, 1, "das Element <form>"),
        ('<a href="#" onclick="x()">a</a>', 3, 13, "das Attribut onclick= würde Programmcode"),
        ('<img src="a.png" alt="" ONERROR="x()">', 3, 25, "das Attribut onerror= würde"),
        ('<a href="javascript:alert(1)">a</a>', 3, 10, "die Adresse beginnt mit javascript:"),
        ('<a href=" JaVa\tScRiPt:alert(1)">a</a>', 3, 23, "die Adresse beginnt mit javascript:"),
        ('<a href="&#106;avascript:alert(1)">a</a>', 3, 26, "die Adresse beginnt mit javascript:"),
        ("[a](javascript:alert(1))", 3, 5, "die Adresse beginnt mit javascript:"),
        ("[a](&#106;avascript:alert(1))", 3, 21, "die Adresse beginnt mit javascript:"),
        ("[a][r]\n\n[r]: javascript:alert(1)", 5, 6, "die Adresse beginnt mit javascript:"),
        ("<vbscript:msgbox(1)>", 3, 1, "das Element <vbscript:msgbox(1)>"),
        ('<img src="data:image/svg+xml,<svg/>" alt="">', 3, 11, "data:-Adressen"),
        ("![Plan](data:image/png;base64,AAAA)", 3, 9, "data:-Adressen"),
        ("[Mail](mailto:a@beispielstadt.example?bcc=b@x.example)", 3, 8, "der mailto:-Link"),
        ("[Mail](mailto:a@beispielstadt.example?CC=b@x.example)", 3, 8, "der mailto:-Link"),
        ("[Mail](mailto:a@x.example?subject=Hi%0D%0ABcc:c@y.example)", 3, 8, "der mailto:-Link"),
        ("[Mail](mailto:a@x.example,b@y.example)", 3, 8, "der mailto:-Link"),
        ('[Link](kontakt.md){ onclick="x()" }', 3, 21, "das Attribut onclick= würde"),
        ('Absatz\n{: onmouseover="x()" }', 4, 4, "das Attribut onmouseover= würde"),
        ('Absatz\n{: style="color: red" }', 4, 4, "das Attribut style= ist in Seiten nicht"),
        ('<a href="x.md" target="_blank">x</a>', 3, 16, "das Attribut target= ist an <a> nicht"),
        ('<video src="a.mp4"></video>', 3, 1, "das Element <video> ist in Seiten nicht"),
        ('<iframe src="https://b.example/"></iframe>', 3, 1, "das Element <iframe> bettet"),
    ],
)
def test_refused_at_its_place(markdown: str, line: int, col: int, message: str) -> None:
    found = check(f"# Seite\n\n{markdown}\n")
    assert found, markdown
    assert found[0][:2] == (line, col)
    assert found[0][2].startswith(message)


SCRIPT = "<script>window.__rathaus_canary=1</script>"

# Every construct that once hid markup from a check of the Markdown source, or that the
# renderer turns into markup where a source scanner sees text or code.
BYPASSES = {
    "escaped backtick": f"\\`{SCRIPT}`",
    "fence info string with a space": f"``` html x\n{SCRIPT}\n```",
    "fence indented by 1": f" ```\n{SCRIPT}\n```",
    "fence indented by 3": f"   ~~~\n{SCRIPT}\n~~~",
    "fence closed by a longer fence": f"```\n{SCRIPT}\n````",
    "HTML block with markdown=1": f'<div markdown="1">\n{SCRIPT}\n</div>',
    "table cell": f"| a | b |\n| - | - |\n| {SCRIPT} | x |",
    "admonition": f'!!! note "Hinweis"\n    {SCRIPT}',
    "after a backslash": f"\\{SCRIPT}",
    "svg script": "<svg><script>x</script></svg>",
    "split tag": f"<scr<script>ipt>{CANARY}</scr</script>ipt>",
    "link title breakout": f'[a](x.md "t") {SCRIPT}',
}


@pytest.mark.parametrize("markdown", BYPASSES.values(), ids=BYPASSES.keys())
def test_no_fence_or_escape_trick_hides_a_script(markdown: str) -> None:
    assert any(m.startswith("das Element <script>") for m in errors(markdown)), markdown


@pytest.mark.parametrize(
    "markdown",
    [
        f"<javascript:{CANARY}>",
        "[a][r]\n\n[r]: javascript:x()",
        f"## Titel {{: onclick={CANARY} }}",
        "[a](&#x6A;avascript:x())",
        "[a](java&#09;script:x())",
        '<a href="jav&#x0A;ascript:x()">a</a>',
    ],
)
def test_addresses_and_attribute_lists_are_refused(markdown: str) -> None:
    assert errors(markdown), markdown


HARMLESS = {
    "indented code": f"Absatz\n\n    {SCRIPT}\n    <iframe></iframe>",
    "backtick fence with language": f"```html\n{SCRIPT}\n```",
    "tilde fence": f"~~~~\n{SCRIPT}\n~~~~",
    "fence with attributes": f"``` {{ .html #beispiel }}\n{SCRIPT}\n```",
    "fence with hl_lines": f'```html hl_lines="1"\n{SCRIPT}\n```',
    "inline code": f"Inline `{SCRIPT}` und ``<iframe>`` sind nur Text.",
    "link title": '[Kontakt](kontakt.md "<script>alert(1)</script> onclick=x")',
    "title with a scheme": '[Kontakt](kontakt.md "javascript: so geht es") ![Data: Plan](p.png)',
    "entities": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "html title attribute": '<a href="kontakt.md" title="onclick=x">Kontakt</a>',
    "comment directive": "<!-- rathaus/kontakt { person: erika-muster } -->",
    "div with markdown": '<div markdown class="hinweis" id="a">Text</div>',
    "comparison": "Ein Vergleich: 3 < 5 und 7 > 2.",
    "mailto with subject": "[Mail](mailto:buergerbuero@beispielstadt.example?subject=Termin)",
    "links": "[Seite](kontakt.md) und [extern](https://www.nrw.de/)",
    "admonition": '!!! note "Hinweis"\n    Text mit **fett** und [Link](kontakt.md).',
    "table": "| a | b |\n| :- | -: |\n| 1 | 2 |",
    "details": "<details><summary>Mehr</summary>\n\nText\n\n</details>",
    "abbr and kbd": '<abbr title="Bürgerbüro">BB</abbr> <kbd>Strg</kbd> <mark>x</mark>',
}


@pytest.mark.parametrize("markdown", HARMLESS.values(), ids=HARMLESS.keys())
def test_harmless_content_is_not_flagged(markdown: str) -> None:
    assert check(f"# Seite\n\n{markdown}\n") == []


def _executes(html: str) -> bool:
    """An independent, narrow oracle: would a browser run code or leave the page?"""
    document = LexborHTMLParser(html)
    assert document.root is not None
    for node in document.root.traverse(include_text=False):
        tag = node.tag or ""
        if tag in {"script", "iframe", "object", "embed", "meta", "base", "form", "style"}:
            return True
        for name, value in node.attributes.items():
            if name.lower().startswith("on"):
                return True
            compact = "".join((value or "").split()).lower()
            if compact.startswith(("javascript:", "vbscript:", "data:")):
                return True
    return False


@pytest.mark.parametrize("payload", text_payloads, ids=[p.name for p in text_payloads])
def test_every_executable_payload_is_caught_and_none_inside_code(payload: Payload) -> None:
    text = payload.text
    page = f"# Seite\n\n{text}\n"
    if _executes(RENDERER.html(page)):
        assert errors(text), text
    fenced = f"# Seite\n\n~~~~~~\n{text}\n~~~~~~\n"
    assert check(fenced) == []
    if "`" not in text and "\n" not in text:
        assert check(f"# Seite\n\nCode: ``{text}``\n") == []


def test_the_catalogue_has_executable_payloads() -> None:
    executable = [p for p in PAYLOADS if _executes(RENDERER.html(p.text))]
    assert len(executable) >= 20


def test_front_matter_is_not_checked_as_html() -> None:
    assert check('---\ndescription: "<script>"\n---\n\n# S\n') == []


def test_position_skips_the_front_matter_and_counts_occurrences() -> None:
    text = "---\ntitle: <script>\n---\n\n# S\n\n<script>a</script>\n\n<SCRIPT>b</SCRIPT>\n"
    assert [(line, col) for line, col, _ in check(text)] == [(7, 1), (9, 1)]


def test_a_problem_not_in_the_source_is_reported_at_its_heading() -> None:
    html = "<h2>Anfahrt</h2><p>x</p><script>x</script>"
    [finding] = check_html("content/s.md", html, "# Titel\n\n## Anfahrt\n\nText\n", None)
    assert (finding.line, finding.col) == (3, 1)


def test_reviewed_exception_becomes_a_note_with_its_reason() -> None:
    allowed = {"rathaus": {"erlaubt": ["iframe"], "begruendung": "Video, IT 2027-02-03"}}
    text = (
        "---\nrathaus: …\n---\n\n"
        '<iframe src="https://video.beispielstadt.example/v/1" title="Video"></iframe>\n'
        '<iframe src="https://fremd.example/"></iframe>\n'
    )
    result = check_markdown_safety("content/s.md", text, allowed, RENDERER)
    assert [(f.line, f.level) for f in result] == [(5, Level.INFO), (6, Level.ERROR)]
    assert result[0].hint == "Begründung: Video, IT 2027-02-03"
    assert "frame-src" in result[1].message


def test_html_exception_allows_other_elements_but_never_code() -> None:
    allowed = {"rathaus": {"erlaubt": ["html"], "begruendung": "Video der Stadt, geprüft"}}
    text = '<video src="a.mp4" controls></video>\n\n<video src="b.mp4" onplay="x()"></video>\n'
    result = check_markdown_safety("content/s.md", text, allowed, RENDERER)
    assert {f.level for f in result if "onplay" not in f.message} == {Level.INFO}
    assert [f.line for f in result if f.level is Level.ERROR] == [3]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"erlaubt": ["iframe"]}, "eine Ausnahme braucht eine Begründung"),
        ({"erlaubt": ["iframe"], "begruendung": "  "}, "eine Ausnahme braucht eine Begründung"),
        ({"erlaubt": ["alles"], "begruendung": "x"}, "unbekannte Ausnahme „alles“"),
        ({"erlaubt": ["script"], "begruendung": "x"}, "„script“ kann nicht erlaubt werden"),
        ({"erlaubt": ["kopf"], "begruendung": "x"}, "„kopf“ kann nicht erlaubt werden"),
        ({"erlaub": ["iframe"]}, "unter rathaus: stehen nur erlaubt: und begruendung:"),
        ("iframe", "unter rathaus: stehen nur erlaubt: und begruendung:"),
    ],
)
def test_malformed_or_impossible_exception(block: object, message: str) -> None:
    text = (
        "---\ntitle: x\nrathaus: …\n---\n\n"
        '<iframe src="https://video.beispielstadt.example/v"></iframe>\n'
    )
    result = check_markdown_safety("content/s.md", text, {"rathaus": block}, RENDERER)
    assert (result[0].line, result[0].message[: len(message)]) == (3, message)
    # Without a valid exception the element itself is still an error.
    assert [f.level for f in result] == [Level.ERROR, Level.ERROR]


def test_srcdoc_is_never_allowed() -> None:
    block = {"rathaus": {"erlaubt": ["iframe", "html"], "begruendung": "geprüft"}}
    text = (
        '<iframe src="https://video.beispielstadt.example/v" '
        'srcdoc="<script>x</script>"></iframe>\n'
    )
    result = check_markdown_safety("content/s.md", text, block, RENDERER)
    [error] = [f for f in result if f.level is Level.ERROR]
    assert error.message.startswith("das Attribut srcdoc=")


def test_script_exception_does_not_allow_a_script() -> None:
    block = {"rathaus": {"erlaubt": ["script"], "begruendung": "geprüft"}}
    result = check_markdown_safety("content/s.md", "<script>x</script>\n", block, RENDERER)
    assert [f.level for f in result] == [Level.ERROR, Level.ERROR]


def test_output_check_allows_json_ld_but_no_script() -> None:
    html = (
        '<script type="application/ld+json">{"@type": "Organization"}</script>'
        '<div class="karte"><video controls></video><button type="button">x</button></div>'
    )
    assert check_output_html("content/s.md", html, "") == []
    injected = html + f"<h2>Ämter</h2><script>{CANARY}</script><a href='javascript:x'>a</a>"
    found = check_output_html("content/s.md", injected, "")
    assert [f.message[:21] for f in found] == ["das Element <script> ", "die Adresse beginnt m"]
