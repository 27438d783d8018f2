"""Every check the build runs, without building: the single source for `rathaus check`."""

from __future__ import annotations

from pathlib import Path

from .model import DataError, Finding, Site, load_site
from .pages import check_pages


def run_checks(root: Path) -> list[Finding]:
    """All findings for the site in ``root``, errors and warnings, sorted by place."""
    findings: list[Finding] = []
    site: Site | None = None
    try:
        site = load_site(root)
        findings.extend(site.warnings)
    except DataError as exc:
        findings.extend(exc.findings)
    findings.extend(check_pages(root, site))
    return sorted(findings)
