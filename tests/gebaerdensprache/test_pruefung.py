"""Every check of the videos: German message, file and line, in `rathaus check` (run_checks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rathaus.adapter import run_checks
from rathaus.gebaerdensprache.medien import probe as probe_module
from rathaus.model import Finding, Level

VIDEOS = "data/videos.yml"


def _edit(root: Path, old: str, new: str, file: str = VIDEOS) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(root: Path, needle: str, file: str = VIDEOS) -> int:
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def _video_findings(root: Path) -> list[Finding]:
    return [f for f in run_checks(root) if f.file in {VIDEOS, "content/index.md"}]


def test_fixture_site_is_clean(dgs_site: Path) -> None:
    assert [f.format() for f in _video_findings(dgs_site)] == []


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("medien/dgs/start.wbm", "die Datei „medien/dgs/start.wbm“ gibt es nicht"),
        ("medien/dgs/../../index.md", "der Pfad „medien/dgs/../../index.md“ verlässt mit „..“"),
        ("/etc/passwd", "„/etc/passwd“ ist ein absoluter Pfad"),
        ("index.md", "„index.md“ liegt nicht im Medienordner content/medien/"),
        ("medien/dgs/extern.txt", "„medien/dgs/extern.txt“ ist keine MP4- oder WebM-Datei"),
        ("medien/dgs/not-a-video.mp4", "die Datei ist kein lesbares Video"),
    ],
)
def test_bad_video_paths(dgs_site: Path, new: str, message: str) -> None:
    _edit(dgs_site, "    - medien/dgs/start.webm", f"    - {new}")
    line = _line_of(dgs_site, f"- {new}")
    [finding] = _video_findings(dgs_site)
    assert finding.message.startswith(message)
    assert (finding.file, finding.line, finding.col, finding.field) == (
        VIDEOS,
        line,
        7,
        "dateien[2]",
    )
    assert finding.level is Level.ERROR


def test_symlink_out_of_the_media_folder(dgs_site: Path, media: dict[str, Path]) -> None:
    (dgs_site / "content" / "medien" / "dgs" / "link.mp4").symlink_to(media["start.mp4"])
    _edit(dgs_site, "    - medien/dgs/start.webm", "    - medien/dgs/link.mp4")
    messages = [f.message for f in _video_findings(dgs_site)]
    assert any(
        "„medien/dgs/link.mp4“ ist ein Verweis (Symlink) auf eine Stelle außerhalb" in m
        for m in messages
    )


@pytest.mark.parametrize(
    ("name", "message", "rule"),
    [
        ("small.mp4", "„medien/dgs/small.mp4“ hat nur 160×120 Bildpunkte", "Nr. 5"),
        ("slow.mp4", "„medien/dgs/slow.mp4“ hat nur 15 Bilder pro Sekunde", "Nr. 6"),
    ],
)
def test_bitv_minimum(dgs_site: Path, name: str, message: str, rule: str) -> None:
    _edit(
        dgs_site,
        "  angaben:\n    dauer: 0:02\n    breite: 320\n    hoehe: 240\n    bildrate: 25\n",
        "",
    )
    _edit(dgs_site, "    - medien/dgs/start.webm", f"    - medien/dgs/{name}")
    [finding] = _video_findings(dgs_site)
    assert finding.message == message
    assert f"BITV 2.0 Anlage 2 Teil 1 {rule}" in finding.hint
    assert finding.line == _line_of(dgs_site, name)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kein WebVTT\n", "„medien/dgs/start.de.vtt“ ist keine gültige WebVTT-Datei"),
        ("WEBVTT\n", "„medien/dgs/start.de.vtt“ enthält keine Untertitel"),
        (
            "WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nRückwärts\n",
            "in „medien/dgs/start.de.vtt“ endet der Untertitel ab 00:00:02.000 nicht nach",
        ),
    ],
)
def test_bad_captions(dgs_site: Path, text: str, message: str) -> None:
    (dgs_site / "content" / "medien" / "dgs" / "start.de.vtt").write_text(text, encoding="utf-8")
    [finding] = _video_findings(dgs_site)
    assert finding.message.startswith(message)
    assert (finding.line, finding.field) == (_line_of(dgs_site, "untertitel:"), "untertitel")


def test_video_without_captions_and_transcript(dgs_site: Path) -> None:
    _edit(dgs_site, "  untertitel: medien/dgs/start.de.vtt\n", "")
    _edit(
        dgs_site, "  transkript: |\n    Erster Absatz des Transkripts.\n\n    Zweiter Absatz.\n", ""
    )
    [finding] = _video_findings(dgs_site)
    assert finding.message == "das Video hat weder Untertitel noch ein Transkript"
    assert finding.line == _line_of(dgs_site, "- id: start")


def test_empty_transcript_file(dgs_site: Path) -> None:
    (dgs_site / "content" / "medien" / "dgs" / "extern.txt").write_text(" \n", encoding="utf-8")
    [finding] = _video_findings(dgs_site)
    assert finding.message == "„medien/dgs/extern.txt“ ist leer"
    assert finding.field == "transkript_datei"


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("dauer: 0:02", "dauer: 0:09", "angaben.dauer", "angegeben ist 0:09, „medien/dgs/"),
        ("breite: 320", "breite: 640", "angaben.breite", "angegeben ist 640, „medien/dgs/"),
        ("bildrate: 25", "bildrate: 29,97", "angaben.bildrate", "angegeben ist 29,97, „"),
    ],
)
def test_declared_values_must_match(
    dgs_site: Path, old: str, new: str, field: str, message: str
) -> None:
    _edit(dgs_site, old, new)
    findings = _video_findings(dgs_site)
    assert findings, "a mismatch must be reported"
    assert {f.field for f in findings} == {field}
    assert all(f.message.startswith(message) for f in findings)
    assert findings[0].line == _line_of(dgs_site, new)


def test_missing_ffprobe_is_reported_not_skipped(
    dgs_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe_module.shutil, "which", lambda name: None)
    [finding] = _video_findings(dgs_site)
    assert finding.message.startswith("ffprobe fehlt")
    assert "apt-get install ffmpeg" in finding.hint


def test_external_video_needs_a_local_poster(dgs_site: Path) -> None:
    text = (dgs_site / VIDEOS).read_text(encoding="utf-8")
    head, tail = text.split("- id: extern")
    tail = tail.replace("  poster: medien/dgs/start.jpg\n", "")
    (dgs_site / VIDEOS).write_text(head + "- id: extern" + tail, encoding="utf-8")
    [finding] = _video_findings(dgs_site)
    assert finding.message.startswith("ein Video bei einem Videodienst braucht ein eigenes")


def test_front_matter_names_an_unknown_video(dgs_site: Path) -> None:
    _edit(dgs_site, "dgs: start", "dgs: strat", file="content/index.md")
    [finding] = _video_findings(dgs_site)
    assert finding.format() == (
        "content/index.md:2:1: dgs: das Video „strat“ gibt es nicht – meinten Sie „start“?"
    )


def test_directive_names_an_unknown_video(dgs_site: Path) -> None:
    _edit(dgs_site, "video: extern", "video: extren", file="content/extern.md")
    findings = [f for f in run_checks(dgs_site) if f.file == "content/extern.md"]
    assert [(f.line, f.message) for f in findings] == [(5, "video „extren“ gibt es nicht")]
