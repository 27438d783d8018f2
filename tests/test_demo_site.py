"""The Musterstadt demo in this repository builds strictly and is complete."""

from __future__ import annotations

import shutil
from pathlib import Path

from rathaus.adapter import load_project, run_checks
from rathaus.checks import check_site
from rathaus.model import load_site
from rathaus.project import Project
from rathaus.suche.index import indexed_pages
from tests.conftest import REPO, build_site, parse


def test_demo_data_has_no_findings() -> None:
    assert [f.format() for f in run_checks(REPO)] == []


def test_demo_data_covers_the_required_variety() -> None:
    site = load_site(REPO)
    assert len(site.einheiten) >= 8
    assert len(site.personen) >= 15
    assert len(site.standorte) >= 3
    hours = [u.oeffnungszeiten for u in site.einheiten.values() if u.oeffnungszeiten]
    assert any(h.only_by_appointment for h in hours)
    assert any(h.nach_vereinbarung and not h.only_by_appointment for h in hours)
    assert any(h.woche and h.woche.samstag for h in hours)
    assert any(
        h.woche
        and any(
            len(getattr(h.woche, d)) > 1
            for d in ("montag", "dienstag", "mittwoch", "donnerstag", "freitag")
        )
        for h in hours
    )
    exceptions = [a for h in hours for a in h.ausnahmen]
    assert any(a.datum and a.geschlossen for a in exceptions)
    assert any(a.von and a.zeiten for a in exceptions)


def test_demo_builds_strictly(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    root.mkdir()
    for name in ("mkdocs.yml", "content", "data", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    out = build_site(root)
    start = parse(out / "index.html")
    assert start.css_first("html").attributes["lang"] == "de"
    units = parse(out / "verwaltung" / "index.html")
    links = [a.attributes["href"] for a in units.css("article .rathaus-liste a")]
    assert len(links) == len(load_site(REPO).einheiten)
    for href in links:
        assert (out / "verwaltung" / href / "index.html").is_file()
    assert not (REPO / "content" / "verwaltung").exists()
    # The editors' handbook stays out of the public site (draft_docs: shown only by serve).
    assert (REPO / "content" / "handbuch" / "index.md").is_file()
    assert not (out / "handbuch").exists()
    assert "handbuch" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert not [p["url"] for p in indexed_pages(out) if "handbuch" in str(p["url"])]
    for page in out.rglob("*.html"):
        hrefs = [a.attributes.get("href") or "" for a in parse(page).css("a")]
        assert not [h for h in hrefs if "handbuch" in h], page


def test_four_in_five_resident_pages_of_the_demo_have_leichte_sprache() -> None:
    """Issue 18: the handbook and the legal pages (Impressum, Datenschutz) are exempt in the
    demo's mkdocs.yml; news posts count with their summary in Leichter Sprache."""
    project = load_project(REPO)
    assert isinstance(project, Project), project
    coverage = check_site(project).leichte_sprache
    assert coverage is not None
    assert coverage.percent >= 80, coverage.missing
    assert not [page for page in coverage.pages if page.startswith("handbuch/")]
    assert "impressum.md" not in coverage.pages and "index.md" in coverage.pages
