"""Helpers for gate.sh: list the pages of the built site and count the errors of each tool.

Usage (all paths relative to the repository root):
    gate_tools.py sitemap-prefix SITE_DIR      site_url prefix as a regex for --sitemap-find
    gate_tools.py urls SITE_DIR BASE_URL       every page (sitemap + 404.html), one per line
    gate_tools.py pa11y-config OUT BASE [dark] pa11y-ci config (urls: only 404.html)
    gate_tools.py count pa11y|vnu|linkinator REPORT   print the findings, exit with nothing,
                                                      and write the error count as last line
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--disable-quic",
]


def sitemap_locs(site_dir: Path) -> list[str]:
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    return [loc.text.strip() for loc in root.iter(f"{SITEMAP_NS}loc") if loc.text]


def site_prefix(site_dir: Path) -> str:
    """The site_url the sitemap was written with: the shortest URL is the homepage."""
    locs = sitemap_locs(site_dir)
    if not locs:
        raise SystemExit("sitemap.xml lists no pages")
    home = min(locs, key=len)
    return home[: home.rindex("/") + 1]


def page_urls(site_dir: Path, base_url: str) -> list[str]:
    """Every page of the site on the local server: the sitemap plus 404.html."""
    prefix = site_prefix(site_dir)
    urls = [base_url.rstrip("/") + "/" + loc.removeprefix(prefix) for loc in sitemap_locs(site_dir)]
    urls.append(base_url.rstrip("/") + "/404.html")
    return list(dict.fromkeys(urls))


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


def broken_fragments(site_dir: Path) -> list[str]:
    """Links to #fragments that do not exist on the target page (linkinator 7 misses those
    whose page it has already visited without the fragment)."""
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
            if target.startswith(prefix) and path == "/404.html":
                target = "/" + target.removeprefix(prefix)
            if target.endswith("/"):
                target += "index.html"
            if target in pages and unquote(url.fragment) not in pages[target].ids:
                broken.append(f"{path}: {href} (no id {url.fragment!r} on {target})")
    return broken


def pa11y_config(base_url: str, dark: bool) -> dict[str, object]:
    defaults: dict[str, object] = {
        "standard": "WCAG2AA",
        "runners": ["axe", "htmlcs"],
        "includeWarnings": False,  # gate on errors only
        "includeNotices": False,
        "timeout": 60000,
        "wait": 0,
        "concurrency": 2,
        # With incognito contexts and concurrency 2, Chromium 156 + puppeteer 24 fail every
        # other page ("Target.closeTarget: No target with given id found"). The light and the
        # dark run are separate pa11y-ci processes with fresh profiles, so nothing leaks.
        "useIncognitoBrowserContext": False,
        "chromeLaunchConfig": {"executablePath": "/usr/bin/chromium", "args": CHROMIUM_ARGS},
    }
    if dark:
        # Selected on every URL (Material keeps the choice in localStorage, but be explicit).
        defaults["actions"] = [
            "check field #__palette_1",
            'wait for element body[data-md-color-scheme="slate"] to be added',
        ]
    # --sitemap ADDS the sitemap pages to these urls; 404.html is not in the sitemap.
    return {"defaults": defaults, "urls": [base_url.rstrip("/") + "/404.html"]}


def count(tool: str, report: Path) -> int:
    text = report.read_text(encoding="utf-8") if report.is_file() else ""
    if tool == "pa11y":
        if not text.strip():
            print("pa11y-ci wrote no report (crashed?)")
            return 1
        data = json.loads(text)
        n = 0
        for url, issues in data.get("results", {}).items():
            for issue in issues:
                if "code" not in issue:  # pa11y could not test the page at all
                    print(f"{url}: {issue.get('message', issue)}")
                else:
                    print(f"{url}: [{issue['code']}] {issue['message']} ({issue.get('selector')})")
                n += 1
        return n
    if tool == "vnu":
        messages = json.loads(text).get("messages", []) if text.strip() else []
        errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
        for m in errors:
            print(f"{m.get('url', '')}:{m.get('lastLine', '')}: {m.get('message')}")
        return len(errors) if text.strip() else 1
    if tool == "linkinator":
        if not text.strip():
            print("linkinator wrote no report (crashed?)")
            return 1
        links = json.loads(text).get("links", [])
        broken = [link for link in links if link.get("state") == "BROKEN"]
        for link in broken:
            print(f"{link.get('parent')} -> {link.get('url')} ({link.get('status')})")
        return len(broken)
    if tool == "fragments":
        broken = broken_fragments(report)
        for line in broken:
            print(line)
        return len(broken)
    raise SystemExit(f"unknown tool {tool}")


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "sitemap-prefix":
        print(re.escape(site_prefix(Path(args[0]))))
    elif command == "urls":
        print("\n".join(page_urls(Path(args[0]), args[1])))
    elif command == "pa11y-config":
        config = pa11y_config(args[1], dark=args[2:] == ["dark"])
        Path(args[0]).write_text(json.dumps(config, indent=2), encoding="utf-8")
    elif command == "count":
        print(count(args[0], Path(args[1])))
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
