"""Field checks of the data model, reported in German at the editor's line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import DataDir


def test_invalid_calendar_date_is_a_german_finding(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          oeffnungszeiten:
            woche:
              montag: 8:00-12:00
            ausnahmen:
              - datum: 2023-02-30
                geschlossen: ja
                grund: Betriebsausflug
        """
    )
    found = site.errors().at("„2023-02-30“ ist kein gültiges Datum", "einheiten.yml", 8, 16)
    assert found.field == "oeffnungszeiten.ausnahmen[1].datum"
    assert "prüfen Sie, ob es den Tag gibt" in found.hint


def test_duplicate_key_names_the_first_line(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          name: Bürgerbüro Mitte
        """
    )
    found = site.errors().at("das Feld steht doppelt (zuerst in Zeile 2)", "einheiten.yml", 4, 3)
    assert found.field == "name"
    assert found.hint == "löschen Sie eines der beiden Vorkommen"


def test_unknown_key_suggests_the_close_name(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          aufgabe:
            - Meldewesen
        """
    )
    found = site.errors().at("unbekanntes Feld", "einheiten.yml", 4, 3)
    assert found.field == "aufgabe"
    assert found.hint == "meinten Sie „aufgaben“?"


def test_unknown_key_without_close_name_lists_allowed_fields(site: DataDir) -> None:
    site.write(stadt="name: Stadt\nbundesland: NW\nwappen: Adler\n")
    found = site.errors().at("unbekanntes Feld", "stadt.yml", 3, 1)
    assert found.hint == "erlaubt sind hier: bundesland, name, vorschau_tage, zentrale"


def test_missing_required_field_points_at_its_record(site: DataDir) -> None:
    site.write(
        personen="""\
        - id: erika-muster
          name: Erika Muster
          funktion: Leitung
          einheit: buergerbuero
        - id: max-muster
          name: Max Muster
          einheit: buergerbuero
        """
    )
    found = site.errors().at("Pflichtfeld fehlt", "personen.yml", 5, 3)
    assert found.field == "funktion"
    assert found.hint == "ergänzen Sie funktion: …"


@pytest.mark.parametrize(
    ("lines", "needle", "line", "col", "field"),
    [
        (
            "  name:\n    - Bürger\n    - büro\n",
            "hier wird ein Text erwartet, keine Liste",
            4,
            5,
            "name",
        ),
        (
            "  name: Bürgerbüro\n  aufgaben: Meldewesen und Ausweise\n",
            "hier wird eine Liste erwartet, gefunden wurde „Meldewesen und Ausweise“",
            4,
            13,
            "aufgaben",
        ),
        (
            "  name: Bürgerbüro\n  ziele:\n    schnell: ja\n",
            "hier wird eine Liste erwartet, gefunden wurde eine Gruppe von Feldern",
            5,
            5,
            "ziele",
        ),
        (
            "  name: Bürgerbüro\n  kontakt: 0211 12345\n",
            "hier wird eine Gruppe von Feldern erwartet, gefunden wurde „0211 12345“",
            4,
            12,
            "kontakt",
        ),
    ],
    ids=["list-for-text", "text-for-list", "mapping-for-list", "text-for-mapping"],
)
def test_wrong_shape_is_reported_with_a_hint(
    site: DataDir, lines: str, needle: str, line: int, col: int, field: str
) -> None:
    site.write(einheiten=f"- id: buergerbuero\n  art: amt\n{lines}")
    found = site.errors().at(needle, "einheiten.yml", line, col)
    assert found.field == field
    assert found.hint


@pytest.mark.parametrize(
    ("value", "needle", "hint", "col"),
    [
        ("Amt", "„Amt“ ist hier nicht erlaubt", "erlaubt sind: amt, fachbereich, abteilung", 8),
        ("", "das Feld ist leer", "tragen Sie einen Wert ein", 3),
    ],
    ids=["unknown-choice", "empty"],
)
def test_choice_field(site: DataDir, value: str, needle: str, hint: str, col: int) -> None:
    site.write(einheiten=f"- id: buergerbuero\n  name: Bürgerbüro\n  art: {value}\n")
    found = site.errors().at(needle, "einheiten.yml", 3, col)
    assert hint in found.hint
    assert " or " not in found.hint
    assert "None" not in found.message
    assert found.field == "art"


@pytest.mark.parametrize(
    ("lines", "field", "line"),
    [
        ("  name:\n  art: amt\n", "name", 2),
        ("  name: Bürgerbüro\n  art: amt\n  aufgaben:\n    -\n", "aufgaben[1]", 5),
    ],
    ids=["required-text", "list-item"],
)
def test_empty_value_is_called_empty(site: DataDir, lines: str, field: str, line: int) -> None:
    site.write(einheiten=f"- id: buergerbuero\n{lines}")
    found = site.errors().at("das Feld ist leer", "einheiten.yml", line)
    assert found.field == field
    assert "None" not in found.message


def test_empty_text_is_a_finding(site: DataDir) -> None:
    site.write(einheiten='- id: buergerbuero\n  name: "  "\n  art: amt\n')
    found = site.errors().at("der Text ist leer", "einheiten.yml", 2, 9)
    assert "löschen Sie das Feld" in found.hint


@pytest.mark.parametrize(
    ("key", "value", "needle", "hint"),
    [
        ("id", "Bürgerbüro", "„Bürgerbüro“ hat nicht die erwartete Form", "Kleinbuchstaben"),
        ("einheit", "Bürgerbüro", "„Bürgerbüro“ hat nicht die erwartete Form", "Kleinbuchstaben"),
        ("email", "erika(at)musterstadt.example", "ist keine E-Mail-Adresse", "ohne (at)"),
        ("telefon", "12", "„12“ ist keine gültige Telefonnummer", "Vorwahl und Nummer"),
        ("sprachen", "[de, EN]", "„EN“ hat nicht die erwartete Form", "ISO 639"),
        ("id", "e", "der Wert ist zu kurz", "schreiben Sie mindestens 2 Zeichen"),
        ("id", "e" * 81, "der Wert ist zu lang", "höchstens 80 Zeichen"),
    ],
)
def test_person_field_formats(site: DataDir, key: str, value: str, needle: str, hint: str) -> None:
    fields = {
        "id": "erika-muster",
        "name": "Erika Muster",
        "funktion": "Leitung",
        "einheit": "buergerbuero",
        key: value,
    }
    site.write(personen="- " + "\n  ".join(f"{k}: {v}" for k, v in fields.items()) + "\n")
    errors = site.errors()
    found = errors.one(needle)
    assert hint in found.hint
    assert found.file == "data/personen.yml"
    assert found.field.startswith(key)


def test_postcode_with_four_digits_gets_a_hint_to_quote(site: DataDir) -> None:
    site.write(
        standorte="""\
        - id: rathaus
          name: Rathaus
          adresse:
            strasse: Markt 1
            plz: 1067
            ort: Dresden
        """
    )
    found = site.errors().at("„1067“ hat nicht die erwartete Form", "standorte.yml", 5, 10)
    assert found.field == "adresse.plz"
    assert 'plz: "01067"' in found.hint


@pytest.mark.parametrize(
    ("line", "needle", "hint"),
    [
        ("bundesland: XY", "„XY“ ist kein Bundesland-Kürzel", "NW"),
        ("bundesland: nrw", "„nrw“ hat nicht die erwartete Form", "zwei Großbuchstaben"),
    ],
)
def test_bundesland_must_be_a_german_land(site: DataDir, line: str, needle: str, hint: str) -> None:
    site.write(stadt=f"name: Stadt\n{line}\n")
    found = site.errors().at(needle, "stadt.yml", 2, 13)
    assert hint in found.hint


@pytest.mark.parametrize(
    ("value", "needle"),
    [("5", "„5“ liegt außerhalb des erlaubten Bereichs"), ("viele", "„viele“ ist keine ganze")],
)
def test_vorschau_tage_is_a_bounded_number(site: DataDir, value: str, needle: str) -> None:
    site.write(stadt=f"name: Stadt\nbundesland: NW\nvorschau_tage: {value}\n")
    site.errors().at(needle, "stadt.yml", 3, 16)


def test_vorschau_tage_is_read_as_number(site: DataDir) -> None:
    site.write(stadt="name: Stadt\nbundesland: NW\nvorschau_tage: 30\n")
    assert site.load().stadt.vorschau_tage == 30


def test_record_file_must_be_a_list(site: DataDir) -> None:
    site.write(standorte="id: rathaus\nname: Rathaus\n")
    found = site.errors().at("die Datei muss eine Liste von Einträgen sein", "standorte.yml", 1)
    assert "- id:" in found.hint
