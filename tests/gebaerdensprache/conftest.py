"""Tiny test videos, made once per session with ffmpeg (installed by `make test`)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from rathaus.gebaerdensprache.medien.probe import clear_memory_cache


def _ffmpeg(*args: str) -> None:
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], check=True, timeout=120
    )


def _video(out: Path, size: str, rate: int, seconds: int = 2) -> Path:
    source = f"testsrc=size={size}:rate={rate}:duration={seconds}"
    codec = ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"]
    if out.suffix == ".mp4":
        codec = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    _ffmpeg("-f", "lavfi", "-i", source, "-an", *codec, str(out))
    return out


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """start.mp4/.webm: 320×240, 25 fps, 2 s; small.mp4: 160×120; slow.mp4: 15 fps."""
    folder = tmp_path_factory.mktemp("medien")
    files = {
        "start.mp4": _video(folder / "start.mp4", "320x240", 25),
        "start.webm": _video(folder / "start.webm", "320x240", 25),
        "small.mp4": _video(folder / "small.mp4", "160x120", 25),
        "slow.mp4": _video(folder / "slow.mp4", "640x360", 15),
    }
    poster = folder / "start.jpg"
    _ffmpeg("-i", str(files["start.mp4"]), "-frames:v", "1", str(poster))
    files["start.jpg"] = poster
    text = folder / "not-a-video.mp4"
    text.write_text("kein Video", encoding="utf-8")
    files["not-a-video.mp4"] = text
    return files


@pytest.fixture
def dgs_site(fixture_site: Callable[[str], Path], media: dict[str, Path], tmp_path: Path) -> Path:
    """A copy of tests/fixtures/sites/dgs with the session's videos in content/medien/dgs/."""
    root = fixture_site("dgs")
    for name, path in media.items():
        shutil.copy(path, root / "content" / "medien" / "dgs" / name)
    clear_memory_cache()
    return root
