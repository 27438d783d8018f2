"""`rathaus oparl import`: reading an OParl 1.1 export, idempotency, editor fields, report."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from rathaus.cli import main
from rathaus.model import load_site
from rathaus.oparl.export import Export, ExportError, url_to_relpath
from rathaus.oparl.importer import import_oparl
from tests.model.conftest import DataDir

EXPORT = Path(__file__).parent.parent / "fixtures" / "oparl" / "musterstadt"
BODY = "https://ris.musterstadt.example/oparl/v1.1/body/1"
TODAY = date(2027, 3, 1)


@pytest.fixture
def site(tmp_path: Path) -> DataDir:
    (tmp_path / "site").mkdir()
    data = DataDir(tmp_path / "site")
    # A unit and a location the importer can match (lead office, meeting venue).
    data.write(
        einheiten="""\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          standort: rathaus
        - id: sozialamt
          name: Sozialamt
          art: amt
          nummer: Amt 50
        """,
        personen=None,
        standorte="""\
        - id: rathaus
          name: Rathaus
          adresse:
            strasse: Markt 1
            plz: "01067"
            ort: Musterstadt
        - id: altes-rathaus
          name: Altes Rathaus
          adresse:
            strasse: Kirchplatz 3
            plz: "12345"
            ort: Musterstadt
        """,
    )
    return data


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """A copy of the export that a test may change."""
    target = tmp_path / "export"
    shutil.copytree(EXPORT, target)
    return target


def _page(export: Path, url: str) -> Path:
    return export / url_to_relpath(url)


def _edit(export: Path, url: str, change: object) -> None:
    path = _page(export, url)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_pagination_follows_next_links() -> None:
    data = Export(EXPORT)
    body = data.get(BODY)
    assert body is not None
    meetings = list(data.items(body["meeting"]))
    assert len(meetings) == 8  # three pages of 3, 3 and 2
    assert len(list(data.items(body["paper"]))) == 7  # two pages
    assert len(list(data.items(body["person"]))) == 21  # two pages
    assert _page(EXPORT, f"{BODY}/meeting?page=3").is_file()


def test_missing_page_is_a_german_error(export: Path) -> None:
    _page(export, f"{BODY}/meeting?page=2").unlink()
    data = Export(export)
    body = data.get(BODY)
    assert body is not None
    with pytest.raises(ExportError, match="diese Listenseite fehlt im Export"):
        list(data.items(body["meeting"]))


def test_single_file_bundle_reads_like_the_folder(tmp_path: Path) -> None:
    bundle = {}
    for path in EXPORT.rglob("*.json"):
        rel = path.relative_to(EXPORT).as_posix().removesuffix(".json")
        page, _, query = rel.partition("~")
        bundle["https://" + page + (f"?{query}" if query else "")] = json.loads(
            path.read_text(encoding="utf-8")
        )
    single = tmp_path / "export.json"
    single.write_text(json.dumps(bundle), encoding="utf-8")
    assert set(Export(single).objects) == set(Export(EXPORT).objects)


def test_first_import_writes_a_valid_file(site: DataDir) -> None:
    result = import_oparl(site.root, EXPORT, TODAY, ["Integrationsrat"])
    assert result.written
    assert result.lines()[0] == "Integrationsrat: neu angelegt, 6 neue Sitzungen, 6 neue Vorlagen"
    assert "Hinweis: Integrationsrat: tragen Sie geschaeftsstelle: (Kennung der Einheit) ein" in (
        result.lines()
    )
    text = (site.data / "gremien.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/gremien.schema.json"
    assert "\n- id: integrationsrat\n" in text
    assert "Beispiel" not in text  # names of people are never copied
    body = load_site(site.root).gremien["integrationsrat"]
    assert body.oparl_id == f"{BODY}/organization/2"
    # The ended membership is not counted; roles become counts.
    assert [(m.funktion, m.anzahl) for m in body.mitglieder][:2] == [
        ("Vorsitz", 1),
        ("stellvertretender Vorsitz", 2),
    ]
    assert sum(m.anzahl for m in body.mitglieder) == 20
    by_name = {m.name: m for m in body.sitzungen}
    assert by_name["5. Sitzung des Integrationsrats"].standort == "altes-rathaus"
    assert by_name["Sondersitzung des Integrationsrats"].abgesagt
    bare = by_name["7. Sitzung des Integrationsrats"]  # no end, no location, no page
    assert (bare.ende, bare.ort, bare.url, bare.oeffentlich) == (None, None, None, None)
    assert "4. Sitzung des Integrationsrats" in by_name
    assert "12. Sitzung des Rats" not in by_name  # another body's meeting
    papers = {p.nummer: p for p in body.vorlagen}
    assert papers["V/2026/123"].federfuehrend == "sozialamt"  # matched by name
    assert papers["V/2026/123"].art.value == "mitteilung"
    assert papers["A/2026/045"].art.value == "antrag"
    assert papers["V/2027/021"].federfuehrend is None  # no unit fits: named only
    assert papers["V/2027/021"].federfuehrend_name == "Amt 61 – Stadtplanung"
    assert None in papers  # the paper without a reference
    assert papers[None].dokument is None and papers[None].url is None
    assert "V/2026/188" not in papers  # the budget goes to the council only
    steps = papers["V/2026/101"].beratungen
    assert [(b.datum.isoformat(), b.gremium, b.rolle) for b in steps] == [
        ("2026-11-10", "Integrationsrat", "Vorberatung"),
        ("2026-12-10", "Rat der Stadt Musterstadt", "Entscheidung"),
    ]
    assert steps[0].ergebnis == "einstimmig empfohlen" and steps[0].oeffentlich is True


def test_second_import_changes_nothing(site: DataDir) -> None:
    import_oparl(site.root, EXPORT, TODAY, ["Integrationsrat"])
    before = (site.data / "gremien.yml").read_bytes()
    result = import_oparl(site.root, EXPORT, TODAY)
    assert not result.written
    assert result.lines()[0] == "keine Änderungen"
    assert (site.data / "gremien.yml").read_bytes() == before


def test_editor_fields_and_comments_survive(site: DataDir) -> None:
    import_oparl(site.root, EXPORT, TODAY, ["Integrationsrat"])
    path = site.data / "gremien.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  art: Beirat\n",
        "  art: Beirat\n"
        "  # Von der Geschäftsstelle gepflegt\n"
        "  aufgabe: >-\n    Berät den Rat.\n"
        "  geschaeftsstelle: buergerbuero\n",
    )
    text = text.replace(
        "      titel: Mehrsprachige Wegweiser im Rathaus\n",
        "      titel: Mehrsprachige Wegweiser im Rathaus\n"
        "      zusammenfassung: Schilder auf Türkisch.\n",
    )
    text = text.replace("      federfuehrend: sozialamt\n", "      federfuehrend: buergerbuero\n")
    text = text.replace("      name: 5. Sitzung des", "      name: Fünfte Sitzung des")
    text = text.replace(
        "      beginn: 2027-05-11 17:00\n",
        "      beginn: 2027-05-11 17:00\n      hinweis: Mit Dolmetschung.\n",
    )
    path.write_text(text, encoding="utf-8")

    result = import_oparl(site.root, EXPORT, TODAY)
    assert result.lines()[0] == "Integrationsrat: 1 geänderte Sitzung"
    after = path.read_text(encoding="utf-8")
    assert "  # Von der Geschäftsstelle gepflegt\n  aufgabe: >-\n    Berät den Rat.\n" in after
    body = load_site(site.root).gremien["integrationsrat"]
    assert body.geschaeftsstelle == "buergerbuero"
    papers = {p.nummer: p for p in body.vorlagen}
    assert papers["A/2026/045"].zusammenfassung == "Schilder auf Türkisch."
    assert papers["V/2026/123"].federfuehrend == "buergerbuero"  # pre-filled once, then theirs
    names = [m.name for m in body.sitzungen]
    assert "5. Sitzung des Integrationsrats" in names  # imported field restored
    assert body.sitzungen[-1].hinweis == "Mit Dolmetschung."
    assert import_oparl(site.root, EXPORT, TODAY).lines()[0] == "keine Änderungen"


def test_change_report(site: DataDir, export: Path) -> None:
    import_oparl(site.root, export, TODAY, ["Integrationsrat"])

    def new_meeting_and_deleted_one(page: dict[str, object]) -> None:
        data = page["data"]
        assert isinstance(data, list)
        special = next(m for m in data if m["id"].endswith("/meeting/6"))
        special["deleted"] = True  # the cancelled special meeting
        data.append(
            {
                "id": "https://ris.musterstadt.example/oparl/v1.1/meeting/9",
                "type": "https://schema.oparl.org/1.1/Meeting",
                "name": "8. Sitzung des Integrationsrats",
                "start": "2027-09-14T17:00:00+02:00",
                "organization": [f"{BODY}/organization/2"],
            }
        )

    def retitled(page: dict[str, object]) -> None:
        data = page["data"]
        assert isinstance(data, list)
        data[0]["name"] = "Fortschreibung des Integrationskonzepts 2027 bis 2032"

    _edit(export, f"{BODY}/meeting?page=2", new_meeting_and_deleted_one)
    _edit(export, f"{BODY}/paper", retitled)
    result = import_oparl(site.root, export, TODAY)
    assert result.lines()[0] == (
        "Integrationsrat: 1 neue Sitzung, 1 entfernte Sitzung, 1 geänderte Vorlage"
    )
    body = load_site(site.root).gremien["integrationsrat"]
    names = [m.name for m in body.sitzungen]
    assert "Sondersitzung des Integrationsrats" not in names
    assert names[-1] == "8. Sitzung des Integrationsrats"


def test_cli(site: DataDir, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--root", str(site.root), "oparl", "import", str(EXPORT)]
    assert main([*args, "--gremium", "IR"]) == 0
    assert capsys.readouterr().out.startswith("Integrationsrat: neu angelegt")
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("keine Änderungen")
    assert main([*args, "--gremium", "Gartenbeirat"]) == 2
    assert "das Gremium „Gartenbeirat“ steht nicht im Export" in capsys.readouterr().err
    assert main([*args[:-1], str(site.root / "fehlt")]) == 2
    assert "fehlt" in capsys.readouterr().err


def test_without_selection_all_bodies_of_type_gremium_are_imported(site: DataDir) -> None:
    result = import_oparl(site.root, EXPORT, TODAY)
    assert [b.name for b in result.bodies] == [
        "Rat der Stadt Musterstadt",
        "Integrationsrat",
        "Ausschuss für Soziales, Gesundheit und Senioren",
    ]
    assert len(load_site(site.root).gremien) == 3
