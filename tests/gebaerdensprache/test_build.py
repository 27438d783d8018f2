"""Build the DGS fixture site and check the embeds, the consent placeholder and the § 4 gate."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from rathaus.safety import check_markdown_safety
from tests.conftest import build_site, parse

# Attributes whose addresses a browser loads by itself, without a click.
LOADED = ("src", "poster", "srcset", "data", "action")


@pytest.fixture
def built(dgs_site: Path) -> Path:
    return build_site(dgs_site)


def _article(page: LexborHTMLParser) -> LexborHTMLParser:
    node = page.css_first("article")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def test_front_matter_puts_the_video_below_the_heading(built: Path) -> None:
    article = _article(parse(built / "index.html"))
    first = [node.tag for node in article.css("h1, .rathaus-dgs, p")][:2]
    assert first == ["h1", "div"]
    video = article.css_first(".rathaus-dgs video")
    attrs = video.attributes
    assert "controls" in attrs and attrs["preload"] == "metadata"
    assert "autoplay" not in attrs and "muted" not in attrs
    assert attrs["poster"] == "medien/dgs/start.jpg"
    sources = [(s.attributes["src"], s.attributes["type"]) for s in video.css("source")]
    assert sources == [
        ("medien/dgs/start.mp4", "video/mp4"),
        ("medien/dgs/start.webm", "video/webm"),
    ]
    [track] = video.css("track")
    assert track.attributes == {
        "kind": "captions",
        "srclang": "de",
        "label": "Deutsch",
        "src": "medien/dgs/start.de.vtt",
        "default": "",
    }


def test_embed_has_mark_transcript_and_downloads(built: Path, media: dict[str, Path]) -> None:
    embed = _article(parse(built / "index.html")).css_first(".rathaus-dgs")
    assert embed.css_first(".rathaus-dgs__titel").text() == "Willkommen in Testdorf"
    mark = embed.css_first(".rathaus-dgs__zeichen")
    assert mark.text(strip=True) == "Deutsche Gebärdensprache"
    assert mark.css_first(".rathaus-dgs__logo").attributes["aria-hidden"] == "true"
    assert mark.css_first("svg") is not None
    details = embed.css_first("details.rathaus-dgs__transkript")
    assert details.css_first("summary").text() == "Text des Videos lesen (Transkript)"
    assert [p.text() for p in details.css("p")] == [
        "Erster Absatz des Transkripts.",
        "Zweiter Absatz.",
    ]
    links = [(a.attributes["href"], a.text()) for a in embed.css(".rathaus-dgs__downloads a")]
    kb = {name: round(media[name].stat().st_size / 1000) for name in ("start.mp4", "start.webm")}
    assert links == [
        ("medien/dgs/start.mp4", f"Video herunterladen (MP4, {kb['start.mp4']} KB, 2 Sekunden)"),
        (
            "medien/dgs/start.webm",
            f"Video herunterladen (WebM, {kb['start.webm']} KB, 2 Sekunden)",
        ),
    ]
    assert all("download" in a.attributes for a in embed.css(".rathaus-dgs__downloads a"))


def test_consent_placeholder_loads_nothing_from_the_provider(built: Path) -> None:
    page = parse(built / "extern" / "index.html")
    article = _article(page)
    box = article.css_first(".rathaus-dgs__einwilligung")
    assert article.css_first("h3.rathaus-dgs__titel").text() == "Termin machen"
    assert page.css_first("iframe") is None and page.css_first("video") is None
    assert box.attributes["data-rathaus-dgs-player"].startswith(
        "https://www.youtube-nocookie.com/embed/Beispiel123?"
    )
    assert box.css_first("img").attributes["src"] == "../medien/dgs/start.jpg"
    text = box.css_first(".rathaus-dgs__hinweis p").text()
    assert "YouTube (Google Ireland Limited)" in text and "IP-Adresse" in text
    button = box.css_first("button")
    assert button.attributes["type"] == "button" and "hidden" in button.attributes
    assert button.text() == "Video laden: Termin machen"
    # Nothing the browser loads on its own points at another host.
    for node in page.css("*"):
        for name in LOADED:
            value = node.attributes.get(name) or ""
            assert not urlsplit(value).netloc, f"<{node.tag} {name}={value}>"
    for link in page.css("link[href]"):  # only the canonical address names a host: our own
        assert urlsplit(link.attributes["href"] or "").netloc in {"", "www.testdorf.example"}
    # The only address at the provider is a plain link the visitor may follow.
    external = [a.attributes["href"] for a in box.css("a")]
    assert external == ["https://www.youtube.com/watch?v=Beispiel123"]
    # The download stays local (BITV 2.0 Anlage 2 Teil 1 Nr. 7).
    assert [a.attributes["href"] for a in article.css(".rathaus-dgs__downloads a")] == [
        "../medien/dgs/start.mp4"
    ]


def test_policy_allows_the_privacy_enhanced_player_only(built: Path) -> None:
    meta = parse(built / "extern" / "index.html").css_first(
        'meta[http-equiv="Content-Security-Policy"]'
    )
    directives = {
        part.split()[0]: part.split()[1:] for part in meta.attributes["content"].split("; ")
    }
    assert directives["frame-src"] == ["https://www.youtube-nocookie.com"]
    assert directives["script-src"][0] == "'self'"


def test_missing_frame_src_is_reported(dgs_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = dgs_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("https://www.youtube-nocookie.com", "https://other.example"))
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(dgs_site)
    assert any(
        "extern.md: die Content-Security-Policy erlaubt den Player "
        "https://www.youtube-nocookie.com nicht (frame-src)" in r.getMessage()
        for r in caplog.records
    )


def test_directive_is_not_unsafe_markdown(dgs_site: Path) -> None:
    text = (dgs_site / "content" / "extern.md").read_text(encoding="utf-8")
    assert check_markdown_safety("content/extern.md", text, None) == []


def test_overview_page_lists_every_video_with_topic(built: Path) -> None:
    article = _article(parse(built / "gebaerdensprache" / "index.html"))
    assert [h.text() for h in article.css("h2")] == ["Erklärungen zu dieser Website"]
    titles = [h.text() for h in article.css("h3.rathaus-dgs__titel")]
    assert titles == ["Willkommen in Testdorf", "Termin machen"]
    topics = [" ".join(p.text().split()) for p in article.css(".rathaus-dgs__thema")]
    assert topics == ["Thema: Was auf der Website steht", "Thema: Termine"]
    assert article.css_first(".rathaus-dgs__thema a").attributes["href"] == "../"
    toc = [
        a.text(strip=True)
        for a in parse(built / "gebaerdensprache" / "index.html").css("nav.md-nav--secondary a")
    ]
    assert "Willkommen in Testdorf" in toc


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "            dgs: extern\n",
            "",
            "startseite.weitere_angebote.dgs: BITV 2.0 § 4: für „Hinweise auf weitere Angebote "
            "in DGS und Leichter Sprache“ fehlt ein Video in Deutscher Gebärdensprache",
        ),
        (
            "          navigation:\n            dgs: start\n            leichte_sprache: "
            "leichte-sprache/index.md\n",
            "          navigation:\n            dgs: start\n",
            "startseite.navigation.leichte_sprache: BITV 2.0 § 4: für „Hinweise zur Navigation“ "
            "fehlt eine Seite in Leichter Sprache",
        ),
        (
            "          erklaerung:\n            dgs: start\n",
            "          erklaerung:\n            dgs: strat\n",
            "„Erläuterung der Erklärung zur Barrierefreiheit“ ist das Video „strat“ angegeben, "
            "das es nicht gibt",
        ),
    ],
)
def test_bitv_4_gate_names_the_missing_topic(
    dgs_site: Path, caplog: pytest.LogCaptureFixture, old: str, new: str, message: str
) -> None:
    config = dgs_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    config.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(dgs_site)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(message in w for w in warnings), warnings
    assert all("mkdocs.yml:23:1: startseite." in w for w in warnings if "BITV 2.0 § 4" in w)


def test_bitv_4_gate_missing_ls_page(dgs_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    (dgs_site / "content" / "leichte-sprache" / "index.md").unlink()
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(dgs_site)
    warnings = [r.getMessage() for r in caplog.records if "BITV 2.0 § 4" in r.getMessage()]
    assert len(warnings) == 4
    assert "„Hinweise zur Navigation“ ist die Seite in Leichter Sprache " in " ".join(warnings)


def test_video_errors_stop_the_build(dgs_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    (dgs_site / "content" / "medien" / "dgs" / "start.de.vtt").write_text("x", encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(dgs_site)
    assert any(
        "data/videos.yml:11:15: untertitel: „medien/dgs/start.de.vtt“ ist keine gültige "
        "WebVTT-Datei" in r.getMessage()
        for r in caplog.records
    )
