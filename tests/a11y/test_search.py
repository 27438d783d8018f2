"""The search in Chromium on the built demo: what residents type finds what they need, the
results page works with the keyboard and a screen reader, nothing loads before a search,
and the page stays useful without JavaScript and without results."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from tests.a11y.conftest import DESKTOP, new_context, run_axe

DONE = re.compile(r"Ergebnis|Keine Ergebnisse|nicht verfügbar")


def _results(page: Page) -> list[str]:
    """Path and fragment of every result link, in order."""
    expect(page.locator("[data-suche-status]")).to_have_text(DONE, timeout=15_000)
    hrefs = page.eval_on_selector_all(".rathaus-treffer a", "els => els.map(e => e.href)")
    parts = [urlsplit(href) for href in hrefs]
    return [f"{p.path}#{p.fragment}" if p.fragment else p.path for p in parts]


def _search(page: Page, base_url: str, query: str, extra: str = "") -> list[str]:
    page.goto(f"{base_url}/suche/?suchwort={query}{extra}")
    return _results(page)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Pass", "/themen/#thema-reisepass"),
        ("Perso", "/themen/#thema-personalausweis"),
        ("Buergerbuero", "/verwaltung/buergerbuero/"),
        ("Ummeldung", "/themen/#thema-wohnsitz-anmelden"),
        ("Kindergarten", "/themen/#thema-kita-platz"),
        ("Integrationsrat", "/verwaltung/integrationsrat/"),
        ("Gebärdensprache", "/gebaerdensprache/"),
        ("Datenschutz", "/datenschutz/"),
    ],
)
def test_the_first_result_is_what_a_resident_needs(
    desktop: Page, base_url: str, query: str, first: str
) -> None:
    results = _search(desktop, base_url, query)
    assert results and results[0] == first, results
    assert not [url for url in results if "handbuch" in url], results


def test_a_wheelchair_user_finds_the_step_free_buildings(desktop: Page, base_url: str) -> None:
    results = _search(desktop, base_url, "Rollstuhl")
    assert results[0].startswith("/standorte/#"), results
    anchor = results[0].split("#")[1]
    desktop.goto(f"{base_url}{results[0]}")
    section = desktop.locator(f"#{anchor} ~ .rathaus-standort").first
    assert "Rollstuhl" in section.inner_text()


def test_a_word_written_with_a_mediopunkt_is_found_joined(desktop: Page, base_url: str) -> None:
    # Only the Leichte Sprache contact page has „Kranken·wagen“.
    assert "/leichte-sprache/kontakt/" in _search(desktop, base_url, "Krankenwagen")


def test_leichte_sprache_results_come_first_for_a_search_from_leichte_sprache(
    desktop: Page, base_url: str
) -> None:
    assert _search(desktop, base_url, "Bürgerbüro")[0] == "/verwaltung/buergerbuero/"
    desktop.goto(f"{base_url}/leichte-sprache/")
    desktop.set_viewport_size(DESKTOP)
    desktop.fill("#rh-suchfeld-wort", "Bürgerbüro")
    desktop.press("#rh-suchfeld-wort", "Enter")
    results = _results(desktop)
    assert "sprache=leichte-sprache" in desktop.url
    assert results[0] == "/leichte-sprache/verwaltung/buergerbuero/", results
    marked = desktop.locator(".rathaus-treffer li").first.locator(".rathaus-treffer__bereich")
    assert "Leichte Sprache" in marked.inner_text()


def test_keyboard_only_search_from_the_header(desktop: Page, base_url: str) -> None:
    desktop.goto(f"{base_url}/verwaltung/buergerbuero/")
    for _ in range(40):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.id") == "rh-suchfeld-wort":
            break
    else:
        pytest.fail("the header's search field cannot be reached with Tab")
    desktop.keyboard.type("Pass")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**/suche/?suchwort=Pass")
    # Enter goes to the results list, never straight to the first hit.
    results = _results(desktop)
    assert urlsplit(desktop.url).path == "/suche/"
    status = desktop.locator("[role=status]")
    assert status.inner_text() == f"{len(results)} Ergebnisse für „Pass“."
    assert desktop.locator("ol.rathaus-treffer > li h2 > a").count() == len(results)
    # Field, button, then the first result.
    desktop.focus("#rathaus-suche-wort")
    desktop.keyboard.press("Tab")
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("document.activeElement.closest('.rathaus-treffer') !== null")
    assert focused, "the first result is not next after the search button"
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**/themen/#thema-reisepass")


def test_a_new_search_on_the_results_page_is_announced(desktop: Page, base_url: str) -> None:
    _search(desktop, base_url, "Pass")
    status = desktop.locator("[data-suche-status]")
    assert status.get_attribute("role") == "status"  # a polite live region
    desktop.fill("#rathaus-suche-wort", "Kindergarten")
    desktop.press("#rathaus-suche-wort", "Enter")
    expect(status).to_have_text("1 Ergebnis für „Kindergarten“.")
    # What a screen reader gets: a status (polite live region) with the count, then the list.
    expect(status).to_match_aria_snapshot('- status: "1 Ergebnis für „Kindergarten“."')
    expect(desktop.locator("ol.rathaus-treffer")).to_match_aria_snapshot(
        """
        - list:
          - listitem:
            - heading "Kita-Platz" [level=2]:
              - link "Kita-Platz"
            - paragraph: Themen und Dienstleistungen von A bis Z
            - paragraph
        """
    )
    assert desktop.url.endswith("?suchwort=Kindergarten")
    desktop.go_back()
    expect(status).to_have_text(re.compile("für „Pass“"))


def test_no_results_show_the_way_on(desktop: Page, base_url: str) -> None:
    assert _search(desktop, base_url, "xqzvw") == []
    assert desktop.locator("[role=status]").inner_text().startswith("Keine Ergebnisse für „xqzvw“")
    assert not desktop.locator("ol.rathaus-treffer").is_visible()
    help_box = desktop.locator(".rathaus-weiter")
    assert help_box.locator("h2").inner_text() == "Nicht gefunden?"
    hrefs = help_box.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "../themen/" in hrefs and "../leichte-sprache/" in hrefs
    assert any(href.startswith("tel:") for href in hrefs)


def test_nothing_of_the_search_loads_before_it_is_used(browser: Browser, base_url: str) -> None:
    # The site's own policy applies: Pagefind must run under it.
    context = browser.new_context(viewport=DESKTOP, locale="de-DE")  # type: ignore[arg-type]
    sizes: dict[str, int] = {}
    context.on(
        "requestfinished",
        lambda request: sizes.__setitem__(request.url, request.sizes()["responseBodySize"]),
    )
    page = context.new_page()
    for path in ("/", "/verwaltung/buergerbuero/", "/themen/", "/suche/"):
        page.goto(f"{base_url}{path}", wait_until="networkidle")
    assert not [url for url in sizes if "/pagefind/" in url]
    page.fill("#rathaus-suche-wort", "Reisepass")
    page.press("#rathaus-suche-wort", "Enter")
    assert _results(page)[0] == "/themen/#thema-reisepass"
    page.wait_for_load_state("networkidle")
    loaded = {url: size for url, size in sizes.items() if "/pagefind/" in url}
    assert loaded and sum(loaded.values()) <= 300_000, loaded
    assert all(urlsplit(url).netloc == urlsplit(base_url).netloc for url in sizes)
    context.close()


def test_without_javascript_the_search_is_never_a_dead_control(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="de-DE", java_script_enabled=False)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(f"{base_url}/verwaltung/buergerbuero/")
    page.fill("#rh-suchfeld-wort", "Pass")
    page.press("#rh-suchfeld-wort", "Enter")
    page.wait_for_url("**/suche/?suchwort=Pass")
    assert page.locator("[data-suche-ohne-js]").is_visible()
    assert page.locator(".rathaus-weiter a[href='../themen/']").is_visible()
    assert page.locator(".rathaus-weiter a[href='../verwaltung/']").is_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 320])
def test_axe_on_the_results(browser: Browser, base_url: str, scheme: str, width: int) -> None:
    context = new_context(browser, {"width": width, "height": 900}, scheme)
    page = context.new_page()
    page.goto(f"{base_url}/suche/?suchwort=Pass")
    assert _results(page)
    violations = run_axe(page)
    # Reflow (WCAG 1.4.10): nothing needs sideways scrolling, also at 320 px.
    width_used = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert not violations, violations
    assert width_used <= width


def test_a_phone_gets_a_link_to_the_search_page(browser: Browser, base_url: str) -> None:
    context = new_context(browser, {"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{base_url}/verwaltung/buergerbuero/")
    assert not page.locator("#rh-suchfeld-wort").is_visible()
    link = page.locator("a.rh-suchlink")
    assert link.is_visible()
    expect(link).to_have_accessible_name("Suche")  # the magnifier alone at 320 px
    assert link.evaluate("e => e.getBoundingClientRect().height") >= 24  # WCAG 2.5.8
    link.click()
    page.wait_for_url("**/suche/")
    page.fill("#rathaus-suche-wort", "Perso")
    page.press("#rathaus-suche-wort", "Enter")
    assert _results(page)[0] == "/themen/#thema-personalausweis"
    context.close()
