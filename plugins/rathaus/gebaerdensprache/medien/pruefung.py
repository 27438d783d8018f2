"""Checks of the sign-language videos: files, captions, transcripts and BITV Anlage 2 Teil 1.

Plain Python. ``inspect_videos`` returns every finding *and* what the files really are, so
``rathaus check`` (via ``checks.run_checks``) and the build report the same problems and the
embed shows the probed duration and size.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import webvtt
from webvtt.errors import MalformedFileError

from ...model import Finding, Level, Site
from ...model.validation import field_label
from ...model.videos import Video
from ...model.yamlread import Document, check_text, parse_yaml
from ...pages import markdown_files, split_front_matter
from .probe import Probe, ProbeError, ffprobe_path, probe

VIDEO_FILE = "videos.yml"
RULE = "video"
# BITV 2.0 Anlage 2 Teil 1 Nr. 5 and 6.
MIN_WIDTH, MIN_HEIGHT = 320, 240
MIN_FRAME_RATE = 25.0
DURATION_TOLERANCE = 1.0  # seconds: editors round the playing time

VIDEO_TYPES = {".mp4": ("video/mp4", "MP4", "mp4"), ".webm": ("video/webm", "WebM", "webm")}
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})


@dataclass(frozen=True)
class VideoFile:
    """One self-hosted file of a video, as the embed and the download link need it."""

    src: str
    """Path in content/, e.g. ``medien/dgs/start.mp4``."""
    mime: str
    label: str
    """``MP4`` or ``WebM``, for the download link."""
    probe: Probe


@dataclass(frozen=True)
class CheckedVideo:
    """A video whose files were found and probed."""

    video: Video
    files: tuple[VideoFile, ...]
    transcript: str | None
    captions: bool


@dataclass(frozen=True)
class Inspection:
    videos: dict[str, CheckedVideo]
    findings: list[Finding]


class _Report:
    """Findings at the place of a field of a video in data/videos.yml."""

    def __init__(self, doc: Document | None, display: str, rows: dict[str, int]) -> None:
        self.doc = doc
        self.display = display
        self.rows = rows
        self.findings: list[Finding] = []

    def add(
        self,
        video_id: str,
        path: tuple[str | int, ...],
        message: str,
        hint: str,
        level: Level = Level.ERROR,
    ) -> None:
        full = (self.rows.get(video_id, 0), *path)
        line, col = 1, 1
        if self.doc is not None:
            mark = self.doc.mark_for(full)
            line, col = mark.line, mark.col
        label = field_label(full, skip_index=True)
        self.findings.append(
            Finding(self.display, line, col, label, message, hint, level=level, rule=RULE)
        )


def _rows(doc: Document | None) -> dict[str, int]:
    rows: dict[str, int] = {}
    if doc is None or not isinstance(doc.data, list):
        return rows
    for index, raw in enumerate(doc.data):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            rows.setdefault(raw["id"], index)
    return rows


class _Paths:
    """Resolves editors' paths inside content/<media_dir>, refusing every way out."""

    def __init__(self, root: Path, content_dir: str, media_dir: str) -> None:
        self.content = root / content_dir
        self.media = self.content / media_dir
        self.content_dir = content_dir
        self.media_dir = media_dir.strip("/")

    def resolve(self, text: str) -> tuple[Path | None, str, str]:
        """(file or None, German problem, German hint)."""
        where = f"{self.content_dir}/{self.media_dir}/"
        pure = PurePosixPath(text)
        if text.startswith(("/", "\\")) or (len(text) > 1 and text[1] == ":"):
            return (
                None,
                f"„{text}“ ist ein absoluter Pfad",
                f"schreiben Sie den Pfad ab content/, z. B. {self.media_dir}/video.mp4",
            )
        if ".." in pure.parts:
            return (
                None,
                f"der Pfad „{text}“ verlässt mit „..“ den Ordner",
                f"legen Sie die Datei in {where} und schreiben Sie den Pfad ab content/",
            )
        if (
            pure.parts[: len(PurePosixPath(self.media_dir).parts)]
            != PurePosixPath(self.media_dir).parts
        ):
            return (
                None,
                f"„{text}“ liegt nicht im Medienordner {where}",
                f"legen Sie die Datei in {where} und schreiben Sie z. B. {self.media_dir}/…",
            )
        path = self.content / pure
        if path.is_symlink() or path.exists():
            target = path.resolve()
            inside = target.is_relative_to(self.media.resolve()) and target.is_relative_to(
                self.content.resolve()
            )
            if not inside:
                return (
                    None,
                    f"„{text}“ ist ein Verweis (Symlink) auf eine Stelle außerhalb von {where}",
                    "legen Sie die Datei selbst in den Medienordner, statt auf sie zu verweisen",
                )
        if not path.exists():
            known = (
                sorted(
                    p.relative_to(self.content).as_posix()
                    for p in self.media.rglob("*")
                    if p.is_file()
                )
                if self.media.is_dir()
                else []
            )
            close = difflib.get_close_matches(text, known, n=1, cutoff=0.6)
            hint = (
                f"meinten Sie „{close[0]}“?"
                if close
                else f"legen Sie die Datei in {where} ab oder prüfen Sie die Schreibweise"
            )
            return None, f"die Datei „{text}“ gibt es nicht", hint
        if not path.is_file():
            return None, f"„{text}“ ist keine Datei", "tragen Sie den Pfad einer Datei ein"
        return path, "", ""


def _seconds(value: float) -> str:
    total = round(value)
    return f"{total // 60}:{total % 60:02d}"


def _rate_text(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def inspect_videos(
    root: Path,
    site: Site,
    *,
    data_dir: str,
    content_dir: str,
    media_dir: str,
) -> Inspection:
    """Check every video of ``site``; the probed files of those without errors."""
    display = f"{data_dir}/{VIDEO_FILE}"
    if not site.videos:
        return Inspection({}, [])
    raw = (root / data_dir / VIDEO_FILE).read_bytes()
    doc, _ = parse_yaml(display, raw)
    report = _Report(doc, display, _rows(doc))
    paths = _Paths(root, content_dir, media_dir)
    checked: dict[str, CheckedVideo] = {}
    ffprobe_missing = ffprobe_path() is None
    for video in site.videos.values():
        before = len(report.findings)
        files: list[VideoFile] = []
        for index, text in enumerate(video.dateien):
            where: tuple[str | int, ...] = ("dateien", index)
            path = _checked_path(report, paths, video.id, where, text)
            if path is None:
                continue
            kind = VIDEO_TYPES.get(path.suffix.lower())
            if kind is None:
                report.add(
                    video.id,
                    where,
                    f"„{text}“ ist keine MP4- oder WebM-Datei",
                    "Browser spielen MP4 (H.264) und WebM; wandeln Sie das Video um",
                )
                continue
            if ffprobe_missing:
                if not any("ffprobe" in f.message for f in report.findings):
                    report.add(
                        video.id,
                        where,
                        "ffprobe fehlt, deshalb können Spieldauer, Auflösung und Bildrate "
                        "nicht geprüft werden",
                        "installieren Sie ffmpeg (apt-get install ffmpeg); make site und "
                        "make test tun das selbst",
                    )
                continue
            try:
                facts = probe(path, root)
            except ProbeError as exc:
                report.add(
                    video.id, where, str(exc), "prüfen Sie die Datei oder wandeln Sie sie um"
                )
                continue
            if kind[2] not in facts.container.split(","):
                report.add(
                    video.id,
                    where,
                    f"„{text}“ endet auf {path.suffix}, ist aber ein anderes Format "
                    f"({facts.container})",
                    "wandeln Sie das Video um oder korrigieren Sie die Dateiendung",
                )
                continue
            _check_bitv(report, video, where, text, facts)
            files.append(VideoFile(text, kind[0], kind[1], facts))
        _check_declared(report, video, files)
        if video.poster is not None:
            path = _checked_path(report, paths, video.id, ("poster",), video.poster)
            if path is not None and path.suffix.lower() not in IMAGE_SUFFIXES:
                report.add(
                    video.id,
                    ("poster",),
                    f"„{video.poster}“ ist kein Bild im Format JPEG, PNG oder WebP",
                    "speichern Sie das Vorschaubild als .jpg, .png oder .webp",
                )
        elif video.extern is not None:
            report.add(
                video.id,
                ("extern",),
                "ein Video bei einem Videodienst braucht ein eigenes Vorschaubild (poster:)",
                "vor dem Klick wird nichts vom Anbieter geladen – speichern Sie ein Bild in "
                f"{content_dir}/{paths.media_dir}/ und tragen Sie es unter poster: ein",
            )
        captions = _check_captions(report, paths, video)
        transcript = _check_transcript(report, paths, video)
        if video.untertitel is None and transcript is None and video.transkript_datei is None:
            report.add(
                video.id,
                (),
                "das Video hat weder Untertitel noch ein Transkript",
                "tragen Sie untertitel: (WebVTT-Datei) und transkript: ein – gehörlose und "
                "hörende Menschen brauchen den Text",
            )
        if not video.dateien and video.extern is not None:
            report.add(
                video.id,
                ("extern",),
                "das Video kann nicht heruntergeladen werden",
                "BITV 2.0 Anlage 2 Teil 1 Nr. 7 verlangt einen Download mit Dateigröße und "
                "Spieldauer – tragen Sie die Videodatei unter dateien: ein",
                level=Level.WARNING,
            )
        if len(report.findings) == before:
            checked[video.id] = CheckedVideo(video, tuple(files), transcript, captions)
    return Inspection(checked, report.findings)


def _checked_path(
    report: _Report, paths: _Paths, video_id: str, where: tuple[str | int, ...], text: str
) -> Path | None:
    path, problem, hint = paths.resolve(text)
    if path is None:
        report.add(video_id, where, problem, hint)
    return path


def _check_bitv(
    report: _Report, video: Video, where: tuple[str | int, ...], text: str, facts: Probe
) -> None:
    if facts.width < MIN_WIDTH or facts.height < MIN_HEIGHT:
        report.add(
            video.id,
            where,
            f"„{text}“ hat nur {facts.width}×{facts.height} Bildpunkte",
            f"BITV 2.0 Anlage 2 Teil 1 Nr. 5 verlangt mindestens {MIN_WIDTH}×{MIN_HEIGHT} – "
            "verwenden Sie eine Fassung mit höherer Auflösung",
        )
    if facts.frame_rate < MIN_FRAME_RATE:
        report.add(
            video.id,
            where,
            f"„{text}“ hat nur {_rate_text(facts.frame_rate)} Bilder pro Sekunde",
            f"BITV 2.0 Anlage 2 Teil 1 Nr. 6 verlangt mindestens {MIN_FRAME_RATE:g} – "
            "verwenden Sie eine Fassung mit höherer Bildrate",
        )


def _check_declared(report: _Report, video: Video, files: list[VideoFile]) -> None:
    declared = video.angaben
    if declared is None:
        return
    for file in files:
        facts = file.probe
        if declared.dauer is not None and abs(declared.dauer - facts.duration) > (
            DURATION_TOLERANCE
        ):
            report.add(
                video.id,
                ("angaben", "dauer"),
                f"angegeben ist {_seconds(declared.dauer)}, „{file.src}“ dauert aber "
                f"{_seconds(facts.duration)}",
                "korrigieren Sie die Angabe oder löschen Sie sie – die Dauer wird aus der Datei "
                "gelesen",
            )
        for key, value, actual in (
            ("breite", declared.breite, facts.width),
            ("hoehe", declared.hoehe, facts.height),
        ):
            if value is not None and value != actual:
                report.add(
                    video.id,
                    ("angaben", key),
                    f"angegeben ist {value}, „{file.src}“ hat aber {actual} Bildpunkte",
                    "korrigieren Sie die Angabe oder löschen Sie sie – die Auflösung wird aus "
                    "der Datei gelesen",
                )
        if declared.bildrate is not None and abs(declared.bildrate - facts.frame_rate) > 0.01:
            report.add(
                video.id,
                ("angaben", "bildrate"),
                f"angegeben ist {_rate_text(declared.bildrate)}, „{file.src}“ hat aber "
                f"{_rate_text(facts.frame_rate)} Bilder pro Sekunde",
                "korrigieren Sie die Angabe oder löschen Sie sie – die Bildrate wird aus der "
                "Datei gelesen",
            )


def _read_text(
    report: _Report, video_id: str, where: tuple[str | int, ...], path: Path, shown: str
) -> str | None:
    text, problems = check_text(shown, path.read_bytes())
    if problems:
        report.add(
            video_id,
            where,
            f"„{shown}“ ist keine lesbare Textdatei ({problems[0].message})",
            "speichern Sie die Datei als UTF-8",
        )
        return None
    return text


def _check_captions(report: _Report, paths: _Paths, video: Video) -> bool:
    if video.untertitel is None:
        return False
    where: tuple[str | int, ...] = ("untertitel",)
    path = _checked_path(report, paths, video.id, where, video.untertitel)
    if path is None:
        return False
    if path.suffix.lower() != ".vtt":
        report.add(
            video.id,
            where,
            f"„{video.untertitel}“ ist keine WebVTT-Datei (.vtt)",
            "Browser zeigen Untertitel nur im Format WebVTT; wandeln Sie SRT-Dateien um",
        )
        return False
    text = _read_text(report, video.id, where, path, video.untertitel)
    if text is None:
        return False
    try:
        captions = webvtt.from_string(text)
    except MalformedFileError:
        report.add(
            video.id,
            where,
            f"„{video.untertitel}“ ist keine gültige WebVTT-Datei",
            "die erste Zeile muss WEBVTT lauten, danach folgen Zeitangaben wie "
            "00:00:01.000 --> 00:00:04.000 mit dem Text darunter",
        )
        return False
    cues = [c for c in captions.captions if c.text.strip()]
    if not cues:
        report.add(
            video.id,
            where,
            f"„{video.untertitel}“ enthält keine Untertitel",
            "tragen Sie Zeitangaben wie 00:00:01.000 --> 00:00:04.000 und darunter den Text ein",
        )
        return False
    for cue in cues:
        if cue.end_in_seconds <= cue.start_in_seconds:
            report.add(
                video.id,
                where,
                f"in „{video.untertitel}“ endet der Untertitel ab {cue.start} nicht nach "
                "seinem Beginn",
                "prüfen Sie die Zeitangaben: Beginn --> Ende",
            )
            return False
    return True


def _check_transcript(report: _Report, paths: _Paths, video: Video) -> str | None:
    if video.transkript is not None:
        return video.transkript
    if video.transkript_datei is None:
        return None
    where: tuple[str | int, ...] = ("transkript_datei",)
    path = _checked_path(report, paths, video.id, where, video.transkript_datei)
    if path is None:
        return None
    if path.suffix.lower() != ".txt":
        report.add(
            video.id,
            where,
            f"„{video.transkript_datei}“ ist keine Textdatei (.txt)",
            "speichern Sie das Transkript als einfache Textdatei mit der Endung .txt",
        )
        return None
    text = _read_text(report, video.id, where, path, video.transkript_datei)
    if text is not None and not text.strip():
        report.add(
            video.id,
            where,
            f"„{video.transkript_datei}“ ist leer",
            "schreiben Sie den Text des Videos in die Datei",
        )
        return None
    return text.strip() if text is not None else None


def check_videos(
    root: Path, site: Site | None, *, data_dir: str, content_dir: str, media_dir: str
) -> list[Finding]:
    """Findings of every video, for ``checks.run_checks``."""
    if site is None:
        return []
    inspection = inspect_videos(
        root, site, data_dir=data_dir, content_dir=content_dir, media_dir=media_dir
    )
    return inspection.findings + check_front_matter(root, site, content_dir)


def check_front_matter(root: Path, site: Site | None, content_dir: str) -> list[Finding]:
    """``dgs: <id>`` in a page's front matter must name a video of data/videos.yml."""
    base = root / content_dir
    findings: list[Finding] = []
    if site is None or not base.is_dir():
        return findings
    for path in markdown_files(base):
        if path.is_symlink() or not path.is_file():
            continue
        display = path.relative_to(root).as_posix()
        text, problems = check_text(display, path.read_bytes())
        if problems:
            continue  # check_pages reports unreadable pages
        front_matter, end, problems = split_front_matter(display, text)
        if problems or not isinstance(front_matter, dict) or "dgs" not in front_matter:
            continue
        value = front_matter["dgs"]
        number = next(
            (n for n, line in enumerate(text.splitlines()[:end], 1) if line.startswith("dgs:")),
            1,
        )
        if isinstance(value, str) and value in site.videos:
            continue
        known = sorted(site.videos)
        close = (
            difflib.get_close_matches(value, known, n=1, cutoff=0.6)
            if isinstance(value, str)
            else []
        )
        hint = (
            f"meinten Sie „{close[0]}“?"
            if close
            else "tragen Sie die Kennung eines Videos aus data/videos.yml ein"
            + (" (" + ", ".join(known) + ")" if known else "")
        )
        findings.append(
            Finding(
                display,
                number,
                1,
                "dgs",
                f"das Video „{value}“ gibt es nicht"
                if isinstance(value, str)
                else "dgs: erwartet die Kennung eines Videos",
                hint,
                rule=RULE,
            )
        )
    return findings
