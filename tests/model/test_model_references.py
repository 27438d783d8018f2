"""Cross-record checks: ids, references, hierarchy, Bereiche and languages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import DataDir

PERSON = """\
    - id: erika-muster
      name: Erika Muster
      funktion: Leitung
      einheit: {einheit}
    """


def test_valid_minimal_site_loads(site: DataDir) -> None:
    loaded = site.load()
    assert list(loaded.einheiten) == ["buergerbuero"]
    assert [p.id for p in loaded.people_of("buergerbuero")] == ["erika-muster"]
    assert loaded.sources[("einheiten.yml", "buergerbuero")].line == 1
    assert loaded.warnings == ()


def test_unknown_unit_of_person_suggests_the_close_id(site: DataDir) -> None:
    site.write(personen=PERSON.format(einheit="buergerbuer"))
    found = site.errors().at("die Einheit „buergerbuer“ gibt es nicht", "personen.yml", 4, 12)
    assert found.field == "einheit"
    assert found.hint == "meinten Sie „buergerbuero“?"


def test_unknown_unit_without_close_id_says_where_to_add_it(site: DataDir) -> None:
    site.write(personen=PERSON.format(einheit="jugendamt"))
    found = site.errors().at("die Einheit „jugendamt“ gibt es nicht", "personen.yml", 4, 12)
    assert "legen Sie die Einheit in data/einheiten.yml an" in found.hint


@pytest.mark.parametrize(
    ("line", "needle", "hint", "field"),
    [
        ("standort: rathau", "den Standort „rathau“ gibt es nicht", "„rathaus“", "standort"),
        (
            "leitung: erika-mustr",
            "die Person „erika-mustr“ gibt es nicht",
            "„erika-muster“",
            "leitung",
        ),
        (
            "uebergeordnet: sozialamt",
            "die Einheit „sozialamt“ gibt es nicht",
            "legen Sie",
            "uebergeordnet",
        ),
        (
            "verwandt: [buergerbuer]",
            "die Einheit „buergerbuer“ gibt es nicht",
            "„buergerbuero“",
            "verwandt[1]",
        ),
    ],
    ids=["standort", "leitung", "uebergeordnet", "verwandt"],
)
def test_unknown_reference_of_unit(
    site: DataDir, line: str, needle: str, hint: str, field: str
) -> None:
    site.write(einheiten=f"- id: buergerbuero\n  name: Bürgerbüro\n  art: amt\n  {line}\n")
    found = site.errors().at(needle, "einheiten.yml", 4)
    assert hint in found.hint
    assert found.field == field


def test_duplicate_id_names_the_first_line(site: DataDir) -> None:
    site.write(
        standorte="""\
        - id: rathaus
          name: Rathaus
          adresse: {strasse: Markt 1, plz: "01067", ort: Musterstadt}
        - id: rathaus
          name: Rathaus Nord
          adresse: {strasse: Nordstraße 2, plz: "01069", ort: Musterstadt}
        """
    )
    found = site.errors().at(
        "die Kennung „rathaus“ ist schon vergeben (Zeile 1)", "standorte.yml", 4, 7
    )
    assert found.field == "id"


def test_ids_colliding_after_umlaut_transliteration(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
        - id: bürgerbüro
          name: Bürgerbüro Süd
          art: amt
        """
    )
    found = site.errors().at(
        "„bürgerbüro“ ergibt dieselbe Adresse „buergerbuero“ wie „buergerbuero“",
        "einheiten.yml",
        4,
        7,
    )
    assert "Umlaute werden zu ae, oe, ue" in found.hint


def test_cycle_in_hierarchy_is_reported_once(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
        - id: amt-a
          name: Amt A
          art: amt
          uebergeordnet: amt-b
        - id: amt-b
          name: Amt B
          art: amt
          uebergeordnet: amt-a
        """
    )
    errors = site.errors()
    found = errors.at("die Zuordnung bildet einen Kreis: amt-a → amt-b → amt-a", "einheiten.yml", 7)
    assert found.col == 18
    assert found.field == "uebergeordnet"
    assert errors == [found]


def test_unit_above_itself_is_reported_once(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          uebergeordnet: buergerbuero
        """
    )
    errors = site.errors()
    found = errors.at("kann sich nicht selbst übergeordnet sein", "einheiten.yml", 4, 18)
    # Not reported a second time as a cycle buergerbuero → buergerbuero.
    assert errors == [found]


def test_unit_related_to_itself(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          verwandt:
            - buergerbuero
        """
    )
    found = site.errors().at("nicht mit sich selbst verwandt", "einheiten.yml", 5, 7)
    assert found.field == "verwandt[1]"


def test_hierarchy_helpers_follow_uebergeordnet(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          uebergeordnet: dezernat
        - id: dezernat
          name: Dezernat III
          art: fachbereich
        """
    )
    loaded = site.load()
    assert [u.id for u in loaded.ancestors_of("buergerbuero")] == ["dezernat"]
    assert [u.id for u in loaded.children_of("dezernat")] == ["buergerbuero"]


@pytest.mark.parametrize(
    ("bereiche", "hint"),
    [
        ("", "die Einheit hat keine Bereiche"),
        ("  bereiche:\n    - name: Sozialplanung\n", "meinten Sie „Sozialplanung“?"),
        (
            "  bereiche:\n    - name: Gleichstellung\n",
            "die Einheit hat diese Bereiche: Gleichstellung",
        ),
    ],
    ids=["no-bereiche", "close-name", "other-names"],
)
def test_bereich_must_exist_in_the_unit(site: DataDir, bereiche: str, hint: str) -> None:
    site.write(
        einheiten=f"- id: buergerbuero\n  name: Bürgerbüro\n  art: amt\n{bereiche}",
        personen=PERSON.format(einheit="buergerbuero") + "  bereich: Sozialplanug\n",
    )
    found = site.errors().at(
        "den Bereich „Sozialplanug“ gibt es in „buergerbuero“ nicht", "personen.yml", 5, 12
    )
    assert hint in found.hint


def test_known_bereich_is_accepted(site: DataDir) -> None:
    site.write(
        einheiten="- id: buergerbuero\n  name: B\n  art: amt\n"
        "  bereiche:\n    - name: Sozialplanung\n",
        personen=PERSON.format(einheit="buergerbuero") + "  bereich: Sozialplanung\n",
    )
    assert site.load().personen["erika-muster"].bereich == "Sozialplanung"


def test_unknown_language_code(site: DataDir) -> None:
    site.write(personen=PERSON.format(einheit="buergerbuero") + "  sprachen: [de, tr, xx]\n")
    found = site.errors().at("„xx“ ist kein bekanntes Sprachkürzel", "personen.yml", 5, 22)
    assert found.field == "sprachen[3]"
    assert "ISO 639" in found.hint


def test_known_language_codes_have_german_names(site: DataDir) -> None:
    site.write(personen=PERSON.format(einheit="buergerbuero") + "  sprachen: [de, tr, uk]\n")
    loaded = site.load()
    assert [loaded.language_name(c) for c in loaded.personen["erika-muster"].sprachen] == [
        "Deutsch",
        "Türkisch",
        "Ukrainisch",
    ]


def test_reference_to_record_with_other_mistake_is_not_unknown(site: DataDir) -> None:
    # The unit has an error of its own; the person pointing at it must not get a second one.
    site.write(einheiten="- id: buergerbuero\n  name: Bürgerbüro\n  art: behoerde\n")
    errors = site.errors()
    found = errors.at("„behoerde“ ist hier nicht erlaubt", "einheiten.yml", 3, 8)
    assert errors == [found]
