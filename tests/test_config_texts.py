"""mkdocs.yml texts the theme prints on every page: escaped as markup, refused when invisible."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from rathaus.adapter import run_checks
from rathaus.model import Level
from tests.conftest import build_site, set_feature


def _with(root: Path, **values: str) -> None:
    config = root / "mkdocs.yml"
    lines = [
        line
        for line in config.read_text(encoding="utf-8").splitlines()
        if not line.startswith(tuple(f"{key}:" for key in values))
    ]
    # YAML double-quoted escapes: the characters exist only after parsing.
    config.write_text(
        "\n".join([*(f'{key}: "{value}"' for key, value in values.items()), *lines]) + "\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("key", "escape", "code"),
    [
        ("site_name", "Gemeinde \\u202eTestdorf", "U+202E"),
        ("site_description", "Alles\\x00über", "U+0000"),
        ("site_author", "Amt\\u200bTestdorf", "U+200B"),
        ("copyright", "© Testdorf\\e[31m", "U+001B"),
    ],
)
def test_invisible_characters_in_theme_texts_are_errors_in_check_and_build(
    fixture_site: Callable[[str], Path], key: str, escape: str, code: str
) -> None:
    root = fixture_site("klein")
    _with(root, **{key: escape})
    set_feature(root, "pruefung", {})
    errors = [f for f in run_checks(root) if f.level is Level.ERROR]
    assert [(f.file, f.line, f.field) for f in errors] == [("mkdocs.yml", 1, key)]
    assert code in errors[0].message
    with pytest.raises(Abort):
        build_site(root)


def test_markup_in_theme_texts_is_text_not_an_error(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("klein")
    _with(root, site_name="Bildung & Teilhabe <Testdorf>", copyright="© A<B")
    assert not [f for f in run_checks(root) if f.file == "mkdocs.yml"]
