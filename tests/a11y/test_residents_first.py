"""Residents first: on a phone, a unit page shows how to reach the unit, when it is open and
where it is on the first screen (issue 15). Measured in Chromium at 320 × 640 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from conftest import SITE_DIR, new_context

UNIT_PAGES = sorted(
    path.parent.relative_to(SITE_DIR).as_posix() + "/"
    for path in SITE_DIR.glob("**/index.html")
    if 'id="auf-einen-blick"' in path.read_text(encoding="utf-8")
)
# Bottom edges, in CSS px below the header's bottom edge, of what must be on the first screen.
# Found by what they link to, not by their labels: the same on pages in every language.
MEASURE = """() => {
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const box = document.getElementById('auf-einen-blick').closest('.rathaus-blick');
  const fact = link => { const a = box.querySelector(link); return a && a.closest('dd'); };
  const bottom = el => el ? Math.round(el.getBoundingClientRect().bottom - header) : null;
  return {Telefon: bottom(box.querySelector('dd a[href^="tel:"]')),
          Heute: bottom(fact('a[href$="#oeffnungszeiten"]')),
          Adresse: bottom(fact('a[href*="openstreetmap"]'))};
}"""


@pytest.mark.skipif(not UNIT_PAGES, reason="no unit pages with „Auf einen Blick“ in this build")
def test_phone_hours_and_address_are_on_the_first_phone_screen(
    browser: Browser, base_url: str
) -> None:
    context = new_context(browser, {"width": 320, "height": 640})
    page = context.new_page()
    late = []
    measured = 0
    for path in UNIT_PAGES:
        page.goto(f"{base_url}/{path}")
        for fact, bottom in page.evaluate(MEASURE).items():
            if bottom is None:
                continue  # the unit has no such fact
            measured += 1
            if bottom > 640:
                late.append(f"{path}: {fact} endet {bottom} px unter der Kopfzeile")
    context.close()
    assert measured >= len(UNIT_PAGES), "nothing measured: the check is broken"
    assert late == [], "\n".join(late)


START = SITE_DIR / "index.html"
START_HTML = START.read_text(encoding="utf-8") if START.exists() else ""


@pytest.mark.skipif(
    'class="rathaus-suche"' not in START_HTML or "rathaus-zentrale" not in START_HTML,
    reason="the start page of this build has no search form or switchboard block",
)
def test_start_page_shows_search_and_central_phone_on_the_first_phone_screen(
    browser: Browser, base_url: str
) -> None:
    context = new_context(browser, {"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{base_url}/")
    bottoms = page.evaluate(
        """() => {
      const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
      const bottom = sel =>
        Math.round(document.querySelector(sel).getBoundingClientRect().bottom - header);
      return {search: bottom('.rathaus-suche button'),
              phone: bottom('.rathaus-zentrale a[href^="tel:"]')};
    }"""
    )
    context.close()
    assert bottoms["search"] > 0 and bottoms["phone"] > 0
    assert bottoms["search"] <= 640 and bottoms["phone"] <= 640, bottoms


FILTER_PAGES = sorted(
    path.parent.relative_to(SITE_DIR).as_posix() + "/"
    for path in SITE_DIR.glob("**/index.html")
    if "data-rathaus-filter" in path.read_text(encoding="utf-8")
)
COUNT_SHOWN = "() => document.querySelectorAll('[data-eintrag]:not([hidden])').length"


@pytest.mark.skipif(not FILTER_PAGES, reason="no long lists with a filter in this build")
@pytest.mark.parametrize("path", FILTER_PAGES)
def test_filter_narrows_a_long_list_and_says_how_many(
    browser: Browser, base_url: str, path: str
) -> None:
    context = new_context(browser, {"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{base_url}/{path}")
    field = page.locator(".rathaus-filter input")
    assert field.is_visible()
    total = page.evaluate(COUNT_SHOWN)
    # A word of the first entry's heading or first line, typed without umlauts.
    first = page.locator("[data-eintrag]").first.inner_text().split("\n")[0]
    word = max(first.replace(":", " ").split(), key=len)
    folded = word.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    field.fill(folded.replace("ß", "ss"))
    shown = page.evaluate(COUNT_SHOWN)
    assert 1 <= shown <= total
    # The status in the page's language (German: „3 von 40 Einträgen passen.“).
    box = page.locator(".rathaus-filter")
    matches = str(box.get_attribute("data-text-treffer"))
    none = str(box.get_attribute("data-text-keine"))
    if path.split("/", 1)[0] not in {"en", "tr", "ar", "uk"}:
        assert matches == "{n} von {m} Einträgen passen."
    status = page.locator(".rathaus-filter [role=status]").inner_text()
    assert status == matches.replace("{n}", str(shown)).replace("{m}", str(total))
    field.fill("xqzv")
    assert page.evaluate(COUNT_SHOWN) == 0
    assert page.locator(".rathaus-filter [role=status]").inner_text() == none
    # Empty groups go with their entries: no letter heading is left alone.
    groups = "() => document.querySelectorAll('[data-gruppe]:not([hidden])').length"
    assert page.evaluate(groups) == 0
    field.fill("")
    assert page.evaluate(COUNT_SHOWN) == total
    context.close()


@pytest.mark.skipif('class="rathaus-suche"' not in START_HTML, reason="no search form")
def test_start_page_search_lists_the_results(browser: Browser, base_url: str) -> None:
    context = new_context(browser, {"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{base_url}/")
    page.fill("article .rathaus-suche input", "Ummeldung")
    page.press("article .rathaus-suche input", "Enter")
    page.wait_for_url("**/suche/?suchwort=Ummeldung")
    first = page.locator(".rathaus-treffer a").first
    first.wait_for(timeout=15_000)
    assert first.get_attribute("href", timeout=1_000).endswith("themen/#thema-wohnsitz-anmelden")
    context.close()


def test_the_index_filter_still_reads_the_words_from_the_address(
    browser: Browser, base_url: str
) -> None:
    context = new_context(browser, {"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{base_url}/themen/?suchwort=zz-nichts")
    assert page.locator(".rathaus-filter input").input_value() == "zz-nichts"
    # What only helps to browse (the letter navigation) gives way to the result.
    assert page.locator("[data-filter-verbergen]").count() > 0
    assert not page.locator("[data-filter-verbergen]").first.is_visible()
    assert page.locator("[data-eintrag]").count() > 0
    assert page.evaluate(COUNT_SHOWN) == 0
    context.close()


LS_PAGES = sorted(
    path.parent.relative_to(SITE_DIR).as_posix() + "/"
    for path in SITE_DIR.glob("**/index.html")
    if 'class="rathaus-leichte-sprache' in (text := path.read_text(encoding="utf-8"))
    and "<br" in text
)
# Every sentence of an LS paragraph (the lines between <br>) in a span of its own, then the
# left edge of each of its line boxes relative to the paragraph's content edge.
SENTENCE_LINES = """() => {
  const result = [];
  for (const p of document.querySelectorAll('.rathaus-leichte-sprache p')) {
    if (!p.querySelector('br')) continue;
    const left = p.getBoundingClientRect().left + parseFloat(getComputedStyle(p).paddingLeft);
    let span = document.createElement('span');
    const spans = [span];
    for (const node of [...p.childNodes]) {
      if (node.nodeName === 'BR') { span = document.createElement('span'); spans.push(span);
        p.insertBefore(span, node.nextSibling); continue; }
      span.appendChild(node);
    }
    p.insertBefore(spans[0], p.firstChild);
    for (const s of spans) {
      const lines = [...s.getClientRects()].map(r => Math.round(r.left - left));
      if (lines.length) result.push(lines);
    }
  }
  return result;
}"""


@pytest.mark.skipif(not LS_PAGES, reason="no Leichte Sprache pages with sentence lines")
def test_a_wrapped_ls_sentence_is_indented_and_a_new_one_is_not(
    browser: Browser, base_url: str
) -> None:
    context = new_context(browser, {"width": 320, "height": 640})
    page = context.new_page()
    wrapped = 0
    for path in LS_PAGES:
        page.goto(f"{base_url}/{path}")
        for lines in page.evaluate(SENTENCE_LINES):
            assert lines[0] <= 1, f"{path}: a sentence starts {lines[0]} px in"
            for later in lines[1:]:
                wrapped += 1
                assert later >= 15, f"{path}: a wrapped line starts at {later} px, not indented"
    context.close()
    assert wrapped > 0, "no sentence wrapped at 320 px: the check measured nothing"
