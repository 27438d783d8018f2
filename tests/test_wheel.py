"""A wheel built from the repo carries everything a town needs for the full Rathaus look.

The wheel goes into a fresh venv (no editable install, no PYTHONPATH, no repo files) and
builds a minimal site: mkdocs.yml, one data file, one page, no overrides/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO, only, parse

MINIMAL_CONFIG = """\
site_name: Gemeinde Beispieldorf
site_url: https://www.beispieldorf.example/
copyright: © Gemeinde Beispieldorf
docs_dir: content
theme:
  name: rathaus
extra:
  fusszeile:
    - titel: Startseite
      seite: index.md
plugins:
"""

THEME_CSS = (
    "assets/stylesheets/rathaus.css",
    "assets/stylesheets/leichte-sprache.css",
    "assets/stylesheets/rathaus-dgs.css",
)
THEME_JS = ("assets/javascripts/rathaus.js", "assets/javascripts/rathaus-dgs.js")


def _clean_env() -> dict[str, str]:
    # Without the test run's PYTHONPATH: the wheel build leaves plugins/rathaus.egg-info
    # behind, and pip would take that for an installed rathaus and skip the wheel.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


def _install_wheel(tmp_path: Path) -> Path:
    wheels = tmp_path / "wheels"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels)]
    subprocess.run([*pip_wheel, str(REPO)], check=True)
    [wheel] = wheels.glob("rathaus-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], env=_clean_env(), check=True)
    install = ["install", "-q", "--disable-pip-version-check", "-c", str(REPO / "constraints.txt")]
    python = str(venv / "bin" / "python")
    subprocess.run([python, "-m", "pip", *install, str(wheel)], env=_clean_env(), check=True)
    return venv


def _minimal_site(root: Path) -> None:
    (root / "content").mkdir(parents=True)
    (root / "data").mkdir()
    # Only the directory: the other features need their own data (statement, videos …).
    plugins = yaml.safe_dump([only(verzeichnis={})], sort_keys=False)
    plugins = "".join(f"  {line}\n" for line in plugins.splitlines())
    (root / "mkdocs.yml").write_text(MINIMAL_CONFIG + plugins, encoding="utf-8")
    (root / "data" / "stadt.yml").write_text(
        "name: Gemeinde Beispieldorf\nbundesland: NW\n", encoding="utf-8"
    )
    (root / "content" / "index.md").write_text(
        "# Willkommen\n\nDie Gemeinde Beispieldorf.\n", encoding="utf-8"
    )


def test_a_wheel_in_a_fresh_venv_builds_a_minimal_site_with_the_full_look(
    tmp_path: Path,
) -> None:
    venv = _install_wheel(tmp_path)
    root = tmp_path / "beispieldorf"
    _minimal_site(root)
    mkdocs = [str(venv / "bin" / "mkdocs"), "build", "--strict", "-q"]
    subprocess.run(mkdocs, cwd=root, env=_clean_env(), check=True)
    # The build used the wheel's files, not the repo's.
    probe = [str(venv / "bin" / "python"), "-c", "import rathaus; print(rathaus.__file__)"]
    where = subprocess.run(probe, env=_clean_env(), check=True, capture_output=True, text=True)
    assert Path(where.stdout.strip()).is_relative_to(venv)

    site = root / "site"
    page = parse(site / "index.html")
    sheets = [link.attributes.get("href") or "" for link in page.css('link[rel="stylesheet"]')]
    assert [s for s in sheets if s in THEME_CSS] == list(THEME_CSS)
    scripts = [script.attributes.get("src") or "" for script in page.css("script[src]")]
    assert [s for s in scripts if s in THEME_JS] == list(THEME_JS)
    for asset in (*THEME_CSS, *THEME_JS):
        assert (site / asset).is_file(), asset
    # Theme defaults from mkdocs_theme.yml: Rathaus's German strings (language: custom).
    assert page.css_first("html").attributes["lang"] == "de"
    skip = page.css_first("a.md-skip")
    assert skip is not None
    assert skip.text(strip=True) == "Zum Hauptinhalt springen"
    assert skip.attributes["href"] == "#hauptinhalt"
    assert page.css_first("#hauptinhalt[tabindex='-1']") is not None
    # Rathaus's patched header (a real menu button) and its footer partial.
    assert page.css_first("header.md-header button.rh-drawer-button") is not None
    footer_links = page.css("footer .rh-footer nav.rh-footer__nav a")
    assert [a.text(strip=True) for a in footer_links] == ["Startseite"]
    copyright = page.css_first("footer .rh-footer .md-copyright__highlight")
    assert copyright is not None and copyright.text(strip=True) == "© Gemeinde Beispieldorf"
    # The theme's own files (templates, mkdocs_theme.yml, __init__.py) stay out of the site.
    assert not list(site.rglob("mkdocs_theme.yml")) and not list(site.rglob("*.py"))
    assert not (site / "main.html").exists() and (site / "404.html").is_file()
    # `rathaus init` works from the wheel alone: its templates are in the package.
    town = tmp_path / "beispielstadt"
    rathaus = str(venv / "bin" / "rathaus")
    init = [rathaus, "init", str(town), "--name", "Stadt Beispielstadt", "--land", "NW"]
    subprocess.run([*init, "--url", "https://www.beispielstadt.de/"], env=_clean_env(), check=True)
    check = subprocess.run(
        [rathaus, "--root", str(town), "check", "--format", "json"],
        env=_clean_env(),
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1  # the placeholders, until the town fills them in
    rules = {finding["rule"] for finding in json.loads(check.stdout)["findings"]}
    assert rules <= {"ausfuellen", "bitv-4"}, rules
    # `rathaus audit` finds its pinned npm tools in the wheel.
    lock = [
        str(venv / "bin" / "python"),
        "-c",
        "from rathaus.audit.tools import HERE; print((HERE / 'package-lock.json').is_file(),"
        " (HERE / 'package.json').is_file())",
    ]
    found = subprocess.run(lock, env=_clean_env(), check=True, capture_output=True, text=True)
    assert found.stdout.split() == ["True", "True"]
