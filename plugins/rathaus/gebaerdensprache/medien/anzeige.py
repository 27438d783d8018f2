"""German display of video facts and what the embed fragments need (plain data, no HTML)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from ...german import dauer
from ...model import slugify
from ...model.videos import Anbieter, Extern, video_id
from .pruefung import CheckedVideo

# What each provider receives once a visitor loads its player, and where the player lives.
# YouTube's privacy-enhanced host sets no cookies before playback; Vimeo has no separate
# host, its player honours dnt=1 (no tracking cookies).
PROVIDER_NAMES = {
    Anbieter.YOUTUBE: "YouTube (Google Ireland Limited)",
    Anbieter.VIMEO: "Vimeo (Vimeo.com, Inc.)",
    Anbieter.PEERTUBE: "PeerTube",
}


@dataclass(frozen=True)
class Player:
    """An external player, loaded only after the visitor's click."""

    provider: str
    """Provider name for the text, e.g. ``YouTube (Google Ireland Limited)``."""
    short_name: str
    embed_url: str
    watch_url: str
    frame_origin: str
    """``https://host`` the iframe loads from, for the Content-Security-Policy."""


def player(extern: Extern) -> Player:
    vid = video_id(extern)
    if extern.anbieter is Anbieter.YOUTUBE:
        embed = f"https://www.youtube-nocookie.com/embed/{vid}?cc_load_policy=1&cc_lang_pref=de&hl=de&rel=0"
    elif extern.anbieter is Anbieter.VIMEO:
        embed = f"https://player.vimeo.com/video/{vid}?dnt=1&texttrack=de"
    else:
        host = urlsplit(extern.adresse).netloc
        embed = f"https://{host}/videos/embed/{vid}?warningTitle=0&peertubeLink=0"
    origin = "https://" + urlsplit(embed).netloc
    name = PROVIDER_NAMES[extern.anbieter]
    if extern.anbieter is Anbieter.PEERTUBE:
        name = f"PeerTube ({urlsplit(extern.adresse).netloc})"
    return Player(name, extern.anbieter.label, embed, extern.adresse, origin)


def frame_origins(videos: list[CheckedVideo]) -> list[str]:
    """Every host an external player of ``videos`` loads from, sorted."""
    return sorted({player(v.video.extern).frame_origin for v in videos if v.video.extern})


@dataclass(frozen=True)
class Source:
    url: str
    mime: str


@dataclass(frozen=True)
class Download:
    url: str
    format: str
    """``MP4``; the template writes „Video herunterladen (MP4, 12,4 MB, 3:05 Minuten)“ with
    size and duration in the page's language (filters ``dateigroesse``, ``dauer``)."""
    size: int
    """Bytes."""
    seconds: float


@dataclass(frozen=True)
class VideoView:
    anchor: str
    titel: str
    thema: str
    datum: date
    """The day the video was made or checked; the template writes it in the page's language."""
    datum_iso: str
    duration: str | None
    poster: str | None
    sources: list[Source]
    captions: str | None
    transcript: list[str]
    downloads: list[Download]
    player: Player | None
    page: tuple[str, str] | None
    """(url, title) of the page the video explains, if it is not the current page."""


Url = Callable[[str], str]
"""A path in content/ (media file or page) → URL relative to the current page."""


def video_view(
    checked: CheckedVideo,
    url: Url,
    *,
    page: tuple[str, str] | None = None,
) -> VideoView:
    video = checked.video
    first = checked.files[0].probe if checked.files else None
    downloads = [
        Download(url(file.src), file.label, file.probe.size, file.probe.duration)
        for file in checked.files
    ]
    paragraphs = [" ".join(block.split()) for block in (checked.transcript or "").split("\n\n")]
    return VideoView(
        anchor=f"dgs-{slugify(video.id)}",
        titel=video.titel,
        thema=video.thema,
        datum=video.datum,
        datum_iso=video.datum.isoformat(),
        duration=dauer(first.duration) if first else None,
        poster=url(video.poster) if video.poster else None,
        sources=[Source(url(f.src), f.mime) for f in checked.files],
        captions=url(video.untertitel) if checked.captions and video.untertitel else None,
        transcript=[p for p in paragraphs if p],
        downloads=downloads,
        player=player(video.extern) if video.extern else None,
        page=page,
    )
