"""Sign-language videos in Chromium: playable with captions, and no provider request before
the visitor's click on a two-click player (README "Gebärdensprache")."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route

from conftest import SITE_DIR

VIDEO_PAGE = "gebaerdensprache/"
CONSENT_PAGE = "kontakt/"


def _has(path: str, selector_text: str) -> bool:
    page = SITE_DIR / path / "index.html"
    return page.exists() and selector_text in page.read_text(encoding="utf-8")


@pytest.mark.skipif(not _has(VIDEO_PAGE, "rathaus-dgs__video"), reason="no DGS video built")
def test_video_is_playable_with_german_captions(desktop: Page, base_url: str) -> None:
    desktop.goto(f"{base_url}/{VIDEO_PAGE}")
    video = desktop.locator("video.rathaus-dgs__video").first
    video.scroll_into_view_if_needed()
    desktop.wait_for_function(
        "() => document.querySelector('video.rathaus-dgs__video').readyState >= 1"
    )
    state = video.evaluate(
        """v => ({ready: v.readyState, duration: v.duration, error: v.error,
                  autoplay: v.autoplay, paused: v.paused,
                  tracks: Array.from(v.textTracks)
                    .map(t => [t.kind, t.language, t.label, t.mode])})"""
    )
    assert state["ready"] >= 1 and state["error"] is None
    assert state["duration"] > 0
    assert state["autoplay"] is False and state["paused"] is True
    assert state["tracks"] == [["captions", "de", "Deutsch", "showing"]]
    # The native controls and the transcript are reachable by keyboard.
    summary = desktop.locator("details.rathaus-dgs__transkript summary").first
    summary.focus()
    desktop.keyboard.press("Enter")
    assert desktop.locator("details.rathaus-dgs__transkript").first.get_attribute("open") == ""


@pytest.mark.skipif(
    not _has(CONSENT_PAGE, "data-rathaus-dgs-player"), reason="no two-click player built"
)
def test_no_provider_request_before_the_click(desktop: Page, base_url: str) -> None:
    local = urlsplit(base_url).netloc
    requests: list[str] = []

    def record(route: Route) -> None:
        url = route.request.url
        requests.append(url)
        if urlsplit(url).netloc == local:
            route.continue_()
        else:
            route.abort()  # offline gate: never reach the provider, only record the attempt

    desktop.route("**/*", record)
    desktop.goto(f"{base_url}/{CONSENT_PAGE}", wait_until="networkidle")
    foreign = [u for u in requests if urlsplit(u).netloc != local]
    assert foreign == [], "requests to third parties before consent"
    assert desktop.locator("iframe").count() == 0

    button = desktop.locator("button.rathaus-dgs__laden").first
    button.focus()
    desktop.keyboard.press("Enter")  # the consent works by keyboard
    frame = desktop.locator("iframe.rathaus-dgs__player")
    frame.wait_for(state="attached")
    src = frame.get_attribute("src") or ""
    assert urlsplit(src).netloc == "www.youtube-nocookie.com"
    assert frame.get_attribute("title")
    desktop.wait_for_timeout(500)
    after = [u for u in requests if urlsplit(u).netloc != local]
    assert after and all(urlsplit(u).netloc == "www.youtube-nocookie.com" for u in after)
    assert desktop.evaluate("document.activeElement.tagName") == "IFRAME"
