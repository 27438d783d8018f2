"""Each rule of the Leichte Sprache linter: a text that breaks it and one that keeps it."""

from __future__ import annotations

import pytest

from rathaus.leichte_sprache.linter import lint_page
from rathaus.leichte_sprache.settings import Einstellungen
from rathaus.model import Finding, Level

SETTINGS = Einstellungen(regeln={"LS19": "aus", "LS26": "aus"})


def lint(markdown: str, settings: Einstellungen = SETTINGS) -> list[Finding]:
    return lint_page("content/leichte-sprache/test.md", markdown, None, settings)


def only(markdown: str, rule: str) -> list[Finding]:
    return [f for f in lint(markdown) if f.rule == rule]


# (rule, bad text, line, column, part of the German message, level)
BAD = [
    (
        "LS01",
        "Das ist ein sehr langer Satz mit wirklich sehr vielen kleinen Wörtern drin.\n",
        1,
        1,
        "der Satz hat 13 Wörter, erlaubt sind höchstens 12",
        Level.ERROR,
    ),
    (
        "LS01",
        "Das ist ein Satz mit genau elf Wörtern in dieser Zeile.\n",
        1,
        1,
        "der Satz hat 11 Wörter, gut sind höchstens 10",
        Level.WARNING,
    ),
    (
        "LS02",
        "Das ist gut. Das ist auch gut.\n",
        1,
        14,
        "neuer Satz in derselben Zeile",
        Level.ERROR,
    ),
    (
        "LS03",
        "Sie rufen an, weil Sie Hilfe brauchen.\n",
        1,
        15,
        "„weil“ leitet einen Nebensatz ein",
        Level.WARNING,
    ),
    ("LS04", "Bringen Sie z. B. den Pass mit.\n", 1, 13, "„z. B.“ ist eine Abkürzung", Level.ERROR),
    (
        "LS04",
        "Das Amt ist im Rathaus, bzw. im Haus daneben.\n",
        1,
        25,
        "„bzw.“ ist eine Abkürzung",
        Level.ERROR,
    ),
    ("LS04", "Fragen Sie das KI im Rathaus.\n", 1, 16, "„KI“ ist eine Abkürzung", Level.ERROR),
    (
        "LS05",
        "Das Büro ist heute nicht offen.\n",
        1,
        20,
        "„nicht“ ist eine Verneinung",
        Level.WARNING,
    ),
    ("LS06", "Der Antrag wird vom Amt geprüft.\n", 1, 12, "ist Passiv", Level.WARNING),
    ("LS07", "Das ist das Haus des Malers.\n", 1, 18, "„des Malers“ ist Genitiv", Level.WARNING),
    (
        "LS07",
        "Wegen der Hitze ist das Bad zu.\n",
        1,
        1,
        "nach „Wegen“ steht meist der Genitiv",
        Level.WARNING,
    ),
    ("LS08", "Sie könnten morgen kommen.\n", 1, 5, "„könnten“ ist Konjunktiv", Level.WARNING),
    (
        "LS09",
        "Das Büro (im Rathaus) ist offen.\n",
        1,
        10,
        "Klammern sind schwer zu lesen",
        Level.ERROR,
    ),
    (
        "LS09",
        "Sie brauchen Pass & Foto.\n",
        1,
        19,
        "das Zeichen „&“ ist schwer zu lesen",
        Level.ERROR,
    ),
    ("LS10", "Das kostet 50 % mehr.\n", 1, 15, "Prozent-Angaben", Level.WARNING),
    ("LS11", "Das ist das Dezernat IV.\n", 1, 22, "„IV“ ist eine römische Zahl", Level.ERROR),
    ("LS12", "Sie brauchen zwei Fotos.\n", 1, 14, "„zwei“ ist eine Zahl als Wort", Level.ERROR),
    (
        "LS13",
        "Hier wohnen 15.000 Menschen.\n",
        1,
        13,
        "„15.000“ ist eine große Zahl",
        Level.WARNING,
    ),
    (
        "LS13",
        "Das Rathaus ist von 1890.\n",
        1,
        21,
        "„1890“ ist eine alte Jahres-Zahl",
        Level.WARNING,
    ),
    ("LS14", "Das Fest ist am 15.08.2027.\n", 1, 17, "das Datum „15.08.2027“", Level.ERROR),
    ("LS14", "Das Fest ist am 2027-08-15.\n", 1, 17, "das Datum „2027-08-15“", Level.ERROR),
    ("LS15", "Wir öffnen um 09:30 Uhr.\n", 1, 15, "die Uhrzeit „09:30 Uhr“", Level.ERROR),
    ("LS15", "Wir öffnen um 9.30 Uhr.\n", 1, 15, "die Uhrzeit „9.30 Uhr“", Level.ERROR),
    ("LS15", "Wir öffnen um 9:00 Uhr.\n", 1, 15, "die Minuten :00 sind unnötig", Level.WARNING),
    (
        "LS16",
        "Gehen Sie in das Bürgerbüro.\n",
        1,
        18,
        "„Bürgerbüro“ ist ein langes Wort",
        Level.WARNING,
    ),
    (
        "LS16",
        "Gehen Sie in das Bürger-büro.\n",
        1,
        25,
        "beginnt der Teil nach dem Bindestrich klein",
        Level.WARNING,
    ),
    (
        "LS17",
        "Bringen Sie Pass, Foto, Geld und Brief mit.\n",
        1,
        1,
        "der Satz zählt 4 Dinge auf",
        Level.WARNING,
    ),
    (
        "LS18",
        "".join(f"Das ist Satz {n}.\n" for n in range(1, 9)),
        1,
        1,
        "der Absatz hat 8 Sätze, gut sind höchstens 6",
        Level.WARNING,
    ),
    (
        "LS21",
        "Kommen Sie zum Marktplatz 1 in Musterstadt.\n",
        1,
        16,
        "die Adresse steht im Fließ·text",
        Level.ERROR,
    ),
    (
        "LS21",
        "Schreiben Sie an 12345 Musterstadt.\n",
        1,
        18,
        "die Adresse steht im Fließ·text",
        Level.ERROR,
    ),
    ("LS22", "Das ist *wichtig* für Sie.\n", 1, 9, "schräge Schrift", Level.WARNING),
    (
        "LS22",
        "Das ist WICHTIG für Sie.\n",
        1,
        9,
        "„WICHTIG“ steht in Groß·buchstaben",
        Level.WARNING,
    ),
    ("LS22", "Das ist ein Bürger\u00adbüro.\n", 1, 19, "weiches Trenn·zeichen", Level.ERROR),
    ("LS23", "Das ist wichtig[^1].\n\n[^1]: Mehr dazu.\n", 1, 16, "Fuß·noten", Level.ERROR),
    ("LS23", "Mehr dazu siehe unten.\n", 1, 11, "„siehe“ ist ein Verweis", Level.WARNING),
]

GOOD = [
    ("LS01", "Das ist ein Satz mit zehn Wörtern in dieser Zeile.\n"),
    # After a colon a new sentence starts: 4 + 8 words, not 12.
    ("LS01", "Der Bericht zeigt das: Wie leben die Menschen in den Stadt·teilen?\n"),
    ("LS02", "Das ist gut.\nDas ist auch gut.\n"),
    ("LS02", "Der Link heißt: Leichte Sprache.\n"),
    ("LS03", "Sie brauchen Hilfe.\nDann rufen Sie an.\n"),
    ("LS04", "Das WC ist im Erdgeschoss.\nSchreiben Sie eine E-Mail.\n"),
    ("LS05", "Das Büro ist heute zu.\n"),
    ("LS06", "Das Amt prüft den Antrag.\nDas Amt wird Ihnen helfen.\n"),
    ("LS07", "Das ist das Haus vom Maler.\n"),
    ("LS08", "Sie können morgen kommen.\nSie möchten einen Pass?\n"),
    ("LS09", "Das Büro ist im Rathaus.\nTelefon: 02398 678-330\n"),
    ("LS10", "Das kostet viel mehr.\n"),
    ("LS11", "Das ist das Dezernat 4.\n"),
    ("LS12", "Sie brauchen 2 Fotos.\nSie bekommen eine Karte.\n"),
    ("LS13", "Hier wohnen viele Menschen.\nDas war im Jahr 2024.\n"),
    ("LS14", "Das Fest ist am 15. August 2027.\n"),
    ("LS15", "Wir öffnen um 9 Uhr.\nWir schließen um 12:30 Uhr.\n"),
    ("LS16", "Gehen Sie in das Bürger·büro.\nGehen Sie in das Bürger-Büro.\nDas ist ein Haus.\n"),
    ("LS17", "Bringen Sie Pass, Foto und Geld mit.\n"),
    ("LS18", "Das ist Satz 1.\nDas ist Satz 2.\n\nDas ist Satz 3.\n"),
    ("LS21", "Die Adresse ist:\n\nMarktplatz 1  \n12345 Musterstadt\n"),
    ("LS22", "Das ist **wichtig** für Sie.\n"),
    ("LS23", "Mehr dazu lesen Sie hier: [Hilfe](hilfe.md).\n"),
]


@pytest.mark.parametrize(("rule", "text", "line", "col", "message", "level"), BAD)
def test_rule_finds_the_problem(
    rule: str, text: str, line: int, col: int, message: str, level: Level
) -> None:
    found = only(text, rule)
    assert found, f"{rule} found nothing in {text!r}: {lint(text)}"
    first = found[0]
    assert (first.line, first.col) == (line, col)
    assert message in first.message
    assert first.hint
    assert first.level is level


@pytest.mark.parametrize(("rule", "text"), GOOD)
def test_rule_accepts_good_text(rule: str, text: str) -> None:
    assert only(text, rule) == []


def test_format_names_the_rule_before_the_message() -> None:
    (finding,) = only("Das Büro ist heute nicht offen.\n", "LS05")
    assert finding.format() == (
        "content/leichte-sprache/test.md:1:20: LS05 „nicht“ ist eine Verneinung – sagen Sie es "
        "positiv, z. B. „Das Büro ist zu.“ statt „nicht offen“"
    )


def test_other_findings_keep_their_format() -> None:
    finding = Finding("data/x.yml", 3, 5, "feld", "was", "wie")
    assert finding.format() == "data/x.yml:3:5: feld: was – wie"


def test_markdown_syntax_is_not_text() -> None:
    text = (
        "# Überschrift mit (Klammer)\n\n"
        "Mehr lesen Sie [hier](https://example.org/a_(b)/c%20d).\n"
        "<!-- Kommentar (mit Klammern) -->\n"
        "```\ncode (x) 09:00 Uhr\n```\n"
        "Das ist `09:00` Code.\n"
    )
    rules = {f.rule for f in lint(text)}
    # The heading's bracket is real text; link target, comment and code are not.
    assert [f.col for f in lint(text) if f.rule == "LS09"] == [19, 27]
    assert "LS15" not in rules
    assert "LS10" not in rules


def test_positions_after_front_matter_point_into_the_source() -> None:
    text = "---\ntitle: Test\n---\n\n# Test\n\nDas ist gut. Das auch.\n"
    (finding,) = [
        f for f in lint_page("content/x.md", text, {"title": "Test"}, SETTINGS) if f.rule == "LS02"
    ]
    assert (finding.line, finding.col) == (7, 14)


def test_levels_and_thresholds_are_configurable() -> None:
    text = "Das Büro ist heute nicht offen.\n"
    strict = Einstellungen(regeln={"LS05": "fehler", "LS26": "aus"})
    assert [f.level for f in lint(text, strict) if f.rule == "LS05"] == [Level.ERROR]
    off = Einstellungen(regeln={"LS05": "aus", "LS26": "aus"})
    assert [f for f in lint(text, off) if f.rule == "LS05"] == []
    short = Einstellungen(satz_woerter_warnung=4, satz_woerter_fehler=5, regeln={"LS26": "aus"})
    (length,) = [f for f in lint(text, short) if f.rule == "LS01"]
    assert length.level is Level.ERROR and "höchstens 5" in length.message


def test_allowed_words_are_configurable() -> None:
    text = "Fragen Sie beim KI nach.\nDas ist die Musterstadt.\n"
    assert {f.rule for f in lint(text)} >= {"LS04", "LS16"}
    allowed = Einstellungen(erlaubt=("KI", "Musterstadt"), regeln={"LS26": "aus"})
    assert {f.rule for f in lint(text, allowed)} & {"LS04", "LS16"} == set()


def test_unreviewed_page_is_listed() -> None:
    (finding,) = [
        f
        for f in lint_page("content/x.md", "Das ist gut.\n", None, Einstellungen())
        if f.rule == "LS26"
    ]
    assert finding.level is Level.INFO
    assert finding.message == "die Seite wurde noch nicht von einer Prüfgruppe geprüft"


def test_issue_18_sentence_types_are_flagged_at_their_line() -> None:
    page = (
        "# Die Stadt\n"
        "\n"
        "Die Stadt, die am Fluss liegt, ist schön.\n"
        "Kommen Sie pünktlich, sonst verlieren Sie den Termin.\n"
        "Gemäß der Satzung zahlen Sie 5 Euro.\n"
        "Kommen Sie!!!\n"
        "Das nennt man: Wohn·geld.\n"
    )
    found = {(f.line, f.rule) for f in lint(page)}
    assert {(3, "LS03"), (4, "LS03"), (5, "LS24"), (6, "LS09")} <= found
    assert not [f for f in lint(page) if f.line == 7]


def test_impersonal_man_is_a_warning_of_ls19() -> None:
    settings = Einstellungen(regeln={"LS26": "aus"})
    [finding] = [f for f in lint("Hier kann man parken.\n", settings) if f.rule == "LS19"]
    assert (finding.line, finding.col, finding.level) == (1, 11, Level.WARNING)
    assert "Sie können" in finding.hint


def test_a_hard_word_the_site_allows_is_not_flagged() -> None:
    page = "Sie bekommen einen Bescheid.\n"
    assert [f.rule for f in lint(page)] == ["LS24"]
    assert "Brief vom Amt" in lint(page)[0].hint
    allowed = Einstellungen(regeln={"LS19": "aus", "LS26": "aus"}, erlaubt=["Bescheid"])
    assert lint(page, allowed) == []


OFFICIALESE = (
    "Die Antragstellung erfolgt unter Vorlage der erforderlichen Unterlagen bei der "
    "zuständigen Dienststelle.\n"
    "Die Bearbeitungsdauer beträgt in der Regel vier Wochen ab Eingang der vollständigen "
    "Unterlagen.\n"
)
PLAIN = (
    "Sie brauchen einen neuen Ausweis?\n"
    "Dann kommen Sie ins Bürger·büro.\n"
    "Bringen Sie ein Foto mit.\n"
    "Nach 3 Wochen ist der Ausweis fertig.\n"
)


def test_readability_flags_the_hard_paragraph_at_its_line() -> None:
    page = "# Ausweis\n\n" + PLAIN + "\n" + OFFICIALESE
    [finding] = [f for f in lint(page) if f.rule == "LS25"]
    assert finding.line == 8 and finding.level is Level.WARNING
    assert "Lesbarkeits-Index 60, gut ist höchstens 55" in finding.message
    assert [f for f in lint("# Ausweis\n\n" + PLAIN) if f.rule == "LS25"] == []


def test_the_readability_limit_is_a_setting_and_names_are_not_long_words() -> None:
    strict = Einstellungen(regeln={"LS19": "aus", "LS26": "aus"}, lix_hoechstens=20)
    assert [f.rule for f in lint(PLAIN, strict) if f.rule == "LS25"] == ["LS25"]
    named = "Musterstadt liegt am Fluss.\n" * 4
    assert [f for f in lint(named, strict) if f.rule == "LS25"]
    allowed = Einstellungen(
        regeln={"LS19": "aus", "LS26": "aus"}, lix_hoechstens=20, erlaubt=["Musterstadt"]
    )
    assert not [f for f in lint(named, allowed) if f.rule == "LS25"]
