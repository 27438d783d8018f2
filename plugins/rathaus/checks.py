"""Every check the build runs, without building: the single source for `rathaus check`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .model import DataError, Finding, Site, load_site
from .model.erklaerung import freshness
from .model.hours import build_date
from .model.site import STATEMENT_FILE
from .pages import check_pages


def statement_findings(site: Site, today: date) -> list[Finding]:
    """Checks of the accessibility statement that depend on the build date."""
    if site.erklaerung is None:
        return []
    where = site.sources[(STATEMENT_FILE, "")]
    return freshness(site.erklaerung, today, where.file, where.line, where.col)


def run_checks(root: Path) -> list[Finding]:
    """All findings for the site in ``root``, errors and warnings, sorted by place."""
    findings: list[Finding] = []
    site: Site | None = None
    try:
        site = load_site(root)
        findings.extend(site.warnings)
        findings.extend(statement_findings(site, build_date()))
    except DataError as exc:
        findings.extend(exc.findings)
    findings.extend(check_pages(root, site))
    return sorted(findings)
