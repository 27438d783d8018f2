"""Content safety of editors' Markdown: every refused construct at its line and column."""

from __future__ import annotations

import pytest

from rathaus.model import Level
from rathaus.safety import check_markdown_safety


def findings(text: str, front_matter: object = None) -> list[tuple[int, int, str]]:
    return [
        (f.line, f.col, f.message)
        for f in check_markdown_safety("content/s.md", text, front_matter)
    ]


@pytest.mark.parametrize(
    ("markdown", "col", "message"),
    [
        ("<script>alert(1)</script>", 1, "das Element <script> ist in Seiten nicht erlaubt"),
        ("Text <SCRIPT src=x.js></SCRIPT>", 6, "das Element <script> ist in Seiten nicht erlaubt"),
        ('<iframe src="https://a.example/"></iframe>', 1, "das Element <iframe>"),
        ('<embed src="x.swf">', 1, "das Element <embed>"),
        ('<meta http-equiv="refresh" content="0;url=https://b.example">', 1, "das Element <meta>"),
        ('<a href="#" onclick="x()">a</a>', 13, "das Attribut onclick= würde Programmcode"),
        ('<img src="a.png" alt="" ONERROR="x()">', 25, "das Attribut onerror= würde"),
        ('<a href="javascript:alert(1)">a</a>', 4, "die Adresse beginnt mit javascript:"),
        ('<a href=" JaVa\tScRiPt:alert(1)">a</a>', 4, "die Adresse beginnt mit javascript:"),
        ('<a href="&#106;avascript:alert(1)">a</a>', 4, "die Adresse beginnt mit javascript:"),
        ("[a](javascript:alert(1))", 5, "die Adresse beginnt mit javascript:"),
        ("[a]: javascript:alert(1)", 6, "die Adresse beginnt mit javascript:"),
        ('<img src="data:image/svg+xml,<svg/>" alt="">', 6, "data:-Adressen"),
        ("![Plan](data:image/png;base64,AAAA)", 9, "data:-Adressen"),
        ("[Mail](mailto:a@musterstadt.example?bcc=b@x.example)", 8, "der mailto:-Link"),
        ("[Mail](mailto:a@musterstadt.example?CC=b@x.example)", 8, "der mailto:-Link"),
        ("[Mail](mailto:a@x.example?subject=Hi%0D%0ABcc:c@y.example)", 8, "der mailto:-Link"),
        ('[Link](kontakt.md){ onclick="x()" }', 21, "das Attribut onclick= würde"),
        ('Absatz\n{: onmouseover="x()" }', 4, "das Attribut onmouseover= würde"),
    ],
)
def test_refused(markdown: str, col: int, message: str) -> None:
    text = f"# Seite\n\n{markdown}\n"
    [(line, column, text_)] = findings(text)[:1]
    assert line == 3 or (line == 4 and "\n" in markdown)
    assert column == col
    assert text_.startswith(message)


@pytest.mark.parametrize(
    "markdown",
    [
        "```html\n<script>alert(1)</script>\n```",
        "~~~~\n<iframe></iframe>\n~~~~",
        "Inline `<script>` ist nur Text.",
        "[Mail](mailto:buergerbuero@musterstadt.example?subject=Termin)",
        "[Seite](kontakt.md) und [extern](https://www.nrw.de/)",
        '<a href="kontakt.md" title="onclick=x">Kontakt</a>',
        "<!-- rathaus/kontakt { person: erika-muster } -->",
        '<div markdown class="hinweis" id="a">Text</div>',
        "Ein Vergleich: 3 < 5 und 7 > 2.",
    ],
)
def test_allowed(markdown: str) -> None:
    assert findings(f"# Seite\n\n{markdown}\n") == []


def test_front_matter_is_not_checked_as_html() -> None:
    assert findings('---\ndescription: "<script>"\n---\n\n# S\n') == []


def test_reviewed_exception_becomes_a_note_with_its_reason() -> None:
    allowed = {"rathaus": {"erlaubt": ["iframe"], "begruendung": "Kreiskarte, IT 2027-02-03"}}
    text = '---\nrathaus: …\n---\n\n<iframe src="https://k.example/"></iframe>\n<script></script>\n'
    result = check_markdown_safety("content/s.md", text, allowed)
    assert [(f.line, f.level) for f in result] == [(5, Level.INFO), (6, Level.ERROR)]
    assert result[0].hint == "Begründung: Kreiskarte, IT 2027-02-03"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"erlaubt": ["iframe"]}, "eine Ausnahme braucht eine Begründung"),
        ({"erlaubt": ["iframe"], "begruendung": "  "}, "eine Ausnahme braucht eine Begründung"),
        ({"erlaubt": ["alles"], "begruendung": "x"}, "unbekannte Ausnahme „alles“"),
        ({"erlaub": ["iframe"]}, "unter rathaus: stehen nur erlaubt: und begruendung:"),
        ("iframe", "unter rathaus: stehen nur erlaubt: und begruendung:"),
    ],
)
def test_malformed_exception(block: object, message: str) -> None:
    text = '---\ntitle: x\nrathaus: …\n---\n\n<iframe src="https://k.example/"></iframe>\n'
    result = check_markdown_safety("content/s.md", text, {"rathaus": block})
    assert (result[0].line, result[0].message) == (3, message)
    # Without a valid exception the element itself is still an error.
    assert [f.level for f in result] == [Level.ERROR, Level.ERROR]
