"""rathaus rename: a new id everywhere at once, the old address still works (issue 14)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rathaus.adapter import load_project, run_checks
from rathaus.cli import main
from rathaus.project import Project
from rathaus.umbenennen import RenameError, rename
from tests.conftest import build_site, parse


def _project(root: Path) -> Project:
    project = load_project(root)
    assert isinstance(project, Project), project
    return project


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "site" not in p.parts
    }


def test_a_unit_gets_a_new_id_in_data_and_pages_and_its_old_address_redirects(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    assert main(["--root", str(root), "rename", "einheit", "buergerbuero", "buergeramt"]) == 0
    out = capsys.readouterr().out
    assert "geändert: data/personen.yml" in out and "data/weiterleitungen.yml" in out
    units = (root / "data" / "einheiten.yml").read_text(encoding="utf-8")
    assert "- id: buergeramt\n" in units and "uebergeordnet: buergeramt\n" in units
    assert "buergerbuero" not in (root / "data" / "personen.yml").read_text(encoding="utf-8")
    page = (root / "content" / "index.md").read_text(encoding="utf-8")
    assert "[Bürgerbüro](verwaltung/buergeramt.md)" in page
    assert "<!-- rathaus/oeffnungszeiten { einheit: buergeramt, ebene: 3 } -->" in page
    assert run_checks(root) == []
    site = build_site(root)
    assert (site / "verwaltung" / "buergeramt" / "index.html").is_file()
    old = parse(site / "verwaltung" / "buergerbuero" / "index.html")
    refresh = old.css_first('meta[http-equiv="refresh"]')
    assert refresh is not None and refresh.attributes["content"] == "0; url=../buergeramt/"


def test_a_person_keeps_every_link_to_their_entry(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("klein")
    page = root / "content" / "kontakt.md"
    page.write_text(
        "# Kontakt\n\n[Frau Muster](ansprechpersonen.md#person-erika-muster)\n", "utf-8"
    )
    result = rename(_project(root), "person", "erika-muster", "erika-beispiel")
    assert not result.redirect
    assert "leitung: erika-beispiel" in (root / "data" / "einheiten.yml").read_text("utf-8")
    assert "#person-erika-beispiel)" in page.read_text(encoding="utf-8")
    index = (root / "content" / "index.md").read_text(encoding="utf-8")
    assert "<!-- rathaus/kontakt { person: erika-beispiel } -->" in index
    # The example inside a code block is text, not a directive: it stays.
    assert "{ person: gibt-es-nicht }" in index
    assert run_checks(root) == []
    build_site(root)


def test_a_new_name_is_written_and_its_old_mentions_are_listed(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    result = rename(_project(root), "einheit", "buergerbuero", "buergeramt", "Bürgeramt")
    units = (root / "data" / "einheiten.yml").read_text(encoding="utf-8")
    assert "  name: Bürgeramt\n" in units
    assert ("content/index.md", 7, "Siehe [Bürgerbüro](verwaltung/buergeramt.md).") in (
        result.mentions
    )
    assert run_checks(root) == []


@pytest.mark.parametrize(
    ("kind", "old", "new", "message"),
    [
        ("einheit", "gibtsnicht", "neu", "gibt es in data/einheiten.yml nicht"),
        ("einheit", "buergerbuero", "integration", "gibt es in data/einheiten.yml schon"),
        ("person", "erika-muster", "Erika Muster", "keine gültige Kennung"),
        ("termin", "a", "b", "lässt sich nicht umbenennen"),
    ],
)
def test_a_rename_that_cannot_be_done_changes_nothing(
    fixture_site: Callable[[str], Path], kind: str, old: str, new: str, message: str
) -> None:
    root = fixture_site("klein")
    before = _snapshot(root)
    with pytest.raises(RenameError, match=message):
        rename(_project(root), kind, old, new)
    assert _snapshot(root) == before
