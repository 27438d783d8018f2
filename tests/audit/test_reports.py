"""The tools' reports turned into findings: every error counts, a missing report too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rathaus.audit.reports import (
    Finding,
    linkinator_findings,
    pa11y_config,
    pa11y_findings,
    vnu_findings,
)


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_pa11y_errors_and_untestable_pages_are_findings(tmp_path: Path) -> None:
    report = _write(
        tmp_path / "pa11y.json",
        {
            "results": {
                "http://h/a/": [
                    {"code": "image-alt", "message": "Bild ohne Text", "selector": "img"}
                ],
                "http://h/b/": [{"message": "timeout"}],
                "http://h/c/": [],
            }
        },
    )
    assert pa11y_findings(report, "WCAG 2 AA, hell") == [
        Finding("WCAG 2 AA, hell", "http://h/a/", "Bild ohne Text (Element: img; image-alt)"),
        Finding("WCAG 2 AA, hell", "http://h/b/", "Seite nicht prüfbar: timeout"),
    ]


def test_vnu_counts_errors_not_warnings(tmp_path: Path) -> None:
    report = _write(
        tmp_path / "vnu.json",
        {
            "messages": [
                {
                    "type": "error",
                    "url": "file:/s/a.html",
                    "lastLine": 3,
                    "message": "Duplicate ID",
                },
                {"type": "info", "subType": "warning", "url": "file:/s/a.html", "message": "w"},
            ]
        },
    )
    assert [f.line() for f in vnu_findings(report, "vnu")] == [
        "file:/s/a.html:3: Duplicate ID [vnu]"
    ]


def test_linkinator_reports_broken_links_only(tmp_path: Path) -> None:
    report = _write(
        tmp_path / "links.json",
        {
            "links": [
                {"state": "OK", "url": "http://h/", "parent": None, "status": 200},
                {"state": "BROKEN", "url": "http://h/fehlt/", "parent": "http://h/", "status": 404},
            ]
        },
    )
    assert [f.line() for f in linkinator_findings(report, "Links")] == [
        "http://h/: Link ins Leere: http://h/fehlt/ (Status 404) [Links]"
    ]


@pytest.mark.parametrize("reader", [pa11y_findings, vnu_findings, linkinator_findings])
@pytest.mark.parametrize("content", [None, "", "{kaputt"])
def test_a_missing_or_unreadable_report_fails_the_audit(
    tmp_path: Path, reader: object, content: str | None
) -> None:
    report = tmp_path / "report.json"
    if content is not None:
        report.write_text(content, encoding="utf-8")
    findings = reader(report, "Prüfung")  # type: ignore[operator]
    assert len(findings) == 1 and "Bericht" in findings[0].message


def test_the_dark_run_selects_the_dark_palette_and_the_404_page_is_added() -> None:
    light = pa11y_config("http://h:1", "/usr/bin/chromium", dark=False, not_found_page=True)
    dark = pa11y_config("http://h:1", "/usr/bin/chromium", dark=True, not_found_page=False)
    assert light["urls"] == ["http://h:1/404.html"] and dark["urls"] == []
    assert "actions" not in light["defaults"]
    assert dark["defaults"]["actions"][0] == "check field #__palette_1"
    assert light["defaults"]["chromeLaunchConfig"]["executablePath"] == "/usr/bin/chromium"
