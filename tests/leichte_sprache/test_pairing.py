"""Pairs of pages: an LS page without a page in everyday language, and full coverage (item 9).

``rathaus check`` and the build report the same warnings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from rathaus.adapter import run_checks
from rathaus.leichte_sprache.checks import pairing_findings
from rathaus.model import Finding, Level
from tests.conftest import build_site

LOGGER = "mkdocs.plugins.rathaus.adapter.leichte_sprache"
EXEMPT_LINE = (
    "        # A page written only in Leichte Sprache: no warning about the missing other page.\n"
    "        ohne_gegenstueck:\n        - handbuch/\n        - leichte-sprache/nur-leicht.md\n"
)


def _site(fixture_site: Callable[[str], Path], *, options: str = "") -> Path:
    """The LS fixture without its exception for the page written only in Leichte Sprache."""
    root = fixture_site("leichte-sprache")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert EXEMPT_LINE in text
    config.write_text(text.replace(EXEMPT_LINE, options), encoding="utf-8")
    return root


def _pairing(findings: list[Finding]) -> list[tuple[str, Level]]:
    return [(f.file, f.level) for f in findings if f.rule == "LS00"]


def _build_messages(root: Path, caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=False)
    with caplog.at_level(logging.INFO, logger=LOGGER):
        build(config)
    return [(r.levelno, r.getMessage().removeprefix("rathaus: ")) for r in caplog.records]


def test_check_warns_about_an_ls_page_without_a_page_in_everyday_language(
    fixture_site: Callable[[str], Path],
) -> None:
    findings = run_checks(_site(fixture_site))
    assert _pairing(findings) == [("content/leichte-sprache/nur-leicht.md", Level.WARNING)]
    (finding,) = (f for f in findings if f.rule == "LS00")
    assert "content/nur-leicht.md" in finding.message
    assert "Start-Seite in Alltags-Sprache" in finding.message


def test_build_warns_about_it_too_and_fails_when_strict(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = _site(fixture_site)
    messages = _build_messages(root, caplog)
    warnings = [m for level, m in messages if level == logging.WARNING]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        "content/leichte-sprache/nur-leicht.md:1:1: LS00 zu dieser Seite in Leichter Sprache "
        "gibt es keine Seite in Alltags-Sprache (content/nur-leicht.md)"
    )
    with pytest.raises(Abort):
        build_site(root)


def test_a_page_without_ls_twin_is_information_by_default(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = _site(fixture_site, options=EXEMPT_LINE)
    assert _pairing(run_checks(root)) == []
    messages = _build_messages(root, caplog)
    assert (
        logging.INFO,
        "content/barrierefreiheit.md: LS00 die Seite hat keine Fassung in Leichter Sprache – "
        "legen Sie content/leichte-sprache/barrierefreiheit.md an",
    ) in messages
    assert [m for level, m in messages if level >= logging.WARNING] == []


def test_full_coverage_makes_a_page_without_ls_twin_a_warning(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = _site(fixture_site, options=EXEMPT_LINE + "        vollstaendig: true\n")
    (root / "content/hilfe.md").write_text("# Hilfe\n", encoding="utf-8")
    # The check looks at written pages (it does not know which plugins generate pages).
    assert _pairing(run_checks(root)) == [("content/hilfe.md", Level.WARNING)]
    messages = _build_messages(root, caplog)
    assert [m for level, m in messages if level == logging.WARNING] == [
        "content/barrierefreiheit.md:1:1: LS00 die Seite hat keine Fassung in Leichter Sprache "
        "– legen Sie content/leichte-sprache/barrierefreiheit.md an, oder tragen Sie die Seite "
        "unter ohne_gegenstueck ein",
        "content/hilfe.md:1:1: LS00 die Seite hat keine Fassung in Leichter Sprache – legen "
        "Sie content/leichte-sprache/hilfe.md an, oder tragen Sie die Seite unter "
        "ohne_gegenstueck ein",
    ]


def test_pairs_are_judged_on_written_and_generated_pages() -> None:
    documents = {
        "index.md",
        "leichte-sprache/index.md",
        "einheiten/amt.md",  # generated, with a generated twin
        "leichte-sprache/einheiten/amt.md",
        "leichte-sprache/nur-hier.md",
        "handbuch/felder.md",
        "kontakt.md",
    }
    written = ["leichte-sprache/index.md", "leichte-sprache/nur-hier.md"]
    findings = pairing_findings(
        documents, written, "leichte-sprache", "content", complete=True, exempt=["handbuch/"]
    )
    assert _pairing(findings) == [
        ("content/leichte-sprache/nur-hier.md", Level.WARNING),
        ("content/kontakt.md", Level.WARNING),
    ]
