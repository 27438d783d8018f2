"""Names in content/ that collide or cannot be checked out on every system (issue 12, item 6)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from rathaus.adapter import run_checks
from rathaus.model import Finding, Level
from rathaus.pages import check_names


def _names(root: Path) -> list[Finding]:
    return [f for f in run_checks(root) if f.rule == "dateiname"]


def _write(root: Path, relative: str) -> None:
    path = root / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Seite\n", encoding="utf-8")


def test_names_differing_only_in_case_are_an_error_naming_both(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    _write(root, "Kontakt.md")
    _write(root, "kontakt.md")
    (finding,) = _names(root)
    assert finding.level is Level.ERROR
    assert finding.file == "content/kontakt.md"
    assert finding.message == (
        "„content/Kontakt.md“ und „content/kontakt.md“ unterscheiden sich nur in Groß- und "
        "Kleinschreibung – unter Windows und macOS sind sie dieselbe Datei"
    )
    assert finding.hint.startswith("benennen Sie eine um")


def test_names_differing_only_in_unicode_form_are_an_error(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    _write(root, unicodedata.normalize("NFC", "Ämter.md"))
    _write(root, unicodedata.normalize("NFD", "Ämter.md"))
    (finding,) = _names(root)
    assert "verschieden kodiert (Unicode NFC und NFD)" in finding.message
    assert finding.message.count("content/") == 2


def test_colliding_folders_are_reported_once_not_per_file(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    for relative in ("Amt/a.md", "amt/a.md", "amt/b.md", "bilder/Foto.jpg", "bilder/foto.JPG"):
        _write(root, relative)
    assert sorted((f.file, f.message.split(" und ")[0]) for f in _names(root)) == [
        ("content/amt", "„content/Amt“"),
        ("content/bilder/foto.JPG", "„content/bilder/Foto.jpg“"),
    ]


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("frage?.md", "„?“"),
        ("a:b.md", "„:“"),
        ('zitat".md', '„"“'),
        ("stern*.md", "„*“"),
        ("pfeil<>.md", "„<“, „>“"),
        ("strich|.md", "„|“"),
        ("back\\slash.md", "„\\“"),
        ("tab\tname.md", "U+0009"),
        ("punkt.md.", "endet mit einem Punkt oder Leerzeichen"),
        ("ordner /seite.md", "endet mit einem Punkt oder Leerzeichen"),
        ("con.md", "„con“ ist unter Windows ein reservierter Name"),
        ("NUL", "„NUL“ ist unter Windows ein reservierter Name"),
        ("COM1.txt", "reservierter Name"),
    ],
)
def test_names_windows_cannot_hold_are_an_error(
    fixture_site: Callable[[str], Path], name: str, part: str
) -> None:
    root = fixture_site("klein")
    _write(root, name)
    findings = check_names(root, "content")
    assert len(findings) == 1
    assert part in findings[0].message
    assert findings[0].level is Level.ERROR
    assert findings[0].file.isprintable()  # a control character is shown as its code point


def test_ordinary_names_pass(fixture_site: Callable[[str], Path]) -> None:
    root = fixture_site("klein")
    for relative in ("Über uns.md", "ämter/bürger-büro.md", "console.md", "com10.md", "a.b.md"):
        _write(root, relative)
    assert check_names(root, "content") == []


def test_a_directive_in_a_four_backtick_fence_is_code_for_check_and_build(
    fixture_site: Callable[[str], Path],
) -> None:
    from tests.conftest import build_site, parse
    from tests.test_markdown_scan import FOUR_BACKTICKS

    root = fixture_site("klein")
    (root / "content" / "beispiel.md").write_text(FOUR_BACKTICKS, encoding="utf-8")
    assert [f.format() for f in run_checks(root) if f.file == "content/beispiel.md"] == []
    page = parse(build_site(root) / "beispiel" / "index.html")
    code = page.css_first("article pre")
    assert code is not None and "rathaus/kontakt { einheit: gibtsnicht }" in code.text()
    assert [h.text(strip=True) for h in page.css("article h1")] == ["Seite"]
