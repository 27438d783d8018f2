"""The rathaus/pruefung plugin: checks before the site folder is touched, summaries, progress."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from rathaus import checks
from rathaus.markdown_scan import PageSource
from rathaus.model import Finding, Level
from tests.conftest import build_site, set_feature


def with_pruefung(root: Path, options: Mapping[str, Any] | None = None) -> Path:
    set_feature(root, "pruefung", options or {})
    return root


def test_page_error_stops_the_build_before_the_site_folder_is_emptied(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = with_pruefung(fixture_site("klein"))
    old = root / "site" / "alt.html"
    old.parent.mkdir()
    old.write_text("vorher", encoding="utf-8")
    page = root / "content" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<a href="javascript:x()">a</a>\n')
    with pytest.raises(Abort):
        build_site(root)
    assert old.read_text(encoding="utf-8") == "vorher"
    assert "content/index.md:21:10: die Adresse beginnt mit javascript:" in caplog.text


def test_warnings_of_page_checks_fail_strict_builds(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = with_pruefung(fixture_site("klein"))
    (root / "content" / "b.md").write_text("# B\n\n[x](#fehlt)\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(root)
    assert "content/b.md:3:5: den Abschnitt „#fehlt“ gibt es" in caplog.text


def test_reviewed_exception_is_logged_as_info_and_builds(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    # An iframe needs the exception *and* a host in the policy's frame-src.
    root = with_pruefung(fixture_site("klein"))
    set_feature(root, "sicherheit", {"csp_extra": {"frame-src": ["https://karte.example"]}})
    (root / "content" / "karte.md").write_text(
        "---\nrathaus:\n  erlaubt: [iframe]\n  begruendung: Geprüft von der IT\n---\n\n# Karte\n\n"
        '<iframe src="https://karte.example/" title="Karte"></iframe>\n',
        encoding="utf-8",
    )
    caplog.set_level(logging.INFO)
    build_site(root)
    [record] = [r for r in caplog.records if "geprüfte Ausnahme" in r.getMessage()]
    assert record.levelno == logging.INFO
    assert "Begründung: Geprüft von der IT" in record.getMessage()


def test_summaries_and_progress_in_german(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = with_pruefung(fixture_site("klein"), {"progress_every": 3})
    caplog.set_level(logging.INFO)
    build_site(root)
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("mkdocs.plugins")]
    assert "rathaus: Prüfung: 0 Fehler, 0 Warnungen" in messages
    assert (
        "rathaus: Verzeichnis: 2 Einheiten, 2 Personen, 1 Standort; 6 Seiten und 4 vCards "
        "erzeugt" in messages
    )
    progress = [m for m in messages if m.startswith("rathaus: Seiten geschrieben")]
    assert progress == [
        "rathaus: Seiten geschrieben: 3 von 9",
        "rathaus: Seiten geschrieben: 6 von 9",
        "rathaus: Seiten geschrieben: 9 von 9",
    ]


def test_no_progress_for_small_builds(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = with_pruefung(fixture_site("klein"))
    caplog.set_level(logging.INFO)
    build_site(root)
    assert "Seiten geschrieben" not in caplog.text


def test_page_checks_run_once_per_page_and_build(
    fixture_site: Callable[[str], Path],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The build logs the findings of the one run of the page checks, not of a second run."""
    root = with_pruefung(fixture_site("klein"))
    (root / "content" / "b.md").write_text("# B\n\nText.\n", encoding="utf-8")
    checked: Counter[str] = Counter()

    def counting(
        page: PageSource, pages: Mapping[str, PageSource], generated: frozenset[str] | None
    ) -> list[Finding]:
        checked[page.src_uri] += 1
        return [Finding(page.file, 1, 1, "", "gezählt", "", Level.INFO, "zaehlung")]

    monkeypatch.setattr(checks, "PAGE_CHECKS", [*checks.PAGE_CHECKS, counting])
    caplog.set_level(logging.INFO)
    build_site(root)
    assert checked["b.md"] == 1
    assert set(checked.values()) == {1}
    assert caplog.messages.count("rathaus: content/b.md:1:1: gezählt") == 1
