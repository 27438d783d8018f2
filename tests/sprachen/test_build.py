"""Pages in other languages in one build (fixture site `sprachen`: German, English, Arabic)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from rathaus import texte
from rathaus.cli import main as rathaus
from rathaus.model.hours import DAY_NAMES
from tests.conftest import FIXTURES, build_site, parse

SITE = "https://www.testdorf.example/"
PAGES = ("", "kontakt/")
LANGUAGES = ("de", "en", "ar")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sprachen") / "site"
    shutil.copytree(FIXTURES / "sprachen", root)
    return build_site(root)


def _path(code: str, page: str) -> str:
    return page if code == "de" else f"{code}/{page}"


def _page(site: Path, path: str) -> LexborHTMLParser:
    return parse(site / path / "index.html")


def _absolute(path: str, href: str) -> str:
    return urljoin(SITE + path, href)


@pytest.mark.parametrize(("code", "direction"), [("de", "ltr"), ("en", "ltr"), ("ar", "rtl")])
def test_every_page_says_its_language_and_direction(built: Path, code: str, direction: str) -> None:
    for page in PAGES:
        html = _page(built, _path(code, page)).css_first("html")
        assert (html.attributes["lang"], html.attributes["dir"]) == (code, direction)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_hreflang_links_are_complete_and_reciprocal(built: Path, code: str, page: str) -> None:
    path = _path(code, page)
    links = {
        link.attributes["hreflang"]: _absolute(path, link.attributes["href"] or "")
        for link in _page(built, path).css('head link[rel="alternate"][hreflang]')
    }
    expected = {c: SITE + _path(c, page) for c in LANGUAGES}
    assert links == {**expected, "x-default": SITE + page}


def test_a_page_in_one_language_has_no_hreflang(built: Path) -> None:
    assert _page(built, "impressum/").css('link[rel="alternate"][hreflang]') == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_picker_leads_to_the_same_page_in_each_language(built: Path, code: str) -> None:
    path = _path(code, "kontakt/")
    picker = _page(built, path).css("nav.rh-sprachleiste a.rh-sprachwahl__link")
    entries = {
        a.attributes["lang"]: (
            a.text(deep=False, strip=True),
            _absolute(path, a.attributes["href"] or ""),
            a.attributes.get("aria-current"),
        )
        for a in picker
    }
    assert entries == {
        "de": ("Deutsch", SITE + "kontakt/", "true" if code == "de" else None),
        "en": ("English", SITE + "en/kontakt/", "true" if code == "en" else None),
        "ar": ("العربية", SITE + "ar/kontakt/", "true" if code == "ar" else None),
    }
    arabic = next(a for a in picker if a.attributes["lang"] == "ar")
    assert arabic.attributes["dir"] == "rtl"


def test_without_a_translation_the_picker_goes_to_the_start_page_and_says_so(
    built: Path,
) -> None:
    picker = _page(built, "impressum/").css("a.rh-sprachwahl__link")
    english = next(a for a in picker if a.attributes["lang"] == "en")
    assert _absolute("impressum/", english.attributes["href"] or "") == SITE + "en/"
    assert english.text(strip=True) == "English(Home page in English)"
    assert english.attributes["title"] == "Home page in English"


def test_each_language_has_its_own_navigation(built: Path) -> None:
    def nav(path: str) -> list[str]:
        links = _page(built, path).css("nav.md-nav--primary a.md-nav__link")
        urls = [_absolute(path, a.attributes["href"] or "") for a in links]
        return [url for url in urls if "#" not in url]  # the current page's headings

    assert nav("en/kontakt/") == [SITE + "en/", SITE + "en/kontakt/"]
    assert all("/en/" not in url and "/ar/" not in url for url in nav("kontakt/"))


def _texts(node: LexborHTMLParser, selector: str) -> str:
    """The text of the matching elements, with the names and hints in their attributes."""
    parts = []
    for element in node.css(selector):
        parts.append(element.text(separator=" "))
        for inner in [element, *element.css("*")]:
            for name in ("aria-label", "title", "placeholder"):
                parts.append(inner.attributes.get(name) or "")
    return " ".join(parts)


def test_no_german_ui_text_in_header_footer_and_hours_on_an_arabic_page(built: Path) -> None:
    page = _page(built, "ar/kontakt/")
    german_texts = [
        m for m in texte.marked_messages() if "%" not in m and m not in {"Fax", "Telefon"}
    ]
    # Data (names, addresses) stays German and is marked so; UI text must not.
    for selector in ("header", "nav.rh-sprachleiste", "footer", ".rathaus-zeiten table"):
        for node in page.css(f"{selector} [lang='de']"):
            node.decompose()
        text = _texts(page, selector)
        assert text.strip(), selector
        found = [m for m in german_texts if m in text]
        assert found == [], f"{selector}: {found}"
    # Material's own texts come from its catalogue of the page's language.
    whole = _texts(_page(built, "ar/kontakt/"), "body")
    material = ["Zum Hauptinhalt springen", "Hauptnavigation", "Inhaltsverzeichnis"]
    assert [m for m in material if m in whole] == []
    table = _texts(page, ".rathaus-zeiten table")
    assert not [day for day in DAY_NAMES if day in table]
    assert "الاثنين" in table and "مواعيد العمل" in table
    footer = page.css_first("footer nav.rh-footer__nav")
    assert footer.attributes["aria-label"] == "الخدمات والمعلومات القانونية"


def test_data_text_on_a_translated_page_is_marked_german(built: Path) -> None:
    card = _page(built, "ar/kontakt/").css_first(".rathaus-kontakt")
    room = card.css_first("dd span[lang='de']")
    assert room is not None and room.attributes["dir"] == "ltr"
    assert _page(built, "kontakt/").css(".rathaus-kontakt span[lang]") == []


def test_footer_links_to_the_translation_or_marks_the_german_page(built: Path) -> None:
    links = {
        a.text(strip=True): (a.attributes.get("lang"), _absolute("en/", a.attributes["href"] or ""))
        for a in _page(built, "en/").css("footer nav.rh-footer__nav a")
    }
    assert links == {
        "Contact": (None, SITE + "en/kontakt/"),
        "Impressum": ("de", SITE + "impressum/"),
    }


def test_a_machine_translation_says_so_in_its_language(built: Path) -> None:
    notice = _page(built, "en/kontakt/").css_first("article .rh-uebersetzung")
    assert notice is not None
    assert notice.text(strip=True) == (
        "This page was translated by a computer program. The translation may contain mistakes."
    )
    # Right under the heading.
    assert notice.prev is not None
    assert _page(built, "ar/kontakt/").css("article .rh-uebersetzung") == []


def test_a_changed_german_page_marks_every_translation(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("sprachen")
    german = root / "content" / "kontakt.md"
    german.write_text(
        german.read_text(encoding="utf-8").replace("Rufen Sie uns an", "Rufen Sie uns gern an"),
        encoding="utf-8",
    )
    rathaus(["--root", str(root), "check", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    stale = {f["file"]: f["message"] for f in findings if f["rule"] == "uebersetzung"}
    assert set(stale) == {"content/en/kontakt.md", "content/ar/kontakt.md"}
    assert all("content/kontakt.md" in message for message in stale.values())
    site = build_site(root)
    arabic = _page(site, "ar/kontakt/").css_first("article .rh-uebersetzung")
    assert arabic is not None
    assert "قد لا تكون هذه الترجمة محدّثة" in arabic.text()
    link = arabic.css_first("a[hreflang='de']")
    assert _absolute("ar/kontakt/", link.attributes["href"] or "") == SITE + "kontakt/"
    english = _page(site, "en/kontakt/").css_first("article .rh-uebersetzung").text()
    assert "This translation may be out of date" in english
    assert "computer program" in english


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        ("[xx]", "die Sprache „xx“ kennt Rathaus nicht"),
        ("[ru]", "für Russisch (ru) fehlen die Texte der Oberfläche – legen Sie texte/ru.po an"),
    ],
)
def test_a_language_rathaus_cannot_offer_is_a_clear_error(
    fixture_site: Callable[[str], Path],
    caplog: pytest.LogCaptureFixture,
    languages: str,
    message: str,
) -> None:
    root = fixture_site("sprachen")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("[en, ar]", languages), encoding="utf-8"
    )
    with pytest.raises(Abort):
        build_site(root)
    assert message in caplog.text


def test_a_town_adds_a_language_with_its_own_catalogue(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("sprachen")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("[en, ar]", "[ru]"), encoding="utf-8"
    )
    (root / "texte").mkdir()
    (root / "texte" / "ru.po").write_text('msgid "Suchen"\nmsgstr "Найти"\n', encoding="utf-8")
    (root / "content" / "ru").mkdir()
    (root / "content" / "ru" / "index.md").write_text(
        "---\ndescription: Тестдорф\n---\n\n# Тестдорф\n\nДобро пожаловать.\n", encoding="utf-8"
    )
    site = build_site(root, strict=False)
    page = _page(site, "ru/")
    assert page.css_first("html").attributes["lang"] == "ru"
    assert page.css_first(".rh-suchfeld__knopf").text(strip=True) == "Найти"


@pytest.mark.parametrize("code", ["en", "ar"])
def test_each_language_searches_from_its_own_search_page(built: Path, code: str) -> None:
    page = _page(built, f"{code}/kontakt/")
    form = page.css_first("form.rh-suchfeld")
    action = _absolute(f"{code}/kontakt/", form.attributes["action"] or "")
    assert action == SITE + f"{code}/suche/"
    search = _page(built, f"{code}/suche/")
    # Pagefind picks the index by the language of the page the search runs on.
    assert search.css_first("html").attributes["lang"] == code
    texts = search.css_first("[data-rathaus-suchseite]").attributes
    assert "Ergebnis" not in (texts["data-text-treffer"] or "")
    assert "{n}" in (texts["data-text-treffer"] or "")
    assert _page(built, "kontakt/").css_first("form.rh-suchfeld").attributes["action"] == (
        "../suche/"
    )


def test_every_language_has_its_own_search_index(built: Path) -> None:
    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["ar", "de", "en"]
    assert list(entry["languages"]) == sorted(entry["languages"])  # same bytes every build


def test_a_staff_language_leads_to_the_pages_in_it(built: Path) -> None:
    card = next(
        c for c in _page(built, "ansprechpersonen/").css(".rathaus-kontakt") if "Erika" in c.text()
    )
    languages = next(dd for dd in card.css("dd") if "Türkisch" in dd.text())
    links = {
        a.text(strip=True): _absolute("ansprechpersonen/", a.attributes["href"] or "")
        for a in languages.css("a")
    }
    # Arabic is offered by the site, Turkish is not: only Arabic is a link.
    assert links == {"Arabisch": SITE + "ar/"}
    assert " ".join(languages.text().split()) == "Deutsch, Türkisch, Arabisch"


def test_the_units_that_speak_a_language_are_found_from_its_start_page(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("sprachen")
    start = root / "content" / "ar" / "index.md"
    start.write_text(
        start.read_text(encoding="utf-8") + "\n<!-- rathaus/wir-sprechen -->\n", encoding="utf-8"
    )
    page = _page(build_site(root, strict=False), "ar/")
    section = page.css_first("section.rathaus-wir-sprechen")
    assert section.css_first("h2").text(strip=True) == "نتحدث العربية"
    assert [a.text(strip=True) for a in section.css("a")] == ["Bürgerbüro"]
    assert section.css_first("a span").attributes["lang"] == "de"


def test_the_error_page_speaks_every_language_of_the_site(built: Path) -> None:
    page = parse(built / "404.html")
    assert page.css_first("html").attributes["lang"] == "de"
    sections = {
        s.attributes["lang"]: (
            s.attributes["dir"],
            s.css_first("h2").text(strip=True),
            s.css_first("a").text(strip=True),
            urljoin(SITE, s.css_first("a").attributes["href"] or ""),
        )
        for s in page.css("section.rh-fehlerseite")
    }
    assert sections == {
        "en": ("ltr", "Page not found", "Home page in English", SITE + "en/"),
        "ar": ("rtl", "الصفحة غير موجودة", "الصفحة الرئيسية بالعربية", SITE + "ar/"),
    }


def test_every_unit_has_a_page_in_every_language(built: Path) -> None:
    german = "verwaltung/buergerbuero/"
    links = {
        link.attributes["hreflang"]: _absolute(german, link.attributes["href"] or "")
        for link in _page(built, german).css('head link[rel="alternate"][hreflang]')
    }
    assert links == {
        "de": SITE + german,
        "en": SITE + "en/" + german,
        "ar": SITE + "ar/" + german,
        "x-default": SITE + german,
    }
    page = _page(built, "ar/" + german)
    assert page.css_first("html").attributes["lang"] == "ar"
    headings = [h.text(strip=True) for h in page.css("article h2")]
    assert "مواعيد العمل" in headings and "التواصل" in headings
    assert not [h for h in headings if h in {"Öffnungszeiten", "Kontakt", "Standort"}]
    # The unit's own description is German: marked, and the page says so in Arabic.
    note = page.css_first("p.rathaus-nur-deutsch")
    assert note is not None and "الألمانية" in note.text()
    table = page.css_first(".rathaus-zeiten table")
    assert table is not None and not [day for day in DAY_NAMES if day in table.text()]
    for node in page.css("article [lang='de']"):
        assert node.attributes.get("dir") == "ltr"


def test_a_translated_page_links_to_the_units_in_its_language(built: Path) -> None:
    card = _page(built, "en/kontakt/").css_first(".rathaus-kontakt h2 a")
    assert _absolute("en/kontakt/", card.attributes["href"] or "") == (
        SITE + "en/verwaltung/buergerbuero/"
    )


@pytest.mark.parametrize(
    ("path", "title", "german"),
    [
        ("ansprechpersonen/", "Contact persons", "Personen filtern"),
        ("standorte/", "Locations", "Barrierefreiheit des Gebäudes"),
        ("oeffnungszeiten/", "Opening hours", "Stellen filtern"),
        ("verwaltung/", "Offices", "Ämter und Einrichtungen"),
    ],
)
def test_the_directory_overviews_exist_in_every_language(
    built: Path, path: str, title: str, german: str
) -> None:
    page = _page(built, "en/" + path)
    assert page.css_first("html").attributes["lang"] == "en"
    assert page.css_first("article h1").text(strip=True) == title
    assert german in _texts(_page(built, path), "article")
    for node in page.css("article [lang='de']"):
        node.decompose()
    assert german not in _texts(page, "article")
    # Entries link to the English pages of the units.
    links = [_absolute("en/" + path, a.attributes["href"] or "") for a in page.css("article a")]
    units = [url for url in links if "/verwaltung/" in url and url != SITE + "en/verwaltung/"]
    assert units and all(url.startswith(SITE + "en/verwaltung/") for url in units), units
