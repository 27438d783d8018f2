"""The strict YAML reader: YAML 1.1 surprises, dangerous constructs and bad bytes."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

import pytest

from rathaus.model.fieldtypes import TimeRange

if TYPE_CHECKING:
    from conftest import DataDir

UNIT_WITH_HOURS = """\
    - id: buergerbuero
      name: Bürgerbüro
      art: amt
      nummer: 033
      oeffnungszeiten:
        woche:
          montag: 8:00-12:30
          dienstag:
            - 14:00-18:00
            - 8:00-12:30
    """


def test_unquoted_clock_times_stay_text_and_become_time_ranges(site: DataDir) -> None:
    site.write(einheiten=UNIT_WITH_HOURS)
    unit = site.load().einheiten["buergerbuero"]
    assert unit.oeffnungszeiten is not None
    woche = unit.oeffnungszeiten.woche
    assert woche is not None
    assert woche.montag == (TimeRange(time(8, 0), time(12, 30)),)
    # Split hours are kept in time order, whatever order the editor wrote.
    assert woche.dienstag == (
        TimeRange(time(8, 0), time(12, 30)),
        TimeRange(time(14, 0), time(18, 0)),
    )
    # YAML 1.1 would read 033 as the octal number 27.
    assert unit.nummer == "033"


def test_single_clock_time_is_reported_as_written_not_as_a_number(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          oeffnungszeiten:
            woche:
              montag: 12:30
        """
    )
    # YAML 1.1 reads 12:30 as the sexagesimal number 750.
    found = site.errors().at("„12:30“ ist keine Zeitspanne", "einheiten.yml", 6, 15)
    assert found.hint == "schreiben Sie z. B. 8:00-12:00"


@pytest.mark.parametrize("plz", ["01067", '"01067"', "'01067'"])
def test_postcode_keeps_its_leading_zero(site: DataDir, plz: str) -> None:
    site.write(
        standorte=f"""\
        - id: rathaus
          name: Rathaus
          adresse:
            strasse: Markt 1
            plz: {plz}
            ort: Dresden
        """
    )
    assert site.load().standorte["rathaus"].adresse.plz == "01067"


def test_unquoted_postcode_without_leading_zero_works(site: DataDir) -> None:
    site.write(
        standorte="""\
        - id: rathaus
          name: Rathaus
          adresse:
            strasse: Markt 1
            plz: 44135
            ort: Dortmund
        """
    )
    assert site.load().standorte["rathaus"].adresse.plz == "44135"


def test_yaml_11_boolean_words_stay_text(site: DataDir) -> None:
    site.write(
        stadt="""\
        name: Off
        bundesland: NW
        """,
        standorte="""\
        - id: rathaus
          name: on
          adresse:
            strasse: no
            plz: 01067
            ort: yes
          barrierefreiheit:
            aufzug: nein
            stufenlos: ja
        """,
    )
    loaded = site.load()
    assert loaded.stadt.name == "Off"
    standort = loaded.standorte["rathaus"]
    assert (standort.name, standort.adresse.strasse, standort.adresse.ort) == ("on", "no", "yes")
    assert standort.barrierefreiheit.aufzug is False
    assert standort.barrierefreiheit.stufenlos is True
    assert standort.barrierefreiheit.induktionsschleife is None


@pytest.mark.parametrize("word", ["vielleicht", "off", "on", "no", "1"])
def test_ja_nein_field_refuses_other_words(site: DataDir, word: str) -> None:
    site.write(
        standorte=f"""\
        - id: rathaus
          name: Rathaus
          adresse:
            strasse: Markt 1
            plz: "01067"
            ort: Musterstadt
          barrierefreiheit:
            aufzug: {word}
        """
    )
    found = site.errors().at(f"„{word}“ ist weder ja noch nein", "standorte.yml", 8, 13)
    assert found.field == "barrierefreiheit.aufzug"
    assert found.hint == "schreiben Sie ja oder nein"


def test_phone_numbers_keep_their_leading_zero(site: DataDir) -> None:
    site.write(
        personen="""\
        - id: erika-muster
          name: Erika Muster
          funktion: Leitung
          einheit: buergerbuero
          telefon: 0211 12345
          fax: 02398 678-339
        """
    )
    person = site.load().personen["erika-muster"]
    (phone,) = person.telefon
    assert phone.written == "0211 12345"
    assert phone.e164 == "+4921112345"
    assert phone.display == "0211\u00a012345"
    assert person.fax is not None
    assert person.fax.e164 == "+492398678339"
    assert person.fax.display.startswith("02398")


@pytest.mark.parametrize(
    ("line", "col", "quoted"),
    [
        ("  raum: Zimmer #12", 16, '"Zimmer #12"'),
        ("  raum: Zimmer  #12", 17, '"Zimmer  #12"'),
    ],
    ids=["one-space", "two-spaces"],
)
def test_hash_after_value_points_at_the_hash(
    site: DataDir, line: str, col: int, quoted: str
) -> None:
    site.write(einheiten=f"- id: buergerbuero\n  name: Bürgerbüro\n  art: amt\n{line}\n")
    found = site.errors().at("alles ab „#“ wird als Kommentar gelesen", "einheiten.yml", 4, col)
    assert line[col - 1] == "#"
    assert "gelesen wurde nur „Zimmer“" in found.message
    assert "Anführungszeichen" in found.hint
    assert quoted in found.hint


def test_hash_comment_after_a_space_is_an_ordinary_comment(site: DataDir) -> None:
    site.write(
        einheiten="""\
        - id: buergerbuero  # Kennung nicht ändern
          name: Bürgerbüro
          art: amt
          raum: "Zimmer #12"
        """
    )
    assert site.load().einheiten["buergerbuero"].raum == "Zimmer #12"


@pytest.mark.parametrize(
    ("value", "needle", "col"),
    [
        ("&Partner Beratung", "„&Partner“ wird als YAML-Anker gelesen", 9),
        ("*x", "ein Wert beginnt mit * und wird als YAML-Verweis gelesen", 9),
        ("!!python/object:os.system x", "YAML-Tags wie „tag:yaml.org,2002:python/object", 9),
        ("!!str Bürgerbüro", "YAML-Tags wie „tag:yaml.org,2002:str“ sind nicht erlaubt", 9),
    ],
    ids=["anchor", "alias", "python-tag", "str-tag"],
)
def test_anchors_aliases_and_tags_are_refused(
    site: DataDir, value: str, needle: str, col: int
) -> None:
    site.write(einheiten=f"- id: buergerbuero\n  name: {value}\n  art: amt\n")
    errors = site.errors()
    found = errors.at(needle, "einheiten.yml", 2, col)
    assert "Anführungszeichen" in found.hint
    # The unit cannot be read; the person pointing at it gets no follow-up error.
    assert errors == [found]


def test_int_tag_is_refused(site: DataDir) -> None:
    site.write(stadt="name: Stadt Musterstadt\nbundesland: NW\nvorschau_tage: !!int 30\n")
    site.errors().at("YAML-Tags wie „tag:yaml.org,2002:int“", "stadt.yml", 3, 16)


def test_alias_bomb_is_refused_at_the_first_anchor(site: DataDir) -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(levels) + "\n"
    assert len(bomb) < 1000  # expands to 9**9 strings if aliases were followed
    site.write(stadt=bomb)
    errors = site.errors()
    found = errors.at("Anker und Verweise (&, *, <<) sind nicht erlaubt", "stadt.yml", 1, 4)
    assert found.hint == "schreiben Sie die Angaben aus"
    assert all(f.file == "data/stadt.yml" for f in errors)


def test_deeply_nested_flow_sequences_are_a_finding(site: DataDir) -> None:
    site.write(stadt="name: " + "[" * 10_000 + "\nbundesland: NW\n")
    found = site.errors().at("tiefer als 24 Ebenen verschachtelt", "stadt.yml", 1)
    assert "Einrückung" in found.hint


def test_deeply_nested_mappings_are_a_finding(site: DataDir) -> None:
    deep = "".join("  " * level + f"k{level}:\n" for level in range(3000))
    site.write(stadt=deep + "  " * 3000 + "x: 1\n")
    # The 24th mapping level starts with the key k23 in line 24.
    site.errors().at("tiefer als 24 Ebenen verschachtelt", "stadt.yml", 24, 47)


def test_invalid_utf8_byte_is_located(site: DataDir) -> None:
    site.write(stadt=b"bundesland: NW\nname: Stadt M\xfcnster\n")
    found = site.errors().at("nicht in UTF-8 gespeichert (ungültiges Byte 0xfc)", "stadt.yml", 2)
    assert found.col == 14
    assert "UTF-8" in found.hint


def test_invalid_utf8_column_counts_characters_not_bytes(site: DataDir) -> None:
    site.write(stadt="name: Bürgerstadt ".encode() + b"\xff\nbundesland: NW\n")
    site.errors().at("ungültiges Byte 0xff", "stadt.yml", 1, 19)


def test_byte_order_mark_is_accepted(site: DataDir) -> None:
    site.write(stadt=b"\xef\xbb\xbfname: Stadt Musterstadt\nbundesland: NW\n")
    assert site.load().stadt.name == "Stadt Musterstadt"


def test_byte_order_mark_does_not_shift_columns(site: DataDir) -> None:
    site.write(stadt=b"\xef\xbb\xbfname: Stadt\nbundesland: Nordrhein-Westfalen\n")
    site.errors().at("hat nicht die erwartete Form", "stadt.yml", 2, 13)


def test_nul_byte_is_located(site: DataDir) -> None:
    site.write(stadt=b"name: Stadt\nbundesland: N\x00W\n")
    found = site.errors().at("unzulässiges Steuerzeichen U+0000 in Spalte 14", "stadt.yml", 2, 14)
    assert "löschen Sie das Zeichen" in found.hint


def test_bidi_override_is_located(site: DataDir) -> None:
    site.write(stadt="bundesland: NW\nname: Stadt \u202etdatsretsum\n")
    found = site.errors().at("Schreibrichtung U+202E", "stadt.yml", 2, 13)
    assert "löschen Sie das Zeichen" in found.hint


def test_second_document_is_refused(site: DataDir) -> None:
    site.write(stadt="name: Stadt\nbundesland: NW\n---\nname: Andere\n")
    site.errors().at("mehr als ein YAML-Dokument", "stadt.yml", 3, 1)


def test_tab_indentation_is_explained(site: DataDir) -> None:
    site.write(stadt="name: Stadt\n\tbundesland: NW\n")
    found = site.errors().one("YAML-Syntaxfehler")
    assert (found.file, found.line) == ("data/stadt.yml", 2)


def test_colon_in_plain_value_is_explained(site: DataDir) -> None:
    site.write(stadt="name: Stadt\nbundesland: NW\nvorschau_tage: Hinweis: 30\n")
    found = site.errors().at("ein Doppelpunkt steht an einer Stelle", "stadt.yml", 3, 23)
    assert 'titel: "Hinweis: …"' in found.hint
