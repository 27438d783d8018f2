"""Find or install what the audit runs: a Chromium, Java (for vnu), Node.js and the npm tools
pinned in this folder's package-lock.json.

Like ``make test``: on a Debian or Ubuntu machine where we are root (a CI container), missing
system packages are installed with apt; elsewhere the message says what to install. The npm
tools go into a cache folder (``RATHAUS_TOOLS_DIR``, default ``~/.cache/rathaus/audit``) and
are installed again only when the lockfile changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Debian's package for each command the audit needs.
DEBIAN_PACKAGES = {"java": "default-jre-headless", "npm": "npm", "node": "nodejs"}
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
STAMP = ".rathaus-lock-sha256"


class ToolError(Exception):
    """A tool is missing and cannot be installed here (German message for the town's IT)."""


@dataclass(frozen=True)
class Tools:
    chromium: str
    java: str
    node_modules: Path

    def bin(self, name: str) -> str:
        return str(self.node_modules / ".bin" / name)

    @property
    def axe_js(self) -> Path:
        return self.node_modules / "axe-core" / "axe.min.js"

    @property
    def vnu_jar(self) -> Path:
        return self.node_modules / "vnu-jar" / "build" / "dist" / "vnu.jar"


def tools_dir() -> Path:
    configured = os.environ.get("RATHAUS_TOOLS_DIR")
    if configured:
        return Path(configured).expanduser().resolve()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "rathaus" / "audit"


def find_chromium() -> str | None:
    configured = os.environ.get("RATHAUS_CHROMIUM")
    if configured:
        return configured
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _apt_install(packages: list[str], log: Callable[[str], None]) -> None:
    if not packages:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise ToolError(
            "Für die Prüfung fehlen Programme: "
            + ", ".join(packages)
            + ". Bitte installieren, unter Debian oder Ubuntu: sudo apt-get install "
            + " ".join(packages)
        )
    log(f"installiere {', '.join(packages)} (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", *packages]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise ToolError(f"{' '.join(command)} ist gescheitert:\n{done.stderr[-2000:]}")


def _node_modules(target: Path, log: Callable[[str], None]) -> Path:
    lock = (HERE / "package-lock.json").read_bytes()
    digest = hashlib.sha256(lock).hexdigest()
    stamp = target / STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest:
        return target / "node_modules"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(HERE / name, target / name)
    log(f"installiere die npm-Werkzeuge nach {target} (npm ci)")
    done = subprocess.run(
        ["npm", "ci", "--include=dev", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=target,
        env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},  # we bring our own Chromium
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise ToolError(f"npm ci in {target} ist gescheitert:\n{done.stderr[-2000:]}")
    stamp.write_text(digest + "\n", encoding="utf-8")
    return target / "node_modules"


def ensure_tools(log: Callable[[str], None], target: Path | None = None) -> Tools:
    """Every tool the audit needs, installed if missing (see the module docstring)."""
    missing = [package for command, package in DEBIAN_PACKAGES.items() if not shutil.which(command)]
    if not find_chromium():
        missing.append("chromium")
    _apt_install(missing, log)
    chromium, java = find_chromium(), shutil.which("java")
    if not chromium or not java:  # installed, but still not found: say so, do not guess
        raise ToolError("Chromium oder Java wurden installiert, sind aber nicht zu finden.")
    return Tools(
        chromium=chromium, java=java, node_modules=_node_modules(target or tools_dir(), log)
    )
