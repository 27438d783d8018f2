"""Screenshots of the demo for the README's gallery, as residents see the first screen.

    .venv/bin/python scripts/gallery.py            # build the demo, write screenshots/
    .venv/bin/python scripts/gallery.py --site DIR # use a site that is already built

The start page, a unit page, its Leichte Sprache twin and the index from A to Z, each at
1280 × 900 (desktop) and 320 × 640 (phone), in headless Chromium. The build date is fixed
(SOURCE_DATE_EPOCH), so the same commit gives the same pictures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from rathaus.audit import serve
from rathaus.audit.reports import CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "screenshots"
BUILD_DATE = "1803859200"  # 2027-03-01, the date the demo's tests build with
PAGES = (
    ("startseite", ""),
    ("einheit", "verwaltung/buergerbuero/"),
    ("einheit-leichte-sprache", "leichte-sprache/verwaltung/buergerbuero/"),
    ("themen", "themen/"),
    ("suche", "suche/?suchwort=Pass"),
    ("einheit-arabisch", "ar/verwaltung/kommunales-integrationszentrum/"),
)
SIZES = (("desktop", 1280, 900), ("handy", 320, 640))


def build(target: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)]
    subprocess.run(command, cwd=REPO, env=env, check=True)


def shoot(site: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("RATHAUS_CHROMIUM", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
        )
        for size, width, height in SIZES:
            context = browser.new_context(
                viewport={"width": width, "height": height},
                locale="de-DE",
                reduced_motion="reduce",
            )
            page = context.new_page()
            for name, path in PAGES:
                page.goto(f"{base}/{path}", wait_until="networkidle")
                target = OUT / f"{name}-{size}.png"
                page.screenshot(path=str(target))
                written.append(target)
            context.close()
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the demo)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if args.site:
        written = shoot(args.site)
    else:
        with tempfile.TemporaryDirectory() as temp:
            build(Path(temp) / "site")
            written = shoot(Path(temp) / "site")
    for path in written:
        print(f"geschrieben: {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
