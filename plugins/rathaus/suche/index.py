"""Build the Pagefind index of a finished site into ``<site>/pagefind/``.

Pagefind (the ``pagefind`` package with its binary in ``pagefind-bin``) splits the index into
chunks per language, so a browser downloads only what a search needs, and nothing before the
search page is opened.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pagefind.index import PagefindIndex

OUTPUT = "pagefind"

# Pagefind writes its own search UIs too; Rathaus has its own (rathaus-suche.js), so these
# would only be dead weight in every published site.
_UNUSED = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-ui.css",
    "pagefind-ui.js",
)


@dataclass(frozen=True)
class Suchindex:
    pages: int
    bytes: int
    seconds: float


async def _build(site_dir: Path, output: Path) -> None:
    async with PagefindIndex({"output_path": str(output)}) as index:
        # Pagefind's own walk: only pages with data-pagefind-body are indexed (not redirect
        # stubs, the 404 page, the search page or pages with `suche: nein`).
        await index.add_directory(str(site_dir))


def build(site_dir: Path) -> Suchindex:
    """Index every HTML page of ``site_dir`` that carries ``data-pagefind-body``."""
    start = time.perf_counter()
    output = site_dir / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    asyncio.run(_build(site_dir, output))
    # One fragment per indexed page (Pagefind's page_count also counts the pages it skipped).
    pages = len(list((output / "fragment").glob("*.pf_fragment")))
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    _sort_languages(output / "pagefind-entry.json")
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    return Suchindex(pages, size, time.perf_counter() - start)


def _sort_languages(entry: Path) -> None:
    """Pagefind lists the languages of a site with several (one index each, by ``<html
    lang>``) in no fixed order; sorted, the same site gives the same bytes."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


def indexed_pages(site_dir: Path) -> list[dict[str, Any]]:
    """What the index holds per page (url, content, meta, filters, anchors), sorted by URL:
    Pagefind's fragment files, each a gzipped ``pagefind_dcd`` + JSON."""
    pages = []
    for fragment in (site_dir / OUTPUT / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        pages.append(json.loads(data))
    return sorted(pages, key=lambda page: str(page["url"]))
