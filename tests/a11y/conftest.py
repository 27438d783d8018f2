"""Fixtures for the browser tests of the accessibility gate.

The site under test is the built ./site (or A11Y_SITE_DIR), served by gate.sh at
A11Y_BASE_URL; without that variable the tests serve the folder themselves. Chromium is
Debian's /usr/bin/chromium driven by plain Playwright (no browser download, no plugin).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from gate_tools import page_urls
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = Path(os.environ.get("A11Y_SITE_DIR", ROOT / "site")).resolve()
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 1024}
MOBILE = {"width": 390, "height": 844}
# Generated directory pages, picked by path prefix so the tests follow the site as it grows.
GENERATED_PREFIXES = ("verwaltung", "ansprechpersonen", "standorte", "oeffnungszeiten")


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # relative to the site root, e.g. "rathaus/kontakt/"


def _html_file(path: str) -> Path:
    return SITE_DIR / (path + "index.html" if path.endswith("/") or not path else path)


def _site_paths() -> list[str]:
    prefix_len = len("http://x/")
    return [url[prefix_len:] for url in page_urls(SITE_DIR, "http://x")]


def representative_pages() -> list[PageType]:
    """One page of every page type that exists in the build."""
    if not (SITE_DIR / "sitemap.xml").exists():
        return []
    paths = _site_paths()
    html = {p: _html_file(p).read_text(encoding="utf-8") for p in paths}
    chosen = [PageType("start", ""), PageType("404", "404.html")]

    def content(p: str) -> str:
        match = re.search(r"<article.*?</article>", html[p], re.S)
        return match.group(0) if match else ""

    plain = [p for p in paths if p and p != "404.html" and not p.startswith(GENERATED_PREFIXES)]
    with_table = [p for p in plain if "<table" in content(p)]
    without_table = [p for p in plain if "<table" not in content(p)]
    without_toc = [p for p in plain if 'data-md-component="toc"' not in html[p]]
    if without_table:
        chosen.append(PageType("content", without_table[0]))
    if with_table:
        chosen.append(PageType("table", with_table[0]))
    if without_toc:
        chosen.append(PageType("no-headings", without_toc[0]))
    for prefix in GENERATED_PREFIXES:
        match = [p for p in paths if p.startswith(prefix + "/")]
        if match:
            # prefer a detail page (deeper path) over the overview
            chosen.append(PageType(prefix, max(match, key=lambda p: p.count("/"))))
    return chosen


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "page_type" in metafunc.fixturenames:
        types = representative_pages()
        metafunc.parametrize("page_type", types, ids=[t.name for t in types])


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    if os.environ.get("A11Y_BASE_URL"):
        yield os.environ["A11Y_BASE_URL"].rstrip("/")
        return
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(SITE_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()  # filterwarnings=error turns the unclosed socket into a failure


@pytest.fixture(scope="session")
def all_urls(base_url: str) -> list[str]:
    return page_urls(SITE_DIR, base_url)


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
