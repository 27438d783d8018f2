"""`rathaus build` (what `make site` runs): atomic, locked, strict, killed builds change nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from rathaus.model.hours import BERLIN
from rathaus.publish import default_epoch, problems

TIMEOUT = 120.0


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with its SHA-256."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def rathaus_build(root: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "rathaus.cli", "--root", str(root), "build", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1803859200"},
    )


def finish(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    out, _ = process.communicate(timeout=TIMEOUT)
    return process.returncode, out.decode("utf-8")


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site.") and p.is_dir())


@pytest.fixture
def site_root(fixture_site: Callable[[str], Path]) -> Path:
    return fixture_site("klein")


def test_build_replaces_site_and_leaves_nothing_behind(site_root: Path) -> None:
    old = site_root / "site" / "alt.html"
    old.parent.mkdir()
    old.write_text("vorher", encoding="utf-8")
    code, out = finish(rathaus_build(site_root))
    assert code == 0, out
    assert out.splitlines()[-1] == "rathaus build: site/ ist neu gebaut"
    assert (site_root / "site" / "index.html").is_file()
    assert not old.exists()
    assert leftovers(site_root) == []
    # Readable by a web server, although the temporary folder was created private.
    assert (site_root / "site").stat().st_mode & 0o005 == 0o005


def test_failed_build_leaves_site_untouched(site_root: Path) -> None:
    code, out = finish(rathaus_build(site_root))
    assert code == 0, out
    before = snapshot(site_root / "site")
    people = site_root / "data" / "personen.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("buergerbuero", "x-amt", 1))
    code, out = finish(rathaus_build(site_root))
    assert code == 1
    assert "data/personen.yml:4:12: einheit: die Einheit „x-amt“ gibt es nicht" in out
    assert out.splitlines()[-1].endswith("site/ bleibt unverändert")
    assert snapshot(site_root / "site") == before
    assert leftovers(site_root) == []


def test_gate_decides_before_the_swap(site_root: Path) -> None:
    code, out = finish(rathaus_build(site_root, "--gate", "test -f index.html"))
    assert code == 1  # the gate runs in the site root; the new build is in $SITE_DIR
    assert "die Prüfung „test -f index.html“ ist fehlgeschlagen" in out
    assert not (site_root / "site").exists()
    code, out = finish(rathaus_build(site_root, "--gate", 'test -f "$SITE_DIR/index.html"'))
    assert code == 0, out
    assert (site_root / "site" / "index.html").is_file()


def test_warnings_fail_even_when_mkdocs_exits_0() -> None:
    """mkdocs issue #4126: `-q` hides the strict abort; the log is checked as well."""
    log = [
        "INFO    -  Cleaning site directory\n",
        "\x1b[33mWARNING -\x1b[0m  Doc file 'a.md' contains a link to 'b.md'\n",
        "INFO    -  Documentation built in 0.1 seconds\n",
    ]
    assert problems(log) == [log[1]]
    assert problems(["ERROR   -  Config value 'plugins'\n"]) != []
    assert problems(["INFO    -  rathaus: Prüfung: 0 Fehler, 1 Warnung\n"]) == []


def test_default_build_date_is_noon_of_the_build_day_in_berlin() -> None:
    epoch = default_epoch(date(2027, 3, 28))  # the day summer time begins
    moment = datetime.fromtimestamp(epoch, BERLIN)
    assert (moment.date(), moment.hour) == (date(2027, 3, 28), 12)
    assert datetime.fromtimestamp(epoch).astimezone().date() == date(2027, 3, 28)


def many_pages(root: Path, count: int) -> None:
    folder = root / "content" / "viele"
    folder.mkdir()
    body = "\n\n".join(f"## Abschnitt {n}\n\nText" for n in range(10))
    for n in range(count):
        (folder / f"seite-{n:04d}.md").write_text(f"# Seite {n}\n\n{body}\n", encoding="utf-8")


def test_sigkill_during_the_build_leaves_site_untouched(site_root: Path) -> None:
    code, out = finish(rathaus_build(site_root))
    assert code == 0, out
    before = snapshot(site_root / "site")
    many_pages(site_root, 150)

    process = rathaus_build(site_root)
    deadline = time.monotonic() + TIMEOUT
    started = False
    while time.monotonic() < deadline and process.poll() is None:
        # Writing has started once the temporary folder holds a built page.
        if any(site_root.glob(".site.build-*/viele/*/index.html")):
            started = True
            break
        time.sleep(0.01)
    assert started, "the build finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=TIMEOUT)
    assert process.returncode == -signal.SIGKILL
    assert snapshot(site_root / "site") == before

    # The next build cleans up what the killed one left and succeeds.
    code, out = finish(rathaus_build(site_root))
    assert code == 0, out
    assert (site_root / "site" / "viele" / "seite-0149" / "index.html").is_file()
    assert leftovers(site_root) == []


def test_concurrent_builds_do_not_corrupt_site(site_root: Path) -> None:
    many_pages(site_root, 30)
    first, second = rathaus_build(site_root), rathaus_build(site_root)
    results = [finish(first), finish(second)]
    assert [code for code, _ in results] == [0, 0], results
    assert any("ein anderer Bau läuft, warte" in out for _, out in results)
    files = snapshot(site_root / "site")
    assert len([f for f in files if f.startswith("viele/")]) == 30
    assert leftovers(site_root) == []


def running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie awaiting its reaper is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


# The gate starts a child of its own and waits for it, as a test server or a browser would.
GATE = 'sleep 60 & echo "$$ $!" > "$GATE_PIDS.tmp"; mv "$GATE_PIDS.tmp" "$GATE_PIDS"; wait'


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_gate_and_its_children_end_with_the_build(
    site_root: Path, tmp_path: Path, signum: signal.Signals
) -> None:
    code, out = finish(rathaus_build(site_root))
    assert code == 0, out
    before = snapshot(site_root / "site")
    pids, log = tmp_path / "gate.pids", tmp_path / "build.log"
    # Output to a file, not a pipe: the gate's processes inherit it, and a pipe would only
    # close when the last of them has ended.
    command = [sys.executable, "-m", "rathaus.cli", "--root", str(site_root)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "build", "--gate", GATE],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "SOURCE_DATE_EPOCH": "1803859200", "GATE_PIDS": str(pids)},
        )
    deadline = time.monotonic() + TIMEOUT
    while not pids.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pids.exists(), log.read_text(encoding="utf-8")
    gate, grandchild = (int(pid) for pid in pids.read_text(encoding="utf-8").split())
    assert running(gate) and running(grandchild)

    os.kill(process.pid, signum)
    assert process.wait(timeout=TIMEOUT) != 0
    deadline = time.monotonic() + 10
    while (running(gate) or running(grandchild)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(gate), "the gate command outlived rathaus build"
    assert not running(grandchild), "a process the gate started outlived rathaus build"
    assert snapshot(site_root / "site") == before


def test_what_the_gate_leaves_running_ends_with_it(site_root: Path, tmp_path: Path) -> None:
    pids = tmp_path / "gate.pids"
    # Not holding the output pipe, so that only the gate decides when the sleep ends.
    gate = f'sleep 60 > /dev/null 2>&1 & echo "$!" > "{pids}"'
    code, out = finish(rathaus_build(site_root, "--gate", gate))
    assert code == 0, out
    assert not running(int(pids.read_text(encoding="utf-8")))
