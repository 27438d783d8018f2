"""What the audit reads from a built site without a browser: its pages (the sitemap plus the
404 page), the pages that stand for the others, and links to #fragments that do not exist."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NOT_FOUND_PAGE = "404.html"
# A handful of pages stands for the site in the keyboard checks; every page is checked for
# reflow and requests. Each language of the site has one of them besides (rathaus/sprachen).
REPRESENTATIVES = 12
_LANG = re.compile(r'<html[^>]*\slang="([^"]+)"')


class SiteError(Exception):
    """The folder is not a built site the audit can check (German message for editors)."""


def sitemap_locs(site_dir: Path) -> list[str]:
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        raise SiteError(
            f"{site_dir} ist keine gebaute Website: sitemap.xml fehlt. "
            "Erst bauen (rathaus build), dann prüfen."
        )
    root = ET.parse(sitemap).getroot()
    return [loc.text.strip() for loc in root.iter(f"{SITEMAP_NS}loc") if loc.text]


def site_prefix(site_dir: Path) -> str:
    """The site_url the sitemap was written with: the shortest URL is the homepage."""
    locs = sitemap_locs(site_dir)
    if not locs:
        raise SiteError(f"{site_dir / 'sitemap.xml'} nennt keine Seite.")
    home = min(locs, key=len)
    return home[: home.rindex("/") + 1]


def page_paths(site_dir: Path) -> list[str]:
    """Every page relative to the site root ("" is the start page), the 404 page last."""
    prefix = site_prefix(site_dir)
    paths = [loc.removeprefix(prefix) for loc in sitemap_locs(site_dir)]
    if (site_dir / NOT_FOUND_PAGE).is_file():
        paths.append(NOT_FOUND_PAGE)
    return list(dict.fromkeys(paths))


def page_urls(site_dir: Path, base_url: str) -> list[str]:
    return [base_url.rstrip("/") + "/" + path for path in page_paths(site_dir)]


def html_file(site_dir: Path, path: str) -> Path:
    return site_dir / (path + "index.html" if path.endswith("/") or not path else path)


def representative_paths(site_dir: Path, limit: int = REPRESENTATIVES) -> list[str]:
    """The start page, the 404 page, the deepest page of every top-level section (generated
    detail pages are the deepest), and a page with a table: each kind of page once."""
    paths = page_paths(site_dir)
    chosen = [p for p in ("", NOT_FOUND_PAGE) if p in paths]
    sections: dict[str, str] = {}
    for path in paths:
        if path in chosen:
            continue
        section = path.split("/", 1)[0]
        if section not in sections or path.count("/") > sections[section].count("/"):
            sections[section] = path
    chosen += sorted(sections.values())
    if not any(_has_table(site_dir, p) for p in chosen):
        chosen += [p for p in paths if _has_table(site_dir, p)][:1]
    chosen = chosen[:limit]
    # A page in every language: each has its own texts and, for Arabic, its own direction.
    languages = {_language(site_dir, p) for p in chosen}
    for path in sorted(sections.values()):
        language = _language(site_dir, path)
        if language not in languages:
            chosen.append(path)
            languages.add(language)
    return chosen


def _language(site_dir: Path, path: str) -> str | None:
    file = html_file(site_dir, path)
    found = _LANG.search(file.read_text("utf-8")[:2000]) if file.is_file() else None
    return found.group(1) if found else None


def _has_table(site_dir: Path, path: str) -> bool:
    file = html_file(site_dir, path)
    return (
        file.is_file()
        and re.search(r"<article.*?<table", file.read_text("utf-8"), re.S) is not None
    )


class _Anchors(HTMLParser):
    """Collect the ids and the hrefs of one HTML file."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("name"):
            self.ids.add(str(found["name"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


def broken_fragments(site_dir: Path) -> list[tuple[str, str]]:
    """(page, message) for links to #fragments that do not exist on the target page
    (linkinator 7 misses those whose page it has already visited without the fragment)."""
    prefix = urlsplit(site_prefix(site_dir)).path  # site_url path, for root-relative links
    pages: dict[str, _Anchors] = {}
    for file in sorted(site_dir.rglob("*.html")):
        parser = _Anchors()
        parser.feed(file.read_text(encoding="utf-8"))
        pages["/" + file.relative_to(site_dir).as_posix()] = parser
    broken = []
    for path, parser in pages.items():
        for href in parser.hrefs:
            url = urlsplit(urljoin(path, href))
            if url.scheme or url.netloc or not url.fragment:
                continue  # external, mailto:, tel: or no fragment
            target = unquote(url.path)
            if prefix != "/" and target.startswith(prefix) and href.startswith("/"):
                target = "/" + target.removeprefix(prefix)  # root-relative (404 page, LS links)
            if target.endswith("/"):
                target += "index.html"
            if target in pages and unquote(url.fragment) not in pages[target].ids:
                broken.append(
                    (path, f"Link {href} zeigt auf eine Stelle, die es auf {target} nicht gibt")
                )
    return broken
