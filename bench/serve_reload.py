"""How long ``mkdocs serve`` needs to show an editor's change.

A site – the demo, or one the generator writes with N pages – is served from a temporary
copy on a free port of 127.0.0.1. As an editor would, the bench opens a page, changes what it
shows and polls the page until the served text has the change: one unit record in
data/einheiten.yml (its room), one hand-written page, its page in Leichter Sprache, and one
page title (the page's first heading). For each it reports the seconds from writing the file to
the first response that shows it (``shown_s``, what the editor waits for) and to the end of
the round, when every page of the site is rebuilt (``complete_s``: MkDocs logs "Reloading
browsers" when a round ends). MkDocs' live-reload server holds requests while a round writes,
so the poll cannot see a half-written site.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rathaus.model import slugify

from .generate import REPO

RAUM = re.compile(r"^(  raum: ).*$", re.MULTILINE)
UNIT_ID = re.compile(r"^- id: (\S+)$", re.MULTILINE)
HEADING = re.compile(r"^# (.+)$", re.MULTILINE)
ROUND_ENDS = "Reloading browsers"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _url(src_uri: str) -> str:
    """The served URL of a page in content/ (directory URLs)."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def _unit_with_room(units: Path) -> str:
    """The first unit in einheiten.yml that has a room: its page shows it."""
    text = units.read_text(encoding="utf-8")
    for record in re.split(r"(?m)^(?=- id: )", text):
        found = UNIT_ID.match(record)
        if found and RAUM.search(record):
            return found.group(1)
    raise SystemExit(f"{units}: no unit with a room")


def _page_with_twin(content: Path) -> str:
    """A hand-written page with its page in Leichter Sprache (the first one, sorted)."""
    easy = content / "leichte-sprache"
    for path in sorted(easy.rglob("*.md")):
        src = path.relative_to(easy).as_posix()
        german = content / src
        if path.name != "index.md" and german.is_file() and HEADING.search(german.read_text()):
            return src
    raise SystemExit(f"{content}: no page with a page in Leichter Sprache")


Edit = tuple[str, Path, Callable[[str, str], str], str]


def edits(root: Path) -> list[Edit]:
    """(what, the file, how it changes with a marker, the page that shows it)."""
    unit = _unit_with_room(root / "data" / "einheiten.yml")
    page = _page_with_twin(root / "content")

    def room(text: str, marker: str) -> str:
        start = text.index(f"- id: {unit}\n")
        head, tail = text[:start], text[start:]
        return head + RAUM.sub(lambda m: m.group(1) + f"Zimmer {marker}", tail, count=1)

    def paragraph(text: str, marker: str) -> str:
        return text.rstrip("\n") + f"\n\nNeu: {marker}.\n"

    def title(text: str, marker: str) -> str:
        return HEADING.sub(lambda m: f"# {m.group(1)} {marker}", text, count=1)

    return [
        ("record", root / "data" / "einheiten.yml", room, f"verwaltung/{slugify(unit)}/"),
        ("page", root / "content" / page, paragraph, _url(page)),
        (
            "leichte_sprache",
            root / "content" / "leichte-sprache" / page,
            paragraph,
            _url(f"leichte-sprache/{page}"),
        ),
        ("title", root / "content" / page, title, _url(page)),
    ]


def measure_site(source: Path, rounds: int = 1, timeout: float = 900.0) -> dict[str, Any]:
    """Serve a copy of the site at ``source`` and time each edit ``rounds`` times."""
    with tempfile.TemporaryDirectory(prefix="rathaus-serve-") as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        for name in ("data", "content", "overrides", "texte"):  # what mkdocs.yml may name
            if (source / name).is_dir():
                shutil.copytree(source / name, root / name)
        shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
        port = _free_port()
        base = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": tmp}
        log_path = root.parent / "serve.log"
        log = log_path.open("wb")

        def rounds_ended() -> int:
            return log_path.read_text(errors="replace").count(ROUND_ENDS)

        started = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        results: dict[str, Any] = {}
        try:
            deadline = time.monotonic() + timeout
            while _get(base) is None:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(log_path.read_text(errors="replace")[-3000:])
                time.sleep(0.2)
            results["first_build_s"] = round(time.perf_counter() - started, 1)
            for what, path, change, url in edits(root):
                shown, complete = [], []
                for r in range(rounds):
                    _get(base + url)  # the page is open in the browser
                    marker = f"B{r}x{time.time_ns() % 100000}"
                    text = path.read_text(encoding="utf-8")
                    changed = change(text, marker)
                    assert changed != text, what
                    ended = rounds_ended()
                    start = time.perf_counter()
                    path.write_text(changed, encoding="utf-8")
                    while marker not in (_get(base + url) or ""):
                        if time.perf_counter() - start > timeout:
                            raise SystemExit(f"{what}: the change never appeared")
                        time.sleep(0.05)
                    shown.append(time.perf_counter() - start)
                    while rounds_ended() <= ended:
                        if time.perf_counter() - start > timeout:
                            raise SystemExit(f"{what}: the round never ended")
                        time.sleep(0.05)
                    complete.append(time.perf_counter() - start)
                    time.sleep(1.0)  # let the watcher settle before the next change
                results[what] = {
                    "page": url,
                    "shown_s": round(min(shown), 2),
                    "complete_s": round(min(complete), 2),
                }
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    results["load_average"] = round(os.getloadavg()[0], 2)
    return results


def measure(rounds: int = 3) -> dict[str, Any]:
    """The demo site."""
    return measure_site(REPO, rounds)


if __name__ == "__main__":  # pragma: no cover
    print(measure_site(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO))
