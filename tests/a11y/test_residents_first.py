"""Residents first: on a phone, a unit page shows how to reach the unit, when it is open and
where it is on the first screen (issue 15). Measured in Chromium at 320 × 640 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from conftest import SITE_DIR, new_context

UNIT_PAGES = sorted(
    path.parent.relative_to(SITE_DIR).as_posix() + "/"
    for path in SITE_DIR.glob("**/index.html")
    if 'class="rathaus-blick"' in path.read_text(encoding="utf-8")
)
# Bottom edges, in CSS px below the header's bottom edge, of what must be on the first screen.
MEASURE = """() => {
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const box = document.querySelector('.rathaus-blick');
  const facts = Object.fromEntries([...box.querySelectorAll('dl > div')].map(div =>
    [div.querySelector('dt').textContent.startsWith('Heute') ? 'Heute'
       : div.querySelector('dt').textContent, div.querySelector('dd')]));
  const bottom = el => el ? Math.round(el.getBoundingClientRect().bottom - header) : null;
  return {Telefon: bottom(facts['Telefon'] && facts['Telefon'].querySelector('a[href^="tel:"]')),
          Heute: bottom(facts['Heute']), Adresse: bottom(facts['Adresse'])};
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
