"""ffprobe: the facts of a file, cached by content hash, and a German error without ffprobe."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from rathaus.gebaerdensprache.medien import probe as probe_module
from rathaus.gebaerdensprache.medien.probe import (
    CACHE_DIR,
    ProbeError,
    clear_memory_cache,
    parse_ffprobe,
    probe,
)


@pytest.mark.parametrize(
    ("name", "width", "height", "rate", "container"),
    [
        ("start.mp4", 320, 240, 25.0, "mp4"),
        ("start.webm", 320, 240, 25.0, "webm"),
        ("small.mp4", 160, 120, 25.0, "mp4"),
        ("slow.mp4", 640, 360, 15.0, "mp4"),
    ],
)
def test_probe_reads_the_file(
    media: dict[str, Path], name: str, width: int, height: int, rate: float, container: str
) -> None:
    clear_memory_cache()
    facts = probe(media[name])
    assert (facts.width, facts.height, facts.frame_rate) == (width, height, rate)
    assert facts.duration == pytest.approx(2.0, abs=0.1)
    assert facts.size == media[name].stat().st_size
    assert container in facts.container.split(",")


def test_probe_is_cached_by_content(
    media: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_memory_cache()
    copy = tmp_path / "copy.mp4"
    copy.write_bytes(media["start.mp4"].read_bytes())
    first = probe(copy, tmp_path)
    cached = list((tmp_path / CACHE_DIR).glob("*.json"))
    assert len(cached) == 1
    assert json.loads(cached[0].read_text(encoding="utf-8"))["width"] == 320

    def no_ffprobe(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("ffprobe must not run for a cached file")

    clear_memory_cache()  # a new process: only the disk cache is left
    monkeypatch.setattr(subprocess, "run", no_ffprobe)
    assert probe(copy, tmp_path) == first
    renamed = tmp_path / "renamed.mp4"
    copy.rename(renamed)
    assert probe(renamed, tmp_path) == first  # same content, other name


def test_missing_ffprobe_is_a_german_error(
    media: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_memory_cache()
    monkeypatch.setattr(probe_module.shutil, "which", lambda name: None)
    with pytest.raises(ProbeError, match="ffprobe fehlt"):
        probe(media["start.mp4"])


def test_unreadable_file(media: dict[str, Path]) -> None:
    clear_memory_cache()
    with pytest.raises(ProbeError, match="kein lesbares Video"):
        probe(media["not-a-video.mp4"])


def test_cover_art_is_not_the_video() -> None:
    data = {
        "format": {"duration": "185.2", "format_name": "mov,mp4"},
        "streams": [
            {
                "codec_type": "video",
                "width": 300,
                "height": 300,
                "disposition": {"attached_pic": 1},
            },
            {"codec_type": "video", "width": 1280, "height": 720, "avg_frame_rate": "30000/1001"},
        ],
    }
    facts = parse_ffprobe(data, 12_400_000)
    assert (facts.width, facts.height, facts.frame_rate) == (1280, 720, 29.97)
    with pytest.raises(ProbeError, match="keine Videospur"):
        parse_ffprobe({"streams": [{"codec_type": "audio"}]}, 1)
