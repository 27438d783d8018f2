"""The one plugin `rathaus`: the same site as the twelve feature entries, in a fixed order."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from rathaus.adapter import load_project, run_checks
from rathaus.adapter.old_entries import migration_hint
from rathaus.adapter.plugin import FEATURES
from rathaus.model import Level
from rathaus.project import Project
from tests.conftest import build_site, copy_demo, set_feature

# The features that had an entry of their own in version 0.1 (the search came later).
OLD_ENTRIES = {
    e.name for e in entry_points(group="mkdocs.plugins") if e.name.startswith("rathaus/")
}


def separate_entries(text: str) -> str:
    """The mkdocs.yml of earlier versions: one `rathaus/<feature>` entry per feature, each
    with its options and the shared data folder."""
    config = yaml.safe_load(text)
    plugins: list[Any] = []
    for plugin in config["plugins"]:
        if not (isinstance(plugin, dict) and "rathaus" in plugin):
            plugins.append(plugin)
            continue
        block = plugin["rathaus"] or {}
        for key, entry, _ in FEATURES:
            if entry not in OLD_ENTRIES:
                continue
            options = dict(block.get(key) or {})
            if "data_dir" in block:
                options["data_dir"] = block["data_dir"]
            plugins.append({entry: options} if options else entry)
    config["plugins"] = plugins
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_one_entry_builds_the_same_site_as_twelve(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    one = copy_demo(tmp_path / "eins")
    twelve = copy_demo(tmp_path / "zwoelf")
    config = twelve / "mkdocs.yml"
    config.write_text(separate_entries(config.read_text(encoding="utf-8")), encoding="utf-8")
    assert "rathaus/verzeichnis" in config.read_text(encoding="utf-8")
    set_feature(one, "suche", None)  # no old entry: the old form has no search
    set_feature(one, "sprachen", None)  # nor other languages
    first = files_of(build_site(one))
    # The old entries still build the site (not strictly: each says it is going away).
    old = load_config(str(config), site_dir=str(twelve / "site"), strict=False)
    build(old)
    second = files_of(twelve / "site")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert len(OLD_ENTRIES) == 12
    for key, entry, _ in FEATURES:
        assert (migration_hint(key, entry) in caplog.text) == (entry in OLD_ENTRIES)


def test_an_old_entry_is_a_warning_in_check_and_fails_the_strict_build(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("plugins:\n")
    config.write_text(text[:start] + "plugins:\n  - rathaus/verzeichnis\n", "utf-8")
    [finding] = run_checks(root)
    assert (finding.file, finding.level) == ("mkdocs.yml", Level.WARNING)
    assert "„rathaus/verzeichnis“ ist veraltet" in finding.message
    assert "Block „verzeichnis:“" in finding.message
    with pytest.raises(Abort):
        build_site(root)


def test_the_project_sees_every_feature_of_the_one_entry(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "demo", data="daten")
    assert (root / "mkdocs.yml").read_text(encoding="utf-8").count("data_dir: daten") == 1
    project = load_project(root)
    assert isinstance(project, Project), project
    assert project.data_dir == "daten"
    assert {entry for _, entry, _ in FEATURES} == set(project.plugins)
    assert run_checks(root) == []
    assert (build_site(root) / "index.html").is_file()


def _with_rathaus(root: Path, block: str, extra: str = "") -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("plugins:\n")
    config.write_text(text[:start] + "plugins:\n  - rathaus:\n" + block + extra, "utf-8")


def test_an_invalid_feature_option_names_its_block(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("klein")
    _with_rathaus(root, "      verzeichnis:\n        units_per_part: nein\n")
    [finding] = run_checks(root)
    assert finding.field == "plugins"
    assert "verzeichnis.units_per_part" in finding.message


def test_the_one_entry_and_old_entries_together_are_refused(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = fixture_site("klein")
    _with_rathaus(
        root, "      gebaerdensprache:\n        enabled: false\n", "  - rathaus/handbuch\n"
    )
    with pytest.raises(Abort):
        build_site(root)
    assert any("rathaus/handbuch" in r.getMessage() for r in caplog.records)
