"""`rathaus check` reads the linter settings from the plugin's entry in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from rathaus.adapter import load_project
from rathaus.leichte_sprache.settings import settings_from
from rathaus.project import Project


def test_settings_come_from_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\ndocs_dir: docs\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - rathaus/leichte-sprache:\n      pruefung:\n"
        "        satz_woerter_fehler: 9\n        regeln:\n          LS05: fehler\n",
        encoding="utf-8",
    )
    project = load_project(tmp_path)
    assert isinstance(project, Project), project
    options = project.options("rathaus/leichte-sprache")
    assert options is not None
    settings, problems = settings_from(options["pruefung"], "mkdocs.yml")
    assert problems == []
    assert settings.satz_woerter_fehler == 9
    assert settings.regeln == {"LS05": "fehler"}


def test_site_without_the_plugin_has_no_settings(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\ndocs_dir: docs\nplugins:\n  - search\n", encoding="utf-8"
    )
    project = load_project(tmp_path)
    assert isinstance(project, Project), project
    assert project.options("rathaus/leichte-sprache") is None


def test_invalid_settings_are_findings() -> None:
    settings, problems = settings_from({"regeln": {"LS05": "streng"}}, "mkdocs.yml")
    assert settings.regeln == {}
    assert [p.field for p in problems] == ["pruefung.regeln.LS05"]
    assert problems[0].message.startswith("die Einstellung der Leichten Sprache ist ungültig")
