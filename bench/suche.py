"""The search at 500 … 10 000 pages: index build time and size, bytes of a first search.

    .venv/bin/python -m bench.suche --sizes 500,1000,2000,5000,10000

For each N the generated municipality (``bench/generate.py``) is built once with Rathaus;
then ``rathaus.suche.index.build`` runs ``repeat`` times on the built site (wall time, the
minimum is reported; the size of ``pagefind/``). Chromium opens the search page of the site,
served locally, and searches for a service, a unit, a common word and a two-letter prefix;
the bytes downloaded from ``pagefind/`` for each first search (a fresh browser context, so
nothing is cached) are recorded. Results: ``bench/results/suche.json`` and ``suche.md``.
No timing is ever asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from playwright.sync_api import sync_playwright

from rathaus.audit import serve
from rathaus.audit.reports import CHROMIUM_ARGS
from rathaus.suche.index import build as build_index

from .generate import generate
from .run import RESULTS, build, hardware


def queries(root: Path) -> dict[str, str]:
    """What residents would type on this site: a service, a unit, a common word, a prefix."""
    services = yaml.safe_load((root / "data" / "leistungen.yml").read_text(encoding="utf-8"))
    units = yaml.safe_load((root / "data" / "einheiten.yml").read_text(encoding="utf-8"))
    return {
        "Leistung": str(services[0]["name"]),
        "Einheit": str(units[0]["name"]),
        "häufiges Wort": "Antrag",
        "zwei Buchstaben": "Be",
    }


def first_search_bytes(site: Path, words: dict[str, str]) -> dict[str, int]:
    """Bytes from pagefind/ for each query, each in a fresh context (an empty cache)."""
    result: dict[str, int] = {}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        for label, word in words.items():
            context = browser.new_context()
            loaded: dict[str, int] = {}
            context.on(
                "requestfinished",
                lambda r, seen=loaded: seen.__setitem__(r.url, r.sizes()["responseBodySize"]),
            )
            page = context.new_page()
            page.goto(f"{url}/suche/?suchwort={quote(word)}")
            status = page.locator("[data-suche-status]")
            for _ in range(300):
                text = status.text_content() or ""
                if text and "läuft" not in text:
                    break
                page.wait_for_timeout(100)
            page.wait_for_load_state("networkidle")
            result[label] = sum(size for u, size in loaded.items() if "/pagefind/" in u)
            context.close()
        browser.close()
    return result


def bench_size(n: int, repeat: int, work: Path, seed: int) -> dict[str, Any]:
    root = work / f"n{n}"
    generate(root, n, seed=seed, prune=True)
    print(f"N={n}: building the site", file=sys.stderr, flush=True)
    build(root / "mkdocs.yml", root / "site")
    runs = []
    for _ in range(repeat):
        built = build_index(root / "site")
        runs.append(built)
        print(f"N={n}: index {built.seconds:.1f} s, {built.bytes / 1e6:.1f} MB", file=sys.stderr)
    words = queries(root)
    downloads = first_search_bytes(root / "site", words)
    return {
        "n": n,
        "indexed_pages": runs[0].pages,
        "index_s": round(min(r.seconds for r in runs), 2),
        "index_all_s": [round(r.seconds, 2) for r in runs],
        "index_bytes": runs[0].bytes,
        "first_search_bytes": downloads,
        "queries": words,
    }


def markdown(results: list[dict[str, Any]], machine: dict[str, Any]) -> str:
    lines = [
        f"Search (Pagefind {machine['pagefind']}); index time: minimum of the runs; first "
        "search: bytes from pagefind/ with an empty cache.",
        "",
        "| N | indexed pages | index s | index MB | first search KB (service / unit / "
        "common word / two letters) |",
        "| ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        kb = " / ".join(f"{v / 1024:.0f}" for v in r["first_search_bytes"].values())
        lines.append(
            f"| {r['n']} | {r['indexed_pages']} | {r['index_s']:.1f} | "
            f"{r['index_bytes'] / 1e6:.1f} | {kb} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.suche")
    parser.add_argument("--sizes", default="500,1000,2000,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    machine = {**hardware(), "pagefind": "1.5.2"}
    with tempfile.TemporaryDirectory(prefix="rathaus-bench-suche-") as tmp:
        results = [
            bench_size(int(n), args.repeat, Path(tmp), args.seed) for n in args.sizes.split(",")
        ]
    RESULTS.mkdir(exist_ok=True)
    data = {"machine": machine, "date": time.strftime("%Y-%m-%d"), "sizes": results}
    (RESULTS / "suche.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / "suche.md").write_text(markdown(results, machine), encoding="utf-8")
    print(markdown(results, machine))
    return 0


if __name__ == "__main__":
    sys.exit(main())
