"""``rathaus build``: an atomic, locked, strictly checked build of ``site/``.

``mkdocs build`` empties the site folder before it can fail, and with ``-q`` it exits 0 despite
warnings (mkdocs issue #4126). Here MkDocs builds into a fresh folder next to ``site/``; only
when it exited 0, printed no warning or error and (optionally) the gate command passed, that
folder replaces ``site/`` by rename. A killed build leaves only a stray ``.site.build-*``
folder, which the next build removes. A lock file (``flock``) serialises concurrent builds.

MkDocs runs as a child process, so this module does not import it.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO

from .model.hours import BERLIN

# MkDocs' log lines: "WARNING -  …", "ERROR   -  …" (also when colour codes are around them).
_PROBLEM = re.compile(r"^(?:\x1b\[[0-9;]*m)*(WARNING|ERROR)\b")


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


def default_epoch(today: date | None = None) -> int:
    """Noon (Europe/Berlin) of the build day as SOURCE_DATE_EPOCH.

    Every build on the same day yields the same bytes, and the "as of" date on the opening
    hours is the real day of the build (noon keeps the UTC date MkDocs uses for the sitemap
    on the same day).
    """
    day = today or datetime.now(BERLIN).date()
    return int(datetime.combine(day, time(12, 0), BERLIN).timestamp())


def problems(lines: Sequence[str]) -> list[str]:
    """Warning and error lines of a MkDocs log (the #4126 guard: never trust the exit alone)."""
    return [line for line in lines if _PROBLEM.match(line)]


@contextlib.contextmanager
def locked(lock_path: Path, out: IO[str]) -> Iterator[None]:
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("rathaus build: ein anderer Bau läuft, warte …", file=out, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE) where the OS has it."""
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(result == 0)


def swap_into_place(new: Path, site: Path) -> None:
    """Make ``new`` the site folder; the old one is deleted afterwards."""
    if not site.exists():
        new.rename(site)
        return
    if _exchange(new, site):
        shutil.rmtree(new)
        return
    old = site.with_name(f".{site.name}.old-{os.getpid()}")
    site.rename(old)
    new.rename(site)
    shutil.rmtree(old)


def _recover(site: Path) -> None:
    """Undo what a killed build left behind (we hold the lock, so nobody else is building)."""
    leftovers = sorted(site.parent.glob(f".{site.name}.old-*"))
    if not site.exists() and leftovers:
        leftovers.pop().rename(site)  # killed between the two renames of the fallback swap
    for path in [*leftovers, *site.parent.glob(f".{site.name}.build-*")]:
        shutil.rmtree(path, ignore_errors=True)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the MkDocs child gets SIGKILL when ``rathaus build`` dies, even by SIGKILL."""
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        pr_set_pdeathsig = 1
        ctypes.CDLL(libc_name).prctl(pr_set_pdeathsig, signal.SIGKILL)


def _run_mkdocs(root: Path, config: str, target: Path, env: dict[str, str], out: IO[str]) -> int:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(root / config), "--site-dir", str(target)]
    with subprocess.Popen(
        command,
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    ) as process:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            print(line, end="", file=out, flush=True)
            lines.append(line)
        code = process.wait()
    if code == 0 and problems(lines):
        return -1
    return code


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def build(
    root: Path,
    site_dir: str = "site",
    config: str = "mkdocs.yml",
    gate: str | None = None,
    out: IO[str] = sys.stdout,
) -> Outcome:
    root = root.resolve()
    site = (root / site_dir).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", str(default_epoch()))
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    day = datetime.fromtimestamp(int(env["SOURCE_DATE_EPOCH"]), BERLIN).date()
    with locked(site.parent / f".{site.name}.lock", out):
        _recover(site)
        target = Path(tempfile.mkdtemp(prefix=f".{site.name}.build-", dir=site.parent))
        target.chmod(0o777 & ~_umask())  # mkdtemp makes it 0700; a web server must read it
        try:
            print(
                f"rathaus build: baue nach {target.name} (Stand {day:%d.%m.%Y}, "
                f"SOURCE_DATE_EPOCH={env['SOURCE_DATE_EPOCH']})",
                file=out,
                flush=True,
            )
            code = _run_mkdocs(root, config, target, env, out)
            if code == -1:
                return Outcome(False, "MkDocs hat Warnungen oder Fehler gemeldet")
            if code != 0:
                return Outcome(False, f"MkDocs ist mit Exit-Code {code} abgebrochen")
            if gate:
                gate_env = {**env, "SITE_DIR": str(target), "A11Y_SITE_DIR": str(target)}
                result = subprocess.run(gate, shell=True, cwd=root, env=gate_env, check=False)
                if result.returncode != 0:
                    return Outcome(False, f"die Prüfung „{gate}“ ist fehlgeschlagen")
            swap_into_place(target, site)
        finally:
            shutil.rmtree(target, ignore_errors=True)
    shown = site.relative_to(root) if site.is_relative_to(root) else site
    return Outcome(True, f"{shown}/ ist neu gebaut")
