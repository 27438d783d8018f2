"""`rathaus audit` as a town runs it: it passes a new town's site and fails a broken one."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from tests.conftest import TOWN, fill_placeholders

from rathaus.starter import create_site

RATHAUS = [sys.executable, "-m", "rathaus.cli"]
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://www.kaputt.example/</loc></url>
<url><loc>https://www.kaputt.example/seite/</loc></url>
</urlset>
"""
# One page with a fault of every kind the audit looks for.
BROKEN = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Kaputt</title>
<meta name="viewport" content="width=device-width"></head>
<body>
<div style="position: fixed; top: 0; left: 0; width: 100%; height: 90px; background: #fff">
Kopfzeile</div>
<p style="margin-top: 20px"><a href="seite/">Unter der Kopfzeile</a></p>
<main id="hauptinhalt"><h1>Kaputt</h1>
<p><img src="bild.png"></p>
<div style="width: 1500px">Breiter als jedes Handy.</div>
<p><a href="fehlt/">Ins Leere</a> und <a href="seite/#gibt-es-nicht">zu einer Stelle</a>.</p>
<p style="color: #bbb">Kaum zu lesen.</p>
<img src="https://zaehler.example/pixel.gif" alt="">
<p><button type="button" aria-label="Eins" style="width: 12px; height: 12px; padding: 0;
border: 0; margin: 0"></button><button type="button" aria-label="Zwei" style="width: 12px;
height: 12px; padding: 0; border: 0; margin: 0"></button></p>
<p id="doppelt">eins</p><p id="doppelt">zwei</p>
</main></body></html>
"""
PLAIN = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Seite</title></head>
<body><main><h1>Seite</h1><p>Text.</p></main></body></html>
"""


def _rathaus(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*RATHAUS, *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=1800
    )


def test_a_new_towns_site_passes_check_build_and_audit(tmp_path: Path) -> None:
    root = tmp_path / "beispielstadt"
    crest = tmp_path / "wappen.svg"
    crest.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<rect width="10" height="10" fill="#7a1f2b"/></svg>',
        encoding="utf-8",
    )
    # The town's own colour (a dark red) and crest, as `rathaus init --farbe --logo` sets them.
    create_site(root, replace(TOWN, farbe="#7a1f2b", logo=crest), date(2027, 3, 1))
    fill_placeholders(root)
    for command in (["check"], ["build"], ["audit"]):
        done = _rathaus(*command, cwd=root)
        assert done.returncode == 0, f"rathaus {command[0]}:\n{done.stdout}\n{done.stderr}"
    assert "axe und HTML_CodeSniffer (dunkel): 0 Fehler" in done.stderr  # both schemes
    summary = done.stdout.splitlines()[-1]
    assert summary.startswith("rathaus audit: ") and summary.endswith(" Seiten geprüft, 0 Fehler")
    assert int(summary.split()[2]) >= 8  # start, contact, imprint, privacy, LS, unit, …


def test_a_broken_site_fails_with_a_finding_of_each_kind(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "seite").mkdir(parents=True)
    (site / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    (site / "index.html").write_text(BROKEN, encoding="utf-8")
    (site / "seite" / "index.html").write_text(PLAIN, encoding="utf-8")
    done = _rathaus("audit", str(site), cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    findings = done.stdout.splitlines()[:-1]
    report = "\n".join(findings)

    def found(check: str, text: str) -> bool:
        return any(f"[{check}" in line and text in line for line in findings)

    assert found("WCAG 2 AA, hell", "img"), report  # image without alt
    assert found("WCAG 2 AA, hell", "contrast"), report
    assert found("HTML-Prüfung (vnu)", "doppelt"), report  # duplicate id
    assert found("Links", "fehlt/"), report
    assert found("Links", "gibt-es-nicht"), report
    assert found("Umbruch bei 320 px", "seitlich"), report
    assert found("Anfragen an Dritte", "zaehler.example"), report
    assert found("Tastatur: Sprunglink", "Sprunglink"), report
    assert found("WCAG 2.2 AA (axe, 1280 px)", "target-size"), report
    assert found("WCAG 2.2 AA (axe, 320 px)", "target-size"), report
    assert found("Tastatur: Fokus verdeckt (1280 px)", "Unter der Kopfzeile"), report
    assert done.stdout.splitlines()[-1] == (
        f"rathaus audit: 2 Seiten geprüft, {len(findings)} Fehler"
    )


def test_a_folder_without_a_built_site_is_refused_in_german(tmp_path: Path) -> None:
    done = _rathaus("audit", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 2
    assert "ist keine gebaute Website: sitemap.xml fehlt" in done.stderr
