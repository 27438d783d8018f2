"""The offline German search in a real browser: a unit is found by a service synonym,
and a word written with a Mediopunkt is found by its second part."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Page


def _search(page: Page, base_url: str, query: str) -> list[str]:
    """Type ``query`` into the search box; return path and fragment of each result
    (without the ``?h=`` highlight query Material adds)."""
    page.goto(base_url + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item a.md-search-result__link", "els => els.map(e => e.href)"
    )
    parts = [urlsplit(urljoin(page.url, h)) for h in hrefs]
    return [f"{p.path}#{p.fragment}" if p.fragment else p.path for p in parts]


def test_unit_found_by_a_service_synonym(desktop: Page, base_url: str) -> None:
    # „Perso“ is a synonym of the Personalausweis; only the A–Z page knows it.
    results = _search(desktop, base_url, "Perso")
    target = "/themen/#thema-personalausweis"
    assert target in results, results
    desktop.locator(
        ".md-search-result__item a[href*='themen/'][href$='#thema-personalausweis']"
    ).first.click()
    desktop.wait_for_url("**/themen/**#thema-personalausweis")
    entry = desktop.locator("#thema-personalausweis").locator("xpath=..")
    unit = entry.locator("dd a[href*='verwaltung/']").first
    assert unit.inner_text() == "Bürgerbüro"
    unit.click()
    desktop.wait_for_url("**/verwaltung/buergerbuero/")
    assert desktop.locator("h1").inner_text() == "Bürgerbüro"


def test_mediopunkt_word_found_by_its_part(desktop: Page, base_url: str) -> None:
    # The Leichte Sprache summary writes „Sozial·bericht“; „bericht“ finds it.
    results = _search(desktop, base_url, "bericht")
    assert any("aktuelles/erster-sozialbericht/" in url for url in results), results
