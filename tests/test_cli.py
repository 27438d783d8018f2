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
    assert out[-2:] == [
        "1 Fehler, 0 Warnungen",
        "Weitere Prüfungen, die die Daten brauchen, folgen nach der Korrektur der Daten.",
    ]


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
    report = json.loads(capsys.readouterr().out)
    assert report["version"] == 2
    [finding] = report["findings"]
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
        "weiterleitungen.schema.json",
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
    report = json.loads(capsys.readouterr().out)["findings"]
    findings = [f for f in report if f["file"].endswith("verweise.md")]
    assert [(f["line"], f["level"]) for f in findings] == [(9, "error")]
    assert "oeffnungszeiten/a-b.md" in findings[0]["message"]


def test_when_data_does_not_load_only_checks_without_it_report(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The data error is not buried under findings that only follow from the missing data."""
    root = fixture_site("leichte-sprache")
    town = root / "data" / "stadt.yml"
    town.write_text(town.read_text(encoding="utf-8").replace("Testdorf", "Beispielhausen"))
    ls_page = root / "content" / "leichte-sprache" / "index.md"
    ls_page.write_text(ls_page.read_text(encoding="utf-8") + "\nDie Stadt Beispielhausen.\n")
    page = root / "content" / "index.md"
    lines = page.read_text(encoding="utf-8").count("\n")
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n[Draußen](../draussen.md) [Fehlt](gibt-es-nicht.md)"
        + " [Abschnitt](kontakt.md#gibt-es-nicht)\n\n<script>x()</script>\n",
        encoding="utf-8",
    )
    (root / "content" / "kaputt.md").write_text("---\ntitle: [\n---\n\n# Kaputt\n", "utf-8")

    def findings() -> list[tuple[str, int, str, str]]:
        """File, line, rule and the start of the message (as long as the expected one)."""
        main(["--root", str(root), "check", "--format", "json"])
        found = json.loads(capsys.readouterr().out)["findings"]
        return sorted((f["file"], f["line"], f["rule"], f["message"][:12]) for f in found)

    # Page findings that do not need the data: content safety, links (also to a page that
    # no feature could generate, issue 14: one round), front matter.
    independent = [
        ("content/index.md", lines + 2, "link", "der Link „.."),
        ("content/index.md", lines + 2, "link", "den Abschnit"),
        ("content/index.md", lines + 2, "link", "die verlinkt"),
        ("content/index.md", lines + 4, "sicherheit", "das Element "),
        ("content/kaputt.md", 3, "front-matter", "YAML-Syntaxf"),
    ]
    # With the data: the town's name is a known word for the Leichte Sprache linter, the
    # linter lists the rule switched off by a page.
    assert findings() == sorted(
        [*independent, ("content/leichte-sprache/kontakt.md", 4, "LS05", "die Regel „V")]
    )

    units = root / "data" / "einheiten.yml"
    units.write_text(units.read_text(encoding="utf-8") + "x: [kaputt\n", encoding="utf-8")
    assert findings() == sorted([*independent, ("data/einheiten.yml", 35, "yaml", "YAML-Syntaxf")])

    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [
        "5 Fehler, 1 Warnung",
        "Weitere Prüfungen, die die Daten brauchen, folgen nach der Korrektur der Daten.",
    ]
    assert not any("langes Wort" in line for line in out)
