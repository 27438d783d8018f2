"""``rathaus build``: an atomic, locked, strictly checked build of ``site/``.

``mkdocs build`` empties the site folder before it can fail, and with ``-q`` it exits 0 despite
warnings (mkdocs issue #4126). Here MkDocs builds into a fresh folder next to ``site/``; only
when it exited 0, printed no warning or error and (optionally) the gate command passed, that
folder replaces ``site/`` by rename. A killed build leaves only a stray ``.site.build-*``
folder, which the next build removes; MkDocs and the gate command (with every process it
started) end with it. A lock file (``flock``) serialises concurrent builds.

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
from collections.abc import Callable, Iterator, Sequence
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


def _on_parent_death(signum: signal.Signals) -> Callable[[], None] | None:
    """Linux: a ``preexec_fn`` that has the child get ``signum`` when ``rathaus build`` dies,
    even by SIGKILL (``PR_SET_PDEATHSIG``); elsewhere ``None``."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here: the child only calls it
    parent = os.getpid()

    def arm() -> None:  # pragma: no cover - runs in the child before exec
        pr_set_pdeathsig = 1
        prctl(pr_set_pdeathsig, signum)
        if os.getppid() != parent:  # the parent died before the signal was armed
            os._exit(1)

    return arm


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
        preexec_fn=_on_parent_death(signal.SIGKILL),
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


_STOP = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def watch_gate(gate: str) -> int:
    """Run ``gate`` in a shell, in a process group of its own, and end the whole group when
    the gate ends or this process is told to stop; the exit code is the gate's.

    ``rathaus build`` runs this watch (``python -m rathaus.publish GATE``) with
    ``PR_SET_PDEATHSIG`` = SIGTERM: the kernel signals only the direct child of a dying
    process, so without the watch a gate's own children (a test server, a browser) would
    outlive a killed build.
    """
    gates: list[subprocess.Popen[bytes]] = []

    def stop(signum: int, frame: object) -> None:
        for process in gates:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        os._exit(128 + signum)

    for signum in _STOP:
        signal.signal(signum, stop)
    # A stop between starting the gate and recording it would miss the group: signals wait.
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOP)
    gates.append(
        subprocess.Popen(
            gate,
            shell=True,
            process_group=0,
            preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP),
        )
    )
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP)
    code = gates[0].wait()
    # Whatever the gate left running in the background goes with it (the group outlives its
    # leader while it has members, so its id is not reused).
    with contextlib.suppress(ProcessLookupError):
        os.killpg(gates[0].pid, signal.SIGKILL)
    return code


def _run_gate(gate: str, root: Path, env: dict[str, str]) -> int:
    command = [sys.executable, "-m", "rathaus.publish", gate]
    with subprocess.Popen(
        command, cwd=root, env=env, preexec_fn=_on_parent_death(signal.SIGTERM)
    ) as watch:
        try:
            return watch.wait()
        except BaseException:  # Ctrl-C or another signal turned into an exception
            watch.terminate()  # the watch ends the gate's process group
            watch.wait()
            raise


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
                if _run_gate(gate, root, gate_env) != 0:
                    return Outcome(False, f"die Prüfung „{gate}“ ist fehlgeschlagen")
            swap_into_place(target, site)
        finally:
            shutil.rmtree(target, ignore_errors=True)
    shown = site.relative_to(root) if site.is_relative_to(root) else site
    return Outcome(True, f"{shown}/ ist neu gebaut")


if __name__ == "__main__":  # the watch around the gate command, see watch_gate
    sys.exit(watch_gate(sys.argv[1]))
