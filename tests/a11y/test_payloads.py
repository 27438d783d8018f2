"""No payload runs: every editor-controlled field carries hostile text, Chromium loads every page.

One build of a copy of the demo where each record type gets one extra record per text payload
of ``tests/sicherheit/payloads.py`` (id ``p-<payload>``), every free-text field of that record
set to the payload; every payload also becomes a content page and a news item whose front
matter ``title``, ``description`` and ``author`` carry it, and ``mkdocs.yml``'s ``site_name``,
``site_description``, ``site_author`` and ``copyright`` carry all of them at once. Chromium
then opens every built page with dialog and console hooks and the canary, and every page's
Content-Security-Policy may only list hashes that a payload-free build of the demo lists too:
the theme's own inline scripts. Values the model refuses (a payload as e-mail address or phone
number) are checked separately: ``rathaus check`` must refuse them in German.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.async_api import ConsoleMessage, Dialog, Response, async_playwright
from selectolax.lexbor import LexborHTMLParser

from conftest import CHROMIUM_ARGS, DESKTOP

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.sicherheit.payloads import CANARY, Payload, text_payloads  # noqa: E402

from rathaus.csp import source_hash  # noqa: E402

# Free-text fields per data file (from schemas/*.json: strings without pattern, format or
# enum; references, phone numbers and file names are left as they are).
FIELDS: dict[str, tuple[str, ...]] = {
    "einheiten": (
        "name",
        "nummer",
        "zugeordnet",
        "einleitung",
        "aufgaben[]",
        "ziele[]",
        "raum",
        "oeffnungszeiten.hinweis",
        "bereiche[].beschreibung",
    ),
    "personen": ("name", "funktion", "raum"),
    "standorte": ("name", "adresse.strasse", "adresse.ort", "oepnv", "barrierefreiheit.hinweis"),
    "termine": (
        "titel",
        "beschreibung",
        "raum",
        "barrierefreiheit_hinweis",
        "anmeldung.hinweis",
        "ort.name",
        "ort.adresse.strasse",
        "ort.adresse.ort",
        "ort.barrierefreiheit.hinweis",
    ),
    "gremien": (
        "name",
        "kurzname",
        "aufgabe",
        "mitglieder[].funktion",
        "sitzungen[].name",
        "sitzungen[].hinweis",
        "vorlagen[].titel",
        "vorlagen[].zusammenfassung",
    ),
    "leistungen": ("name", "beschreibung", "synonyme[]"),  # see DISTINCT
    "woerterbuch": ("wort", "varianten[]"),
}
# Names, titles, rooms and numbers are one line (the model refuses a line break there): a
# payload's line breaks become spaces in these fields, by the last step of the field's path.
ONE_LINE = frozenset(
    {"name", "nummer", "zugeordnet", "raum", "funktion", "strasse", "ort", "titel", "wort"}
    | {"kurzname", "synonyme[]", "varianten[]"}
)
# The A–Z index takes every name and synonym once, case-insensitively ("<script>" and
# "<SCRIPT>" are one word): these fields get the payload's name after the payload.
DISTINCT = {("leistungen", "name"): "", ("leistungen", "synonyme[]"): " Stichwort"}
STATEMENT_FIELDS = (
    "stelle",
    "geltungsbereich",
    "rechtsgrundlage",
    "methode_beschreibung",
    "barrieren[].inhalt",
    "barrieren[].begruendung",
    "barrieren[].alternative",
    "massnahmen[]",
    "feedback.stelle",
    "feedback.anschrift",
    "durchsetzung.stelle",
    "durchsetzung.beschreibung",
)
HEADING_SOURCE = "Bildung & Teilhabe, A&lt;B und `{{ 7*7 }}`"
HEADING_TEXT = "Bildung & Teilhabe, A<B und {{ 7*7 }}"
SITE_FIELDS = ("site_name", "site_description", "site_author", "copyright")
PAYLOADS = text_payloads
ALL_TEXT = " | ".join(p.text for p in PAYLOADS)


def _set(record: Any, path: str, text: str) -> None:
    """Set the field at ``path`` (``a.b``, ``a[].b``) of ``record`` where it exists."""
    key, _, rest = path.partition(".")
    if key.endswith("[]"):
        items = record.get(key[:-2]) if isinstance(record, dict) else None
        for i, item in enumerate(items or []):
            if rest:
                _set(item, rest, text)
            else:
                items[i] = text
    elif isinstance(record, dict) and key in record:
        if rest:
            _set(record[key], rest, text)
        else:
            record[key] = text


def _without_import_keys(value: Any) -> Any:
    # OParl ids and addresses are unique per record; a clone must not repeat them.
    if isinstance(value, dict):
        return {
            k: _without_import_keys(v) for k, v in value.items() if k not in ("oparl_id", "url")
        }
    if isinstance(value, list):
        return [_without_import_keys(v) for v in value]
    return value


def _append_records(data: Path, name: str, fields: tuple[str, ...]) -> None:
    path = data / f"{name}.yml"
    # BaseLoader: every scalar stays the string the editor wrote ("8:00", "ja").
    first = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)[0]
    clones = []
    for payload in PAYLOADS:
        record = _without_import_keys(copy.deepcopy(first))
        record["id"] = f"p-{payload.name}"
        for field in fields:
            suffix = DISTINCT.get((name, field))
            text = payload.text
            if field.rsplit(".", 1)[-1] in ONE_LINE:
                text = " ".join(text.split("\n"))
            if suffix is not None:
                text = f"{text} ({payload.name}{suffix})"
            _set(record, field, text)
        clones.append(record)
    text = yaml.safe_dump(clones, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")


def _front_matter(**values: str) -> str:
    # JSON strings are YAML double-quoted scalars.
    return "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in values.items())


def _copy_demo(target: Path) -> Path:
    for name in ("mkdocs.yml", "content", "data", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


def _with_payloads(root: Path) -> Path:
    data, content = root / "data", root / "content"
    for name, fields in FIELDS.items():
        _append_records(data, name, fields)
    statement = yaml.load((data / "barrierefreiheit.yml").read_text(), Loader=yaml.BaseLoader)
    for i, field in enumerate(STATEMENT_FIELDS):
        _set(statement, field, PAYLOADS[i % len(PAYLOADS)].text)
    (data / "barrierefreiheit.yml").write_text(
        yaml.safe_dump(statement, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    news = (content / "aktuelles" / "auftakt-beteiligung.md").read_text(encoding="utf-8")
    head, body = news.removeprefix("---\n").split("---\n", 1)
    head = re.sub(r"^description:.*\n", "", head, flags=re.MULTILINE)
    for payload in PAYLOADS:
        fields = _front_matter(title=payload.text, description=payload.text, author=payload.text)
        (content / f"p-{payload.name}.md").write_text(
            f"---\n{fields}---\n\nEin Absatz ohne Überschrift.\n", encoding="utf-8"
        )
        (content / "aktuelles" / f"p-{payload.name}.md").write_text(
            f"---\n{head}{fields}---\n{body}", encoding="utf-8"
        )
    # A title from the page's own heading: MkDocs keeps it as HTML ("&amp;", "&lt;").
    (content / "p-ueberschrift.md").write_text(
        f"# {HEADING_SOURCE}\n\nEin Absatz.\n", encoding="utf-8"
    )
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        key = line.split(":", 1)[0]
        if key in SITE_FIELDS:
            lines[i] = f"{key}: {json.dumps(ALL_TEXT, ensure_ascii=False)}"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _rathaus(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rathaus.cli", "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
    )


def _build(root: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={
            "PYTHONPATH": str(ROOT / "plugins"),
            "PATH": "/usr/bin:/bin",
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": "1803859200",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _policy_hashes(html: str) -> set[str]:
    [meta] = LexborHTMLParser(html).css('meta[http-equiv="Content-Security-Policy"]')
    for directive in (meta.attributes["content"] or "").split("; "):
        name, *sources = directive.split()
        if name == "script-src":
            return {s for s in sources if s.startswith("'sha256-")}
    raise AssertionError("no script-src")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(payload-free demo build, payload build)."""
    clean = _build(_copy_demo(tmp_path_factory.mktemp("clean")))
    root = _with_payloads(_copy_demo(tmp_path_factory.mktemp("payloads")))
    checked = _rathaus(root, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    return clean, _build(root)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _inline_scripts(html: str) -> list[str]:
    return [
        node.text()
        for node in LexborHTMLParser(html).css("script:not([src])")
        if (node.attributes.get("type") or "").strip().lower()
        in ("", "text/javascript", "application/javascript", "module")
    ]


def _theme_form(script: str) -> str:
    # Material's scope script names the site root relative to the page: "../..", "." or "/".
    return re.sub(r'new URL\("[./]*"', 'new URL("…"', script)


def test_every_page_carries_only_the_theme_s_script_hashes(sites: tuple[Path, Path]) -> None:
    clean, built = sites
    theme = {
        _theme_form(script)
        for path in clean.rglob("*.html")
        for script in _inline_scripts(path.read_text(encoding="utf-8"))
    }
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 4 * len(PAYLOADS)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        scripts = _inline_scripts(html)
        assert {_theme_form(s) for s in scripts} <= theme, path
        assert _policy_hashes(html) == {source_hash(s) for s in scripts}, path
        assert "data-rathaus-skript" not in html, path


@pytest.mark.parametrize("payload", PAYLOADS, ids=[p.name for p in PAYLOADS])
def test_payload_titles_are_text_exactly_once(sites: tuple[Path, Path], payload: Payload) -> None:
    """Heading, <title> and description say the payload as text: not markup, not escaped twice."""
    built = sites[1]
    page = LexborHTMLParser((built / f"p-{payload.name}" / "index.html").read_text())
    assert (page.css_first("article h1").text()) == payload.text
    title = page.css_first("title").text()
    assert title == f"{payload.text} - {ALL_TEXT}"
    description = page.css_first('meta[name="description"]').attributes["content"]
    assert description == payload.text
    assert page.css_first('meta[name="author"]').attributes["content"] == payload.text
    assert page.css_first(".md-copyright__highlight").text(strip=True) == ALL_TEXT.strip()
    # Generated pages: the unit, its Leichte Sprache twin, the event, the council body (their
    # names and titles are one line, see ONE_LINE).
    name = " ".join(payload.text.split("\n"))
    for folder in ("verwaltung", "leichte-sprache/verwaltung", "termine", "gremien"):
        generated = LexborHTMLParser(
            (built / folder / f"p-{payload.name}" / "index.html").read_text()
        )
        assert generated.css_first("article h1").text() == name, folder
        content = generated.css_first('meta[name="description"]').attributes["content"]
        assert f"{name}: " in (content or ""), folder


def _in_own_loop(urls: list[str]) -> tuple[list[str], list[str], list[str]]:
    """:func:`_visit` on a thread of its own: the other browser tests of this session use
    Playwright's sync API, whose event loop may already run on this thread."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = asyncio.run(_visit(urls))
        except BaseException as exc:  # handed to the test's thread below
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    result: tuple[list[str], list[str], list[str]] = outcome["result"]
    return result


async def _visit(urls: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Open every URL in Chromium (a few tabs at a time); what ran, what was said, what failed."""
    ran: list[str] = []
    said: list[str] = []
    failed: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        context = await browser.new_context(viewport=DESKTOP, locale="de-DE")  # type: ignore[arg-type]
        context.set_default_timeout(10_000)
        queue = list(reversed(urls))

        async def tab() -> None:
            page = await context.new_page()

            async def on_dialog(dialog: Dialog) -> None:
                said.append(f"{page.url}: Dialog {dialog.message}")
                await dialog.dismiss()

            def on_console(message: ConsoleMessage) -> None:
                # Failed requests are judged by their address below.
                if message.type in ("error", "warning") and "Failed to load" not in message.text:
                    said.append(f"{page.url}: {message.text}")

            def on_response(response: Response) -> None:
                # Material looks for the sitemap next to the rel="alternate" Leichte Sprache
                # page; that request fails on every site, payload or not.
                if response.status >= 400 and not response.url.endswith("/sitemap.xml"):
                    failed.append(f"{page.url}: {response.status} {response.url}")

            page.on("dialog", on_dialog)
            page.on("console", on_console)
            page.on("response", on_response)
            while queue:
                url = queue.pop()
                await page.goto(url, wait_until="load")
                if await page.evaluate("() => window.__rathaus_canary !== undefined"):
                    ran.append(url)
            await page.close()

        await asyncio.gather(*(tab() for _ in range(4)))
        await browser.close()
    return ran, said, failed


def test_a_title_from_the_heading_is_text_exactly_once(sites: tuple[Path, Path]) -> None:
    page = LexborHTMLParser((sites[1] / "p-ueberschrift" / "index.html").read_text())
    assert page.css_first("article h1").text() == HEADING_TEXT
    assert page.css_first("title").text() == f"{HEADING_TEXT} - {ALL_TEXT}"
    topic = page.css_first('[data-md-component="header-topic"]').text(strip=True)
    assert topic == HEADING_TEXT


def test_no_payload_runs_in_chromium(sites: tuple[Path, Path]) -> None:
    built = sites[1]
    server, base = _serve(built)
    urls = [
        f"{base}/{path.relative_to(built).as_posix()}".removesuffix("index.html")
        for path in sorted(built.rglob("*.html"))
    ]
    try:
        ran, said, failed = _in_own_loop(urls)
    finally:
        server.shutdown()
        server.server_close()
    assert CANARY.startswith("window.__rathaus_canary")
    assert (ran, said, failed) == ([], [], [])


def test_fields_that_cannot_hold_text_are_refused_in_german(tmp_path: Path) -> None:
    root = _copy_demo(tmp_path)
    people = root / "data" / "personen.yml"
    text = people.read_text(encoding="utf-8")
    payload = json.dumps(f'"><script>{CANARY}</script>')
    text = text.replace("email: marco.rossi@musterstadt.example", f"email: {payload}", 1)
    text = text.replace("telefon: 02398 678-331", f"telefon: {payload}", 1)
    people.write_text(text, encoding="utf-8")
    result = _rathaus(root, "check")
    assert result.returncode == 1
    report = result.stdout
    assert "ist keine gültige Telefonnummer – schreiben Sie Vorwahl und Nummer" in report
    assert "ist keine E-Mail-Adresse – schreiben Sie" in report
    assert "data/personen.yml – 2 Fehler" in report
    assert "Traceback" not in result.stderr
