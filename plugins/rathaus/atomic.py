"""Replace a file so that readers see the old or the new content, never a part of it.

A plain ``write_text`` truncates the file first: a full disk or a killed process leaves a
cut-off file that may still parse (a YAML list simply ends early), so the loss goes
unnoticed. Here the content goes to a temporary file in the same folder (same file system,
so the rename is atomic), is flushed to the disk, and only then replaces the target; the
folder is synced so the rename itself survives a power cut. On any error the temporary
file is removed and the target is untouched.

Temporary files are named ``.<name>.<random>.tmp``: hidden, and without the target's
suffix, so a loader looking for ``*.yml`` never reads one left behind by ``kill -9``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

_CHUNK = 1 << 20


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    # Not every platform can open a folder (Windows); there the rename is all we have.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` by ``data``; raise ``OSError`` with ``target`` unchanged on failure."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        try:
            os.fchmod(fd, mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        temp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(target.parent)
