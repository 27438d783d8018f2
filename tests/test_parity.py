"""`rathaus check` fails exactly when `mkdocs build --strict` fails, for broken demo copies.

Each case changes one thing in a copy of the demo; the check's exit code and the strict
build's outcome must agree (the check runs the same checks on the same project).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from rathaus.cli import main
from tests.conftest import build_site, copy_demo


def _replace(file: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _append(file: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(before + text, encoding="utf-8")

    return change


def _remove(file: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / file).unlink()

    return change


def _all(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        for one in changes:
            one(root)

    return change


CASES: dict[str, tuple[Callable[[Path], None], bool]] = {
    # name: (change, whether the strict build and the check must fail)
    "unchanged": (lambda root: None, False),
    "unbekannte-einheit-im-verweis": (
        _replace("content/kontakt.md", "einheit: buergerbuero, ebene: 3", "einheit: gibtsnicht"),
        True,
    ),
    "kaputter-link": (_append("content/impressum.md", "\n[Formular](formular.md)\n"), True),
    "fehlender-anker": (
        _append("content/impressum.md", "\n[Oben](datenschutz.md#gibtsnicht)\n"),
        True,
    ),
    "skript-in-seite": (_append("content/impressum.md", "\n<script>alert(1)</script>\n"), True),
    "ungueltige-telefonnummer": (
        _replace("data/personen.yml", "telefon: 02398 678-331", "telefon: abc"),
        True,
    ),
    "unbekanntes-feld": (
        _replace("data/personen.yml", '  raum: "0.02"\n', '  raum: "0.02"\n  hobby: Segeln\n'),
        True,
    ),
    "doppelte-kennung": (
        _replace("data/personen.yml", "- id: hanh-nguyen", "- id: marco-rossi"),
        True,
    ),
    "zu-langer-name": (
        _replace("data/personen.yml", "name: Marco Rossi", "name: " + "Marco " * 30),
        True,
    ),
    "steuerzeichen-im-site-name": (
        _replace(
            "mkdocs.yml", "site_name: Stadt Musterstadt", 'site_name: "Stadt\\u202EMusterstadt"'
        ),
        True,
    ),
    "meldung-ohne-datum": (
        _replace("content/aktuelles/auftakt-beteiligung.md", "datum: 2026-01-20\n", ""),
        True,
    ),
    "ls-seite-ohne-gegenstueck": (
        _append("content/leichte-sprache/gibt-es-nur-hier.md", "# Nur hier\n\nDas ist ein Satz.\n"),
        True,
    ),
    "fehlende-videodatei": (_remove("content/medien/dgs/buergerbuero-termin.mp4"), True),
    # BITV 2.0 § 4: a start-page topic without a video and without a planned date.
    "startseite-ohne-video": (
        _replace("mkdocs.yml", "            dgs: bitv-navigation\n", ""),
        True,
    ),
    # … with a planned date in the statement: a Hinweis, the site builds.
    "startseite-video-geplant": (
        _all(
            _replace("mkdocs.yml", "            dgs: bitv-navigation\n", ""),
            _append("data/barrierefreiheit.yml", "gebaerdensprache_geplant_bis: 2027-09-30\n"),
        ),
        False,
    ),
    # A warning only: every page should have a Leichte Sprache version, and not all do.
    "ls-vollstaendig-ohne-fassung": (
        _replace(
            "mkdocs.yml",
            "      leichte_sprache:\n",
            "      leichte_sprache:\n        vollstaendig: true\n",
        ),
        True,
    ),
    "unbekannte-plugin-einstellung": (
        _replace(
            "mkdocs.yml", "  - rathaus:\n", "  - rathaus:\n      handbuch:\n        seitee: x\n"
        ),
        True,
    ),
    "navigation-auf-fehlende-seite": (
        _replace("mkdocs.yml", "  - Kontakt: kontakt.md\n", "  - Kontakt: kontakt-alt.md\n"),
        True,
    ),
    "ungueltige-einstellung": (
        _replace(
            "mkdocs.yml", "  - rathaus:\n", "  - rathaus:\n      handbuch:\n        page: 7\n"
        ),
        True,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_and_strict_build_agree(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, fails = CASES[case]
    root = copy_demo(tmp_path / "demo")
    change(root)
    check_fails = main(["--root", str(root), "check"]) != 0
    output = capsys.readouterr().out
    try:
        build_site(root)
        build_fails = False
    except (Abort, SystemExit):
        build_fails = True
    assert (check_fails, build_fails) == (fails, fails), output


def test_allow_warnings_lets_a_warning_pass(tmp_path: Path) -> None:
    change, _ = CASES["ls-vollstaendig-ohne-fassung"]
    root = copy_demo(tmp_path / "demo")
    change(root)
    assert main(["--root", str(root), "check"]) == 1
    assert main(["--root", str(root), "check", "--allow-warnings"]) == 0
