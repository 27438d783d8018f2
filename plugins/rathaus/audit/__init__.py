"""``rathaus audit``: the accessibility gate for any built site.

On a folder with a built site it runs, offline and on a loopback server: pa11y-ci with axe and
HTML_CodeSniffer (WCAG 2 AA) on every page in the light and the dark scheme, the Nu HTML Checker
(vnu) on every HTML file, linkinator on every internal link plus a check of #fragments across
pages, and the browser checks of :mod:`rathaus.audit.browser`. Nothing here knows a particular
town: the pages come from the site's sitemap.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .reports import (
    Finding,
    linkinator_findings,
    pa11y_config,
    pa11y_findings,
    vnu_findings,
)
from .site import (
    NOT_FOUND_PAGE,
    SiteError,
    broken_fragments,
    html_file,
    page_paths,
    page_urls,
    representative_paths,
    site_prefix,
)
from .tools import ToolError, Tools, ensure_tools

__all__ = ["AuditResult", "Finding", "SiteError", "ToolError", "run_audit", "serve"]

LS_MARKER = 'class="rathaus-leichte-sprache'
DARK_TOGGLE = 'id="__palette_1"'  # Material's second palette: the site has a dark scheme


@dataclass
class AuditResult:
    pages: int
    findings: list[Finding] = field(default_factory=list)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    # The link checker opens many connections at once; with the default backlog of 5 the
    # kernel refused some of them on a site of 150 pages ("status 0" for pages that exist).
    request_queue_size = 256


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """The site on a free loopback port, as a static web server would publish it."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _run(command: list[str], stdout: Path, tools: Tools, cwd: Path | None = None) -> None:
    """Run a checker; its exit code says "found something", the report says what."""
    env = {"PUPPETEER_EXECUTABLE_PATH": tools.chromium, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    with (
        stdout.open("w", encoding="utf-8") as out,
        stdout.with_suffix(".log").open("w", encoding="utf-8") as err,
    ):
        subprocess.run(
            command,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env={**os.environ, **env},
            check=False,
        )


def run_audit(
    site_dir: Path,
    *,
    reports: Path | None = None,
    log: Callable[[str], None] = print,
) -> AuditResult:
    """Audit the built site in ``site_dir``; reports of the tools go to ``reports`` (a
    temporary folder if None). Raises SiteError or ToolError when it cannot run."""
    site_dir = site_dir.resolve()
    paths = page_paths(site_dir)
    tools = ensure_tools(log)
    with tempfile.TemporaryDirectory(prefix="rathaus-audit-") as scratch:
        out = reports or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        with serve(site_dir) as base:
            return _audit(site_dir, paths, tools, base, out, log)


def _audit(
    site_dir: Path,
    paths: list[str],
    tools: Tools,
    base: str,
    out: Path,
    log: Callable[[str], None],
) -> AuditResult:
    result = AuditResult(pages=len(paths))
    urls = page_urls(site_dir, base)
    log(f"{len(paths)} Seiten unter {base}")

    def step(name: str, findings: list[Finding], started: float) -> None:
        # Two tools may report the same fault in the same words: list it once.
        result.findings.extend(f for f in dict.fromkeys(findings) if f not in result.findings)
        log(f"{name}: {len(findings)} Fehler ({time.monotonic() - started:.0f} s)")

    find = re.escape(site_prefix(site_dir))
    schemes = [("hell", False)]
    if DARK_TOGGLE in html_file(site_dir, paths[0]).read_text(encoding="utf-8"):
        schemes.append(("dunkel", True))
    for scheme, dark in schemes:
        started = time.monotonic()
        config = out / f"pa11yci-{scheme}.json"
        settings = pa11y_config(base, tools.chromium, dark, NOT_FOUND_PAGE in paths)
        config.write_text(json.dumps(settings, indent=2), "utf-8")
        report = out / f"pa11y-{scheme}.json"
        _run(
            [
                tools.bin("pa11y-ci"),
                "--config",
                str(config),
                "--json",
                "--sitemap",
                f"{base}/sitemap.xml",
                "--sitemap-find",
                find,
                "--sitemap-replace",
                f"{base}/",
            ],
            report,
            tools,
            cwd=tools.node_modules.parent,
        )
        step(
            f"axe und HTML_CodeSniffer ({scheme})",
            pa11y_findings(report, f"WCAG 2 AA, {scheme}"),
            started,
        )

    started = time.monotonic()
    report = out / "vnu.json"
    with report.open("w", encoding="utf-8") as err:  # vnu writes its JSON report to stderr
        subprocess.run(
            [
                tools.java,
                "-jar",
                str(tools.vnu_jar),
                "--skip-non-html",
                "--errors-only",
                "--format",
                "json",
                str(site_dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=err,
            check=False,
        )
    step("HTML (vnu)", vnu_findings(report, "HTML-Prüfung (vnu)"), started)

    started = time.monotonic()
    report = out / "linkinator.json"
    port = base.rsplit(":", 1)[1]
    _run(
        [
            tools.bin("linkinator"),
            *urls,
            "--recurse",
            "--check-fragments",
            "--concurrency",
            "25",
            "--skip",
            f"^(?!http://127\\.0\\.0\\.1:{port})",
            "--format",
            "json",
        ],
        report,
        tools,
    )
    links = linkinator_findings(report, "Links")
    links += [Finding("Links", page, message) for page, message in broken_fragments(site_dir)]
    step("Links und Sprungmarken", links, started)

    from .browser import run_browser_checks  # Playwright is imported only when it runs

    started = time.monotonic()
    ls_pages = [p for p in paths if LS_MARKER in html_file(site_dir, p).read_text(encoding="utf-8")]
    findings = run_browser_checks(
        tools.chromium, tools.axe_js, base, paths, representative_paths(site_dir), ls_pages, log
    )
    step("Browser (Umbruch, Anfragen, Tastatur, Leichte Sprache)", findings, started)
    return result
