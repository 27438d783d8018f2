"""Every value is checked after parsing: characters made by escapes, invisible and look-alike
characters, line breaks that shift line numbers, NFC, and addresses that carry more than one
recipient (issue 12)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from tests.sicherheit.payloads import Payload, refused_payloads

from rathaus.model import yamlread

if TYPE_CHECKING:
    from conftest import DataDir

# A unit whose fourth line each test writes; its name comes last where a test sets it.
UNIT = "- id: buergerbuero\n  art: amt\n"
NAMED = UNIT + "  name: Bürgerbüro\n"
# Categories no escaping makes harmless: controls, format characters, surrogates, separators.
_HARMFUL = {"Cc", "Cf", "Cs", "Zl", "Zp"}


@pytest.fixture(params=["libyaml", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with libyaml's fast path and with PyYAML's pure-Python parser alone."""
    if request.param == "pure":
        monkeypatch.setattr(yamlread, "_FAST_LOADER", None)
    elif yamlread._FAST_LOADER is None:
        pytest.fail("PyYAML without libyaml: the fast path cannot be tested")
    yield request.param


def _harmful_besides_line_feed(payload: Payload) -> bool:
    return any(c != "\n" and unicodedata.category(c) in _HARMFUL for c in payload.text)


@pytest.mark.parametrize("payload", refused_payloads, ids=lambda p: p.name)
@pytest.mark.parametrize("field", ["name", "raum", "einleitung"])
def test_refused_payloads_are_refused_whichever_parser_reads_them(
    site: DataDir, parser: str, payload: Payload, field: str
) -> None:
    # JSON string escapes are YAML double-quoted escapes: "\u202e", "\ud800", "\b", "\u0085".
    value = json.dumps(payload.text)
    site.write(einheiten=(UNIT if field == "name" else NAMED) + f"  {field}: {value}\n")
    if field == "einleitung" and not _harmful_besides_line_feed(payload):
        # A description may have several lines; one-line fields refuse the line feed.
        assert site.load().einheiten["buergerbuero"].einleitung == payload.text.strip()
        return
    errors = site.errors()
    where = {(f.file, f.line) for f in errors}
    assert where == {("data/einheiten.yml", 3 if field == "name" else 4)}, errors
    # Every finding can be printed: a lone surrogate never reaches an encoder.
    "\n".join(f.format() for f in errors).encode("utf-8")
    messages = [f.message for f in errors]
    if _harmful_besides_line_feed(payload):
        assert any("U+" in m and "in Spalte" in m for m in messages), messages
    else:
        assert messages == ["der Wert steht auf mehreren Zeilen"]


@pytest.mark.parametrize(
    ("line", "col", "needle"),
    [
        ('  name: "Bürger\\u200Bbüro"\n', 16, "unsichtbares Zeichen U+200B in Spalte 16"),
        ("  name: Bürger\u200bbüro\n", 15, "unsichtbares Zeichen U+200B in Spalte 15"),
        ('  name: "Marco \\u202EissoR"\n', 16, "Schreibrichtung U+202E in Spalte 16"),
        ('  name: "A\\tB"\n', 11, "Tabulator in Spalte 11"),
        ("  name: A\tB\n", 10, "Tabulator in Spalte 10"),
        ('  name: "A\\x85B"\n', 11, "Zeilentrenner U+0085 in Spalte 11"),
        ('  "na\\u200Bme": Bürgerbüro\n', 6, "unsichtbares Zeichen U+200B in Spalte 6"),
        ("  name: Bürger\u200dbüro\n", 15, "unsichtbares Zeichen U+200D in Spalte 15"),
        ("  kontakt:\n    email: a\u00adb@beispiel.example\n", 13, "U+00AD in Spalte 13"),
        ("  verwandt: [amt\u200c-50]\n", 17, "unsichtbares Zeichen U+200C in Spalte 17"),
        ("  kontakt:\n    kontaktformular: kon\u00adtakt.md\n", 25, "U+00AD in Spalte 25"),
    ],
    ids=[
        "escape",
        "literal",
        "bidi",
        "tab-escape",
        "tab-plain",
        "c1-escape",
        "key",
        "joiner-in-name",
        "soft-hyphen-in-email",
        "joiner-in-id",
        "soft-hyphen-in-page",
    ],
)
def test_forbidden_character_is_named_at_its_column(
    site: DataDir, parser: str, line: str, col: int, needle: str
) -> None:
    site.write(einheiten=(UNIT if "name" in line else NAMED) + line)
    row = (3 if "name" in line else 4) + line.count("\n") - 1
    found = site.errors().at(needle, "einheiten.yml", row, col)
    assert "löschen Sie" in found.hint or "ersetzen Sie" in found.hint


def test_invisible_characters_with_a_use_in_text_stay_in_descriptions(site: DataDir) -> None:
    # Soft hyphens break long German words; joiners build emoji and Persian words.
    site.write(
        einheiten=NAMED
        + "  einleitung: Bürger\u00adbüro für \u200c\u200d alle\n"
        + "  zugeordnet: Verwaltungs\u00advorstand\n"
        + "  leichte_sprache: |\n    Zeile\tmit Tabulator\n"
    )
    unit = site.load().einheiten["buergerbuero"]
    assert unit.einleitung == "Bürger\u00adbüro für \u200c\u200d alle"
    assert unit.zugeordnet == "Verwaltungs\u00advorstand"
    assert unit.leichte_sprache == "Zeile\tmit Tabulator"


def test_line_breaking_characters_never_shift_line_numbers(site: DataDir) -> None:
    # str.splitlines and YAML break lines at these; editors and git do not.
    raw = (
        "name: Stadt\n"
        "bundesland: NW\u0085\n"
        "# Kommentar \u2028 mit Trenner\n"
        "vorschau_tage: 30\u2029\n"
        "\x0c\n"
        "# Zeile 6 \x1e\n"
    )
    site.write(stadt=raw.encode())
    errors = site.errors()
    assert [(f.line, f.col) for f in errors] == [(2, 15), (3, 13), (4, 18), (5, 1), (6, 11)]
    assert all(f.message.startswith("Zeilentrenner U+") for f in errors)
    assert errors[0].message == "Zeilentrenner U+0085 in Spalte 15"


def test_a_file_full_of_control_characters_gives_a_bounded_list(site: DataDir) -> None:
    site.write(stadt=b"name: Stadt\nbundesland: NW\n# " + b"\x01" * 100_000 + b"\n")
    errors = site.errors()
    assert len(errors) == 21
    errors.at("und 99980 weitere solche Zeichen in der Datei", "stadt.yml", 3, 23)


def test_c1_control_in_the_bytes_is_refused(site: DataDir) -> None:
    site.write(stadt="name: Stadt\u009b\nbundesland: NW\n".encode())
    site.errors().at("unzulässiges Steuerzeichen U+009B in Spalte 12", "stadt.yml", 1, 12)


def test_text_is_normalised_to_nfc(site: DataDir, parser: str) -> None:
    decomposed = unicodedata.normalize("NFD", "Bürgerbüro Öffentlichkeit")
    site.write(einheiten=f"- id: buergerbuero\n  name: {decomposed}\n  art: amt\n")
    name = site.load().einheiten["buergerbuero"].name
    assert name == "Bürgerbüro Öffentlichkeit"
    assert unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize(
    ("address", "needle"),
    [
        ("erika@beispielstadt.example?bcc=angreifer@angreifer.example", "„?“"),
        ("erika@beispielstadt.example,angreifer@angreifer.example", "„,“"),
        ("erika@beispielstadt.example;angreifer@angreifer.example", "„;“"),
        ("erika%angreifer.example@beispielstadt.example", "„%“"),
        ("erika&x@beispielstadt.example", "„&“"),
        ('"erika muster@beispielstadt.example"', "ein Leerzeichen (U+0020)"),
        ("erika=x@beispielstadt.example", "„=“"),
    ],
    ids=["query", "comma", "semicolon", "percent", "ampersand", "blank", "equals"],
)
def test_email_never_carries_extra_recipients_or_headers(
    site: DataDir, address: str, needle: str
) -> None:
    site.write(
        personen="- id: erika-muster\n  name: Erika Muster\n  funktion: Leitung\n"
        f"  einheit: buergerbuero\n  email: {address}\n"
    )
    found = site.errors().at(needle, "personen.yml", 5)
    assert "ist in E-Mail-Adressen nicht erlaubt" in found.message
    assert "ohne ? & , ; und Leerzeichen" in found.hint


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("email", "erik\u0430@beispielstadt.example", "„а“ (U+0430, CYRILLIC SMALL LETTER A)"),
        ("email", "erika@m\u00fcnchen.example", "„ü“ (U+00FC) ist in E-Mail-Adressen"),
        (
            "kontaktformular",
            "https://www.beispielst\u0430dt.example/kontakt",
            "„а“ (U+0430, CYRILLIC SMALL LETTER A) sieht aus wie ein lateinischer Buchstabe",
        ),
        (
            "kontaktformular",
            "https://www.beispielstadt.example@angreifer.example/",
            "einen Teil mit @",
        ),
    ],
    ids=["cyrillic-email", "umlaut-email", "cyrillic-host", "user-part"],
)
def test_look_alike_addresses_are_refused_naming_the_character(
    site: DataDir, field: str, value: str, needle: str
) -> None:
    site.write(einheiten=NAMED + f"  kontakt:\n    {field}: {value}\n")
    found = site.errors().at(needle, "einheiten.yml", 5, 12 if field == "email" else 22)
    assert "lateinischen Buchstaben" in found.hint or "ohne ihn" in found.hint


def test_punycode_hosts_and_paths_with_umlauts_are_addresses(site: DataDir) -> None:
    site.write(
        einheiten=NAMED + "  kontakt:\n    email: erika.muster+amt@xn--mnchen-3ya.example\n"
        "    kontaktformular: https://xn--mnchen-3ya.example/bürgerbüro?x=1\n"
    )
    kontakt = site.load().einheiten["buergerbuero"].kontakt
    assert kontakt is not None
    assert kontakt.email == "erika.muster+amt@xn--mnchen-3ya.example"
    assert kontakt.kontaktformular == "https://xn--mnchen-3ya.example/bürgerbüro?x=1"
