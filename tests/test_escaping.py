"""rathaus.escaping, and the JSON-LD of units and events with every payload in every field."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from selectolax.lexbor import LexborHTMLParser

from rathaus import escaping, markdown_text
from rathaus.adapter import generated_page
from rathaus.model import Site
from rathaus.render import FragmentRenderer
from rathaus.termine.views import event_jsonld
from rathaus.verzeichnis.views import unit_jsonld
from tests.conftest import FIXTURES
from tests.sicherheit.hostile import base_site, hostile
from tests.sicherheit.payloads import PAYLOADS, Payload

UNPRINTABLE = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n\r"]
UNPRINTABLE += ["\ud800", "\udfff", "\ufffe", "\uffff"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return base_site(tmp_path_factory.mktemp("escaping"))


def test_plain_text_removes_what_no_format_carries_and_keeps_the_rest() -> None:
    assert escaping.plain_text("A" + "".join(UNPRINTABLE) + "B") == "AB"
    kept = "Tab\tLF\nCR\r „Zitat“ \u202e\u200b\u2028 \U0001f600 <&>"
    assert escaping.plain_text(kept) == kept


@pytest.mark.parametrize("write", [escaping.vcard_text, escaping.ical_text, escaping.xml_text])
def test_line_breaks_become_lf_for_the_line_based_formats(write: Any) -> None:
    assert write("a\r\nb\rc\nd\x00") == "a\nb\nc\nd"


def test_uri_keeps_valid_addresses_and_never_breaks_a_line() -> None:
    valid = "https://beispielstadt.example/a-b/c_d.html?x=1&y=%20#t"
    assert escaping.uri(valid) == valid
    assert escaping.uri("mailto:a@b.example") == "mailto:a@b.example"
    broken = escaping.uri("https://x.example/a b\r\nATTACH:y\x00ä")
    assert broken == "https://x.example/a%20b%0D%0AATTACH:y%C3%A4"


def test_json_ld_cannot_end_the_script_element_or_a_javascript_string() -> None:
    text = escaping.json_ld({"a": "</script><!--\u2028\u2029&", "b": "x\x00\x1b\ud800y"})
    assert not any(c in text for c in "<>&\u2028\u2029")
    assert json.loads(text) == {"a": "</script><!--\u2028\u2029&", "b": "xy"}
    text.encode("utf-8")  # no lone surrogate left


def _strict_json(text: str) -> Any:
    """json.loads, refusing what RFC 8259 does not allow (raw controls, NaN, duplicates)."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        assert len({k for k, _ in pairs}) == len(pairs), f"duplicate key in {pairs}"
        return dict(pairs)

    def refuse(name: str) -> None:
        raise AssertionError(f"not JSON: {name}")

    assert all(ord(c) >= 0x20 for c in text), "raw control character in JSON"
    return json.loads(text, strict=True, object_pairs_hook=no_duplicates, parse_constant=refuse)


def _script_blocks(html: str) -> list[str]:
    page = LexborHTMLParser(f"<html><body>{html}</body></html>")
    return [node.text() for node in page.css('script[type="application/ld+json"]')]


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_json_ld_of_units_and_events_survives_every_payload(site: Site, payload: Payload) -> None:
    bad = hostile(site, payload.text)
    url = "https://beispielstadt.example/" + payload.text

    def links(kind: str, record: str) -> str:
        return url

    expected = escaping.plain_text(payload.text)
    renderer = FragmentRenderer()
    template = renderer.env.from_string(
        '<script type="application/ld+json">{{ jsonld | jsonld }}</script><p>{{ tail }}</p>'
    )
    cases = [
        (
            unit_jsonld(
                bad, bad.einheiten["buergerbuero"], links, bad.termine["fest"].beginn.date()
            ),
            "GovernmentOffice",
        ),
        (event_jsonld(bad, bad.termine["fest"], links), "Event"),
    ]
    for data, kind in cases:
        html = template.render(jsonld=data, tail="Ende")
        (block,) = _script_blocks(html)
        parsed = _strict_json(block)
        assert parsed["@type"] == kind
        assert parsed["name"] == expected
        assert parsed["url"] == escaping.plain_text(url)
        # The element ended where the template ends it: the paragraph after it is intact.
        assert LexborHTMLParser(html).css_first("p").text() == "Ende"
    unit_data = _strict_json(_script_blocks(template.render(jsonld=cases[0][0], tail=""))[0])
    # The introduction is Markdown: JSON-LD gets its words (rathaus.markdown_text.to_plain).
    assert unit_data["description"] == markdown_text.to_plain(payload.text)
    assert "\ufffd" not in unit_data["description"]
    assert unit_data["address"]["streetAddress"] == expected
    assert unit_data["contactPoint"][0]["name"] == expected
    event_data = _strict_json(_script_blocks(template.render(jsonld=cases[1][0], tail=""))[0])
    assert event_data["description"] == expected
    assert event_data["organizer"]["name"] == expected
    assert event_data["location"]["address"]["addressLocality"] == expected


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_fragments_never_print_a_control_character(payload: Payload) -> None:
    renderer = FragmentRenderer()
    html = renderer.env.from_string("<p title='{{ v }}'>{{ v }}</p>").render(v=payload.text)
    assert escaping.plain_text(html) == html
    node = LexborHTMLParser(html).css_first("p")
    assert node.text() == escaping.plain_text(payload.text).replace("\r\n", "\n").replace(
        "\r", "\n"
    )
    assert node.attributes["title"] is not None


def test_folded_lines_are_at_most_75_octets_and_unfold_to_the_original() -> None:
    line = "ORG:" + "ä" * 70 + ";" + "€" * 30
    text = escaping.folded(line + "\r\nFN:kurz\r\n")
    lines = text.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in lines)
    assert all(part.startswith(" ") for part in lines[1:-3])
    assert text.replace("\r\n ", "") == line + "\r\nFN:kurz\r\n"
    assert escaping.folded(text) == text


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_generated_pages_carry_no_control_character(
    payload: Payload, monkeypatch: pytest.MonkeyPatch
) -> None:
    # File.generated outside a build needs MkDocs' private plugin state; the Markdown that
    # generated_page hands to it is what matters here.
    written: list[str] = []

    def generated(config: Any, src_uri: str, *, content: str, inclusion: Any) -> File:
        written.append(content)
        return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)

    monkeypatch.setattr(File, "generated", generated)
    config = load_config(str(FIXTURES / "termine" / "mkdocs.yml"))
    generated_page(config, Files([]), "x.md", payload.text, payload.text)
    (content,) = written
    assert escaping.plain_text(content) == content
    # Title and description are data in the front matter (JSON strings), never Markdown.
    _, front, body = content.split("---\n")
    data = yaml.safe_load(front)
    expected = escaping.plain_text(payload.text)
    assert data == {"title": expected, "description": expected}
    assert body == ""


MARKDOWN_TEXTS = [
    'Markt "St. Peter" & <Tal> #1 *Süd*: [x](y)',
    "Stadt Bad Münster-Eifel",
    "1. Bürgermeister",
    "# kein Titel",
    "`code` und \\ Rückstrich _unter_ **fett** {attr} !bild",
    "> Zitat + Liste - Strich",
]


@pytest.mark.parametrize("text", MARKDOWN_TEXTS + [p.text for p in PAYLOADS])
@pytest.mark.parametrize("where", ["# {}", "Text: {} Ende", "- {}"])
def test_markdown_text_renders_as_exactly_the_text(text: str, where: str) -> None:
    import markdown

    extensions = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
    html = markdown.markdown(where.format(escaping.markdown_text(text)), extensions=extensions)
    tree = LexborHTMLParser(html)
    assert tree.css("script, img, a, code, em, strong, blockquote, ol") == []
    body = tree.body
    assert body is not None
    expected = where.format(" ".join(escaping.plain_text(text).split()))
    expected = expected.removeprefix("# ").removeprefix("- ")
    assert body.text(strip=True) == expected.strip()
