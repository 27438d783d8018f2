"""The demo's pages in other languages in Chromium: an Arabic page right to left with its
own texts, phone numbers left to right, no barriers found by axe, and on every language
page reciprocal hreflang links and a picker that leads to the same page."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from tests.a11y.conftest import DESKTOP, new_context, run_axe

from rathaus import texte
from rathaus.model.hours import DAY_NAMES

LANGUAGES = ("de", "en", "tr", "ar", "uk")
TRANSLATED = ("", "kontakt/", "verwaltung/kommunales-integrationszentrum/")
ARABIC = "ar/verwaltung/kommunales-integrationszentrum/"


def _path(code: str, page: str) -> str:
    return page if code == "de" else f"{code}/{page}"


def _text_without_german_data(page: Page, selector: str) -> str:
    """What a reader gets from ``selector`` (text, names, hints), without the data marked as
    German (names, rooms): the theme's own words only."""
    return str(
        page.evaluate(
            """selector => [...document.querySelectorAll(selector)].map(node => {
                const copy = node.cloneNode(true);
                copy.querySelectorAll('[lang="de"]').forEach(e => e.remove());
                const hints = [...copy.querySelectorAll('*')].flatMap(e =>
                    ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a) || ''));
                return copy.textContent + ' ' + hints.join(' ');
            }).join(' ')""",
            selector,
        )
    )


def test_an_arabic_page_is_right_to_left_with_its_own_texts(desktop: Page, base_url: str) -> None:
    desktop.goto(f"{base_url}/{ARABIC}")
    assert desktop.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    # Mirrored: the navigation on the right of the content, the text flush right.
    content = desktop.locator("article").bounding_box()
    navigation = desktop.locator(".md-sidebar--primary").bounding_box()
    assert content and navigation and navigation["x"] > content["x"] + content["width"]
    aligned = desktop.evaluate(
        """() => {
            const p = document.querySelector('article > p');
            const range = document.createRange();
            range.selectNodeContents(p);
            const rects = [...range.getClientRects()];
            const top = Math.min(...rects.map(r => r.top));
            const firstLine = rects.filter(r => r.top - top < 2);
            const right = Math.max(...firstLine.map(r => r.right));
            const box = p.getBoundingClientRect();
            return [getComputedStyle(p).direction, Math.round(box.right - right)];
        }"""
    )
    assert aligned == ["rtl", 0]
    # Phone numbers read left to right: "02398" comes before "678-430" on the screen too.
    order = desktop.evaluate(
        """() => [...document.querySelectorAll('article a[href^="tel:"]')].map(a => {
            const text = a.firstChild;
            const first = document.createRange(), last = document.createRange();
            first.setStart(text, 0); first.setEnd(text, 1);
            last.setStart(text, text.length - 1); last.setEnd(text, text.length);
            return [getComputedStyle(a).direction,
                    first.getBoundingClientRect().left < last.getBoundingClientRect().left];
        })"""
    )
    assert order and all(item == ["ltr", True] for item in order), order
    # No German text of the theme in header, footer and the hours table.
    german = [m for m in texte.marked_messages() if "%" not in m and len(m) > 3]
    for selector in ("header", ".rh-sprachleiste", "footer", ".rathaus-zeiten table"):
        text = _text_without_german_data(desktop, selector)
        assert text.strip(), selector
        assert [m for m in german if m in text] == [], selector
    table = _text_without_german_data(desktop, ".rathaus-zeiten table")
    assert [day for day in DAY_NAMES if day in table] == []
    assert "الثلاثاء" in table


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_nothing_on_the_arabic_page(
    browser: Browser, base_url: str, scheme: str, width: int
) -> None:
    context = new_context(browser, {"width": width, "height": 900}, scheme)
    page = context.new_page()
    page.goto(f"{base_url}/{ARABIC}")
    violations = run_axe(page)
    width_used = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert not violations, violations
    assert width_used <= width


@pytest.mark.parametrize("page_path", TRANSLATED)
@pytest.mark.parametrize("code", LANGUAGES)
def test_hreflang_is_reciprocal_and_the_picker_leads_to_the_same_page(
    browser: Browser, base_url: str, code: str, page_path: str
) -> None:
    context = new_context(browser, DESKTOP)
    page = context.new_page()
    url = f"{base_url}/{_path(code, page_path)}"
    page.goto(url)
    links = page.eval_on_selector_all(
        'head link[rel="alternate"][hreflang]',
        "els => els.map(e => [e.hreflang, e.href])",
    )
    expected = {c: f"{base_url}/{_path(c, page_path)}" for c in LANGUAGES}
    assert dict(links) == {**expected, "x-default": expected["de"]}
    picker = page.eval_on_selector_all(
        "a.rh-sprachwahl__link", "els => els.map(e => [e.lang, e.href])"
    )
    assert dict(picker) == expected
    # Following the picker: the same page in the other language, and back.
    other = "ar" if code != "ar" else "en"
    page.click(f"a.rh-sprachwahl__link[lang='{other}']")
    assert urlsplit(page.url).path == urlsplit(expected[other]).path
    page.click(f"a.rh-sprachwahl__link[lang='{code}']")
    assert urlsplit(page.url).path == urlsplit(url).path
    context.close()


def test_a_page_without_translation_leads_to_the_language_start_page(
    desktop: Page, base_url: str
) -> None:
    desktop.goto(f"{base_url}/impressum/")
    english = desktop.locator("a.rh-sprachwahl__link[lang='en']")
    assert english.get_attribute("title") == "Home page in English"
    english.click()
    assert urlsplit(desktop.url).path == urlsplit(urljoin(base_url + "/", "en/")).path


@pytest.mark.parametrize(
    ("code", "query", "status"),
    [("ar", "مترجم", re.compile("نتيجة|النتائج")), ("en", "interpreter", re.compile("result"))],
)
def test_a_reader_searches_the_pages_of_their_language(
    desktop: Page, base_url: str, code: str, query: str, status: re.Pattern[str]
) -> None:
    desktop.goto(f"{base_url}/{code}/kontakt/")
    desktop.fill("#rh-suchfeld-wort", query)
    desktop.press("#rh-suchfeld-wort", "Enter")
    assert urlsplit(desktop.url).path.endswith(f"/{code}/suche/")
    expect(desktop.locator("[data-suche-status]")).to_have_text(status, timeout=15_000)
    hrefs = desktop.eval_on_selector_all(".rathaus-treffer a", "els => els.map(e => e.href)")
    assert hrefs and all(urlsplit(href).path.startswith(f"/{code}/") for href in hrefs), hrefs
