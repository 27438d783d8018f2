"""What a video file really is, read with ffprobe (Debian's ffmpeg), never trusted from YAML.

ffprobe runs as a child process with a timeout and JSON output. Results are cached by the
SHA-256 of the file's content – in memory and in ``.cache/rathaus/ffprobe/`` below the site
root – so rebuilds and ``rathaus check`` do not probe unchanged files again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

CACHE_DIR = Path(".cache") / "rathaus" / "ffprobe"
CACHE_VERSION = 1
TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class Probe:
    """The facts of one video file that BITV Anlage 2 Teil 1 and the download link need."""

    duration: float
    """Playing time in seconds."""
    width: int
    height: int
    frame_rate: float
    """Frames per second (average frame rate of the first video stream)."""
    size: int
    """File size in bytes."""
    container: str
    """ffprobe's format name, e.g. ``mov,mp4,m4a,3gp,3g2,mj2`` or ``matroska,webm``."""
    codec: str


class ProbeError(Exception):
    """The file could not be probed; the message is German and meant for the editor."""


def ffprobe_path() -> str | None:
    return shutil.which("ffprobe")


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# (resolved path, size, mtime_ns) → content hash, so one process hashes a file once.
_HASHES: dict[tuple[str, int, int], str] = {}
_PROBES: dict[str, Probe] = {}


def content_hash(path: Path) -> str:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _HASHES:
        _HASHES[key] = _hash(path)
    return _HASHES[key]


def _rate(text: str) -> float:
    try:
        value = Fraction(text)
    except (ValueError, ZeroDivisionError):
        return 0.0
    return float(value)


def parse_ffprobe(data: dict[str, Any], size: int) -> Probe:
    """The facts from ffprobe's JSON (``-show_format -show_streams``)."""
    streams = [s for s in data.get("streams", []) if s.get("codec_type") == "video"]
    # Cover art in MP4/MKV is an attached picture, not the video.
    streams = [s for s in streams if not s.get("disposition", {}).get("attached_pic")]
    if not streams:
        raise ProbeError("die Datei enthält keine Videospur")
    stream = streams[0]
    fmt = data.get("format", {})
    duration = _rate(str(fmt.get("duration") or stream.get("duration") or "0"))
    rate = _rate(str(stream.get("avg_frame_rate") or "0")) or _rate(
        str(stream.get("r_frame_rate") or "0")
    )
    return Probe(
        duration=round(duration, 3),
        width=int(stream.get("width") or 0),
        height=int(stream.get("height") or 0),
        frame_rate=round(rate, 3),
        size=size,
        container=str(fmt.get("format_name", "")),
        codec=str(stream.get("codec_name", "")),
    )


def _run_ffprobe(executable: str, path: Path) -> dict[str, Any]:
    command = [
        executable,
        "-v",
        "error",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        "--",
        str(path),
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, text=True
        )
    except subprocess.TimeoutExpired:
        raise ProbeError(
            f"ffprobe hat die Datei nicht in {TIMEOUT_SECONDS:.0f} Sekunden gelesen"
        ) from None
    except OSError as exc:
        raise ProbeError(f"ffprobe konnte nicht gestartet werden ({exc.strerror})") from None
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()[-1:] or ["unbekannter Fehler"]
        detail = lines[0].replace(f"{path}: ", "")
        raise ProbeError(f"die Datei ist kein lesbares Video ({detail})")
    try:
        data = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise ProbeError("ffprobe hat keine lesbare Antwort gegeben") from None
    if not isinstance(data, dict):
        raise ProbeError("ffprobe hat keine lesbare Antwort gegeben")
    return data


def probe(path: Path, cache_root: Path | None = None) -> Probe:
    """The facts of the video at ``path``; cached by content hash.

    Raises :class:`ProbeError` (German) when ffprobe is missing or cannot read the file.
    """
    digest = content_hash(path)
    if digest in _PROBES:
        return _PROBES[digest]
    cache_file = cache_root / CACHE_DIR / f"{digest}.v{CACHE_VERSION}.json" if cache_root else None
    if cache_file is not None and cache_file.is_file():
        try:
            result = Probe(**json.loads(cache_file.read_text(encoding="utf-8")))
        except (TypeError, ValueError):
            result = None
        if result is not None:
            _PROBES[digest] = result
            return result
    executable = ffprobe_path()
    if executable is None:
        raise ProbeError(
            "ffprobe fehlt, deshalb können Spieldauer, Auflösung und Bildrate nicht geprüft werden"
        )
    result = parse_ffprobe(_run_ffprobe(executable, path), path.stat().st_size)
    _PROBES[digest] = result
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache_file.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(asdict(result)), encoding="utf-8")
            temporary.replace(cache_file)
        except OSError:
            pass  # a read-only checkout still works, only slower
    return result


def clear_memory_cache() -> None:
    """Forget in-memory results (tests)."""
    _HASHES.clear()
    _PROBES.clear()
