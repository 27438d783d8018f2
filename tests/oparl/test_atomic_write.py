"""`rathaus oparl import` replaces data/gremien.yml atomically: old or new, never a part."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import rathaus
from rathaus.atomic import write_atomic
from rathaus.cli import main
from rathaus.model import load_site
from tests.model.conftest import DataDir

PLUGINS = Path(rathaus.__file__).parent.parent
HOST = "https://ris.beispielstadt.example/oparl"
ORG = f"{HOST}/organization/1"


def large_export(path: Path, count: int) -> Path:
    """A single-file export: one body, one committee, ``count`` meetings and papers."""
    meetings = [
        {
            "id": f"{HOST}/meeting/{n}",
            "type": "https://schema.oparl.org/1.1/Meeting",
            "name": f"{n}. Sitzung des Bauausschusses",
            "start": f"20{26 + n // 300}-{1 + n % 12:02d}-{1 + n % 28:02d}T17:00:00+01:00",
            "organization": [ORG],
            "web": f"https://ris.beispielstadt.example/sitzung/{n}",
        }
        for n in range(count)
    ]
    papers = [
        {
            "id": f"{HOST}/paper/{n}",
            "type": "https://schema.oparl.org/1.1/Paper",
            "name": f"Bebauungsplan Nr. {n} – Änderung der Festsetzungen",
            "reference": f"V/{n}",
            "date": f"20{26 + n // 300}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "underDirectionOf": [ORG],
        }
        for n in range(count)
    ]
    body = {
        "id": f"{HOST}/body/1",
        "type": "https://schema.oparl.org/1.1/Body",
        "name": "Beispielstadt",
        "organization": [
            {
                "id": ORG,
                "type": "https://schema.oparl.org/1.1/Organization",
                "name": "Bauausschuss",
                "organizationType": "Gremium",
            }
        ],
        "meeting": meetings,
        "paper": papers,
    }
    path.write_text(json.dumps({f"{HOST}/body/1": body}), encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path: Path) -> DataDir:
    (tmp_path / "site").mkdir()
    return DataDir(tmp_path / "site")


def _import(site: DataDir, export: Path) -> int:
    return main(["--root", str(site.root), "oparl", "import", str(export)])


def test_write_atomic_keeps_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "gremien.yml"
    target.write_bytes(b"alt\n")
    target.chmod(0o640)
    write_atomic(target, b"neu\n")
    assert target.read_bytes() == b"neu\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["gremien.yml"]


def test_full_disk_keeps_the_old_file(
    site: DataDir,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _import(site, large_export(tmp_path / "klein.json", 3)) == 0
    target = site.data / "gremien.yml"
    before = target.read_bytes()
    real_write = os.write
    calls: list[int] = []

    def disk_fills_up(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))  # a part fits
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_fills_up)
    capsys.readouterr()
    assert _import(site, large_export(tmp_path / "gross.json", 300)) == 2
    monkeypatch.undo()
    assert len(calls) == 2  # the write failed midway, not before it began
    err = capsys.readouterr().err
    assert "data/gremien.yml wurde nicht geschrieben (der Datenträger ist voll)" in err
    assert "die bisherige Datei ist unverändert" in err
    assert "Traceback" not in err
    assert target.read_bytes() == before
    assert sorted(p.name for p in site.data.iterdir()) == sorted(
        f"{name}.yml" for name in ("einheiten", "gremien", "personen", "stadt", "standorte")
    )


def _command(root: Path, export: Path) -> list[str]:
    args = ["--root", str(root), "oparl", "import", str(export)]
    return [sys.executable, "-m", "rathaus.cli", *args]


ENV = {**os.environ, "PYTHONPATH": str(PLUGINS)}


# Loaded by the child process (sitecustomize runs at start-up): the first write into the
# temporary file goes half through, then the process announces it and waits to be killed.
STALL_IN_WRITE = """\
import os, pathlib, time

_write = os.write


def write(fd, data):
    if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp"):
        _write(fd, bytes(data[: len(data) // 2]))
        pathlib.Path(os.environ["RATHAUS_TEST_MARKER"]).touch()
        time.sleep(120)
    return _write(fd, data)


os.write = write
"""


def test_sigkill_in_the_middle_of_the_write(site: DataDir, tmp_path: Path) -> None:
    assert _import(site, large_export(tmp_path / "klein.json", 3)) == 0
    target = site.data / "gremien.yml"
    old = target.read_bytes()
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(STALL_IN_WRITE, encoding="utf-8")
    marker = tmp_path / "schreibt"
    env = {**ENV, "PYTHONPATH": os.pathsep.join([str(hook), str(PLUGINS)])}
    env["RATHAUS_TEST_MARKER"] = str(marker)
    process = subprocess.Popen(
        _command(site.root, large_export(tmp_path / "gross.json", 300)), env=env
    )
    try:
        for _ in range(1200):  # waits for the child, not for a time
            if marker.exists() or process.poll() is not None:
                break
            time.sleep(0.05)
        assert marker.exists(), "the import never wrote its temporary file"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert target.read_bytes() == old
    (leftover,) = site.data.glob(".gremien.yml.*.tmp")
    assert leftover.stat().st_size > 0  # killed with half the new file written
    assert len(load_site(site.root).gremien["bauausschuss"].sitzungen) == 3


def test_sigkill_leaves_the_old_or_the_complete_new_file(site: DataDir, tmp_path: Path) -> None:
    count = 1500
    assert _import(site, large_export(tmp_path / "klein.json", 3)) == 0
    target = site.data / "gremien.yml"
    old = target.read_bytes()
    export = large_export(tmp_path / "gross.json", count)

    # How long an undisturbed import takes here; the kills are spread over that time so
    # some land while reading, some while writing and some after. Nothing asserts timing.
    started = time.monotonic()
    probe = subprocess.run(_command(site.root, export), env=ENV, capture_output=True, check=False)
    assert probe.returncode == 0, probe.stderr.decode()
    duration = time.monotonic() - started
    complete = target.read_bytes()
    assert len(load_site(site.root).gremien["bauausschuss"].sitzungen) == count

    for fraction in (0.2, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98):
        target.write_bytes(old)
        process = subprocess.Popen(_command(site.root, export), env=ENV)
        time.sleep(duration * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = target.read_bytes()
        if now != old:
            assert now == complete, f"after a kill at {fraction:.0%}: neither old nor complete"
            body = load_site(site.root).gremien["bauausschuss"]
            assert len(body.sitzungen) == count and len(body.vorlagen) == count
        else:
            # A temporary file the kill left behind is hidden and never read as data.
            assert len(load_site(site.root).gremien["bauausschuss"].sitzungen) == 3
        for leftover in site.data.iterdir():
            if leftover.name.startswith(".gremien.yml."):
                assert leftover.suffix == ".tmp"
                leftover.unlink()
