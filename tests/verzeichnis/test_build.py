"""Build the small fixture site and check the generated pages by parsing their HTML."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import phonenumbers
import pytest
import vobject
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from rathaus.adapter import run_checks
from tests.conftest import build_site, parse


@pytest.fixture
def built(fixture_site: Callable[[str], Path]) -> Path:
    return build_site(fixture_site("klein"))


def _article(page: LexborHTMLParser) -> LexborHTMLParser:
    node = page.css_first("article")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def test_unit_page_has_sections_in_order(built: Path) -> None:
    page = parse(built / "verwaltung" / "buergerbuero" / "index.html")
    assert page.css_first("h1").text() == "Bürgerbüro"
    headings = [h.text() for h in _article(page).css("h2")]
    assert headings == [
        "Auf einen Blick",
        "Zuordnung",
        "Aufgaben",
        "Ansprechpersonen",
        "Kontakt",
        "Standort",
        "Öffnungszeiten",
        "Das könnte Sie auch interessieren",
    ]
    toc = [a.text(strip=True) for a in page.css("nav.md-nav--secondary a")]
    assert "Öffnungszeiten" in toc and "Aufgaben" in toc


def test_unit_hierarchy_links_both_ways(built: Path) -> None:
    child = parse(built / "verwaltung" / "integration" / "index.html")
    links = {a.text(): a.attributes["href"] for a in _article(child).css("#zuordnung + ul a")}
    assert links == {"Bürgerbüro": "../buergerbuero/"}
    parent = parse(built / "verwaltung" / "buergerbuero" / "index.html")
    children = [a.text() for a in _article(parent).css("#zuordnung + ul a")]
    assert children == ["Stabsstelle Integration & Teilhabe"]


def test_data_strings_are_escaped(built: Path) -> None:
    page = parse(built / "verwaltung" / "integration" / "index.html")
    functions = [p.text() for p in page.css(".rathaus-kontakt__funktion")]
    assert "Geschäftsführung Integrationsrat <Büro>" in functions
    assert page.css_first("Büro") is None


def test_hours_table_is_a_real_table(built: Path) -> None:
    page = parse(built / "verwaltung" / "buergerbuero" / "index.html")
    table = page.css_first("#oeffnungszeiten ~ .rathaus-zeiten table")
    assert table.css_first("caption").text() == "Öffnungszeiten: Bürgerbüro"
    assert [th.attributes["scope"] for th in table.css("thead th")] == ["col", "col"]
    rows = {
        row.css_first("th").text(): row.css_first("td").text(separator=" ", strip=True)
        for row in table.css("tbody tr")
    }
    # Monday to Friday always, Saturday because it has hours, Sunday not.
    assert list(rows) == ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
    assert rows["Montag"] == "8:00 bis 12:00 Uhr 14:00 bis 16:00 Uhr"
    assert rows["Dienstag"] == "geschlossen"
    times = [t.attributes["datetime"] for t in table.css("tbody tr:first-child time")]
    assert times == ["08:00", "12:00", "14:00", "16:00"]
    notes = [p.text() for p in page.css(".rathaus-zeiten__termin")]
    assert notes == ["Außerdem sind Termine nach Vereinbarung möglich."]


def test_upcoming_exceptions_and_holidays(built: Path) -> None:
    # The build date is 2027-03-01 (SOURCE_DATE_EPOCH in conftest), 60 days ahead.
    page = parse(built / "verwaltung" / "buergerbuero" / "index.html")
    items = [
        li.text(separator=" ", strip=True) for li in page.css(".rathaus-zeiten__abweichungen li")
    ]
    assert items[0].startswith("Montag, 15. März 2027") and items[0].endswith("Inventur")
    # Ostermontag is a Monday with hours; Karfreitag is a Friday without: not listed.
    assert any(i.startswith("Montag, 29. März 2027") and "Ostermontag" in i for i in items)
    assert not any("Karfreitag" in i for i in items)


def test_appointment_only_has_no_table(built: Path) -> None:
    page = parse(built / "verwaltung" / "integration" / "index.html")
    hours = page.css_first(".rathaus-zeiten")
    assert hours.css_first("table") is None
    assert hours.css_first(".rathaus-zeiten__termin").text() == "Termine nur nach Vereinbarung."


def test_phone_links_are_e164(built: Path) -> None:
    page = parse(built / "verwaltung" / "integration" / "index.html")
    hrefs = [a.attributes["href"] for a in page.css("a[href^='tel:']")]
    assert hrefs == ["tel:+492345678201", "tel:+4917612345678"]
    for href in hrefs:
        number = phonenumbers.parse(href.removeprefix("tel:"))
        assert phonenumbers.is_valid_number(number)
    mail = [
        a.attributes["href"]
        for a in parse(built / "ansprechpersonen" / "index.html").css("a[href^='mailto:']")
    ]
    assert "mailto:erika.muster@testdorf.example" in mail


def test_json_ld_describes_the_office(built: Path) -> None:
    page = parse(built / "verwaltung" / "buergerbuero" / "index.html")
    scripts = page.css("script[type='application/ld+json']")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOffice"
    assert data["url"] == "https://www.testdorf.example/verwaltung/buergerbuero/"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Marktplatz 1",
        "postalCode": "01067",
        "addressLocality": "Testdorf",
        "addressCountry": "DE",
    }
    assert data["telephone"] == "+492345678100"
    assert data["contactPoint"][0]["@type"] == "ContactPoint"
    assert data["contactPoint"][0]["availableLanguage"] == ["Deutsch", "Türkisch"]
    monday = [s for s in data["openingHoursSpecification"] if s["dayOfWeek"].endswith("Monday")]
    assert [(s["opens"], s["closes"]) for s in monday] == [("08:00", "12:00"), ("14:00", "16:00")]
    special = data["specialOpeningHoursSpecification"]
    inventur = next(s for s in special if s["description"] == "Inventur")
    assert (inventur["validFrom"], inventur["opens"], inventur["closes"]) == (
        "2027-03-15",
        "00:00",
        "00:00",
    )


def test_vcards_parse(built: Path) -> None:
    card = vobject.readOne((built / "ansprechpersonen" / "erika-muster.vcf").read_text())
    assert card.fn.value == "Erika Muster"
    assert card.title.value == "Leitung"
    assert card.tel.value == "+492345678101"
    assert card.adr.value.code == "01067"
    assert card.adr.value.extended == "Zimmer #12"
    unit = vobject.readOne((built / "verwaltung" / "buergerbuero.vcf").read_text())
    assert unit.fn.value == "Bürgerbüro"
    assert sorted(t.value for t in unit.contents["tel"]) == ["+492345678100", "+492345678199"]


def test_directives_on_handwritten_page(built: Path) -> None:
    page = parse(built / "index.html")
    table = page.css_first(".rathaus-zeiten table")
    assert table is not None and table.css_first("caption").text() == "Öffnungszeiten: Bürgerbüro"
    subheadings = [h.tag for h in page.css(".rathaus-zeiten h3, .rathaus-zeiten h2")]
    assert subheadings == ["h3"]  # `ebene: 3` from the directive
    card = page.css_first(".rathaus-kontakt")
    assert card.css_first("h2").text() == "Erika Muster"
    # The example inside a code fence stays text.
    assert "gibt-es-nicht" in page.css_first("pre code").text()


def test_people_directory_in_german_order(built: Path) -> None:
    page = parse(built / "ansprechpersonen" / "index.html")
    letters = [h.text() for h in page.css("article h2")]
    assert letters == ["M", "O"]  # Muster, then Özdemir sorted with O
    names = [h.text() for h in page.css(".rathaus-person h3")]
    assert names == ["Erika Muster", "Özgür Özdemir"]


def test_locations_page_shows_access(built: Path) -> None:
    page = parse(built / "standorte" / "index.html")
    facts = {
        div.css_first("dt").text(): div.css_first("dd").text()
        for div in page.css(".rathaus-zugang > div")
    }
    assert facts["Stufenloser Eingang"] == "ja"
    assert facts["Aufzug"] == "nein"
    assert facts["Rollstuhlgerechtes WC"] == "keine Angabe"
    units = [a.text() for a in page.css("#rathaus-einheiten + ul a")]
    assert units == ["Bürgerbüro"]


def test_handwritten_page_wins_over_generated(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("klein")
    (root / "content" / "standorte.md").write_text("# Unsere Häuser\n\nEigener Text.\n")
    out = build_site(root)
    page = parse(out / "standorte" / "index.html")
    assert page.css_first("h1").text() == "Unsere Häuser"
    assert page.css_first(".rathaus-standort") is None
    assert not (root / "content" / "verwaltung").exists()  # nothing generated on disk


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        (
            "data/personen.yml",
            "- id: erika-muster\n  name: Erika\n  funktion: x\n"
            "  einheit: buergerbuero\n  tlefon: 1\n",
            "data/personen.yml:5:3: tlefon: unbekanntes Feld – meinten Sie „telefon“?",
        ),
        (
            "content/index.md",
            "# Start\n\n<!-- rathaus/kontakt { person: niemand } -->\n",
            "content/index.md:3:1: rathaus/kontakt: person „niemand“ gibt es nicht",
        ),
        (
            "content/index.md",
            "---\ntitle: [kaputt\n---\n# Start\n",
            "content/index.md:",
        ),
    ],
)
def test_build_fails_with_german_findings(
    fixture_site: Callable[[str], Path],
    caplog: pytest.LogCaptureFixture,
    file: str,
    text: str,
    expected: str,
) -> None:
    root = fixture_site("klein")
    (root / file).write_text(text, encoding="utf-8")
    with pytest.raises(Abort):
        build_site(root)
    assert expected in caplog.text


def test_symlink_out_of_content_fails_build(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = fixture_site("klein")
    (root / "content" / "passwd.md").symlink_to("/etc/hostname")
    with pytest.raises(Abort):
        build_site(root)
    assert "content/passwd.md:1:1: die Datei verweist" in caplog.text


def test_unused_data_file_is_a_strict_warning(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("klein")
    (root / "data" / "notizen.yml").write_text("a: 1\n")
    with pytest.raises(Abort):
        build_site(root)


def test_a_dezernat_is_a_unit_of_its_own_kind(fixture_site: Callable[[str], Path]) -> None:
    """The office of a Beigeordnete: no stand-in unit shown as „Fachbereich“ (issue 14)."""
    root = fixture_site("klein")
    units = root / "data" / "einheiten.yml"
    text = units.read_text(encoding="utf-8")
    dezernat = (
        "- id: dezernat-2\n  name: Dezernat II – Soziales und Integration\n  art: dezernat\n"
        "  zugeordnet: Beigeordnete für Soziales\n"
    )
    text = text.replace("  uebergeordnet: buergerbuero\n", "  uebergeordnet: dezernat-2\n")
    units.write_text(dezernat + text, encoding="utf-8")
    site = build_site(root)
    page = _article(parse(site / "verwaltung" / "integration" / "index.html"))
    links = [
        a.text(strip=True) for a in page.css("a") if "dezernat-2" in (a.attributes["href"] or "")
    ]
    assert links == ["Dezernat II – Soziales und Integration"]
    own = parse(site / "verwaltung" / "dezernat-2" / "index.html").css_first(
        ".rathaus-einheit__art"
    )
    assert own is not None and own.text(strip=True) == "Dezernat"
    kinds = parse(site / "verwaltung" / "index.html").css(".rathaus-liste__art")
    assert "Dezernat" in [kind.text(strip=True) for kind in kinds]


def test_a_persons_own_consultation_hours_show_wherever_the_person_does(
    fixture_site: Callable[[str], Path],
) -> None:
    """Sprechzeiten per person (issue 14): on the unit page, in the directory, in a directive."""
    root = fixture_site("klein")
    people = root / "data" / "personen.yml"
    text = people.read_text(encoding="utf-8")
    marker = "  sprachen: [de, tr]\n"
    assert marker in text
    hours = "  sprechzeiten:\n    woche:\n      dienstag: 9:00-12:00\n    nach_vereinbarung: ja\n"
    people.write_text(text.replace(marker, marker + hours), encoding="utf-8")
    site = build_site(root)
    for page in ("verwaltung/buergerbuero", "ansprechpersonen", ""):
        tree = parse(site / page / "index.html")
        captions = [c.text(strip=True) for c in tree.css("article caption")]
        assert "Sprechzeiten: Erika Muster" in captions, page
        [table] = [t for t in tree.css("article table") if "Sprechzeiten" in t.text()]
        rows = {
            row.css_first("th").text(strip=True): row.css_first("td").text(strip=True)
            for row in table.css("tbody tr")
        }
        assert rows["Dienstag"].startswith("9:00") and rows["Montag"] == "geschlossen"


def test_an_address_without_postcode_is_shown_without_a_gap(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    data = root / "data" / "standorte.yml"
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            "    plz: 01067\n    ort: Testdorf", "    ort: Testdorf-Nord"
        ),
        encoding="utf-8",
    )
    built = build_site(root)
    page = parse(built / "verwaltung" / "buergerbuero" / "index.html")
    address = _article(page).css_first(".rathaus-adresse")
    assert address is not None
    assert [line.strip() for line in address.text().splitlines() if line.strip()] == [
        "Rathaus Testdorf",
        "Marktplatz 1",
        "Testdorf-Nord",
    ]
    data_ld = json.loads(page.css_first("script[type='application/ld+json']").text())
    assert data_ld["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Marktplatz 1",
        "addressLocality": "Testdorf-Nord",
        "addressCountry": "DE",
    }
    card = vobject.readOne((built / "ansprechpersonen" / "erika-muster.vcf").read_text())
    assert (card.adr.value.code, card.adr.value.city) == ("", "Testdorf-Nord")


def _introduction(root: Path, text: str) -> None:
    data = root / "data" / "einheiten.yml"
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            "  einleitung: Erste Anlaufstelle im Rathaus.", f"  einleitung: {text}", 1
        ),
        encoding="utf-8",
    )


def test_markdown_in_an_introduction_is_rendered_and_plain_in_json_ld(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    _introduction(root, "Erste *Anlaufstelle*, siehe [Startseite](index.md#oben). <b>x</b>")
    page = parse(build_site(root) / "verwaltung" / "buergerbuero" / "index.html")
    intro = _article(page).css_first(".rathaus-einheit > p:not(.rathaus-einheit__art)")
    assert intro is not None
    link = intro.css_first("a")
    assert link is not None and link.attributes["href"] == "../../#oben"
    assert intro.css_first("em").text() == "Anlaufstelle"
    assert intro.css("b") == [] and "<b>x</b>" in intro.text()
    data = json.loads(page.css_first("script[type='application/ld+json']").text())
    assert data["description"] == "Erste Anlaufstelle, siehe Startseite. <b>x</b>"


def test_a_link_in_an_introduction_to_a_missing_page_is_found_at_its_unit(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    _introduction(root, "Siehe [Start](indx.md) und [Ordner](verwaltung/).")
    findings = [f for f in run_checks(root) if f.rule == "link"]
    assert sorted((f.file, f.line, f.field, f.message, f.hint) for f in findings) == [
        (
            "data/einheiten.yml",
            1,
            "einleitung",
            "der Link „verwaltung/“ nennt keine Seite in content/ (Zeile 1 des Texts)",
            "verlinken Sie die Markdown-Datei der Seite (ab dem Ordner content/, z. B. "
            "kontakt.md) oder eine https-Adresse",
        ),
        (
            "data/einheiten.yml",
            1,
            "einleitung",
            "die verlinkte Seite „indx.md“ gibt es nicht (Zeile 1 des Texts)",
            "meinten Sie „index.md“?",
        ),
    ]


def test_the_unit_page_opens_with_what_residents_look_for(built: Path) -> None:
    page = parse(built / "verwaltung" / "buergerbuero" / "index.html")
    glance = _article(page).css_first("section.rathaus-blick")
    assert glance is not None and glance.css_first("h2").text() == "Auf einen Blick"
    facts = {div.css_first("dt").text(): div.css_first("dd") for div in glance.css("dl > div")}
    # Reach, when, where first; the e-mail address (long, wraps on a phone) last.
    assert [label.split(",")[0] for label in facts] == [
        "Telefon",
        "Heute",
        "Adresse",
        "Eingang",
        "E-Mail",
    ]
    assert facts["Telefon"].css_first("a").attributes["href"] == "tel:+492345678100"
    assert facts["E-Mail"].text() == "buergerbuero@testdorf.example"
    # The build day (SOURCE_DATE_EPOCH of the tests) is Monday, 1 March 2027.
    today = facts["Heute, Montag, 1. März 2027"]
    assert " ".join(today.text().split()) == (
        "geöffnet 8:00–12:00 und 14:00–16:00 Uhr, sonst nach Vereinbarung Alle Öffnungszeiten"
    )
    assert [t.attributes["datetime"] for t in today.css("time")] == [
        "08:00",
        "12:00",
        "14:00",
        "16:00",
    ]
    assert today.css_first("a").attributes["href"] == "#oeffnungszeiten"
    address = facts["Adresse"]
    assert address.text().startswith("Rathaus Testdorf, Marktplatz 1, 01067 Testdorf")
    route = address.css_first("a").attributes["href"]
    assert route == (
        "https://www.openstreetmap.org/search?query=Marktplatz%201%2C%2001067%20Testdorf"
    )
    assert facts["Eingang"].text().startswith("stufenlos")
    assert facts["Eingang"].css_first("a").attributes["href"] == "#standort-zugang"
    assert page.css_first("#standort-zugang") is not None


def test_a_persons_room_names_its_building(built: Path) -> None:
    page = _article(parse(built / "ansprechpersonen" / "index.html"))
    rooms = [
        div.css_first("dd")
        for div in page.css(".rathaus-kontakt dl > div")
        if div.css_first("dt").text() == "Raum"
    ]
    assert [" ".join(room.text().split()) for room in rooms] == ["Zimmer #12, Rathaus Testdorf"]
    link = rooms[0].css_first("a")
    assert link is not None and link.attributes["href"].endswith("standorte/#rathaus")
