"""The preview of `mkdocs serve` (rathaus/vorschau): served pages are a clean build's pages.

A real `mkdocs serve` on a copy of a fixture site (free port on 127.0.0.1). After each edit –
a unit record, a page, a Leichte Sprache page, a unit's name (a title), a page added, renamed
and removed, a record added and removed – the test waits until the page open in the browser
shows it; for the edits the fast step takes, the page written then must already be the
clean build's page. Then every file in the served folder must become byte for byte what a
clean build of the same sources writes (built in its own process the way `mkdocs serve`
builds: its URL, command "serve"). A hook makes the full rebuild of the server wait 3 s
before it starts, so the fast step's page is seen before the full rebuild replaces it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import set_feature
from tests.test_serve import _get, add_hook, serving, wait_for

SLOW_HOOK = """
import time

def on_pre_build(config):
    time.sleep(3)
"""

CLEAN_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = sys.argv[3]
build(config, serve_url=sys.argv[3])
"""

FAST = re.compile(r"Vorschau: \d+ Seiten? nach \d+,\d s neu geschrieben")


@dataclass
class Preview:
    root: Path
    base: str
    log: Path
    tmp: Path
    env: dict[str, str]

    def served(self) -> Path:
        (folder,) = (p for p in self.tmp.glob("mkdocs_*") if "." not in p.name)
        return folder

    def text(self, url: str) -> str:
        status, html = _get(self.base + url)
        if status != 200:
            return ""
        body = LexborHTMLParser(html).body
        return body.text(separator=" ") if body is not None else ""

    def fast_steps(self) -> int:
        return len(FAST.findall(self.log.read_text(encoding="utf-8", errors="replace")))

    def clean_build(self, out: Path) -> dict[str, bytes]:
        subprocess.run(
            [sys.executable, "-c", CLEAN_BUILD, "mkdocs.yml", str(out), self.base],
            cwd=self.root,
            env=self.env,
            check=True,
            capture_output=True,
        )
        return _tree(out)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def _differences(served: dict[str, bytes], clean: dict[str, bytes]) -> list[str]:
    return sorted(
        name for name in served.keys() | clean.keys() if served.get(name) != clean.get(name)
    )


@pytest.fixture
def preview(fixture_site: Callable[[str], Path], tmp_path: Path) -> Iterator[Preview]:
    root = fixture_site("leichte-sprache")
    set_feature(root, "pruefung", {})
    add_hook(root, "langsam.py", SLOW_HOOK)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {"NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp)}
    log = tmp_path / "serve.log"
    with serving(root, log, env) as port:
        yield Preview(root, f"http://127.0.0.1:{port}/", log, tmp, {**os.environ, **env})


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NEW_UNIT = """- id: wahlamt
  name: Wahlamt
  art: amt
  kontakt:
    telefon: 02345 678-400
  standort: rathaus
"""


def test_every_served_file_is_what_a_clean_build_writes(preview: Preview, tmp_path: Path) -> None:
    root = preview.root
    units = root / "data" / "einheiten.yml"
    contact = root / "content" / "kontakt.md"
    easy = root / "content" / "leichte-sprache" / "kontakt.md"
    new = root / "content" / "neu.md"
    renamed = root / "content" / "umbenannt.md"

    def shows(url: str, text: str) -> Callable[[], bool]:
        return lambda: text in preview.text(url)

    def gone(url: str, text: str) -> Callable[[], bool]:
        return lambda: text not in preview.text(url)

    def missing(url: str) -> Callable[[], bool]:
        return lambda: _get(preview.base + url)[0] == 404

    # (what, the edit, the page open in the browser, when it shows the edit, fast step taken)
    edits: list[tuple[str, Callable[[], None], str, Callable[[], bool], bool]] = [
        (
            "a unit's room",
            lambda: _edit(units, "raum: Erdgeschoss", "raum: Obergeschoss 2"),
            "verwaltung/buergerbuero/",
            shows("verwaltung/buergerbuero/", "Obergeschoss 2"),
            True,
        ),
        (
            "a page",
            lambda: _edit(contact, "in drei Werktagen", "in zwei Werktagen"),
            "kontakt/",
            shows("kontakt/", "in zwei Werktagen"),
            True,
        ),
        (
            "a Leichte Sprache page",
            lambda: _edit(easy, "Wir antworten schnell.", "Wir antworten sehr schnell."),
            "leichte-sprache/kontakt/",
            shows("leichte-sprache/kontakt/", "Wir antworten sehr schnell."),
            True,
        ),
        (
            "a unit's name, a page title",
            lambda: _edit(units, "name: Bürgerbüro", "name: Bürgerservice"),
            "verwaltung/buergerbuero/",
            shows("verwaltung/buergerbuero/", "Bürgerservice"),
            True,
        ),
        (
            "a record added",
            lambda: units.write_text(units.read_text(encoding="utf-8") + NEW_UNIT, "utf-8"),
            "verwaltung/",
            shows("verwaltung/", "Wahlamt"),
            True,
        ),
        (
            "a record removed",
            lambda: units.write_text(
                units.read_text(encoding="utf-8").replace(NEW_UNIT, ""), "utf-8"
            ),
            "verwaltung/",
            gone("verwaltung/", "Wahlamt"),
            True,
        ),
        (
            "a page added",
            lambda: new.write_text("# Neue Seite\n\nEin neuer Text.\n", encoding="utf-8"),
            "neu/",
            shows("neu/", "Ein neuer Text."),
            False,
        ),
        (
            "a page renamed",
            lambda: new.rename(renamed),
            "umbenannt/",
            shows("umbenannt/", "Ein neuer Text."),
            False,
        ),
        ("a page removed", renamed.unlink, "", missing("umbenannt/"), False),
    ]
    for number, (what, edit, url, done, fast) in enumerate(edits):
        preview.text(url)  # the page is open in the browser
        steps = preview.fast_steps()
        edit()
        wait_for(done, f"{what} shown")
        served_page = (preview.served() / url / "index.html").read_bytes()
        clean = preview.clean_build(tmp_path / f"clean-{number}")
        if fast:
            assert preview.fast_steps() > steps, f"{what}: no fast step"
            assert served_page == clean[f"{url}index.html"], f"{what}: the fast step's page"

        def same(clean: dict[str, bytes] = clean) -> bool:
            return not _differences(_tree(preview.served()), clean)

        try:
            wait_for(same, f"{what}: served = clean build")
        except pytest.fail.Exception:
            differences = _differences(_tree(preview.served()), clean)
            pytest.fail(f"{what}: served files differ from a clean build: {differences[:20]}")
    assert _get(preview.base + "umbenannt/")[0] == 404
    assert "Traceback" not in preview.log.read_text(encoding="utf-8")


def test_a_newer_change_stops_the_full_rebuild(preview: Preview, tmp_path: Path) -> None:
    """The second save comes while the full rebuild of the first waits (the hook's 3 s): it
    stops that rebuild without an error, shows at once, and the round after it ends with
    the served folder a clean build's."""
    contact = preview.root / "content" / "kontakt.md"
    units = preview.root / "data" / "einheiten.yml"
    preview.text("kontakt/")
    steps = preview.fast_steps()
    _edit(contact, "in drei Werktagen", "in zwei Werktagen")
    wait_for(lambda: "in zwei Werktagen" in preview.text("kontakt/"), "the first change")
    _edit(units, "raum: Erdgeschoss", "raum: Keller")
    wait_for(lambda: "Keller" in preview.text("verwaltung/buergerbuero/"), "the second change")
    log = preview.log.read_text(encoding="utf-8")
    assert "eine neue Änderung – der Neubau beginnt von vorn" in log
    assert preview.fast_steps() >= steps + 2
    clean = preview.clean_build(tmp_path / "clean")
    wait_for(lambda: not _differences(_tree(preview.served()), clean), "served = clean build")
    log = preview.log.read_text(encoding="utf-8")
    assert "Der Bau ist abgebrochen" not in log
    assert "ERROR" not in log
