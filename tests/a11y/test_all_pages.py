"""Checks on EVERY page of the site (one browser, one tab reused, so they stay cheap)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from conftest import new_context

NO_SCROLL_X = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.mark.parametrize(
    "viewport",
    [
        pytest.param({"width": 320, "height": 640}, id="320px"),
        # 200 % zoom of a 1280x1024 window: the layout sees 640x512 CSS px (WCAG 1.4.4/1.4.10).
        pytest.param({"width": 640, "height": 512}, id="zoom200"),
    ],
)
def test_no_horizontal_scrolling(
    browser: Browser, all_urls: list[str], viewport: dict[str, int]
) -> None:
    context = new_context(browser, viewport)
    page = context.new_page()
    overflowing = []
    for url in all_urls:
        page.goto(url)
        if not page.evaluate(NO_SCROLL_X):
            width = page.evaluate("document.documentElement.scrollWidth")
            overflowing.append(f"{url} ({width}px)")
    context.close()
    assert not overflowing, f"pages scroll horizontally at {viewport}: {overflowing}"


def test_no_request_leaves_loopback(browser: Browser, all_urls: list[str]) -> None:
    context = new_context(browser, {"width": 1280, "height": 1024})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for url in all_urls:
        page.goto(url, wait_until="networkidle")
    # Search loads its worker and index lazily: open it and type on two pages.
    for url in all_urls[:2]:
        page.goto(url, wait_until="networkidle")
        page.locator("input.md-search__input").click()
        page.keyboard.type("Rathaus", delay=20)
        page.wait_for_timeout(800)
    page.wait_for_load_state("networkidle")
    context.close()
    outside = sorted(
        {u for u in requests if urlsplit(u).hostname != "127.0.0.1" and not u.startswith("data:")}
    )
    assert requests, "no requests recorded: the recorder is broken"
    assert not outside, f"requests to third parties: {outside}"
