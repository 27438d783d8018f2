"""The accessibility statement page: every mandatory field, and the yearly review."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import build_site, parse


def test_statement_has_every_mandatory_part(fixture_site: Callable[[str], Path]) -> None:
    page = parse(build_site(fixture_site("klein")) / "barrierefreiheit" / "index.html")
    assert page.css_first("h1").text() == "Erklärung zur Barrierefreiheit"
    sections = [h.attributes["id"] for h in page.css(".rathaus-erklaerung h2")]
    assert sections == ["stand", "nicht-barrierefrei", "erstellung", "feedback", "durchsetzung"]
    status = page.css_first("#stand + p strong").text()
    assert status == "teilweise vereinbar"
    barrier = page.css_first("#barriere-1").text()
    assert barrier == "Alte PDF-Dateien"
    dates = [t.attributes["datetime"] for t in page.css(".rathaus-erklaerung time")]
    assert dates == ["2026-06-01", "2026-06-01"]
    mail = page.css_first("#feedback ~ dl a[href^='mailto:']").attributes["href"]
    assert mail == "mailto:barrierefreiheit@testdorf.example?subject=Barriere%20melden"
    ombuds = page.css_first("#durchsetzung ~ dl a[href^='mailto:']").attributes["href"]
    assert ombuds == "mailto:ombudsstelle-barrierefreie-it@mags.nrw.de"
    toc = [a.text(strip=True) for a in page.css("nav.md-nav--secondary a")]
    assert "Durchsetzungsverfahren" in toc


def test_stale_statement_fails_strict_build(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = fixture_site("klein")
    data = root / "data" / "barrierefreiheit.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(
        text.replace("erstellt_am: 2026-06-01", "erstellt_am: 2025-06-01").replace(
            "zuletzt_ueberprueft_am: 2026-06-01", "zuletzt_ueberprueft_am: 2025-06-01"
        ),
        encoding="utf-8",
    )
    with pytest.raises(Abort):
        build_site(root)
    # The build date in tests is 2027-03-01 (conftest), 638 days after the review.
    assert (
        "data/barrierefreiheit.yml:13:1: zuletzt_ueberprueft_am: die Erklärung wurde seit "
        "638 Tagen nicht überprüft"
    ) in caplog.text


def test_missing_statement_is_an_error(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = fixture_site("klein")
    (root / "data" / "barrierefreiheit.yml").unlink()
    with pytest.raises(Abort):
        build_site(root)
    assert "data/barrierefreiheit.yml fehlt" in caplog.text
