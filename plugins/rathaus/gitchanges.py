"""Which files of a site changed against a git ref, for ``rathaus check --changed``."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git could not answer; the message is German and meant for the editor."""


def _git(root: Path, *args: str) -> list[str]:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:
        raise GitError(f"git lässt sich nicht starten ({exc})") from None
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()
        raise GitError(f"git meldet: {detail[-1] if detail else result.returncode}")
    return [line for line in result.stdout.splitlines() if line]


def changed_files(root: Path, ref: str) -> set[str]:
    """Paths relative to ``root`` that differ from ``ref`` (staged, unstaged) or are new.

    Untracked files count as changed (a new page is exactly what an editor wants checked);
    files ignored by .gitignore do not.
    """
    if ref.startswith("-"):
        raise GitError(f"„{ref}“ ist kein Git-Stand")
    changed = _git(root, "diff", "--name-only", "--relative", ref, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    return set(changed) | set(untracked)
