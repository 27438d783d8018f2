"""The demo site: every page has the header switch with the right target."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import REPO, build_site, parse


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo") / "demo"
    root.mkdir()
    for name in ("mkdocs.yml", "content", "data", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    return build_site(root)


def _switch(page: LexborHTMLParser) -> tuple[str, str]:
    (link,) = page.css("nav.rh-sprachleiste a.rathaus-sprachwahl__link")
    return link.text(strip=True), link.attributes.get("href") or ""


def _target(out: Path, page: Path, href: str) -> Path:
    return (page.parent / href).resolve() / "index.html"


def test_every_page_has_the_switch_with_an_existing_target(demo: Path) -> None:
    pages = sorted(demo.rglob("index.html"))
    assert len(pages) > 40
    for path in pages:
        label, href = _switch(parse(path))
        is_ls = path.relative_to(demo).as_posix().startswith("leichte-sprache/")
        target = _target(demo, path, href)
        assert target.is_file(), (path, href)
        if not is_ls:
            # On pages in other languages the label is translated (rathaus/sprachen).
            language = parse(path).css_first("html").attributes["lang"]
            assert (label == "Leichte Sprache") == (language == "de"), path
        elif target == (demo / "index.html").resolve():
            # A page only in Leichte Sprache (the Wörterbuch) says where its switch goes.
            assert label in {"Alltags-Sprache", "Start-Seite in Alltags-Sprache"}, path
            assert (label == "Alltags-Sprache") == (path == demo / "leichte-sprache/index.html")
        else:
            assert label == "Alltags-Sprache", path
        target_is_ls = target.relative_to(demo).as_posix().startswith("leichte-sprache/")
        assert target_is_ls != is_ls, path


@pytest.mark.parametrize(
    ("page", "target"),
    [
        ("index.html", "leichte-sprache/index.html"),
        ("leichte-sprache/index.html", "index.html"),
        ("verwaltung/sozialamt/index.html", "leichte-sprache/verwaltung/sozialamt/index.html"),
        ("leichte-sprache/verwaltung/sozialamt/index.html", "verwaltung/sozialamt/index.html"),
        ("verwaltung/index.html", "leichte-sprache/verwaltung/index.html"),
        ("ansprechpersonen/index.html", "leichte-sprache/ansprechpersonen/index.html"),
        ("standorte/index.html", "leichte-sprache/standorte/index.html"),
        ("oeffnungszeiten/index.html", "leichte-sprache/oeffnungszeiten/index.html"),
        ("themen/index.html", "leichte-sprache/themen/index.html"),
        ("barrierefreiheit/index.html", "leichte-sprache/barrierefreiheit/index.html"),
        ("leichte-sprache/barrierefreiheit/index.html", "barrierefreiheit/index.html"),
        ("kontakt/index.html", "leichte-sprache/kontakt/index.html"),
        ("termine/index.html", "leichte-sprache/termine/index.html"),
        ("gremien/index.html", "leichte-sprache/gremien/index.html"),
        # No counterpart: the LS start page.
        ("aktuelles/erster-sozialbericht/index.html", "leichte-sprache/index.html"),
        ("impressum/index.html", "leichte-sprache/index.html"),
    ],
)
def test_switch_target_per_page_type(demo: Path, page: str, target: str) -> None:
    path = demo / page
    _, href = _switch(parse(path))
    assert _target(demo, path, href) == (demo / target).resolve()


def test_error_page_links_to_the_ls_start_page(demo: Path) -> None:
    label, href = _switch(parse(demo / "404.html"))
    assert label == "Leichte Sprache"
    assert href.rstrip("/").endswith("leichte-sprache")


def test_alternate_link_on_deep_pages(demo: Path) -> None:
    page = parse(demo / "leichte-sprache/verwaltung/sozialamt/index.html")
    (link,) = page.css('head link[rel="alternate"][type="text/html"]')
    assert link.attributes["href"] == "../../../verwaltung/sozialamt/"
    assert "hreflang" not in link.attributes
    assert (
        parse(demo / "impressum/index.html").css('head link[rel="alternate"][type="text/html"]')
        == []
    )


def test_pages_in_leichte_sprache_say_so_in_their_title(demo: Path) -> None:
    def title(page: str) -> str:
        node = parse(demo / page).css_first("title")
        assert node is not None
        return node.text()

    assert title("leichte-sprache/verwaltung/buergerbuero/index.html") == (
        "Bürgerbüro in Leichter Sprache - Stadt Musterstadt"
    )
    assert title("verwaltung/buergerbuero/index.html") == "Bürgerbüro - Stadt Musterstadt"
    ls_titles = [
        title(p.relative_to(demo).as_posix()) for p in (demo / "leichte-sprache").rglob("*.html")
    ]
    assert ls_titles and all("Leichte" in t or "Leichter" in t for t in ls_titles), ls_titles
