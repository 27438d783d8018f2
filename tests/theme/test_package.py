"""The theme `rathaus` comes from the package: a site needs no copy of Rathaus's templates."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import REPO, build_site, parse

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
    # Rathaus's German strings (language: custom) and its footer.
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


MINIMAL_CONFIG = """\
site_name: Gemeinde Beispieldorf
site_url: https://www.beispieldorf.example/
docs_dir: content
theme:
  name: rathaus
plugins:
  - material/search
  - rathaus/verzeichnis
"""


def test_a_wheel_in_a_fresh_venv_builds_a_minimal_site_with_the_look(tmp_path: Path) -> None:
    """The wheel carries the theme: mkdocs.yml, one data file, one page, no overrides/."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
        check=True,
    )
    [wheel] = wheels.glob("rathaus-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = ["install", "-q", "--disable-pip-version-check"]
    constraints = ["-c", str(REPO / "constraints.txt")]
    subprocess.run([str(python), "-m", "pip", *install, *constraints, str(wheel)], check=True)
    site_root = tmp_path / "beispieldorf"
    (site_root / "content").mkdir(parents=True)
    (site_root / "data").mkdir()
    (site_root / "mkdocs.yml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    (site_root / "data" / "stadt.yml").write_text(
        "name: Gemeinde Beispieldorf\nbundesland: NW\n", encoding="utf-8"
    )
    (site_root / "content" / "index.md").write_text(
        "# Willkommen\n\nDie Gemeinde Beispieldorf.\n", encoding="utf-8"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": ""}
    subprocess.run(
        [str(venv / "bin" / "mkdocs"), "build", "--strict", "-q"],
        cwd=site_root,
        env=env,
        check=True,
    )
    site = site_root / "site"
    sheets = _stylesheets(site / "index.html")
    assert [s for s in sheets if s in RATHAUS_CSS] == list(RATHAUS_CSS)
    assert all((site / css).is_file() for css in RATHAUS_CSS)
    page = parse(site / "index.html")
    assert page.css_first("a.md-skip") is not None and page.css_first("#hauptinhalt")
    assert page.css_first("html").attributes["lang"] == "de"
