"""The focus-obscured check of `rathaus audit` (WCAG 2.2 SC 2.4.11) on small pages."""

from __future__ import annotations

from playwright.sync_api import Browser

from conftest import new_context
from rathaus.audit.browser import _obscured

WRAPPED = """<p style="width: 15em; font: 18px/1.6 sans-serif">
<a href="#a">Alle Themen von A bis Z</a> · <a href="#b">Alle Ämter und Stellen</a></p>"""
UNDER_HEADER = """<div style="position: fixed; top: 0; left: 0; right: 0; height: 80px;
background: #004a8f">Kopf</div><p style="margin-top: 20px"><a href="#a">verdeckt</a></p>"""


def test_a_link_wrapped_over_two_lines_is_not_covered_by_its_neighbour(
    browser: Browser,
) -> None:
    context = new_context(browser, {"width": 320, "height": 640})
    page = context.new_page()
    page.set_content(WRAPPED)
    boxes = page.evaluate("() => document.querySelectorAll('a')[1].getClientRects().length")
    assert boxes == 2, "the second link must wrap for this test"
    assert _obscured(page, "Tab") is None
    context.close()


def test_a_link_under_a_fixed_header_is_reported(browser: Browser) -> None:
    context = new_context(browser, {"width": 320, "height": 640})
    page = context.new_page()
    page.set_content(UNDER_HEADER)
    found = _obscured(page, "Tab")
    assert found is not None and found.startswith('<a href="#a"') and "position: fixed" in found
    context.close()
