"""The handbook's field reference follows the data model; it fails when a field is undocumented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rathaus.handbuch.felder import reference, undocumented
from rathaus.model.site import RECORD_FILES, STADT_FILE, STATEMENT_FILE
from tests.conftest import build_site, parse, set_feature


def test_every_field_has_a_meaning_and_an_example() -> None:
    # A new field needs a description (and, unless the type gives one, an example) in the
    # model – or an entry in rathaus/handbuch/felder.py DESCRIPTIONS/EXAMPLES.
    assert undocumented() == []


def test_every_data_file_and_top_level_field_is_listed() -> None:
    files = {f.name: {field.path for field in f.fields} for f in reference()}
    expected = {f"data/{name}" for name in [*RECORD_FILES, STADT_FILE, STATEMENT_FILE]}
    assert set(files) == expected
    for name, model in RECORD_FILES.items():
        assert set(model.model_fields) <= files[f"data/{name}"], name


def test_nested_fields_and_lists_have_paths() -> None:
    units = next(f for f in reference() if f.name == "data/einheiten.yml")
    by_path = {field.path: field for field in units.fields}
    montag = by_path["oeffnungszeiten.woche.montag"]
    assert (montag.kind, montag.example) == ("Text oder Liste davon", "8:00-12:00")
    assert by_path["oeffnungszeiten.ausnahmen[].grund"].required
    assert by_path["art"].example == "amt"
    assert by_path["art"].kind.startswith("einer von: amt, ")
    # Names and texts state their maximum length, taken from the schema.
    assert by_path["name"].kind == "Text, höchstens 120 Zeichen"
    assert by_path["themen"].kind == "Liste: Text, höchstens 120 Zeichen"


def test_built_page_shows_every_field(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("klein")
    set_feature(root, "handbuch", {})
    out = build_site(root)
    tree = parse(out / "handbuch" / "felder" / "index.html")
    [title] = tree.css("article h1")
    assert title.text(strip=True) == "Alle Felder der Datendateien"
    headings = [h.text(strip=True) for h in tree.css("article h2")]
    assert headings == [f.name for f in reference()]
    lists = tree.css("article dl.rathaus-felder")
    assert len(lists) == len(headings)
    for data_file, dl in zip(reference(), lists, strict=True):
        terms = [dt.css_first("code").text() for dt in dl.css("dt")]
        assert terms == [field.path for field in data_file.fields]
        assert all(dd.css_first("p") is not None for dd in dl.css("dd"))
    # Headings of the generated HTML reach the table of contents.
    toc = [a.text(strip=True) for a in tree.css("nav.md-nav--secondary a")]
    assert "data/einheiten.yml" in toc


def test_council_members_are_described_as_the_model_says() -> None:
    """The handbook took `mitglieder` from a table keyed by bare field name: "Mitglieder mit
    Name und Rolle", where the model stores functions and counts, never names."""
    from rathaus.model.gremien import Gremium

    [gremien] = [f for f in reference() if f.name == "data/gremien.yml"]
    [field] = [f for f in gremien.fields if f.path == "mitglieder"]
    assert field.description == Gremium.model_fields["mitglieder"].description
    assert "nie Namen" in field.description


def test_fields_of_the_same_name_keep_their_own_examples() -> None:
    """A person's name is not an office's name: each file's `name` has its own example."""
    names = {
        data_file.name: field.example
        for data_file in reference()
        for field in data_file.fields
        if field.path == "name"
    }
    assert len(set(names.values())) == len(names), names
