"""How many pages for residents have a version in Leichter Sprache: one number for the
build summary and `rathaus check` (text and JSON)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from rathaus.cli import main
from rathaus.leichte_sprache.checks import abdeckung, has_ls_box
from rathaus.plan import Layout
from tests.conftest import build_site


def test_twins_and_summaries_count_exempt_and_ls_pages_do_not() -> None:
    documents = {
        "index.md",
        "leichte-sprache/index.md",
        "kontakt.md",  # no twin
        "aktuelles/fest.md",  # no twin, but a summary in Leichter Sprache
        "aktuelles/markt.md",  # no twin, no summary
        "impressum.md",  # exempt
        "handbuch/felder.md",  # exempt
        "leichte-sprache/nur-leicht.md",  # an LS page is never counted
        "suche.md",  # the search page: one page for every reader
        "bild.png",
    }
    exempt = ["handbuch/", "impressum.md", Layout().search_page]
    found = abdeckung(documents, "leichte-sprache", exempt, boxed=["aktuelles/fest.md"])
    assert found.pages == ("aktuelles/fest.md", "aktuelles/markt.md", "index.md", "kontakt.md")
    assert found.missing == ("aktuelles/markt.md", "kontakt.md")
    assert (found.covered, found.percent) == (2, 50)
    assert found.text() == "2 von 4 Seiten haben eine Fassung in Leichter Sprache (50 %)"


def test_the_share_is_rounded_down_and_an_empty_site_is_complete() -> None:
    pages = {f"p{i}.md" for i in range(10)} | {f"leichte-sprache/p{i}.md" for i in range(8)}
    pages |= {"leichte-sprache/x.md"}
    assert abdeckung(pages, "leichte-sprache", []).percent == 80
    nine = {f"p{i}.md" for i in range(1000)} | {f"leichte-sprache/p{i}.md" for i in range(799)}
    assert abdeckung(nine, "leichte-sprache", []).percent == 79  # 79.9 % is not 80 %
    assert abdeckung(set(), "leichte-sprache", []).percent == 100


@pytest.mark.parametrize(
    ("front_matter", "boxed"),
    [
        ({"leichte_sprache": "Die Stadt hat ein Fest."}, True),
        ({"leichte_sprache": "  "}, False),
        ({"leichte_sprache": {"geprueft": True}}, False),  # the linter's switches, not a text
        ({"title": "Fest"}, False),
        (None, False),
    ],
)
def test_a_summary_is_a_text_in_front_matter(front_matter: object, boxed: bool) -> None:
    assert has_ls_box(front_matter) is boxed


def test_check_reports_the_coverage_in_text_and_json(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("leichte-sprache")
    (root / "content" / "hilfe.md").write_text("# Hilfe\n\nSo finden Sie Hilfe.\n", "utf-8")
    main(["--root", str(root), "check", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    coverage = report["leichte_sprache"]
    assert "hilfe.md" in coverage["ohne_fassung"] and "index.md" not in coverage["ohne_fassung"]
    assert coverage["mit_fassung"] == coverage["seiten"] - len(coverage["ohne_fassung"])
    assert coverage["prozent"] == coverage["mit_fassung"] * 100 // coverage["seiten"]
    main(["--root", str(root), "check"])
    lines = capsys.readouterr().out.splitlines()
    assert (
        f"Leichte Sprache: {coverage['mit_fassung']} von {coverage['seiten']} Seiten haben eine "
        f"Fassung in Leichter Sprache ({coverage['prozent']} %)"
    ) in lines


def test_the_build_reports_the_same_number(
    fixture_site: Callable[[str], Path],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    root = fixture_site("leichte-sprache")
    main(["--root", str(root), "check", "--format", "json"])
    coverage = json.loads(capsys.readouterr().out)["leichte_sprache"]
    with caplog.at_level(logging.INFO):
        build_site(root)
    summary = f"{coverage['mit_fassung']} von {coverage['seiten']} Seiten haben eine Fassung"
    assert any(summary in record.getMessage() for record in caplog.records), caplog.text


def test_without_leichte_sprache_there_is_no_number(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("finden")  # leichte_sprache: {enabled: false}
    main(["--root", str(root), "check", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["leichte_sprache"] is None
