"""markdown_scan: code masked the way Python-Markdown renders it, in linear time."""

from __future__ import annotations

import time
from pathlib import Path

import markdown
import pytest

from rathaus.markdown_scan import (
    attr_lists,
    front_matter_lines,
    links,
    mask,
    outside_fences,
    page_body,
)

SECRET = "[geheim](ziel.md)"


def masked_lines(text: str) -> list[str]:
    result = mask(text)
    assert len(result) == len(text)  # every position stays where it was
    return result.split("\n")


@pytest.mark.parametrize(
    "text",
    [
        f"```\n{SECRET}\n```",
        f"```python\n{SECRET}\n```",
        f"``` .html\n{SECRET}\n```",
        f"``` {{ .html #beispiel }}\n{SECRET}\n```",
        f'```html hl_lines="1"\n{SECRET}\n```',
        f"~~~~\n{SECRET}\n~~~~",
        f"```\n{SECRET}\n```   ",
    ],
)
def test_fenced_code_is_masked(text: str) -> None:
    assert all(not line.strip() for line in masked_lines(text))


@pytest.mark.parametrize(
    "text",
    [
        f"``` html x\n{SECRET}\n```",  # no fence: a code span over three lines
        f"  ```\n{SECRET}\n  ```",  # the same
        f"```\n{SECRET}\n````",  # a longer fence does not close; no code span either
        f"```\n{SECRET}",  # an unclosed fence is text
        f"```\n{SECRET}\n\n```",  # a blank line ends the paragraph of a code span
        f"Text\n```\n{SECRET}\n```",  # a fence right after a paragraph
        f"- Punkt\n\n    ```\n    {SECRET}\n    ```",  # Python-Markdown: no fence in a list
    ],
)
def test_mask_agrees_with_the_renderer(text: str) -> None:
    html = markdown.markdown(text, extensions=["fenced_code"])
    assert (SECRET in mask(text)) == ('href="ziel.md"' in html), html


def test_code_spans_and_escaped_backticks() -> None:
    [line] = masked_lines(f"a `{SECRET}` b ``{SECRET}`` c \\`{SECRET}`")
    assert line.count("ziel.md") == 1
    assert line.startswith("a ") and " b " in line and " c \\`[geheim]" in line


def test_front_matter_is_masked() -> None:
    text = "---\ntitle: x\n---\n\n[a](b.md)\n"
    assert front_matter_lines(text) == 3
    assert front_matter_lines("# Kein Kopf\n") == 0
    assert [link.line for link in links(mask(text))] == [5]


def test_links_and_attribute_lists_at_their_place() -> None:
    text = '# T\n\n`[x](code.md)` [a](b.md "Titel") ![Bild](c.png)\n\nAbsatz\n{: #id .k }\n'
    found = [(link.line, link.col, link.target) for link in links(mask(text))]
    assert found == [(3, 20, "b.md"), (3, 42, "c.png")]
    assert [(a.line, a.body) for a in attr_lists(mask(text))] == [(6, " #id .k ")]


@pytest.mark.parametrize(
    "line",
    [
        "`" * 100_000,
        "[" * 100_000,
        "`a" * 50_000,
        "\\`" * 50_000,
        "[a](" * 25_000,
        "[a](" + " " * 100_000,
        "[a](x[a](" * 11_000,
        "{" * 100_000,
        "```\n" * 25_000,
        "``` " + " " * 100_000 + "x",
    ],
    ids=["backticks", "brackets", "spans", "escapes", "links", "spaces", "nested", "braces",
         "fences", "fence-spaces"],
)  # fmt: skip
def test_every_scan_is_linear(line: str) -> None:
    start = time.perf_counter()
    masked = mask(line)
    list(links(masked))
    list(attr_lists(masked))
    assert time.perf_counter() - start < 1.0  # normal: ~10 ms


FOUR_BACKTICKS = (
    "# Seite\n\n````text\n```\n<!-- rathaus/kontakt { einheit: gibtsnicht } -->\n# Kein Titel\n"
    "```\n````\n\nText.\n"
)


def test_outside_fences_follows_the_renderer_not_the_first_three_characters() -> None:
    """A ```` fence is closed only by ````: the inner ``` lines are code (the old rule of
    pages.py closed the block there and validated the directive inside)."""
    lines = FOUR_BACKTICKS.split("\n")
    outside = [line for _, line in outside_fences(lines)]
    assert outside == ["# Seite", "", "", "Text.", ""]
    assert [n for n, _ in outside_fences(lines, 8)] == [8, 9, 10]


# The safety check renders what MkDocs renders: the front matter rule must be MkDocs' own.
BODY_CASES = [
    "# Titel\n",
    "---\ntitle: A\n---\n\n# B\n",
    "---\ntitle: A\n...\nText\n",
    "---\n- a\n- b\n---\n<script>x</script>\n",  # not a mapping: rendered as text
    "---\ntitle: [unclosed\n---\n<script>x</script>\n",  # invalid YAML: rendered as text
    "---\ntitle: A\n",  # never closed
    "title: A\nauthor: B\n    more\n\n<script>x</script>\n",  # MultiMarkdown meta
    "title: A\n<b>x</b>\n",
    "    indented: no key\n\ntext\n",
    "\n\ntitle: A\n",
    "Titel: A\r\nB: c\r\n\r\nText\r\n",
    "---\r\ntitle: A\r\n---\r\nText\r\n",
    "",
    "---   \ntitle: A\n---\t\nText\n",
]


@pytest.mark.parametrize("text", BODY_CASES)
def test_page_body_is_what_mkdocs_renders(text: str) -> None:
    from mkdocs.utils.meta import get_data

    assert page_body(text) == get_data(text)[0]


def test_page_body_of_every_fixture_page_is_what_mkdocs_renders() -> None:
    from mkdocs.utils.meta import get_data

    pages = sorted((Path(__file__).parent / "fixtures" / "sites").rglob("*.md"))
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert page_body(text) == get_data(text)[0], path
