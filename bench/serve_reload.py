"""How long ``mkdocs serve`` needs to show a changed YAML record of the demo site.

A temporary copy of the demo (mkdocs.yml, data/, content/) is served on a free
port of 127.0.0.1. After the first build, one record in ``data/einheiten.yml`` gets a new
room (``raum:``); the unit's page is polled until the new text is served. The time from
writing the file to the first response that shows it is reported (MkDocs' live-reload
server holds requests while it rebuilds, so the poll cannot see a half-built site).
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
from pathlib import Path
from typing import Any

from .generate import REPO

UNIT_PAGE = "verwaltung/buergerbuero/"
RAUM = re.compile(r"^(  raum: ).*$", re.MULTILINE)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def measure(rounds: int = 3, timeout: float = 120.0) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="rathaus-serve-") as tmp:
        root = Path(tmp)
        for name in ("data", "content"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        port = _free_port()
        url = f"http://127.0.0.1:{port}/{UNIT_PAGE}"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        log = (root / "serve.log").open("wb")
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            deadline = time.monotonic() + timeout
            while _get(url) is None:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit((root / "serve.log").read_text(errors="replace")[-3000:])
                time.sleep(0.2)
            times = []
            units = root / "data" / "einheiten.yml"
            for r in range(rounds):
                marker = f"Zimmer B{r}-{time.time_ns() % 100000}"
                text = units.read_text(encoding="utf-8")
                changed = RAUM.sub(lambda m, marker=marker: m.group(1) + marker, text, count=1)
                assert changed != text
                start = time.perf_counter()
                units.write_text(changed, encoding="utf-8")
                while True:
                    page = _get(url)
                    if page is not None and marker in page:
                        break
                    if time.perf_counter() - start > timeout:
                        raise SystemExit("the changed record never appeared")
                    time.sleep(0.05)
                times.append(time.perf_counter() - start)
                time.sleep(1.0)  # let the watcher settle before the next change
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    return {
        "page": UNIT_PAGE,
        "seconds": [round(t, 2) for t in times],
        "min_s": round(min(times), 2),
        "load_average": round(os.getloadavg()[0], 2),
    }


if __name__ == "__main__":  # pragma: no cover
    print(measure())
