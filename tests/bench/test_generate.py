"""The benchmark's synthetic municipality: deterministic, and a site that builds strictly.

No timing is asserted here; ``python -m bench`` measures.
"""

from __future__ import annotations

import math
from pathlib import Path

from bench.generate import generate, plan, write_config
from bench.run import fit_exponent

from tests.conftest import build_site, parse


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_same_size_and_seed_give_identical_files(tmp_path: Path) -> None:
    generate(tmp_path / "one", 30)
    generate(tmp_path / "two", 30)
    first, second = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert first == second
    assert len([name for name in first if name.endswith(".md")]) > 20


def test_another_seed_gives_other_text(tmp_path: Path) -> None:
    generate(tmp_path / "one", 30, seed=1)
    generate(tmp_path / "two", 30, seed=2)
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert one.keys() == two.keys()
    assert one["data/einheiten.yml"] != two["data/einheiten.yml"]


def test_proportions_follow_n() -> None:
    small, large = plan(1000), plan(10_000)
    assert (small.units, small.events, small.posts, small.services) == (60, 40, 80, 100)
    assert large.people == 3 * large.units
    assert 0.35 * 10_000 < large.topics < 0.45 * 10_000


def test_generated_site_builds_strictly_with_rathaus(tmp_path: Path) -> None:
    root = tmp_path / "site-src"
    site_plan = generate(root, 30)
    out = build_site(root)
    pages = [p for p in out.rglob("*.html") if p.name != "404.html"]
    assert len(pages) >= 30
    sample = parse(out / site_plan.sample_page.removesuffix(".md") / "index.html")
    heading = sample.css_first("article h1")
    assert heading is not None
    assert heading.text().strip().startswith("Ausweise und Pässe")
    # The contact directive was rendered from data/einheiten.yml.
    assert sample.css_first("article a[href^='tel:']") is not None
    # Theme entries that look up one page (rathaus_seiten) instead of scanning all pages.
    footer = [a.text().strip() for a in sample.css("footer nav a")]
    assert footer[:2] == ["Barrierefreiheit", "Barriere melden"]
    dgs = sample.css_first("nav.rh-sprachleiste a.rh-gebaerdensprache")
    assert dgs is not None
    assert dgs.attributes["href"].endswith("gebaerdensprache/")
    # The Leichte Sprache variant exists and links back.
    easy = out / "leichte-sprache" / site_plan.sample_page.removesuffix(".md") / "index.html"
    assert parse(easy).css_first("article h1") is not None


def test_exponent_fit_recovers_a_power_law() -> None:
    ns = [500, 1000, 2000, 5000]
    assert math.isclose(fit_exponent(ns, [0.01 * n**1.3 for n in ns]) or 0, 1.3)
    assert fit_exponent([500], [1.0]) is None


def test_theme_builds_without_rathaus_plugins(tmp_path: Path) -> None:
    """The plain-Material variant (b): the theme must not need rathaus_seiten."""
    root = tmp_path / "plain"
    (root / "content").mkdir(parents=True)
    (root / "content" / "index.md").write_text("# Start\n", encoding="utf-8")
    (root / "content" / "impressum.md").write_text("# Impressum\n", encoding="utf-8")
    write_config(
        root, [{"Start": "index.md"}, {"Impressum": "impressum.md"}], prune=True, rathaus=False
    )
    out = build_site(root)
    footer = [a.text().strip() for a in parse(out / "index.html").css("footer nav a")]
    assert footer == ["Impressum"]
