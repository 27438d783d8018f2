"""`mkdocs serve` survives an editor's mistake: German errors, last good site, self-healing.

A real server on 127.0.0.1 (free port) on a copy of the fixture site; waits are bounded polls.
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
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

TIMEOUT = 90.0


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
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "  - rathaus/pruefung\n", encoding="utf-8"
    )
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    server = Server(root, port, log)
    try:
        wait_for(lambda: _get(server.base)[0] == 200 or process.poll() is not None, "start")
        assert process.poll() is None, server.text()
        yield server
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
