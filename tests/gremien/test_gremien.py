"""Council bodies: reference checks in data/gremien.yml and the generated body page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from rathaus.adapter import run_checks
from tests.conftest import FIXTURES, build_site, parse
from tests.model.conftest import DataDir

BODY = """\
    - id: integrationsrat
      name: Integrationsrat
      geschaeftsstelle: buergerbuer
      sitzungen:
        - name: 1. Sitzung
          beginn: 2027-03-02 17:00
          ende: 16:00
          standort: rathause
      vorlagen:
        - nummer: V/2027/1
          titel: Eine Vorlage
          art: beschluss
          datum: 2027-02-01
          federfuehrend: buergerbuero
    """


def test_field_findings_in_gremien_yml(tmp_path: Path) -> None:
    site = DataDir(tmp_path)
    site.write(gremien=BODY)
    errors = site.errors()
    errors.at("liegt nicht nach dem Beginn", "gremien.yml", 7, 13)
    errors.at("„beschluss“ ist hier nicht erlaubt", "gremien.yml", 12, 12)


def test_reference_findings_in_gremien_yml(tmp_path: Path) -> None:
    site = DataDir(tmp_path)
    site.write(gremien=BODY.replace("ende: 16:00", "ende: 19:00").replace("beschluss", "vorlage"))
    errors = site.errors()
    office = errors.at("die Einheit „buergerbuer“", "gremien.yml", 3, 21)
    assert office.hint == "meinten Sie „buergerbuero“?"
    assert office.field == "geschaeftsstelle"
    place = errors.at("den Standort „rathause“", "gremien.yml", 8, 17)
    assert place.hint == "meinten Sie „rathaus“?"
    assert place.field == "sitzungen[1].standort"
    assert len(errors) == 2


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("gremien") / "site"
    shutil.copytree(FIXTURES / "termine", root)
    return build_site(root)


def _article(path: Path) -> LexborHTMLParser:
    node = parse(path).css_first("article")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def test_body_page(built: Path) -> None:
    page = _article(built / "gremien" / "integrationsrat" / "index.html")
    assert page.css_first("h1").text() == "Integrationsrat"
    assert [h.text() for h in page.css("h2")] == [
        "Auf einen Blick",
        "Mitglieder",
        "Geschäftsstelle",
        "Kommende Sitzungen",
        "Aktuelle Vorlagen",
    ]
    members = [li.text() for li in page.css("#mitglieder + ul li")]
    assert members[:2] == ["Vorsitz: 1", "stellvertretender Vorsitz: 2"]
    office = page.css_first("#geschaeftsstelle + p a")
    assert office.text() == "Stabsstelle Integration & Teilhabe"
    assert office.attributes["href"] == "../../verwaltung/integration/"


def test_meetings_split_at_the_build_date(built: Path) -> None:
    # Build date 2027-03-01: the meeting on 2027-05-11 is the only upcoming one.
    page = _article(built / "gremien" / "integrationsrat" / "index.html")
    upcoming = page.css(".rathaus-gremium__sitzungen li")
    assert len(upcoming) == 1
    assert upcoming[0].css_first("time").attributes["datetime"] == "2027-05-11T17:00+02:00"
    past = [
        li.css_first("time").attributes["datetime"]
        for li in page.css(".rathaus-gremium__letzte li")
    ]
    assert past == ["2027-02-16T17:00+01:00", "2026-12-15T17:00+01:00", "2026-11-10T17:00+01:00"]
    cancelled = page.css(".rathaus-gremium__letzte li")[1]
    assert cancelled.css_first("strong").text() == "abgesagt"
    # The next meeting is the first thing on the page, with the office's phone.
    glance = page.css_first("section.rathaus-blick")
    next_time = glance.css_first("dd time").attributes["datetime"]
    assert next_time == "2027-05-11T17:00+02:00"
    labels = [" ".join(dt.text().split()) for dt in glance.css("dt")]
    assert labels[0] == "Nächste Sitzung"


def test_papers_newest_first_with_lead_office_and_original(built: Path) -> None:
    page = _article(built / "gremien" / "integrationsrat" / "index.html")
    titles = [h.text() for h in page.css(".rathaus-vorlage h3")]
    assert titles[0].startswith("Bebauungsplan Nr. 88")
    assert titles[-1] == "Bericht der Geschäftsstelle des Integrationsrats 2025/2026"
    concept = next(
        v
        for v in page.css(".rathaus-vorlage")
        if v.css_first("h3").text().startswith("Fortschreibung")
    )
    facts = {d.css_first("dt").text(): d.css_first("dd") for d in concept.css("dl > div")}
    assert facts["Art"].text() == "Vorlage V/2026/101"
    lead = facts["Federführend"].css_first("a")
    assert lead.attributes["href"] == "../../verwaltung/integration/"
    links = [a.attributes["href"] for a in concept.css(".rathaus-vorlage__original a")]
    assert links == [
        "https://ris.musterstadt.example/dokumente/V-2026-101.pdf",
        "https://ris.musterstadt.example/vorlage/1",
    ]
    steps = [li.text() for li in concept.css(".rathaus-vorlage__beratungen li")]
    assert steps[0].endswith("Integrationsrat, Vorberatung, öffentlich – einstimmig empfohlen")
    # Without a matching unit the lead office is named, not linked.
    social = next(
        v for v in page.css(".rathaus-vorlage") if "Sozialbericht" in v.css_first("h3").text()
    )
    lead_cell = {d.css_first("dt").text(): d.css_first("dd") for d in social.css("dl > div")}
    assert lead_cell["Federführend"].text() == "Sozialamt"
    assert lead_cell["Federführend"].css_first("a") is None
    bare = page.css(".rathaus-vorlage")[-1]
    assert bare.css_first(".rathaus-vorlage__original") is None


def test_overview_lists_bodies_with_next_meeting(built: Path) -> None:
    page = _article(built / "gremien" / "index.html")
    link = page.css_first(".rathaus-liste a")
    assert (link.text(), link.attributes["href"]) == ("Integrationsrat", "integrationsrat/")
    assert page.css_first(".rathaus-liste time").attributes["datetime"] == "2027-05-11T17:00+02:00"


def test_a_meeting_without_a_time_yet_is_refused_only_with_an_end(tmp_path: Path) -> None:
    site = DataDir(tmp_path)
    site.write(
        gremien=BODY.replace("beginn: 2027-03-02 17:00", "beginn: 2027-03-02")
        .replace("beschluss", "vorlage")
        .replace("rathause", "rathaus")
        .replace("buergerbuer\n", "buergerbuero\n")
    )
    errors = site.errors()
    found = errors.at("ein Ende ohne Uhrzeit des Beginns", "gremien.yml", 7, 13)
    assert "2027-03-02 17:00" in found.format()
    assert len(errors) == 1
    site.write(gremien=BODY.replace("beginn: 2027-03-02 17:00", "beginn: 2027-02-30"))
    site.errors().at("den Tag „2027-02-30“ gibt es nicht", "gremien.yml", 6, 15)
    site.write(gremien=BODY.replace("beginn: 2027-03-02 17:00", "beginn: nächsten Dienstag"))
    wrong = site.errors().at("ist kein Zeitpunkt", "gremien.yml", 6, 15)
    assert "oder nur das Datum, wenn die Uhrzeit noch nicht feststeht" in wrong.format()


def test_a_meeting_with_a_date_only_says_the_time_follows(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "termine", root)
    data = root / "data" / "gremien.yml"
    text = data.read_text(encoding="utf-8")
    meeting = "    - name: 9. Sitzung des Integrationsrats\n      beginn: 2027-07-06\n"
    data.write_text(text.replace("  vorlagen:\n", meeting + "  vorlagen:\n", 1), encoding="utf-8")
    page = _article(build_site(root) / "gremien" / "integrationsrat" / "index.html")
    upcoming = page.css(".rathaus-gremium__sitzungen li")
    assert [li.css_first("time").attributes["datetime"] for li in upcoming] == [
        "2027-05-11T17:00+02:00",
        "2027-07-06",
    ]
    assert upcoming[1].css_first("time").text() == "Dienstag, 6. Juli 2027, Uhrzeit folgt"


PAPER_TITLE = "      titel: Bericht der Geschäftsstelle des Integrationsrats 2025/2026\n"


def _paper(root: Path, fields: str) -> None:
    data = root / "data" / "gremien.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace(PAPER_TITLE, PAPER_TITLE + fields, 1), encoding="utf-8")


def test_a_papers_facts_and_attachments_are_shown_with_kind_and_size(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "termine", root)
    (root / "content" / "medien" / "vorlagen").mkdir(parents=True)
    (root / "content" / "medien" / "vorlagen" / "bericht.pdf").write_bytes(b"%PDF" * 60_000)
    _paper(
        root,
        "      sachverhalt: |-\n"
        "        Der Bericht zeigt *drei* Schwerpunkte.\n\n"
        "        - Sprache\n        - Arbeit\n"
        "      anlagen:\n"
        "        - titel: Bericht als PDF\n"
        "          datei: medien/vorlagen/bericht.pdf\n",
    )
    built = build_site(root)
    page = _article(built / "gremien" / "integrationsrat" / "index.html")
    paper = next(
        div
        for div in page.css(".rathaus-vorlage")
        if "Bericht der Geschäftsstelle" in div.css_first("h3").text()
    )
    facts = paper.css_first(".rathaus-vorlage__sachverhalt")
    assert facts is not None and facts.css_first("em").text() == "drei"
    assert [li.text() for li in facts.css("li")] == ["Sprache", "Arbeit"]
    (attachment,) = paper.css(".rathaus-vorlage__anlagen li")
    assert attachment.text() == "Bericht als PDF (PDF, 240 KB)"
    href = attachment.css_first("a").attributes["href"]
    assert href == "../../medien/vorlagen/bericht.pdf"
    assert (built / "medien" / "vorlagen" / "bericht.pdf").is_file()


def test_a_missing_attachment_and_a_broken_link_in_the_facts_are_found(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "termine", root)
    _paper(
        root,
        "      sachverhalt: Siehe [Kontakt](kontakt.md).\n"
        "      anlagen:\n"
        "        - titel: Plan\n"
        "          datei: medien/plan.pdf\n",
    )
    findings = sorted((f.field, f.message) for f in run_checks(root) if f.rule == "link")
    assert findings == [
        ("vorlagen[1].anlagen[1].datei", "die Anlage „medien/plan.pdf“ gibt es nicht in content/"),
        (
            "vorlagen[1].sachverhalt",
            "die verlinkte Seite „kontakt.md“ gibt es nicht (Zeile 1 des Texts)",
        ),
    ]
