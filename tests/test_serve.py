"""`mkdocs serve` survives an editor's mistake: German errors, last good site, self-healing.

A real server on 127.0.0.1 (free port) on a copy of the fixture site; waits are bounded polls.
The copy has a hook that crashes while a page is written (as a broken extension or plugin
would), so a failure after MkDocs started writing is tested, too.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import set_feature

TIMEOUT = 90.0
KEPT = "Die Vorschau zeigt weiter den letzten fehlerfreien Stand"

# Crashes while MkDocs reads the pages (a Markdown extension that fails) and in the middle of
# writing the site (pages before this one are already written).
CRASH_HOOK = """
def on_page_markdown(markdown, page, config, files):
    if "LESEFEHLER" in markdown:
        raise RecursionError("maximum recursion depth exceeded")
    return markdown

def on_post_page(output, page, config):
    if "ABSTURZ" in output:
        raise RuntimeError("Erweiterung kaputt")
    return output
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


class Server:
    def __init__(self, root: Path, port: int, log: Path) -> None:
        self.base = f"http://127.0.0.1:{port}/"
        self.log = log
        self.root = root

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def kept(self) -> int:
        """How often a failed rebuild left the last good site in place."""
        return self.text().count(KEPT)

    def heading(self) -> str:
        """The heading of the served start page ("" while it is not served)."""
        status, html = _get(self.base)
        node = LexborHTMLParser(html).css_first("h1") if status == 200 else None
        return node.text(strip=True) if node is not None else ""

    def names(self) -> list[str]:
        """Names in the people directory, as the served page shows them."""
        status, html = _get(self.base + "ansprechpersonen/")
        if status != 200:
            return []
        tree = LexborHTMLParser(html)
        return [node.text(strip=True) for node in tree.css("article h2, article h3")]


@pytest.fixture
def server(fixture_site: Callable[[str], Path], tmp_path: Path) -> Iterator[Server]:
    root = fixture_site("klein")
    set_feature(root, "pruefung", {})
    add_hook(root, "absturz.py", CRASH_HOOK)
    log = tmp_path / "serve.log"
    with serving(root, log, {"NO_MKDOCS_2_WARNING": "1"}) as port:
        yield Server(root, port, log)


def add_hook(root: Path, name: str, code: str) -> None:
    """``code`` as the MkDocs hook ``name`` of the site at ``root``."""
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"hooks:\n  - {name}\n", encoding="utf-8"
    )
    (root / name).write_text(code, encoding="utf-8")


@contextmanager
def serving(root: Path, log: Path, env: dict[str, str]) -> Iterator[int]:
    """`mkdocs serve` of ``root`` on a free port (yielded) with ``env`` added, its output in
    ``log``; stopped at the end."""
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **env},
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: _get(base)[0] == 200 or process.poll() is not None, "start")
        assert process.poll() is None, log.read_text(encoding="utf-8", errors="replace")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_mistakes_keep_the_last_good_site_and_fixing_recovers(server: Server) -> None:
    people = server.root / "data" / "personen.yml"
    good = people.read_text(encoding="utf-8")
    assert any("Erika Muster" in name for name in server.names())

    # 1. A wrong unit id in data/: German message, the old pages are still served.
    people.write_text(good.replace("einheit: buergerbuero", "einheit: buergerbueor", 1), "utf-8")
    wait_for(lambda: "die Einheit „buergerbueor“ gibt es nicht" in server.text(), "data error")
    assert "meinten Sie „buergerbuero“?" in server.text()
    assert any("Erika Muster" in name for name in server.names())
    assert _get(server.base)[0] == 200

    # 2. Fixed with a new name: rebuilt without a restart.
    people.write_text(good.replace("Erika Muster", "Erika Neumann", 1), encoding="utf-8")
    wait_for(lambda: any("Erika Neumann" in name for name in server.names()), "recovery")

    # 3. A mistake in a page is caught before the site folder is emptied, too.
    page = server.root / "content" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>x()</script>\n", "utf-8")
    wait_for(lambda: "das Element <script> ist in Seiten nicht erlaubt" in server.text(), "page")
    assert "Die Vorschau zeigt weiter den letzten fehlerfreien Stand" in server.text()
    assert _get(server.base)[0] == 200
    assert any("Erika Neumann" in name for name in server.names())
    assert "Traceback" not in server.text()


def test_crashes_and_a_broken_config_keep_the_last_good_site(server: Server) -> None:
    """Failures after MkDocs emptied its output folder, and before a config exists at all."""
    page = server.root / "content" / "index.md"
    config = server.root / "mkdocs.yml"
    original = page.read_text(encoding="utf-8")
    deep_list = "\n".join("  " * level + "- Punkt" for level in range(200))
    breakages: list[tuple[Path, Callable[[str], str]]] = [
        # A list Python-Markdown would crash on (RecursionError) is refused by the checks.
        (server.root / "content" / "tief.md", lambda _: deep_list + "\n"),
        # An extension crashes while MkDocs reads the pages.
        (page, lambda text: text + "\nLESEFEHLER\n"),
        # A plugin crashes while the pages are written.
        (page, lambda text: text + "\nABSTURZ\n"),
        # mkdocs.yml is not YAML any more.
        (config, lambda text: text + "theme: [name: material\n"),
        # mkdocs.yml names a plugin that does not exist.
        (config, lambda text: text.replace("  - rathaus:\n", "  - rathaus/gibtsnicht:\n")),
    ]
    assert server.heading() == "Testdorf"
    for number, (path, breaking) in enumerate(breakages, start=1):
        before = path.read_text(encoding="utf-8") if path.exists() else None
        kept = server.kept()
        path.write_text(breaking(before or ""), encoding="utf-8")
        wait_for(lambda kept=kept: server.kept() > kept, f"breakage {number} to be reported")
        # The whole last good site is served: the start page and a page written after it.
        assert server.heading() == f"Testdorf {number - 1}".removesuffix(" 0")
        assert any("Erika Muster" in name for name in server.names()), number

        if before is None:
            path.unlink()
        else:
            path.write_text(before, encoding="utf-8")
        page.write_text(original.replace("# Testdorf", f"# Testdorf {number}"), "utf-8")
        fixed = f"Testdorf {number}"
        wait_for(lambda fixed=fixed: server.heading() == fixed, f"fix {number} to show")

    log = server.text()
    assert "content/tief.md:41:1: Listen, Zitate oder Hinweis-Kästen" in log
    assert "Der Bau ist abgebrochen: RecursionError" in log
    assert "Der Bau ist abgebrochen: RuntimeError: Erweiterung kaputt" in log
    assert log.count("mkdocs.yml lässt sich nicht laden") == 2
    assert "Traceback" not in log
