"""rathaus.render: the table of contents of a rendered view."""

from __future__ import annotations

from rathaus.render import toc_tokens


def test_toc_tokens_nest_headings_with_an_id_and_read_their_text() -> None:
    html = (
        '<h1 id="titel">Titel</h1><h2 id="amt">Amt &amp; <em>Service</em></h2>'
        '<h3 id="zeiten">Öffnungs-\n  zeiten</h3><h2>ohne Anker</h2><h2 id="">leer</h2>'
        '<h4 id="tief">Tief</h4><h2 id="zwei">Zwei</h2>'
    )
    tokens = toc_tokens(html)
    assert [(t["level"], t["id"], t["name"]) for t in tokens] == [
        (2, "amt", "Amt &amp; Service"),
        (2, "zwei", "Zwei"),
    ]
    [zeiten] = tokens[0]["children"]
    assert (zeiten["id"], zeiten["name"]) == ("zeiten", "Öffnungs- zeiten")
    assert [t["id"] for t in zeiten["children"]] == ["tief"]
