"""`rathaus new`: records with every required field, appended without touching the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rathaus.adapter import run_checks
from rathaus.cli import main
from rathaus.model import Level
from rathaus.model.yamlread import parse_yaml
from rathaus.scaffold import KINDS, required_fields

# Values an editor fills in, per kind: field line → replacement.
FILLED = {
    "einheit": {},
    "person": {
        "  funktion:\n": "  funktion: Wohngeld\n",
        "  einheit:\n": "  einheit: buergerbuero\n",
    },
    "standort": {
        "    strasse:\n": "    strasse: Am Markt 3\n",
        "    plz:\n": '    plz: "01067"\n',
        "    ort:\n": "    ort: Testdorf\n",
    },
    "termin": {
        "  beginn:\n": "  beginn: 2027-05-20 18:00\n",
        "  ende:\n": "  ende: 20:00\n",
        "  standort:\n": "  standort: rathaus\n",
        "  einheit:\n": "  einheit: buergerbuero\n",
        "  beschreibung:\n": "  beschreibung: Ein Abend für alle.\n",
    },
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_new_record_is_appended_with_every_required_field(
    kind: str, fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    path = root / "data" / KINDS[kind].file
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    assert main(["--root", str(root), "new", kind, "Größte Übung: Straße"]) == 0
    out = capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert text.startswith(before)  # comments and layout of the file untouched
    start = int(out.split(":")[2].split()[0])
    assert text.splitlines()[start - 1] == "- id: groesste-uebung-strasse"
    doc, problems = parse_yaml("x.yml", text.encode())
    assert problems == []
    assert doc is not None
    record = doc.data[-1]
    assert set(required_fields(kind)) <= set(record)
    assert record.get("name", record.get("titel")) == "Größte Übung: Straße"
    # Once the editor fills the fields marked „Pflicht“, the data is valid.
    for old, new in FILLED[kind].items():
        assert old in text[len(before) :], old
        text = text[: len(before)] + text[len(before) :].replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    assert [f.format() for f in run_checks(root) if f.file.endswith(KINDS[kind].file)] == []


def test_unfilled_fields_are_reported_where_they_are(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    assert main(["--root", str(root), "new", "person", "Jörg Weiß"]) == 0
    start = int(capsys.readouterr().out.split(":")[2].split()[0])
    findings = [f for f in run_checks(root) if f.file == "data/personen.yml"]
    assert [(f.line - start, f.field) for f in findings] == [(3, "funktion"), (5, "einheit")]


@pytest.mark.parametrize("name", ["Erika Muster", "Erika  muster", "ERIKA MUSTER"])
def test_refuses_an_existing_id(
    name: str, fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    path = root / "data" / "personen.yml"
    before = path.read_bytes()
    assert main(["--root", str(root), "new", "person", name]) == 1
    assert "gibt es schon die Kennung „erika-muster“" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_refuses_an_id_that_collides_after_transliteration(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    path = root / "data" / "personen.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: jörg\n  name: J\n", "utf-8")
    assert main(["--root", str(root), "new", "person", "Joerg"]) == 1
    assert "gibt es schon die Kennung „jörg“" in capsys.readouterr().err


def test_creates_a_missing_data_file_with_its_schema(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    path = root / "data" / "termine.yml"
    assert not path.exists()
    assert main(["--root", str(root), "new", "termin", "Sommerfest 2027"]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schemas/termine.schema.json"
    assert lines[2] == "- id: sommerfest-2027"


def test_ls_page_for_an_existing_page_passes_the_checks(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("leichte-sprache")
    (root / "content" / "sprechstunde.md").write_text("# Sprechstunde\n\nText.\n")
    assert main(["--root", str(root), "new", "ls-seite", "sprechstunde.md"]) == 0
    page = root / "content" / "leichte-sprache" / "sprechstunde.md"
    assert page.read_text(encoding="utf-8").startswith("---\ntitle: Sprechstunde\n")
    out = capsys.readouterr().out
    assert out.startswith("angelegt: content/leichte-sprache/sprechstunde.md")
    findings = [f for f in run_checks(root) if f.file.endswith("leichte-sprache/sprechstunde.md")]
    assert [f.format() for f in findings if f.level is Level.ERROR] == []


def test_ls_page_refuses_to_overwrite(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("leichte-sprache")
    assert main(["--root", str(root), "new", "ls-seite", "Unser Rathaus"]) == 0
    assert (root / "content" / "leichte-sprache" / "unser-rathaus.md").is_file()
    capsys.readouterr()
    assert main(["--root", str(root), "new", "ls-seite", "Unser Rathaus"]) == 1
    assert "gibt es schon" in capsys.readouterr().err
