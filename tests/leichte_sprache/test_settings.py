"""`rathaus check` reads the linter settings from the plugin's entry in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from rathaus.leichte_sprache.settings import read_settings, settings_from


def test_settings_come_from_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - rathaus/leichte-sprache:\n      pruefung:\n"
        "        satz_woerter_fehler: 9\n        regeln:\n          LS05: fehler\n",
        encoding="utf-8",
    )
    settings, problems = read_settings(tmp_path)
    assert problems == []
    assert settings is not None
    assert settings.satz_woerter_fehler == 9
    assert settings.regeln == {"LS05": "fehler"}


def test_site_without_the_plugin_has_no_settings(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nplugins:\n  - search\n", encoding="utf-8")
    assert read_settings(tmp_path) == (None, [])


def test_invalid_settings_are_findings() -> None:
    settings, problems = settings_from({"regeln": {"LS05": "streng"}}, "mkdocs.yml")
    assert settings.regeln == {}
    assert [p.field for p in problems] == ["pruefung.regeln.LS05"]
    assert problems[0].message.startswith("die Einstellung der Leichten Sprache ist ungültig")
