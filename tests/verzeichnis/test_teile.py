"""Long overviews split into parts by initial letters: a generated site with low thresholds.

The „finden“ fixture plus generated units, people, locations and services; the thresholds
in mkdocs.yml are set so low that every overview is split.
"""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from rathaus.suche.index import indexed_pages
from tests.conftest import FIXTURES, build_site, parse

UNITS = [
    "Abfallberatung",
    "Bauaufsicht",
    "Bibliothek",
    "Jugendamt",
    "Kämmerei",
    "Ökostation",
    "Sozialamt",
    "Stadtarchiv",
    "Standesamt",
    "Zentrale Dienste",
]
CHILD_UNITS = ["Archivwerkstatt", "Lesesaal"]
PEOPLE = [
    "Anna Albers",
    "Ben Bauer",
    "Clara Becker",
    "Dana Böhm",
    "Emil Schmidt",
    "Frieda Schneider",
    "Gerd Schulz",
    "Hanna Sommer",
    "Ida Weber",
    "Jan Zander",
    "Kai Çelik",
    "Lea Özkan",
]
LOCATIONS = ["Alte Schule", "Bauhof", "Bürgerhaus Nord", "Zentrum"]
SERVICES = [
    ("Wohngeld", ["Mietzuschuss"]),
    ("Führungszeugnis", ["Zeugnis"]),
    ("Hundesteuer", []),
    ("Gewerbeanmeldung", ["Gewerbe"]),
    ("Baugenehmigung", ["Bauantrag"]),
]
LS_SERVICES = {"Wohngeld", "Hundesteuer", "Baugenehmigung"}
"""Services with a text in Leichter Sprache (and Reisepass of the fixture)."""
LS_TEXT = "Dabei hilft Ihnen die Stadt."
MKDOCS = """\
site_name: Testdorf
site_url: https://www.testdorf.example/
docs_dir: content
theme:
  name: rathaus
  language: de
  font: false
plugins:
  - rathaus:
      verzeichnis:
        people_per_part: 3
        locations_per_part: 2
        hours_per_part: 3
        units_per_part: 4
      themen:
        entries_per_part: 5
      barrierefreiheit: {enabled: false}
      pruefung: {enabled: false}
      sicherheit: {enabled: false}
      navigation: {enabled: false}
      handbuch: {enabled: false}
      termine: {enabled: false}
      gremien: {enabled: false}
      aktuelles: {enabled: false}
      gebaerdensprache: {enabled: false}
nav:
  - Startseite: index.md
  - Themen A–Z: themen.md
  - Ansprechpersonen: ansprechpersonen.md
  - Standorte: standorte.md
  - Öffnungszeiten: oeffnungszeiten.md
"""


def _slug(name: str) -> str:
    from rathaus.model import slugify

    return slugify(name)


def _write_site(root: Path) -> None:
    shutil.copytree(FIXTURES / "finden", root)
    shutil.rmtree(root / "content" / "aktuelles")
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    data = root / "data"
    locations = "".join(
        f"- id: {_slug(name)}\n  name: {name}\n  adresse:\n    strasse: Weg {i}\n"
        f"    plz: 01067\n    ort: Testdorf\n"
        for i, name in enumerate(LOCATIONS, start=2)
    )
    with (data / "standorte.yml").open("a", encoding="utf-8") as f:
        f.write(locations)
    units = "".join(
        f"- id: {_slug(name)}\n  name: {name}\n  art: amt\n"
        f"  kontakt:\n    telefon: 02345 678-{300 + i}\n"
        f"  standort: {_slug(LOCATIONS[i % len(LOCATIONS)])}\n"
        f"  oeffnungszeiten:\n    woche:\n      montag: 8:00-12:00\n"
        for i, name in enumerate(UNITS)
    )
    # Units assigned to a top-level unit stay with it on its part of the units overview.
    units += "".join(
        f"- id: {_slug(name)}\n  name: {name}\n  art: abteilung\n  uebergeordnet: stadtarchiv\n"
        for name in CHILD_UNITS
    )
    with (data / "einheiten.yml").open("a", encoding="utf-8") as f:
        f.write(units)
    people = "".join(
        f"- id: {_slug(name)}\n  name: {name}\n  funktion: Sachbearbeitung\n"
        f"  einheit: {_slug(UNITS[i % len(UNITS)])}\n"
        f"  email: {_slug(name)}@testdorf.example\n"
        for i, name in enumerate(PEOPLE)
    )
    with (data / "personen.yml").open("a", encoding="utf-8") as f:
        f.write(people)
    services = "".join(
        f"- id: {_slug(name)}\n  name: {name}\n  synonyme: [{', '.join(synonyms)}]\n"
        f"  einheit: {_slug(UNITS[i % len(UNITS)])}\n  beschreibung: Das erledigen wir.\n"
        + (f"  leichte_sprache: {LS_TEXT}\n" if name in LS_SERVICES else "")
        for i, (name, synonyms) in enumerate(SERVICES)
    )
    with (data / "leistungen.yml").open("a", encoding="utf-8") as f:
        f.write(services)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("teile") / "teile"
    _write_site(root)
    return build_site(root)


def _html(site: Path, url: str) -> LexborHTMLParser:
    return parse(site / url.removeprefix("/") / "index.html")


def _article(page: LexborHTMLParser) -> LexborNode:
    node = page.css_first("article")
    assert node is not None
    return node


def _parts(site: Path, overview: str) -> list[str]:
    """URLs (from the site root) of the parts, from the letter navigation of the overview."""
    nav = _article(_html(site, overview)).css_first("nav.rathaus-teile")
    assert nav is not None
    return [urljoin(overview, a.attributes["href"] or "") for a in nav.css("a")]


def _resolves(site: Path, page_url: str, href: str) -> bool:
    """A relative link of the page at page_url leads to an existing page and anchor."""
    target = urljoin(page_url, href)
    path, _, anchor = target.partition("#")
    file = site / path.removeprefix("/") / "index.html"
    if not file.is_file():
        return False
    return not anchor or parse(file).css_first(f"[id='{anchor}']") is not None


OVERVIEWS = ["/oeffnungszeiten/", "/ansprechpersonen/", "/standorte/", "/themen/", "/verwaltung/"]


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_index_page_has_the_letter_navigation_only(site: Path, overview: str) -> None:
    page = _html(site, overview)
    nav = _article(page).css_first("nav.rathaus-teile")
    assert nav.attributes["aria-label"].endswith("nach Anfangsbuchstaben")
    assert nav.css_first("[aria-current]") is None
    assert _article(page).css_first("p") is not None  # the explanation
    parts = _parts(site, overview)
    assert len(parts) > 1
    for url in parts:
        assert url.startswith(overview) and url != overview
        assert (site / url.removeprefix("/") / "index.html").is_file()


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_each_part_marks_itself_in_the_navigation(site: Path, overview: str) -> None:
    parts = _parts(site, overview)
    for url in parts:
        page = _html(site, url)
        nav = _article(page).css_first("nav.rathaus-teile")
        current = nav.css("a[aria-current='page']")
        assert len(current) == 1
        assert urljoin(url, current[0].attributes["href"] or "") == url
        assert page.css_first("h1").text().endswith(": " + current[0].text())
        for a in nav.css("a"):
            assert _resolves(site, url, a.attributes["href"] or "")


def _entries(site: Path, overview: str, selector: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for url in _parts(site, overview):
        found.update(n.text(strip=True) for n in _article(_html(site, url)).css(selector))
    return found


def test_every_entry_once_across_parts(site: Path) -> None:
    hours = _entries(site, "/oeffnungszeiten/", "h2")
    assert set(hours) == set(UNITS) and set(hours.values()) == {1}
    people = _entries(site, "/ansprechpersonen/", ".rathaus-person > h3")
    assert set(people) == {*PEOPLE, "Erika Muster", "Özgür Özdemir"}
    assert set(people.values()) == {1}
    locations = _entries(site, "/standorte/", "article .rathaus-standorte > h2")
    assert set(locations) == {*LOCATIONS, "Rathaus Testdorf"} and set(locations.values()) == {1}
    topics = _entries(site, "/themen/", "ul.rathaus-az > li > h3, li.rathaus-az__verweis")
    assert "Reisepass" in topics and "Wohngeld" in topics
    assert set(topics.values()) == {1}


def test_din_5007_letters_in_parts(site: Path) -> None:
    """Ö with O, Ç with C: the part titles say which letters a part holds."""
    for overview, name in (
        ("/ansprechpersonen/", "Lea Özkan"),
        ("/ansprechpersonen/", "Kai Çelik"),
    ):
        for url in _parts(site, overview):
            page = _html(site, url)
            if any(h.text() == name for h in _article(page).css("h3")):
                label = page.css_first("h1").text().split(": ", 1)[1]
                first, _, last = label.partition("–")
                letter = name.split()[-1][0].translate(str.maketrans("ÖÇ", "OC"))
                assert first[0] <= letter <= (last or first)[0]
                break
        else:
            pytest.fail(f"{name} not found")


def test_links_from_unit_pages_reach_people_on_their_part(site: Path) -> None:
    for unit in UNITS:
        url = f"/verwaltung/{_slug(unit)}/"
        hrefs = [a.attributes["href"] or "" for a in _article(_html(site, url)).css("a")]
        for href in hrefs:
            if "#person-" in href:
                assert "/ansprechpersonen/" in urljoin(url, href)
                assert urljoin(url, href).split("#")[0] != "/ansprechpersonen/"
                assert _resolves(site, url, href), href


def test_locations_index_keeps_the_old_anchors(site: Path) -> None:
    """Events and council bodies link to standorte/#<id>: the anchor leads on to the part."""
    page = _html(site, "/standorte/")
    for name in [*LOCATIONS, "Rathaus Testdorf"]:
        anchor = "rathaus" if name == "Rathaus Testdorf" else _slug(name)
        item = _article(page).css_first(f"li[id='{anchor}']")
        assert item is not None and item.text(strip=True) == name
        assert _resolves(site, "/standorte/", item.css_first("a").attributes["href"] or "")


def test_cross_references_reach_their_entry_on_another_part(site: Path) -> None:
    checked = 0
    for url in _parts(site, "/themen/"):
        for li in _article(_html(site, url)).css("li.rathaus-az__verweis"):
            href = li.css_first("a").attributes["href"] or ""
            assert _resolves(site, url, href), (url, href)
            checked += href.startswith("../")
    assert checked > 0  # at least one reference leads to another part


def test_vcard_links_to_the_part(site: Path) -> None:
    vcard = (site / "ansprechpersonen" / "ben-bauer.vcf").read_text(encoding="utf-8")
    [line] = [x for x in vcard.splitlines() if x.startswith("URL")]
    url = line.split(":", 1)[1].removeprefix("https://www.testdorf.example")
    assert _resolves(site, "/", url)
    assert url.startswith("/ansprechpersonen/") and "#person-ben-bauer" in url


def test_parts_are_in_sitemap_and_search_but_not_in_the_navigation(site: Path) -> None:
    parts = [u for o in OVERVIEWS for u in _parts(site, o)]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    indexed = {str(page["url"]) for page in indexed_pages(site)}
    nav = {a.attributes["href"] for a in _html(site, "/").css("nav.md-nav--primary a")}
    for url in parts:
        assert f"https://www.testdorf.example{url}" in sitemap
        assert url in indexed
        assert not any(url.removeprefix("/").rstrip("/") in (h or "") for h in nav)


def test_units_overview_keeps_assigned_units_with_their_unit(site: Path) -> None:
    units = _entries(site, "/verwaltung/", "ul.rathaus-liste > li > a")
    assert set(units) >= {*UNITS, "Bürgerbüro"} and set(units.values()) == {1}
    assigned = _entries(site, "/verwaltung/", "ul.rathaus-liste li li > a")
    assert assigned == Counter(CHILD_UNITS)
    for url in _parts(site, "/verwaltung/"):
        assert url.startswith("/verwaltung/a-z/")
        for li in _article(_html(site, url)).css("ul.rathaus-liste > li"):
            children = [a.text() for a in li.css("li li > a")]
            assert not children or li.css_first("a").text() == "Stadtarchiv"


# -- Leichte Sprache: the LS overviews are split into the same parts ------------------------

LS = "/leichte-sprache"


def _alternate(page: LexborHTMLParser) -> str:
    link = page.css_first("link[rel='alternate'][type='text/html']")
    assert link is not None
    return link.attributes["href"] or ""


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_leichte_sprache_parts_pair_with_the_standard_parts(site: Path, overview: str) -> None:
    parts = _parts(site, overview)
    ls_parts = _parts(site, LS + overview)
    assert ls_parts == [LS + url for url in parts]
    for url, ls_url in zip(parts, ls_parts, strict=True):
        standard, easy = _html(site, url), _html(site, ls_url)
        assert urljoin(url, _alternate(standard)) == ls_url
        assert urljoin(ls_url, _alternate(easy)) == url
        for page, here, there in ((standard, url, ls_url), (easy, ls_url, url)):
            (switch,) = page.css("nav.rh-sprachleiste a.rathaus-sprachwahl__link")
            assert urljoin(here, switch.attributes["href"] or "") == there
    assert urljoin(overview, _alternate(_html(site, overview))) == LS + overview


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_leichte_sprache_letter_navigation(site: Path, overview: str) -> None:
    index = _article(_html(site, LS + overview)).css_first("nav.rathaus-teile")
    assert index is not None and index.css_first("[aria-current]") is None
    labels = [a.text() for a in index.css("a")]
    assert all(label.startswith("Seite ") and "–" not in label for label in labels)
    for url in _parts(site, LS + overview):
        page = _html(site, url)
        nav = _article(page).css_first("nav.rathaus-teile")
        assert nav.attributes["aria-label"].endswith("nach Buchstaben")
        [current] = nav.css("a[aria-current='page']")
        assert urljoin(url, current.attributes["href"] or "") == url
        assert page.css_first("h1").text().endswith(": " + current.text())
        for a in nav.css("a"):
            assert _resolves(site, url, a.attributes["href"] or "")


def test_leichte_sprache_every_entry_once_across_parts(site: Path) -> None:
    hours = _entries(site, LS + "/oeffnungszeiten/", "article h2")
    assert set(hours) == set(UNITS) and set(hours.values()) == {1}
    people = _entries(site, LS + "/ansprechpersonen/", "article h2")
    assert set(people) == {*PEOPLE, "Erika Muster", "Özgür Özdemir"}
    assert set(people.values()) == {1}
    locations = _entries(site, LS + "/standorte/", "article h2[id]")
    assert set(locations) == {*LOCATIONS, "Rathaus Testdorf"} and set(locations.values()) == {1}
    topics = _entries(site, LS + "/themen/", "article h2")
    assert set(topics) == {*LS_SERVICES, "Reisepass"} and set(topics.values()) == {1}
    units = _entries(site, LS + "/verwaltung/", "article li > a:not([aria-current])")
    units -= Counter({a: n for a, n in units.items() if a.startswith("Seite ")})
    assert set(units) >= {*UNITS, *CHILD_UNITS} and set(units.values()) == {1}


def test_leichte_sprache_part_without_easy_topics_leads_to_the_standard_part(
    site: Path,
) -> None:
    url = LS + "/themen/0-9/"
    links = _article(_html(site, url)).css("p a")
    assert [urljoin(url, a.attributes["href"] or "") for a in links] == ["/themen/0-9/"]


def test_leichte_sprache_links_to_locations_reach_their_part(site: Path) -> None:
    checked = 0
    for unit in UNITS:
        url = f"{LS}/verwaltung/{_slug(unit)}/"
        for a in _article(_html(site, url)).css("a"):
            href = a.attributes["href"] or ""
            if "/standorte/" in urljoin(url, href):
                assert urljoin(url, href).split("#")[0] != f"{LS}/standorte/"
                assert _resolves(site, url, href), (url, href)
                checked += 1
    assert checked == len(UNITS)
    for a in _article(_html(site, f"{LS}/standorte/")).css("ul a"):
        assert _resolves(site, f"{LS}/standorte/", a.attributes["href"] or "")


def test_leichte_sprache_parts_pass_the_linter(site: Path) -> None:
    """Every LS part as the build writes it: no errors of the LS linter, also in `rathaus check`.

    (The strict build would fail on them as well: the plugin logs errors as warnings.)"""
    from rathaus.adapter import load_project, run_checks
    from rathaus.leichte_sprache import checks, views
    from rathaus.leichte_sprache.settings import Einstellungen
    from rathaus.model import Level, load_site
    from rathaus.model.hours import build_date
    from rathaus.project import Project

    root = site.parent
    data = load_site(root)
    assert [f.format() for f in run_checks(root) if f.level is Level.ERROR] == []
    project = load_project(root)
    assert isinstance(project, Project)
    paths = views.Paths.of(project)
    pages = views.all_pages(data, lambda path: path, paths, build_date())
    settings = checks.site_settings(Einstellungen(), data)
    for overview in OVERVIEWS:
        for url in _parts(site, LS + overview):
            page = pages[f"{url.strip('/')}.md"]
            assert [i.rule for _, i in views.lint(page, settings) if i.level is Level.ERROR] == []


def test_rathaus_check_knows_every_part(site: Path) -> None:
    from rathaus.adapter import load_project
    from rathaus.checks import generated_pages
    from rathaus.model import load_site
    from rathaus.project import Project

    root = site.parent
    project = load_project(root)
    assert isinstance(project, Project)
    known = generated_pages(load_site(root), project)
    for overview in OVERVIEWS:
        for url in [*_parts(site, overview), *_parts(site, LS + overview)]:
            assert f"{url.strip('/')}.md" in known


# -- without building ------------------------------------------------------------------------


def test_part_pages_of_a_folder_index_go_beside_its_pages() -> None:
    from rathaus.pagination import part_page

    assert part_page("oeffnungszeiten.md", "a-c") == "oeffnungszeiten/a-c.md"
    assert part_page("verwaltung/index.md", "a-c") == "verwaltung/a-z/a-c.md"
    assert part_page("index.md", "d") == "a-z/d.md"


def test_leichte_sprache_part_labels() -> None:
    from rathaus.leichte_sprache.views import part_label

    assert part_label("A–C") == "Seite A bis C"
    assert part_label("D") == "Seite D"
    assert part_label("Sch–Sz") == "Seite Sch bis Sz"
    assert part_label("Schm (1/2)") == "Seite Schm, Teil 1"
    assert part_label("0–9") == "Seite 0 bis 9"


def test_leichte_sprache_reads_the_thresholds_of_the_standard_plugins(tmp_path: Path) -> None:
    from rathaus.leichte_sprache.views import Paths
    from rathaus.project import Project
    from rathaus.uebersichten import Schwellen

    project = Project(
        tmp_path,
        "content",
        date(2027, 3, 1),
        {
            "rathaus/verzeichnis": {"units_dir": "amt", "hours_per_part": 4},
            "rathaus/themen": {"page": "a-z.md", "entries_per_part": 7},
        },
    )
    paths = Paths.of(project)
    assert (paths.units_dir, paths.topics_page, paths.folder) == (
        "amt",
        "a-z.md",
        "leichte-sprache",
    )
    assert paths.schwellen == Schwellen(hours=4, topics=7)
    # Without the directory the standard pages keep their documented places.
    assert Paths.of(Project(tmp_path, "content", date(2027, 3, 1), {})) == Paths()
