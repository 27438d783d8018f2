"""The theme `rathaus` comes from the package: a site needs no copy of Rathaus's templates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import build_site, parse

RATHAUS_CSS = (
    "assets/stylesheets/rathaus.css",
    "assets/stylesheets/leichte-sprache.css",
    "assets/stylesheets/rathaus-dgs.css",
)


def _stylesheets(html: Path) -> list[str]:
    return [link.attributes.get("href") or "" for link in parse(html).css('link[rel="stylesheet"]')]


def test_a_site_without_overrides_gets_the_rathaus_look(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    assert not (root / "overrides").exists()
    site = build_site(root)
    page = parse(site / "index.html")
    sheets = _stylesheets(site / "index.html")
    assert [s for s in sheets if s in RATHAUS_CSS] == list(RATHAUS_CSS)
    assert all((site / css).is_file() for css in RATHAUS_CSS)
    skip = page.css_first("a.md-skip")
    assert skip is not None and skip.attributes["href"] == "#hauptinhalt"
    assert page.css_first("#hauptinhalt") is not None
    # Rathaus's footer partial.
    assert page.css_first("footer .rh-footer") is not None
    # Nothing of the theme's own files but its assets reaches the site.
    assert not list(site.rglob("mkdocs_theme.yml")) and not list(site.rglob("*.py"))


def test_a_towns_custom_dir_overrides_fragments_partials_and_css(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    fragment = root / "overrides" / "fragments" / "rathaus" / "oeffnungszeiten.html"
    fragment.parent.mkdir(parents=True)
    fragment.write_text('<p class="stadt-zeiten">Zeiten der Stadt</p>\n', encoding="utf-8")
    partial = root / "overrides" / "partials" / "copyright.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<div class="stadt-impressum">Stadt</div>\n', encoding="utf-8")
    (root / "content" / "stadt.css").write_text(":root { --md-primary-fg-color: #222; }\n")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  name: rathaus\n", "  name: rathaus\n  custom_dir: overrides\n")
    config.write_text(text + "extra_css:\n  - stadt.css\n", encoding="utf-8")
    site = build_site(root)
    page = parse(site / "index.html")
    assert [p.text() for p in page.css("article p.stadt-zeiten")] == ["Zeiten der Stadt"]
    assert page.css_first("footer .stadt-impressum") is not None
    sheets = _stylesheets(site / "index.html")
    # The town's stylesheet comes after the theme's, so it wins.
    assert sheets.index("stadt.css") > max(sheets.index(css) for css in RATHAUS_CSS)
