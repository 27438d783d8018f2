"""The BITV 2.0 § 4 gate: where its findings point, and the path of a town without videos."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from rathaus.adapter import run_checks
from rathaus.cli import main
from rathaus.model import Finding, Level
from rathaus.paragraf4 import RULE, TOPICS, check_start_page, config_line
from tests.conftest import build_site, parse, set_feature

ONE_ENTRY = """\
plugins:
  - rathaus:
      # gebaerdensprache: a comment does not count
      leichte_sprache: {}
      gebaerdensprache:
        startseite: {}
"""


def test_the_block_in_the_rathaus_entry_and_the_old_entry_are_found() -> None:
    assert config_line(ONE_ENTRY) == 5
    assert config_line("plugins:\n  - search\n  - rathaus/gebaerdensprache:\n") == 3
    assert config_line("site_name: X\n") == 1


def test_the_hint_names_the_block_of_the_rathaus_entry() -> None:
    topics = {"navigation": {"dgs": None, "leichte_sprache": None}}
    findings = check_start_page(topics, {}, lambda path: False, line=6)
    assert findings and all(f.line == 6 for f in findings)
    hints = [f.hint for f in findings]
    assert any("rathaus → gebaerdensprache → startseite → navigation" in h for h in hints)


# -- a town without videos yet: an honest, buildable path ------------------------------------

TOPIC_PAGES = {key: {"leichte_sprache": "index.md"} for key in TOPICS}


def _without_videos(root: Path, planned: str | None, **options: object) -> Path:
    """The small fixture with the § 4 gate on, every topic with an LS page and no video."""
    set_feature(root, "gebaerdensprache", {"startseite": TOPIC_PAGES, **options})
    if planned is not None:
        statement = root / "data" / "barrierefreiheit.yml"
        text = statement.read_text(encoding="utf-8")
        statement.write_text(text + f"gebaerdensprache_geplant_bis: {planned}\n", "utf-8")
    return root


def _gate(root: Path) -> list[Finding]:
    return [f for f in run_checks(root) if f.rule == RULE]


def test_planned_videos_are_hints_the_statement_lists_and_the_strict_build_passes(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = _without_videos(fixture_site("klein"), "2027-09-30")
    findings = _gate(root)
    assert {(f.field, f.level) for f in findings} == {
        (f"startseite.{key}.dgs", Level.INFO) for key in TOPICS
    }
    assert all("geplant bis zum 30. September 2027" in f.message for f in findings)
    assert main(["--root", str(root), "check"]) == 0
    assert "4 Hinweise" in capsys.readouterr().out
    out = build_site(root)
    statement = parse(out / "barrierefreiheit" / "index.html")
    barriers = [h.text(strip=True) for h in statement.css("article h3")]
    assert "Videos in Deutscher Gebärdensprache auf der Startseite" in barriers
    text = statement.css_first("article").text()
    assert "Hinweise zur Navigation" in text and "bis zum 30. September 2027 geplant" in text


@pytest.mark.parametrize(
    ("planned", "expected"),
    [(None, "gebaerdensprache_geplant_bis: ein"), ("2027-01-31", "geplant war es bis zum")],
)
def test_without_a_date_or_after_it_a_missing_video_fails_check_and_strict_build(
    fixture_site: Callable[[str], Path], planned: str | None, expected: str
) -> None:
    root = _without_videos(fixture_site("klein"), planned)
    findings = _gate(root)
    assert len(findings) == 4 and all(f.level is Level.WARNING for f in findings)
    assert all(expected in f.message + f.hint for f in findings)
    assert main(["--root", str(root), "check"]) == 1
    with pytest.raises(Abort):
        build_site(root)


def test_videos_pflicht_makes_a_missing_video_an_error(
    fixture_site: Callable[[str], Path],
) -> None:
    root = _without_videos(fixture_site("klein"), "2027-09-30", videos_pflicht=True)
    assert {f.level for f in _gate(root)} == {Level.ERROR}
    with pytest.raises(Abort):
        build_site(root)


def test_a_fully_compliant_statement_with_missing_videos_is_a_warning(
    fixture_site: Callable[[str], Path],
) -> None:
    root = _without_videos(fixture_site("klein"), "2027-09-30")
    statement = root / "data" / "barrierefreiheit.yml"
    text = statement.read_text(encoding="utf-8")
    statement.write_text(text.replace("status: teilweise", "status: vollstaendig"), "utf-8")
    [finding] = [f for f in _gate(root) if f.field == "status"]
    assert finding.level is Level.WARNING
    assert finding.file == "data/barrierefreiheit.yml"
