"""The Markdown directives (rathaus.pages): what each accepts, and the German findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rathaus.adapter import run_checks
from rathaus.pages import DIRECTIVES, find_directives

COUNT = "anzahl muss eine ganze Zahl von 1 bis 50 sein"


def _one(line: str) -> tuple[list[tuple[str, dict[str, str], int]], list[str]]:
    found, findings = find_directives("content/index.md", f"# Seite\n\n{line}\n")
    return [(d.name, d.args, d.level) for d in found], [f.message for f in findings]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<!-- rathaus/suche -->", ("suche", {}, 2)),
        ("<!-- rathaus/zentrale { ebene: 3 } -->", ("zentrale", {}, 3)),
        ("<!-- rathaus/termine -->", ("termine", {}, 2)),
        ("<!-- rathaus/termine { anzahl: 5, ebene: 3 } -->", ("termine", {"anzahl": "5"}, 3)),
        ("<!-- rathaus/aktuelles { anzahl: 50 } -->", ("aktuelles", {"anzahl": "50"}, 2)),
        (
            "<!-- rathaus/auf-einen-blick { einheit: buergerbuero } -->",
            ("auf-einen-blick", {"einheit": "buergerbuero"}, 2),
        ),
    ],
)
def test_accepted_directives(line: str, expected: tuple[str, dict[str, str], int]) -> None:
    assert _one(line) == ([expected], [])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("<!-- rathaus/termine { anzahl: 0 } -->", COUNT),
        ("<!-- rathaus/termine { anzahl: 51 } -->", COUNT),
        ("<!-- rathaus/termine { anzahl: drei } -->", COUNT),
        (
            "<!-- rathaus/suche { einheit: buergerbuero } -->",
            "„einheit“ kennt dieser Baustein nicht (erlaubt: nur ebene)",
        ),
        (
            "<!-- rathaus/termine { einheit: buergerbuero } -->",
            "„einheit“ kennt dieser Baustein nicht (erlaubt: anzahl)",
        ),
        (
            "<!-- rathaus/kontakt { einheit: a, person: b } -->",
            "erwartet genau eine Angabe: einheit: … oder person: …",
        ),
        ("<!-- rathaus/auf-einen-blick -->", "erwartet genau eine Angabe: einheit: …"),
    ],
)
def test_rejected_arguments_say_what_is_wrong(line: str, message: str) -> None:
    assert _one(line) == ([], [message])


def test_the_hint_shows_a_working_example() -> None:
    _, findings = find_directives("x.md", "<!-- rathaus/termine { anzahl: 0 } -->\n")
    assert findings[0].hint == "z. B. <!-- rathaus/termine { anzahl: 3 } -->"
    _, findings = find_directives("x.md", "<!-- rathaus/suche { x: 1 } -->\n")
    assert findings[0].hint == "z. B. <!-- rathaus/suche -->"


def test_every_directive_has_an_example_that_is_accepted() -> None:
    for name, spec in DIRECTIVES.items():
        example = spec.example(name).replace("…", "buergerbuero")
        found, findings = find_directives("x.md", example + "\n")
        assert [d.name for d in found] == [name] and findings == [], example


def test_a_directive_of_a_feature_that_is_off_is_a_finding(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")  # rathaus/termine and rathaus/themen are off there
    (root / "content" / "index.md").write_text(
        "# Start\n\n<!-- rathaus/termine -->\n\n<!-- rathaus/oeffnungszeiten "
        "{ einheit: buergerbuero } -->\n",
        encoding="utf-8",
    )
    (finding,) = [f for f in run_checks(root) if f.rule == "direktive"]
    assert (finding.file, finding.line, finding.col) == ("content/index.md", 3, 1)
    assert finding.message == (
        "der Baustein zeigt nichts: rathaus/termine ist in mkdocs.yml ausgeschaltet"
    )
    assert finding.hint.startswith("schalten Sie termine im Block rathaus")
