"""The search on a small town's site (fixture „finden“): what Pagefind indexes and as what,
the search page, the header's field, and that the same site gives the same index bytes."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from rathaus.suche import front_matter_findings
from rathaus.suche.index import build, indexed_pages
from tests.conftest import FIXTURES, build_site, parse, set_feature

IMPRESSUM = "---\nsuche: nachrangig\n---\n\n# Impressum\n\nVerantwortlich: die Bürgermeisterin.\n"
INTERN = "---\nsuche: nein\n---\n\n# Intern\n\nDas Losungswort ist Zauberbohne.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("suche") / "finden"
    shutil.copytree(FIXTURES / "finden", root)
    (root / "content" / "recht").mkdir()
    (root / "content" / "recht" / "impressum.md").write_text(IMPRESSUM, encoding="utf-8")
    (root / "content" / "intern.md").write_text(INTERN, encoding="utf-8")
    with (root / "data" / "stadt.yml").open("a", encoding="utf-8") as stadt:
        stadt.write("zentrale:\n  telefon: 02345 678-0\n")
    return build_site(root)


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, dict[str, Any]]:
    return {str(page["url"]): page for page in indexed_pages(site)}


def _url(site: Path, file: Path) -> str:
    return "/" + file.relative_to(site).as_posix().removesuffix("index.html")


def test_every_content_page_is_indexed_and_nothing_else(
    site: Path, pages: dict[str, dict[str, Any]]
) -> None:
    with_body = {
        _url(site, file)
        for file in site.rglob("*.html")
        if "data-pagefind-body" in file.read_text(encoding="utf-8")
    }
    assert set(pages) == with_body
    assert {"/", "/themen/", "/ansprechpersonen/", "/standorte/", "/recht/impressum/"} <= set(pages)
    assert any(url.startswith("/verwaltung/") and url != "/verwaltung/" for url in pages)
    # The search page, a page with `suche: nein` and the 404 page are not.
    assert not {"/suche/", "/intern/", "/404.html"} & set(pages)
    assert "Zauberbohne" not in " ".join(page["content"] for page in pages.values())


def test_only_the_content_counts_not_header_navigation_or_footer(
    pages: dict[str, dict[str, Any]],
) -> None:
    start = pages["/"]["content"]
    assert "Willkommen in Testdorf" in start
    for chrome in ("Suchbegriff", "Zum Inhalt springen", "Impressum"):
        assert chrome not in start, chrome


def test_pages_say_what_kind_they_are(site: Path, pages: dict[str, dict[str, Any]]) -> None:
    kinds = {url: page["meta"].get("art") for url, page in pages.items()}
    assert kinds["/themen/"] == "leistung"
    assert kinds["/ansprechpersonen/"] == "person"
    assert kinds["/standorte/"] == "standort"
    assert kinds["/aktuelles/"] == "aktuelles"
    # Kind and navigation section in one attribute (an element carries it only once).
    assert pages["/recht/impressum/"]["meta"] == {
        "art": "nachrangig",
        "bereich": "Recht",
        "title": "Impressum",
    }
    article = re.search(r"<article[^>]*>", (site / "recht/impressum/index.html").read_text("utf-8"))
    assert article is not None and article.group(0).count("data-pagefind-meta=") == 1
    assert kinds["/"] is None  # a plain page: „seite“ to the search page's script
    units = [url for url in pages if url.startswith("/verwaltung/") and url != "/verwaltung/"]
    assert units and all(kinds[url] == "einheit" for url in units)
    posts = [url for url in pages if url.startswith("/aktuelles/") and url != "/aktuelles/"]
    assert posts and all(kinds[url] == "aktuelles" for url in posts)


def test_each_entry_of_a_list_page_is_a_section_of_its_own(
    pages: dict[str, dict[str, Any]],
) -> None:
    def anchors(url: str) -> list[str]:
        return [a["id"] for a in pages[url]["anchors"] if a["element"] != "h1"]

    themen = set(anchors("/themen/"))
    assert {"thema-reisepass", "thema-strassensondernutzung"} <= themen
    # Letters only help browsing; they would be results of their own („S“).
    assert not any(anchor.startswith("buchstabe-") for anchor in themen)
    people = anchors("/ansprechpersonen/")
    assert people and all(anchor.startswith("person-") for anchor in people)
    # A location's sub-headings („Barrierefreiheit des Gebäudes“) belong to the location.
    locations = anchors("/standorte/")
    assert locations and not [a for a in locations if a.endswith(("-zugang", "-einheiten"))]


def test_synonyms_count_in_their_entry_and_cross_references_not_at_all(
    pages: dict[str, dict[str, Any]],
) -> None:
    content = pages["/themen/"]["content"]
    assert "Auch gesucht als: Pass, Kinderreisepass" in content
    assert "siehe" not in content  # „Pass: siehe Reisepass“ would be a second, empty hit
    assert "Zum Beispiel" not in content  # the filter's help text


def test_the_same_site_gives_the_same_index(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    shutil.copytree(site, again)
    build(again)

    def files(root: Path) -> dict[str, bytes]:
        folder = root / "pagefind"
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file()
        }

    assert files(again) == files(site)


def test_only_what_the_search_page_uses_is_published(site: Path) -> None:
    names = {p.name for p in (site / "pagefind").iterdir()}
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.de.pagefind"} <= names
    assert not [name for name in names if "-ui" in name or "highlight" in name]


def test_every_page_has_a_search_field_that_submits_to_the_search_page(site: Path) -> None:
    for file in [site / "index.html", *site.glob("verwaltung/*/index.html")]:
        html = parse(file)
        form = html.css_first("header form[role=search]")
        assert form is not None, file
        assert form.attributes["method"] == "get"
        target = (file.parent / str(form.attributes["action"])).resolve()
        assert target == (site / "suche").resolve(), file
        field = form.css_first("input[type=search]")
        assert field.attributes["name"] == "suchwort"
        assert form.css_first(f"label[for={field.attributes['id']}]").text() == "Suchbegriff"
        assert form.css_first("button[type=submit]").text(strip=True) == "Suchen"
        # A phone gets a link to the same page instead.
        link = html.css_first("header a.rh-suchlink")
        assert (file.parent / str(link.attributes["href"])).resolve() == target
    # Only the search page loads the search's script.
    assert "rathaus-suche.js" not in (site / "index.html").read_text(encoding="utf-8")


def test_the_search_page_works_without_javascript(site: Path) -> None:
    html = parse(site / "suche" / "index.html")
    assert html.css_first("header form[role=search]") is None  # its own form is the content
    root = html.css_first("[data-rathaus-suchseite]")
    form = root.css_first("form[role=search]")
    field = form.css_first("input[type=search]")
    assert (form.attributes["action"], field.attributes["name"]) == ("./", "suchwort")
    assert root.css_first("[role=status]") is not None
    assert "hidden" in root.css_first("ol[data-suche-treffer]").attributes
    assert "braucht JavaScript" in root.css_first("[data-suche-ohne-js]").text()
    links = {a.text(): a.attributes["href"] for a in root.css(".rathaus-weiter a")}
    assert links["Themen und Dienstleistungen von A bis Z"] == "../themen/"
    assert links["Alle Ämter und Einrichtungen"] == "../verwaltung/"
    for href in links.values():
        if not href.startswith("tel:"):
            assert (site / "suche" / str(href) / "index.html").resolve().is_file(), href
    assert "tel:+4923456780" in links.values()  # the switchboard
    scripts = [s.attributes.get("src") or "" for s in html.css("script[src]")]
    assert any(src.endswith("assets/javascripts/rathaus-suche.js") for src in scripts)


def test_a_town_turns_the_search_off(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("finden")
    set_feature(root, "suche", {"enabled": False})
    site = build_site(root)
    assert not (site / "pagefind").exists() and not (site / "suche").exists()
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind" not in html and "rh-suchfeld" not in html


def test_material_search_next_to_rathaus_is_refused(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = fixture_site("finden")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("plugins:\n", "plugins:\n  - material/search\n"), "utf-8")
    with pytest.raises(Abort):
        build_site(root)
    assert "entfernen Sie „- material/search“ unter plugins" in caplog.text


def test_an_unknown_search_value_in_front_matter_is_a_finding() -> None:
    text = "---\ntitle: Impressum\nsuche: versteckt\n---\n\n# Impressum\n"
    [finding] = front_matter_findings("content/impressum.md", text, {"suche": "versteckt"})
    assert (finding.line, finding.field) == (3, "suche")
    assert "„nachrangig“" in finding.hint and "„nein“" in finding.hint
    assert front_matter_findings("x.md", text, {"suche": "nein"}) == []
    assert front_matter_findings("x.md", text, {"title": "x"}) == []
