"""Page limits: size, nesting and open brackets are refused before Markdown runs (issue 12).

Python-Markdown nests lists, quotes and admonitions by recursion (a list nested 1 000 levels
deep ended the build with an English RecursionError) and looks for the closing bracket of
every "[" to the end of its paragraph (20 KB of "[" took over a minute).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from mkdocs.exceptions import Abort

from rathaus.adapter import run_checks
from rathaus.pages import MAX_NESTING, MAX_OPEN_BRACKETS, MAX_PAGE_BYTES, check_limits
from tests.conftest import REPO, build_site

BOUND = 2.0
"""CPU seconds a check may take on the largest page allowed (normal: well under 0.1 s)."""


def _nested_list(depth: int) -> str:
    return "".join("    " * level + "- Punkt\n" for level in range(depth))


HOSTILE: dict[str, tuple[str, int, str]] = {
    # name: (page text, line of the finding, start of its message)
    "deep-list": ("# Seite\n\n" + _nested_list(1000), 3 + MAX_NESTING, "Listen, Zitate"),
    "deep-quote": ("# Seite\n\n" + "> " * 1000 + "Text\n", 3, "Listen, Zitate"),
    "markers-on-one-line": ("# Seite\n\n" + "- " * 1000 + "a\n", 3, "Listen, Zitate"),
    "deep-admonition": (
        "".join("    " * level + "!!! note\n" for level in range(40)),
        MAX_NESTING + 1,
        "Listen, Zitate",
    ),
    "bracket-run": ("# Seite\n\nText " + "[" * 20_000 + "\n", 3, "ab hier sind"),
    "open-brackets-apart": ("# Seite\n\n" + "[a " * 7_000 + "\n", 3, "ab hier sind"),
    "nested-brackets": ("# Seite\n\n" + "[" * 2_000 + "]" * 2_000 + "\n", 3, "ab hier sind"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_structure_is_one_german_error_at_its_line(name: str) -> None:
    text, line, message = HOSTILE[name]
    (finding,) = check_limits("content/seite.md", text)
    assert (finding.line, finding.rule) == (line, "grenzen")
    assert finding.message.startswith(message)
    assert finding.hint


def test_normal_markdown_is_within_the_limits() -> None:
    text = (
        "# Seite\n\n"
        + _nested_list(MAX_NESTING)
        + "\n> Zitat\n> > im Zitat\n\n"
        + "[Link](ziel.md) und [noch einer][ref] " * 200
        + "\n\n"
        + "\\[" * 500  # escaped brackets are text
        + "\n\n```\n"
        + "[" * 500  # and so is code
        + "\n```\n\n"
        + "[a " * MAX_OPEN_BRACKETS
        + "\n\n"
        + "[b " * MAX_OPEN_BRACKETS  # a new paragraph starts counting anew
        + "\n"
    )
    assert check_limits("content/seite.md", text) == []


@pytest.mark.parametrize("unit", ["[", "- ", "> ", "[a ", "    ", "\\[", "`[`", "a\n"])
def test_the_check_is_linear(unit: str) -> None:
    text = unit * (MAX_PAGE_BYTES // len(unit))
    start = time.process_time()
    check_limits("content/seite.md", text)
    assert time.process_time() - start < BOUND


def _page(root: Path, text: str) -> Path:
    page = root / "content" / "seite.md"
    page.write_text(text, encoding="utf-8")
    return page


def test_a_page_above_the_size_limit_is_refused(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("klein")
    _page(root, "# Seite\n\n" + "Ein Satz.\n" * (MAX_PAGE_BYTES // 10 + 1))
    findings = [f for f in run_checks(root) if f.rule == "grenzen"]
    assert [(f.file, f.line) for f in findings] == [("content/seite.md", 1)]
    assert findings[0].message == (
        f"die Seite ist {(MAX_PAGE_BYTES + 19) // 1000} KB groß, erlaubt sind höchstens "
        f"{MAX_PAGE_BYTES // 1000} KB"
    )


BUILD_REFUSED = {
    "deep-list": "# Seite\n\n" + _nested_list(300),  # 180 KB; crashed Python-Markdown
    "bracket-run": HOSTILE["bracket-run"][0],
    "open-brackets-apart": HOSTILE["open-brackets-apart"][0],
}


@pytest.mark.parametrize("name", sorted(BUILD_REFUSED))
def test_the_build_is_refused_before_markdown_runs(
    fixture_site: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    name: str,
) -> None:
    root = fixture_site("klein")
    _page(root, BUILD_REFUSED[name])
    (finding,) = (f for f in run_checks(root) if f.rule == "grenzen")
    assert finding.file == "content/seite.md"

    def no_markdown(self: markdown.Markdown, source: str) -> str:
        raise AssertionError("Markdown ran on a refused page")

    monkeypatch.setattr(markdown.Markdown, "convert", no_markdown)
    start = time.process_time()
    with pytest.raises(Abort):
        build_site(root)
    assert time.process_time() - start < 30  # before: a crash, or minutes
    assert any(finding.format() in record.getMessage() for record in caplog.records)


def test_the_demo_is_within_the_limits() -> None:
    assert [f for f in run_checks(REPO) if f.rule in {"grenzen", "dateiname"}] == []
