"""Content safety in the build: the HTML MkDocs produced, the same verdict as `rathaus check`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from rathaus.adapter import pruefung, run_checks
from rathaus.checks import Checks
from rathaus.model import Level
from tests.conftest import build_site
from tests.pruefung.test_pruefung import with_pruefung
from tests.sicherheit.payloads import text_payloads
from tests.test_safety import BYPASSES, HARMLESS

EXTENSIONS = "markdown_extensions:\n  - admonition\n  - attr_list\n  - md_in_html\n"


def site_with(root: Path, pages: dict[str, str]) -> Path:
    with_pruefung(root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + EXTENSIONS, encoding="utf-8")
    for name, markdown in pages.items():
        page = f"---\ndescription: Prüfseite\n---\n\n# {name}\n\nText davor.\n\n{markdown}\n"
        (root / "content" / f"{name}.md").write_text(page, encoding="utf-8")
    return root


def check_errors(root: Path) -> set[str]:
    """The content-safety errors of `rathaus check` (the same page checks it runs)."""
    return {
        f.format() for f in run_checks(root) if f.rule == "sicherheit" and f.level is Level.ERROR
    }


def build_errors(
    root: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> set[str]:
    """The errors the build logs from the HTML MkDocs produced, with the checks before the
    build switched off so that only the build's own check can stop it."""
    monkeypatch.setattr(pruefung, "check_site", lambda project, render: Checks([], []))
    caplog.set_level(logging.INFO)
    with pytest.raises(Abort):
        build_site(root)
    return {
        r.getMessage().removeprefix("rathaus: ")
        for r in caplog.records
        if r.levelno == logging.ERROR and r.name.startswith("mkdocs.plugins.rathaus")
    }


def test_check_and_build_agree_on_every_trick_and_payload(
    fixture_site: Callable[[str], Path],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cases = {f"trick-{n}": markdown for n, markdown in enumerate(BYPASSES.values())}
    cases |= {f"payload-{p.name}": p.text for p in text_payloads}
    # A page a plugin extends (directive): judged on the editor's own Markdown.
    cases["mit-direktive"] = (
        "<!-- rathaus/kontakt { person: erika-muster } -->\n\n<script>x</script>"
    )
    cases |= {f"harmlos-{n}": markdown for n, markdown in enumerate(HARMLESS.values())}
    root = site_with(fixture_site("klein"), cases)

    in_check = check_errors(root)
    in_build = build_errors(root, caplog, monkeypatch)

    assert in_check == in_build
    unsafe_pages = {error.split(":")[0] for error in in_check}
    for n in range(len(BYPASSES)):
        assert f"content/trick-{n}.md" in unsafe_pages
    assert "content/mit-direktive.md" in unsafe_pages
    assert not any("harmlos" in page or "index" in page for page in unsafe_pages)
    # Every script is reported at its line in the source (after 7 lines of heading and text).
    lines = {int(e.split(":")[1]) for e in in_check if "das Element <script>" in e}
    assert min(lines) >= 8


def test_clean_site_builds_with_fragments_in_its_pages(
    fixture_site: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    """Directives put contact cards, hours tables and JSON-LD into pages: no finding."""
    root = site_with(fixture_site("klein"), {"hinweis": '!!! note "Hinweis"\n    Text.'})
    caplog.set_level(logging.INFO)
    build_site(root)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert check_errors(root) == set()
