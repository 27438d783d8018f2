"""Typography of pages in Leichte Sprache, measured as computed style in Chromium (issue 4,
item 6; BITV 2.0 Anlage 2 Teil 2 Nr. 9–10): font size at least 1.2 times a standard page's
body text, line height at least 1.5, left aligned, no hyphenation, no justified text, no
italics."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from conftest import SITE_DIR

STANDARD = "kontakt/"
LS_PAGES = ["leichte-sprache/", "leichte-sprache/verwaltung/buergerbuero/"]

# Every element with text of its own inside the LS wrapper, with its computed style.
STYLES_JS = """() => {
  const root = document.querySelector('article .rathaus-leichte-sprache');
  if (!root) return null;
  const out = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const s = getComputedStyle(el);
    out.push({tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40),
      fontSize: parseFloat(s.fontSize), lineHeight: s.lineHeight, textAlign: s.textAlign,
      hyphens: s.hyphens || s.webkitHyphens, fontStyle: s.fontStyle});
  }
  return out;
}"""


def _body_font_size(page: Page) -> float:
    size = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)"
    )
    assert isinstance(size, int | float)
    return float(size)


@pytest.mark.skipif(
    not (SITE_DIR / "leichte-sprache" / "index.html").exists(), reason="no LS pages built"
)
@pytest.mark.parametrize("path", LS_PAGES)
def test_leichte_sprache_typography(desktop: Page, base_url: str, path: str) -> None:
    desktop.goto(f"{base_url}/{STANDARD}")
    standard = _body_font_size(desktop)
    desktop.goto(f"{base_url}/{path}")
    styles = desktop.evaluate(STYLES_JS)
    assert styles, f"{path}: no text in .rathaus-leichte-sprache"
    paragraphs = [s for s in styles if s["tag"] == "p"]
    assert paragraphs
    problems = []
    for s in styles:
        where = f"{path} <{s['tag']}> {s['text']!r}"
        if s["tag"] in {"p", "li", "dd", "dt", "address"} and s["fontSize"] < 1.2 * standard - 0.01:
            problems.append(f"{where}: font size {s['fontSize']}px < 1.2 × {standard}px")
        height = s["lineHeight"]
        if height == "normal" or float(height.removesuffix("px")) < 1.5 * s["fontSize"] - 0.01:
            problems.append(f"{where}: line height {height} at {s['fontSize']}px")
        if s["textAlign"] not in {"left", "start"}:
            problems.append(f"{where}: text-align {s['textAlign']}")
        if s["hyphens"] not in {"none", "manual"}:
            problems.append(f"{where}: hyphens {s['hyphens']}")
        if s["fontStyle"] != "normal":
            problems.append(f"{where}: font-style {s['fontStyle']}")
    assert problems == [], "\n".join(problems)
