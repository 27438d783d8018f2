"""Hints chosen from the editor's line, not from PyYAML's English problem text (issue 12)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import DataDir

UNIT = "- id: buergerbuero\n  art: amt\n"


@pytest.mark.parametrize(
    ("text", "line", "col", "message", "hint"),
    [
        (
            UNIT + "  name:Bürgerbüro\n  raum: 1\n",
            3,
            8,
            "nach dem Doppelpunkt fehlt ein Leerzeichen",
            "schreiben Sie name: Bürgerbüro",
        ),
        (
            UNIT + "  name: Bürgerbüro\n    raum: 1\n",
            4,
            5,
            "die Zeile ist weiter eingerückt als die Zeile davor",
            "rücken Sie „raum:“ genauso weit ein wie „name:“ (2 Leerzeichen)",
        ),
        (
            UNIT + "  name: Bürgerbüro\n raum: 1\n",
            4,
            2,
            "die Zeile ist weniger weit eingerückt als die Zeile davor",
            "rücken Sie „raum:“ genauso weit ein wie die Felder darüber (2 Leerzeichen)",
        ),
        (
            UNIT + "  name: 'Bürgers' Büro'\n",
            3,
            17,
            "ein Apostroph beendet den Text in einfachen Anführungszeichen zu früh",
            "verdoppeln Sie den Apostroph im Text ('Bürgers'' Büro')",
        ),
        (
            UNIT + '  name: "Das "Haus" am Markt"\n',
            3,
            14,
            "ein Anführungszeichen im Text beendet den Wert in Anführungszeichen zu früh",
            "typografische Anführungszeichen „…“",
        ),
        (
            UNIT + "  name: {Bürgerbüro} Mitte\n",
            3,
            9,
            "ein Wert beginnt mit „{“ und wird als Gruppe von Feldern gelesen",
            'setzen Sie den ganzen Wert in Anführungszeichen, z. B. "{Bürgerbüro} Mitte"',
        ),
        (
            UNIT + "  name: [Entwurf] Bürgerbüro\n",
            3,
            9,
            "ein Wert beginnt mit „[“ und wird als Liste gelesen",
            'z. B. "[Entwurf] Bürgerbüro"',
        ),
        (
            "- id: buergerbuero\n  name: Bürgerbüro\n- art: amt\n  raum: 1\nx: 1\n",
            5,
            1,
            "YAML-Syntaxfehler",
            "",
        ),
    ],
    ids=[
        "missing-blank",
        "indented-deeper",
        "indented-less",
        "apostrophe",
        "double-quote",
        "braces",
        "brackets",
        "fallback",
    ],
)
def test_syntax_hint_is_chosen_from_the_editor_line(
    site: DataDir, text: str, line: int, col: int, message: str, hint: str
) -> None:
    site.write(einheiten=text)
    found = site.errors().at(message, "einheiten.yml", line, col)
    assert found.message.startswith("YAML-Syntaxfehler")
    assert hint in found.hint


def test_list_dash_among_fields_of_a_settings_file(site: DataDir) -> None:
    site.write(stadt="name: Stadt Beispielstadt\n- bundesland: NW\n")
    found = site.errors().at("eine Zeile beginnt mit „- “", "stadt.yml", 2, 1)
    assert "löschen Sie „- “" in found.hint


def test_unclosed_quote_is_reported_where_it_opens(site: DataDir) -> None:
    fields = "".join(f"  aufgaben{i}: x\n" for i in range(18))
    # The quote opened in line 3 runs on until the quote in line 22.
    site.write(einheiten=UNIT + '  name: "Bürgerbüro\n' + fields + '  raum: "Zimmer 1"\n')
    found = site.errors().at("ein Anführungszeichen wird nicht geschlossen", "einheiten.yml", 3, 9)
    assert "in derselben Zeile" in found.hint


def test_unclosed_quote_at_the_end_of_the_file(site: DataDir) -> None:
    site.write(einheiten=UNIT + "  name: 'Bürgerbüro\n  raum: 1\n")
    site.errors().at("ein Anführungszeichen wird nicht geschlossen", "einheiten.yml", 3, 9)


@pytest.mark.parametrize(
    "text",
    [
        "- id: &amt buergerbuero\n  name: Bürgerbüro\n  art: amt\n  verwandt: [*amt]\n",
        "- &basis\n  id: buergerbuero\n  name: Bürgerbüro\n  art: amt\n"
        "- <<: *basis\n  id: sozialamt\n",
        "- id: buergerbuero\n  name: Bürgerbüro\n  art: amt\n- <<: *basis\n  id: sozialamt\n",
    ],
    ids=["anchor-and-alias", "merge-key", "merge-key-without-anchor"],
)
def test_anchors_used_on_purpose_are_refused_as_such(site: DataDir, text: str) -> None:
    site.write(einheiten=text)
    errors = site.errors()
    found = errors.one("Anker und Verweise (&, *, <<) sind nicht erlaubt")
    assert found.hint == "schreiben Sie die Angaben aus"
    assert found.file == "data/einheiten.yml"


def test_duplicated_weekday_keeps_both_times(site: DataDir) -> None:
    site.write(
        einheiten=UNIT + "  name: Bürgerbüro\n  oeffnungszeiten:\n    woche:\n"
        "      montag: 8:00-12:00\n      montag: 14:00-16:00\n"
    )
    found = site.errors().at("das Feld steht doppelt (zuerst in Zeile 6)", "einheiten.yml", 7, 7)
    assert found.hint.startswith("schreiben Sie beide Zeiten als Liste unter einen montag:")
    assert "löschen" not in found.hint


@pytest.mark.parametrize(
    ("where", "value", "hint"),
    [
        (
            "woche:\n      montag:",
            "22:00-02:00",
            "teilen Sie die Zeit an Mitternacht: 22:00-24:00 am Montag und 0:00-2:00 am Dienstag",
        ),
        (
            "woche:\n      sonntag:",
            "20:00-1:30",
            "teilen Sie die Zeit an Mitternacht: 20:00-24:00 am Sonntag und 0:00-1:30 am Montag",
        ),
        (
            "woche:\n      montag: 8:00-12:00\n    ausnahmen:\n      - datum: 2027-01-02\n"
            "        grund: Fest\n        zeiten:",
            "23:00-03:00",
            "teilen Sie die Zeit an Mitternacht: 23:00-24:00 und 0:00-3:00 am folgenden Tag",
        ),
        ("woche:\n      montag:", "12:00-8:00", "tauschen Sie die Uhrzeiten"),
    ],
    ids=["overnight-monday", "overnight-sunday", "overnight-exception", "swapped"],
)
def test_reversed_hours_are_split_at_midnight_or_swapped(
    site: DataDir, where: str, value: str, hint: str
) -> None:
    site.write(einheiten=UNIT + f"  name: Bürgerbüro\n  oeffnungszeiten:\n    {where} {value}\n")
    found = site.errors().one(value)
    assert found.hint == hint
    assert "tauschen" not in found.hint or value == "12:00-8:00"


def test_braces_that_parse_as_a_group_get_the_quoting_hint(site: DataDir) -> None:
    site.write(einheiten=UNIT + "  name: {Bürgerbüro}\n")
    found = site.errors().at("hier wird ein Text erwartet", "einheiten.yml", 3, 9)
    assert found.hint == (
        "ein Wert, der mit „{“ beginnt, wird als Gruppe von Feldern gelesen – gehören die "
        'Klammern zum Text, setzen Sie den ganzen Wert in Anführungszeichen: "{Bürgerbüro}"'
    )
