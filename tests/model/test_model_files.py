"""The data folder as a whole: all problems in one run, links, stray and missing files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rathaus.model import DataError, Level, load_site
from rathaus.model.site import RECORD_FILES, STADT_FILE, STATEMENT_FILE

if TYPE_CHECKING:
    from conftest import DataDir


def test_all_problems_of_all_files_come_in_one_error(site: DataDir) -> None:
    site.write(
        stadt="name: Stadt\nbundesland: NW\nbundesland: NW\n",
        standorte="""\
        - id: rathaus
          name: Rathaus
          adresse:
            strasse: Markt 1
            plz: 1067
            ort: Musterstadt
        """,
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          aufgabe: Meldewesen
          oeffnungszeiten:
            woche:
              montag: 12:00-8:00
        """,
        personen="""\
        - id: erika-muster
          name: Erika Muster
          funktion: Leitung
          einheit: sozialamt
          sprachen: [de, xx]
        - id: max-muster
          name: Max Muster
          einheit: buergerbuero
        """,
    )
    errors = site.errors()
    errors.at("das Feld steht doppelt (zuerst in Zeile 2)", "stadt.yml", 3, 1)
    errors.at("„1067“ hat nicht die erwartete Form", "standorte.yml", 5, 10)
    errors.at("unbekanntes Feld", "einheiten.yml", 4, 3)
    errors.at("liegt das Ende vor dem Beginn", "einheiten.yml", 7, 15)
    errors.at("„xx“ ist kein bekanntes Sprachkürzel", "personen.yml", 5, 18)
    errors.at("Pflichtfeld fehlt", "personen.yml", 6, 3)
    errors.at("die Einheit „sozialamt“ gibt es nicht", "personen.yml", 4, 12)
    assert len(errors) == 7
    # Every finding says what is wrong and how to fix it.
    assert all(f.message and f.hint and f.level is Level.ERROR for f in errors)


def test_unreadable_file_does_not_hide_problems_in_other_files(site: DataDir) -> None:
    site.write(
        stadt="name: Stadt\u202e\nbundesland: NW\n",
        einheiten="- id: buergerbuero\n  name: &Partner Beratung\n  art: amt\n",
        personen="- id: erika-muster\n  name: Erika\n  funktion: Leitung\n  einheit: Amt\n",
    )
    errors = site.errors()
    errors.at("Schreibrichtung U+202E", "stadt.yml", 1, 12)
    errors.at("„&Partner“ wird als YAML-Anker gelesen", "einheiten.yml", 2, 9)
    errors.at("„Amt“ hat nicht die erwartete Form", "personen.yml", 4, 12)
    assert len(errors) == 3


def test_error_text_lists_every_finding_in_the_documented_format(site: DataDir) -> None:
    site.write(
        stadt="name: Stadt\nbundesland: XY\n",
        personen="- id: erika-muster\n  name: Erika\n  funktion: Leitung\n  einheit: buergerbuer\n",
    )
    with pytest.raises(DataError) as info:
        site.load()
    first, second = str(info.value).splitlines()
    assert first == (
        "data/personen.yml:4:12: einheit: die Einheit „buergerbuer“ gibt es nicht"
        " – meinten Sie „buergerbuero“?"
    )
    assert second.startswith(
        "data/stadt.yml:2:13: bundesland: „XY“ ist kein Bundesland-Kürzel – erlaubt sind: "
    )
    assert ", NW, " in second


def test_symlink_out_of_the_data_folder_is_refused(site: DataDir, tmp_path: Path) -> None:
    outside = tmp_path / "geheim.yml"
    outside.write_text("name: Stadt\nbundesland: NW\n", encoding="utf-8")
    (site.data / "stadt.yml").unlink()
    (site.data / "stadt.yml").symlink_to(outside)
    found = site.errors().at("Verweis (Symlink) außerhalb des Ordners", "stadt.yml", 1, 1)
    assert "legen Sie die Datei selbst in den Ordner" in found.hint


def test_symlink_to_system_file_is_refused(site: DataDir) -> None:
    (site.data / "personen.yml").unlink()
    (site.data / "personen.yml").symlink_to("/etc/hostname")
    errors = site.errors()
    errors.at("Verweis (Symlink) außerhalb des Ordners", "personen.yml", 1, 1)
    assert all(f.file == "data/personen.yml" for f in errors)


def test_symlink_inside_the_data_folder_is_allowed(site: DataDir) -> None:
    (site.data / "stadt-echt.yml").write_text("name: Stadt\nbundesland: NW\n", encoding="utf-8")
    (site.data / "stadt.yml").unlink()
    (site.data / "stadt.yml").symlink_to("stadt-echt.yml")
    loaded = site.load()
    assert loaded.stadt.name == "Stadt"
    # The real file is unknown under its own name: a warning, not an error.
    assert [w.file for w in loaded.warnings] == ["data/stadt-echt.yml"]


def test_unknown_extra_file_is_a_warning_not_an_error(site: DataDir) -> None:
    (site.data / "einheit.yml").write_text("- id: x\n", encoding="utf-8")
    loaded = site.load()
    (warning,) = loaded.warnings
    assert warning.level is Level.WARNING
    assert (warning.file, warning.line, warning.col) == ("data/einheit.yml", 1, 1)
    assert warning.message == "diese Datei wird nicht verwendet"
    assert "einheiten.yml" in warning.hint


def test_missing_stadt_file(site: DataDir) -> None:
    site.write(stadt=None)
    found = site.errors().at("die Datei mit den Einstellungen der Kommune fehlt", "stadt.yml", 1)
    assert "bundesland:" in found.hint


def test_missing_data_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        load_site(tmp_path)
    (found,) = info.value.findings
    assert (found.file, found.message) == ("data", "der Datenordner fehlt")


EVERY_DATA_FILE = sorted([STADT_FILE, STATEMENT_FILE, *RECORD_FILES])


@pytest.mark.parametrize("content", ["", "\n\n", "# yaml-language-server: x\n# noch leer\n"])
@pytest.mark.parametrize("name", EVERY_DATA_FILE)
def test_an_empty_data_file_is_one_finding_on_that_file(
    site: DataDir, name: str, content: str
) -> None:
    # Without the finding, the records (units, glossary, services A–Z) silently vanish.
    site.write(**{name.removesuffix(".yml"): content.encode() or b""})
    errors = site.errors()
    assert len(errors) == 1, errors
    found = errors.at("die Datei ist leer", name, 1, 1)
    assert found.hint.startswith("tragen Sie Einträge ein oder löschen Sie sie")


def test_references_into_an_empty_file_are_folded_into_its_finding(site: DataDir) -> None:
    site.write(
        einheiten="# alle Einheiten kommen später\n",
        personen="""\
        - id: erika-muster
          name: Erika Muster
          funktion: Leitung
          einheit: buergerbuero
        - id: max-muster
          name: Max Muster
          funktion: Sachbearbeitung
          einheit: sozialamt
        """,
        leistungen="""\
        - id: meldebescheinigung
          name: Meldebescheinigung
          einheit: buergerbuero
          beschreibung: Eine Bescheinigung über die Anmeldung.
        """,
    )
    errors = site.errors()
    assert len(errors) == 1, errors
    found = errors.at("die Datei ist leer", "einheiten.yml", 1, 1)
    assert found.hint == (
        "tragen Sie Einträge ein oder löschen Sie sie; 3 Verweise in leistungen.yml und "
        "personen.yml zeigen auf Einträge dieser Datei"
    )


def test_settings_file_written_as_a_list_says_so(site: DataDir) -> None:
    site.write(stadt="- name: Stadt Beispielstadt\n  bundesland: NW\n")
    found = site.errors().at("die Datei beginnt mit einer Liste", "stadt.yml", 1, 1)
    assert "löschen Sie das „- “" in found.hint


def test_fingerprint_changes_with_the_data(site: DataDir) -> None:
    before = site.load().fingerprint
    assert before == site.load().fingerprint
    site.write(stadt="name: Stadt Anders\nbundesland: NW\n")
    assert site.load().fingerprint != before
