"""A page may switch a rule off only with a reason, and the reason is reported."""

from __future__ import annotations

from rathaus.leichte_sprache.linter import lint_page
from rathaus.leichte_sprache.settings import Einstellungen
from rathaus.model import Level
from rathaus.pages import split_front_matter

SETTINGS = Einstellungen(regeln={"LS19": "aus"})


def lint(text: str) -> list[tuple[str, int, int, str, Level]]:
    front_matter, _, problems = split_front_matter("content/leichte-sprache/x.md", text)
    assert problems == []
    return [
        (f.rule, f.line, f.col, f.message, f.level)
        for f in lint_page("content/leichte-sprache/x.md", text, front_matter, SETTINGS)
    ]


def test_rule_off_with_reason_shows_the_reason() -> None:
    text = (
        "---\nleichte_sprache:\n  aus:\n    LS05: Zitat aus der Haus·ordnung.\n---\n\n"
        "Bitte rauchen Sie nicht.\n"
    )
    found = lint(text)
    assert (
        "LS05",
        4,
        5,
        "die Regel „Verneinung“ ist auf dieser Seite ausgeschaltet. "
        "Grund: Zitat aus der Haus·ordnung.",
        Level.INFO,
    ) in found
    assert not [f for f in found if f[0] == "LS05" and f[4] is not Level.INFO]


def test_rule_off_without_reason_is_an_error_and_stays_on() -> None:
    text = "---\nleichte_sprache:\n  aus:\n    LS05: ''\n---\n\nBitte rauchen Sie nicht.\n"
    found = lint(text)
    assert (
        "leichte-sprache",
        4,
        5,
        "für das Ausschalten von LS05 fehlt der Grund",
        Level.ERROR,
    ) in found
    assert ("LS05", 7, 19, "„nicht“ ist eine Verneinung", Level.WARNING) in found


def test_unknown_rule_is_an_error() -> None:
    text = "---\nleichte_sprache:\n  aus:\n    LS99: Grund.\n---\n\nDas ist gut.\n"
    assert ("leichte-sprache", 4, 5, "die Regel „LS99“ gibt es nicht", Level.ERROR) in lint(text)


def test_reviewed_page_is_not_listed_as_unreviewed() -> None:
    text = (
        "---\nleichte_sprache:\n  geprueft:\n    datum: 2027-02-10\n"
        "    pruefgruppe: Prüf·gruppe Testdorf\n---\n\nDas ist gut.\n"
    )
    assert [f for f in lint(text) if f[0] == "LS26"] == []


def test_review_without_group_is_an_error() -> None:
    text = "---\nleichte_sprache:\n  geprueft:\n    datum: 2027-02-10\n---\n\nDas ist gut.\n"
    found = lint(text)
    assert (
        "leichte-sprache",
        3,
        3,
        "bei geprueft fehlen das Datum oder die Prüfgruppe",
        Level.ERROR,
    ) in found
