"""Fixtures for the browser tests of the accessibility gate.

The site under test is the built ./site (or A11Y_SITE_DIR), served by gate.sh at
A11Y_BASE_URL; without that variable the tests serve the folder themselves. The generic checks
of every page (keyboard, reflow, requests, Leichte Sprache typography) are `rathaus audit`'s;
these tests are the project's own, on its demo and fixture sites. Chromium is
Debian's /usr/bin/chromium driven by plain Playwright (no browser download, no plugin).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from rathaus.audit import serve
from rathaus.audit.reports import CHROMIUM_ARGS
from rathaus.audit.site import representative_paths
from rathaus.audit.tools import ensure_tools

ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = Path(os.environ.get("A11Y_SITE_DIR", ROOT / "site")).resolve()
DESKTOP = {"width": 1280, "height": 1024}
MOBILE = {"width": 390, "height": 844}


def _axe_js() -> Path:
    """axe-core from the audit's pinned npm tools (installed by `rathaus audit` or here)."""
    return ensure_tools(lambda line: print(f"[a11y] {line}")).axe_js


AXE_JS = _axe_js()


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # relative to the site root, e.g. "rathaus/kontakt/"


def representative_pages() -> list[PageType]:
    """The pages that stand for every kind of page, chosen as `rathaus audit` chooses them."""
    if not (SITE_DIR / "sitemap.xml").exists():
        return []
    return [PageType(path.rstrip("/") or "start", path) for path in representative_paths(SITE_DIR)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "page_type" in metafunc.fixturenames:
        types = representative_pages()
        metafunc.parametrize("page_type", types, ids=[t.name for t in types])


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    if os.environ.get("A11Y_BASE_URL"):
        yield os.environ["A11Y_BASE_URL"].rstrip("/")
        return
    with serve(SITE_DIR) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def new_context(
    browser: Browser, viewport: dict[str, int], scheme: str = "light"
) -> BrowserContext:
    """A fresh context: Material remembers the palette in localStorage per context."""
    context = browser.new_context(
        viewport=viewport,  # type: ignore[arg-type]
        locale="de-DE",
        color_scheme=scheme,  # type: ignore[arg-type]
        reduced_motion="reduce",
        bypass_csp=True,  # the site's Content-Security-Policy would block the injected axe-core
    )
    context.set_default_timeout(10_000)  # a local static site: fail fast, not after 30 s
    return context


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    context = new_context(browser, DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def mobile(browser: Browser) -> Iterator[Page]:
    context = new_context(browser, MOBILE)
    yield context.new_page()
    context.close()


def run_axe(page: Page) -> list[dict[str, object]]:
    """axe-core with the WCAG 2.2 A/AA and best-practice rules; returns the violations."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
    )
    return [
        {
            "id": v["id"],
            "nodes": [(n["target"], n["failureSummary"]) for n in v["nodes"]],
        }
        for v in result["violations"]
    ]
