"""rathaus/navigation: the cached navigation is the navigation Material renders, link by link."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from ..conftest import REPO, only

SECTIONS = {
    "Leben": {"Familie": ["Kita", "Schule", "Elterngeld"], "Wohnen": ["Miete", "Wohngeld"]},
    "Rathaus": {"Verwaltung": ["Ämter", "Stellen"], "Politik": ["Rat", "Ausschüsse", "Wahlen"]},
    "Wirtschaft": {"Gewerbe": ["Anmelden", "Abmelden"]},
}


def _slug(title: str) -> str:
    return title.lower().replace("ä", "ae").replace("ü", "ue")


def _write_site(root: Path, *, features: list[str], enabled: bool) -> Path:
    """A small site with sections, subsections, index pages and a page with a TOC."""
    content = root / "content"
    content.mkdir(parents=True)
    (content / "index.md").write_text("# Start\n\nWillkommen.\n", encoding="utf-8")
    nav: list[Any] = [{"Start": "index.md"}]
    for section, groups in SECTIONS.items():
        entries: list[Any] = [f"{_slug(section)}/index.md"]
        (content / _slug(section)).mkdir()
        (content / _slug(section) / "index.md").write_text(f"# {section}\n", encoding="utf-8")
        for group, pages in groups.items():
            folder = content / _slug(section) / _slug(group)
            folder.mkdir()
            children = []
            for title in pages:
                (folder / f"{_slug(title)}.md").write_text(
                    f"# {title}\n\n## Erster Teil\n\nText.\n\n## Zweiter Teil\n\nText.\n",
                    encoding="utf-8",
                )
                children.append({title: f"{_slug(section)}/{_slug(group)}/{_slug(title)}.md"})
            entries.append({group: children})
        nav.append({section: entries})
    repo = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    # The demo's look without its (empty) overrides/ folder, which is not copied here.
    theme = {**repo["theme"], "features": features}
    theme.pop("custom_dir")
    config = {
        "site_name": "Navigationsdorf",
        "site_url": "https://www.navigationsdorf.example/",
        "docs_dir": "content",
        "theme": theme,
        "plugins": ["search", only(navigation={"enabled": enabled})],
        "markdown_extensions": ["toc"],
        "nav": nav,
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return root


def _build(root: Path) -> tuple[Path, Any]:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True)
    build(config)
    return root / "site", config.plugins["rathaus"].features["rathaus/navigation"]


def _navigation(page: Path, site: Path) -> list[tuple[str, ...]]:
    """The primary navigation as (tag, attributes…) and texts, links resolved, spaces folded."""
    url = "https://x.example/" + page.parent.relative_to(site).as_posix() + "/"
    if page.name == "404.html":
        url = "https://x.example/"
    nav = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first("nav.md-nav--primary")
    assert nav is not None, page
    items: list[tuple[str, ...]] = []
    for node in nav.traverse(include_text=True):
        if node.tag == "-text":
            text = " ".join((node.text_content or "").split())
            if text:
                items.append(("text", text))
            continue
        attributes = {k: " ".join((v or "").split()) for k, v in node.attributes.items()}
        if "href" in attributes:
            attributes["href"] = urljoin(url, attributes["href"])
        items.append((node.tag, *(f"{k}={v}" for k, v in sorted(attributes.items()))))
    return items


@pytest.mark.parametrize(
    "features",
    [
        ["navigation.sections", "navigation.indexes"],
        ["navigation.sections", "navigation.indexes", "navigation.prune"],
        ["navigation.indexes", "navigation.prune"],
        [],
    ],
    ids=["sections", "sections-prune", "prune", "plain"],
)
def test_cached_navigation_equals_the_rendered_one(tmp_path: Path, features: list[str]) -> None:
    live, _ = _build(_write_site(tmp_path / "live", features=features, enabled=False))
    cached, plugin = _build(_write_site(tmp_path / "cached", features=features, enabled=True))
    pages = sorted(live.rglob("*.html"))
    leaves = sum(len(p) for groups in SECTIONS.values() for p in groups.values())
    assert len(pages) == 1 + len(SECTIONS) + leaves + 1  # start, sections, leaves, 404
    # start; per section its entry, its index page and its groups; the leaves
    entries = 1 + sum(2 + len(groups) for groups in SECTIONS.values()) + leaves
    for page in pages:
        twin = cached / page.relative_to(live)
        assert "rathaus-nav-" not in twin.read_text(encoding="utf-8")
        assert _navigation(twin, cached) == _navigation(page, live), page.relative_to(live)
    # Each entry without the current page is rendered once (per parent state), not per page.
    assert 0 < plugin.cache.renders <= 2 * entries < len(pages) * entries


def test_current_page_is_marked_with_aria_current(tmp_path: Path) -> None:
    features = ["navigation.sections", "navigation.indexes", "navigation.prune"]
    site, _ = _build(_write_site(tmp_path, features=features, enabled=True))
    for page in site.rglob("index.html"):
        url = "https://x.example/" + page.parent.relative_to(site).as_posix() + "/"
        url = url.replace("/./", "/")
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        current = tree.css('nav.md-nav--primary [aria-current="page"]')
        assert len(current) == 1, page
        assert urljoin(url, current[0].attributes["href"] or "") == url
        assert "md-nav__link--active" in (current[0].attributes["class"] or "")
    missing = LexborHTMLParser((site / "404.html").read_text(encoding="utf-8"))
    assert missing.css('nav.md-nav--primary [aria-current="page"]') == []
