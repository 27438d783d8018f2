"""`rathaus check` and `rathaus schema` as an editor and CI use them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from rathaus.cli import main

BROKEN_PERSON = "- id: erika-muster\n  name: Erika\n  funktion: x\n  einheit: buergerbueor\n"


def test_check_passes_on_valid_site(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().out.strip() == "0 Fehler, 0 Warnungen"


def test_check_reports_in_german_and_exits_1(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    (root / "data" / "personen.yml").write_text(BROKEN_PERSON, encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "data/personen.yml – 1 Fehler, 0 Warnungen"
    assert out[1] == (
        "data/personen.yml:4:12: einheit: die Einheit „buergerbueor“ gibt es nicht "
        "– meinten Sie „buergerbuero“?"
    )
    assert out[-1] == "1 Fehler, 0 Warnungen"


def test_check_github_annotations(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    (root / "data" / "personen.yml").write_text(BROKEN_PERSON, encoding="utf-8")
    assert main(["--root", str(root), "check", "--format", "github"]) == 1
    line = capsys.readouterr().out.strip()
    assert line.startswith("::error file=data/personen.yml,line=4,col=12::einheit: ")


def test_check_json(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    (root / "data" / "personen.yml").write_text(BROKEN_PERSON, encoding="utf-8")
    assert main(["--root", str(root), "check", "--format", "json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)
    assert finding["file"] == "data/personen.yml"
    assert (finding["line"], finding["col"], finding["field"]) == (4, 12, "einheit")
    assert finding["level"] == "error"


def test_check_cannot_run_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path / "fehlt"), "check"]) == 2
    assert "konnte nicht laufen" in capsys.readouterr().err


def test_schema_writes_files(tmp_path: Path) -> None:
    assert main(["--root", str(tmp_path), "schema"]) == 0
    names = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert names == [
        "barrierefreiheit.schema.json",
        "einheiten.schema.json",
        "gremien.schema.json",
        "leistungen.schema.json",
        "personen.schema.json",
        "stadt.schema.json",
        "standorte.schema.json",
        "termine.schema.json",
        "videos.schema.json",
        "woerterbuch.schema.json",
    ]


def test_check_knows_the_parts_of_split_overviews(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Links to a part of an overview split by letters (and its LS part) are no missing page;
    a part the site's data and thresholds do not give still is."""
    from tests.verzeichnis.test_teile import _write_site

    root = tmp_path / "teile"
    _write_site(root)  # hours_per_part: 3 – the parts A–F, G–K, L–R, S and T–Z
    (root / "content" / "verweise.md").write_text(
        "# Verweise\n\n[A bis F](oeffnungszeiten/a-f.md)\n\n"
        "[Leicht](leichte-sprache/oeffnungszeiten/a-f.md)\n\n"
        "[Ämter](verwaltung/a-z/t-z.md)\n\n"
        "[Gibt es nicht](oeffnungszeiten/a-b.md)\n",
        encoding="utf-8",
    )
    main(["--root", str(root), "check", "--format", "json"])
    findings = [f for f in json.loads(capsys.readouterr().out) if f["file"].endswith("verweise.md")]
    assert [(f["line"], f["level"]) for f in findings] == [(9, "error")]
    assert "oeffnungszeiten/a-b.md" in findings[0]["message"]
