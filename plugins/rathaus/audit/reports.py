"""The audit's findings, and what the tools' JSON reports say turned into findings.

A report a tool did not write counts as a finding: a crashed checker must not pass a site.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--disable-quic",
]


@dataclass(frozen=True)
class Finding:
    check: str  # German name of the check, e.g. "axe/HTML_CodeSniffer (hell)"
    page: str  # page path or URL; "" for the whole site
    message: str

    def line(self) -> str:
        where = f"{self.page}: " if self.page else ""
        return f"{where}{self.message} [{self.check}]"


def pa11y_config(base_url: str, chromium: str, dark: bool, not_found_page: bool) -> dict[str, Any]:
    defaults: dict[str, Any] = {
        "standard": "WCAG2AA",
        "runners": ["axe", "htmlcs"],
        "includeWarnings": False,  # errors only
        "includeNotices": False,
        "timeout": 60000,
        "wait": 0,
        "concurrency": 2,
        # With incognito contexts and concurrency 2, Chromium 156 + puppeteer 24 fail every
        # other page ("Target.closeTarget: No target with given id found"). The light and the
        # dark run are separate pa11y-ci processes with fresh profiles, so nothing leaks.
        "useIncognitoBrowserContext": False,
        "chromeLaunchConfig": {"executablePath": chromium, "args": CHROMIUM_ARGS},
    }
    if dark:
        # Material keeps the choice in localStorage; select it on every URL to be explicit.
        defaults["actions"] = [
            "check field #__palette_1",
            'wait for element body[data-md-color-scheme="slate"] to be added',
        ]
    # --sitemap ADDS the sitemap pages to these urls; the 404 page is not in the sitemap.
    urls = [base_url.rstrip("/") + "/404.html"] if not_found_page else []
    return {"defaults": defaults, "urls": urls}


def _load(report: Path, tool: str, check: str) -> tuple[Any, list[Finding]]:
    text = report.read_text(encoding="utf-8") if report.is_file() else ""
    if not text.strip():
        return None, [Finding(check, "", f"{tool} hat keinen Bericht geschrieben (abgestürzt?)")]
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        return None, [Finding(check, "", f"{tool} hat einen unlesbaren Bericht geschrieben: {exc}")]


def pa11y_findings(report: Path, check: str) -> list[Finding]:
    data, failed = _load(report, "pa11y-ci", check)
    if failed:
        return failed
    findings = []
    for url, issues in data.get("results", {}).items():
        for issue in issues:
            if "code" not in issue:  # pa11y could not test the page at all
                message = f"Seite nicht prüfbar: {issue.get('message', issue)}"
            else:
                message = f"{issue['message']} (Element: {issue.get('selector')}; {issue['code']})"
            findings.append(Finding(check, url, message))
    return findings


def vnu_findings(report: Path, check: str) -> list[Finding]:
    data, failed = _load(report, "vnu", check)
    if failed:
        return failed
    return [
        Finding(check, f"{m.get('url', '')}:{m.get('lastLine', '')}", str(m.get("message")))
        for m in data.get("messages", [])
        if m.get("type") in ("error", "non-document-error")
    ]


def linkinator_findings(report: Path, check: str) -> list[Finding]:
    data, failed = _load(report, "linkinator", check)
    if failed:
        return failed
    return [
        Finding(
            check,
            str(link.get("parent") or ""),
            f"Link ins Leere: {link.get('url')} (Status {link.get('status')})",
        )
        for link in data.get("links", [])
        if link.get("state") == "BROKEN"
    ]
