"""Finding and installing the audit's tools."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from rathaus.audit import tools


def test_missing_programs_are_named_when_they_cannot_be_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tools.os, "geteuid", lambda: 1000)
    with pytest.raises(tools.ToolError) as raised:
        tools._apt_install(["chromium", "default-jre-headless"], print)
    assert "sudo apt-get install chromium default-jre-headless" in str(raised.value)


def test_npm_tools_are_installed_once_per_lockfile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def npm(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        (Path(kwargs["cwd"]) / "node_modules").mkdir(exist_ok=True)
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(tools.subprocess, "run", npm)
    target = tmp_path / "werkzeuge"
    assert tools._node_modules(target, print) == target / "node_modules"
    assert tools._node_modules(target, print) == target / "node_modules"
    assert len(calls) == 1 and calls[0][:2] == ["npm", "ci"]
    lock = json.loads((target / "package-lock.json").read_text(encoding="utf-8"))
    assert lock == json.loads((tools.HERE / "package-lock.json").read_text(encoding="utf-8"))
    (target / tools.STAMP).write_text("alt\n", encoding="utf-8")  # another Rathaus version
    tools._node_modules(target, print)
    assert len(calls) == 2


def test_a_failed_npm_ci_is_a_german_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        tools.subprocess,
        "run",
        lambda command, **kwargs: subprocess.CompletedProcess(command, 1, "", "ENOTFOUND"),
    )
    with pytest.raises(tools.ToolError, match=r"npm ci in .* ist gescheitert:\nENOTFOUND"):
        tools._node_modules(tmp_path, print)
    assert not (tmp_path / tools.STAMP).exists()


def test_the_tools_folder_and_browser_can_be_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RATHAUS_TOOLS_DIR", str(tmp_path))
    monkeypatch.setenv("RATHAUS_CHROMIUM", "/opt/chrome")
    assert tools.tools_dir() == tmp_path
    assert tools.find_chromium() == "/opt/chrome"


def test_the_lockfile_pins_every_tool() -> None:
    package = json.loads((tools.HERE / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((tools.HERE / "package-lock.json").read_text(encoding="utf-8"))
    wanted = package["devDependencies"]
    assert set(wanted) == {"axe-core", "linkinator", "pa11y-ci", "vnu-jar"}
    for name, version in wanted.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
