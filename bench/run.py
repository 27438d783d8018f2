"""Build the synthetic sites with Rathaus (a) and as plain Material (b); report and fit.

For each N: generate (a), build it once untimed with ``dump_hook.py`` (warm-up; writes the
final Markdown of every page as the content of (b)), build (b) once untimed, then
``repeat`` timed rounds that alternate the order (a, b), (b, a), … Each build is a fresh
``python -m mkdocs build`` subprocess into an emptied folder, without Rathaus' cache between
builds (cold; ``measure_cache`` times warm builds on their own); wall time, user+sys CPU and
peak RSS come from ``os.wait4`` of exactly that child. Minima are reported (the machine is
shared; the minimum is the least disturbed run), and the load average before every run is
recorded. No timing is ever asserted.
"""

from __future__ import annotations

import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from .generate import generate, write_config
from .serve_reload import measure, measure_site

SERVE_EDITS = ("record", "page", "leichte_sprache", "title")

RESULTS = Path(__file__).resolve().parent / "results"
CACHE_DIR = ".cache/rathaus"  # the default of the `cache` feature
BUILD_DATE = "1803988800"  # 2027-03-01 12:00 UTC, as in tests/conftest.py


@dataclass
class Run:
    wall_s: float
    cpu_s: float
    rss_mb: float
    load: float


@dataclass
class Variant:
    name: str
    root: Path
    runs: list[Run] = field(default_factory=list)
    pages: int = 0
    output_bytes: int = 0
    page_bytes: int = 0
    largest_page: tuple[int, str] = (0, "")


def build(
    config: Path, out: Path, extra_env: dict[str, str] | None = None, *, warm: bool = False
) -> Run:
    """One MkDocs build in a child process; fails on any WARNING/ERROR line or exit code.
    Cold unless ``warm``: Rathaus' cache between builds (``.cache/rathaus``) is removed."""
    if out.exists():
        shutil.rmtree(out)
    if not warm:
        shutil.rmtree(config.parent / CACHE_DIR, ignore_errors=True)
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": BUILD_DATE,
        "NO_MKDOCS_2_WARNING": "1",
        **(extra_env or {}),
    }
    load = os.getloadavg()[0]
    log = out.parent / f"{out.name}.log"
    with log.open("wb") as sink:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(out)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    bad = [line for line in text.splitlines() if line.startswith(("WARNING", "ERROR"))]
    if child.returncode != 0 or bad:
        raise SystemExit(f"build of {config} failed ({child.returncode}):\n{text[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, load)


def measure_output(variant: Variant, out: Path, sample: str) -> None:
    total, pages, largest = 0, 0, (0, "")
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html" and path.name != "404.html":
            pages += 1
            largest = max(largest, (size, path.relative_to(out).as_posix()))
    variant.output_bytes, variant.pages, variant.largest_page = total, pages, largest
    variant.page_bytes = (out / sample.removesuffix(".md") / "index.html").stat().st_size


def fit_exponent(ns: list[int], walls: list[float]) -> float | None:
    """Least-squares slope of log(wall) over log(N)."""
    if len(ns) < 2:
        return None
    xs, ys = [math.log(n) for n in ns], [math.log(w) for w in walls]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx


def hardware() -> dict[str, Any]:
    cpu = "unknown"
    with Path("/proc/cpuinfo").open(encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = 0
    with Path("/proc/meminfo").open(encoding="utf-8") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) // 1024
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_mb": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "material": metadata.version("mkdocs-material"),
        "jinja2": metadata.version("jinja2"),
        "markdown": metadata.version("markdown"),
    }


def dumped(nav: list[Any], content: Path) -> list[Any]:
    """``nav`` without the pages that are not in ``content``."""
    kept: list[Any] = []
    for entry in nav:
        if isinstance(entry, str):
            if (content / entry).is_file():
                kept.append(entry)
            continue
        [(title, target)] = entry.items()
        if isinstance(target, list):
            target = dumped(target, content)
            if target:
                kept.append({title: target})
        elif "://" in target or (content / target).is_file():
            kept.append(entry)
    return kept


def bench_size(n: int, repeat: int, work: Path, *, prune: bool, seed: int) -> dict[str, Any]:
    a = Variant("rathaus", work / f"n{n}" / "a")
    b = Variant("plain", work / f"n{n}" / "b")
    plan = generate(a.root, n, seed=seed, prune=prune)
    if b.root.exists():
        shutil.rmtree(b.root)
    (b.root / "content").mkdir(parents=True)
    write_config(b.root, plan.nav, prune=prune, rathaus=False)
    dump_config = a.root / "mkdocs.dump.yml"
    config = yaml.safe_load((a.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(Path(__file__).resolve().parent / "dump_hook.py")]
    dump_config.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    print(f"N={n}: warm-up builds", file=sys.stderr, flush=True)
    build(dump_config, a.root / "site", {"RATHAUS_BENCH_DUMP": str(b.root / "content")})
    # Pages (a) leaves out of a build (the handbook is a draft) were not dumped.
    write_config(b.root, dumped(plan.nav, b.root / "content"), prune=prune, rathaus=False)
    build(b.root / "mkdocs.yml", b.root / "site")
    for r in range(repeat):
        for variant in (a, b) if r % 2 == 0 else (b, a):
            run = build(variant.root / "mkdocs.yml", variant.root / "site")
            variant.runs.append(run)
            print(
                f"N={n} round {r + 1} {variant.name}: {run.wall_s:.1f} s wall, "
                f"{run.cpu_s:.1f} s CPU, {run.rss_mb:.0f} MB, load {run.load:.1f}",
                file=sys.stderr,
                flush=True,
            )
    for variant in (a, b):
        measure_output(variant, variant.root / "site", plan.sample_page)
    result: dict[str, Any] = {"n": n, "sample_page": plan.sample_page}
    for variant in (a, b):
        walls = [r.wall_s for r in variant.runs]
        result[variant.name] = {
            "pages": variant.pages,
            "wall_s": round(min(walls), 2),
            "wall_all_s": [round(w, 2) for w in walls],
            "cpu_s": round(min(r.cpu_s for r in variant.runs), 2),
            "rss_mb": round(max(r.rss_mb for r in variant.runs), 1),
            "output_bytes": variant.output_bytes,
            "page_bytes": variant.page_bytes,
            "largest_page": {"bytes": variant.largest_page[0], "path": variant.largest_page[1]},
            "load_before_runs": [round(r.load, 2) for r in variant.runs],
        }
    result["overhead_ratio"] = round(result["rathaus"]["wall_s"] / result["plain"]["wall_s"], 3)
    result["overhead_ratio_cpu"] = round(result["rathaus"]["cpu_s"] / result["plain"]["cpu_s"], 3)
    return result


def report(sizes: list[dict[str, Any]], *, prune: bool, repeat: int) -> dict[str, Any]:
    ns = [s["n"] for s in sizes]
    fit = [s for s in sizes if s["n"] >= 500]
    ra = [s["rathaus"] for s in sizes]
    exponent = fit_exponent([s["n"] for s in fit], [s["rathaus"]["wall_s"] for s in fit])
    plain_exp = fit_exponent([s["n"] for s in fit], [s["plain"]["wall_s"] for s in fit])
    cpu_exp = fit_exponent([s["n"] for s in fit], [s["rathaus"]["cpu_s"] for s in fit])
    return {
        "n": ns,
        "pages": [r["pages"] for r in ra],
        "wall_s": [r["wall_s"] for r in ra],
        "pages_per_s": [round(r["pages"] / r["wall_s"], 1) for r in ra],
        "ms_per_page": [round(1000 * r["wall_s"] / r["pages"], 2) for r in ra],
        "rss_mb": [r["rss_mb"] for r in ra],
        "output_bytes": [r["output_bytes"] for r in ra],
        "page_bytes": [r["page_bytes"] for r in ra],
        "overhead_ratio": [s["overhead_ratio"] for s in sizes],
        "exponent": None if exponent is None else round(exponent, 3),
        "exponent_plain": None if plain_exp is None else round(plain_exp, 3),
        "exponent_cpu": None if cpu_exp is None else round(cpu_exp, 3),
        "navigation": (
            "navigation.prune without navigation.sections"
            if prune
            else "full (navigation.sections, no prune)"
        ),
        "repeat": repeat,
        "method": "minimum wall time of alternating fresh subprocess builds; RSS from wait4",
        "hardware": hardware(),
        "load_average": {
            "min": min(min(s[v]["load_before_runs"]) for s in sizes for v in ("rathaus", "plain")),
            "max": max(max(s[v]["load_before_runs"]) for s in sizes for v in ("rathaus", "plain")),
        },
        "sizes": sizes,
    }


def markdown_table(data: dict[str, Any]) -> str:
    hw = data["hardware"]
    fit = [s for s in data["sizes"] if s["n"] >= 500]
    cpu_exp = fit_exponent([s["n"] for s in fit], [s["rathaus"]["cpu_s"] for s in fit])
    cpu_text = "–" if cpu_exp is None else f"{cpu_exp:.2f}"
    lines = [
        f"Navigation: {data['navigation']}; minimum of {data['repeat']} alternating runs; "
        f"scaling exponent (Rathaus, wall ~ N^k over N ≥ 500): **{data['exponent']}** "
        f"(plain Material: {data['exponent_plain']}); the same fit of CPU time (user+sys, less "
        f"disturbed by other jobs on the machine): **{cpu_text}**.",
        "",
        f"Hardware: {hw['cpu']}, {hw['cores']} cores, {hw['ram_mb'] // 1024} GiB RAM; "
        f"Python {hw['python']}, MkDocs {hw['mkdocs']}, Material {hw['material']}; "
        f"1-min load average before the runs {data['load_average']['min']}–"
        f"{data['load_average']['max']} (shared machine).",
        "",
        "| N | pages | wall s | pages/s | ms/page | CPU s | peak RSS MB | output MB | page KB "
        "| largest page KB | plain wall s | plain CPU s | overhead wall | overhead CPU |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: |",
    ]
    for s in data["sizes"]:
        a, b = s["rathaus"], s["plain"]
        lines.append(
            f"| {s['n']} | {a['pages']} | {a['wall_s']:.1f} | {a['pages'] / a['wall_s']:.0f} "
            f"| {1000 * a['wall_s'] / a['pages']:.1f} | {a['cpu_s']:.1f} | {a['rss_mb']:.0f} "
            f"| {a['output_bytes'] / 1e6:.0f} | {a['page_bytes'] / 1024:.1f} "
            f"| {a['largest_page']['bytes'] / 1024:.0f} | {b['wall_s']:.1f} | {b['cpu_s']:.1f} "
            f"| {s['overhead_ratio']:.2f} | {s['overhead_ratio_cpu']:.2f} |"
        )
    if data.get("cache"):
        lines += [
            "",
            "Cache between builds (`.cache/rathaus`): a cold build (no cache) and the fastest "
            "of the warm builds without any change; the warm output compared byte for byte "
            "with the cold one.",
            "",
            "| N | pages | cold s | warm s | warm / cold | peak RSS MB | cache MB | identical |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for entry in data["cache"]:
            cold, warm = entry["cold"], entry["warm"]
            lines.append(
                f"| {entry['n']} | {entry['pages']} | {cold['wall_s']:.1f} "
                f"| {warm['wall_s']:.1f} | {entry['warm_ratio']:.2f} "
                f"| {max(cold['rss_mb'], warm['rss_mb']):.0f} "
                f"| {entry['cache_bytes'] / 1e6:.0f} | {'yes' if entry['identical'] else 'NO'} |"
            )
    demo = data.get("serve_reload", {})
    serve = [("demo", demo)] if "record" in demo else []
    serve += [(f"{entry['n']} pages", entry) for entry in data.get("serve", [])]
    if serve:
        lines += [
            "",
            "`mkdocs serve`: seconds from saving a change until the open page shows it "
            "(shown) and until the whole site is rebuilt (complete); minimum of the rounds.",
            "",
            "| site | first build s | record shown / complete | page | Leichte Sprache page "
            "| title |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, entry in serve:
            cells = [
                f"{entry[what]['shown_s']:.1f} / {entry[what]['complete_s']:.1f}"
                for what in SERVE_EDITS
            ]
            lines.append(f"| {name} | {entry['first_build_s']:.0f} | {' | '.join(cells)} |")
    return "\n".join(lines) + "\n"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def measure_cache(sizes: str, seed: int, *, prune: bool, repeat: int = 2) -> list[dict[str, Any]]:
    """A cold build (no cache) and warm builds without any change of a generated site of
    each size; whether the warm output is byte for byte the cold one."""
    results = []
    for n in (int(size) for size in sizes.split(",") if size):
        with tempfile.TemporaryDirectory(prefix="rathaus-bench-cache-") as tmp:
            root = Path(tmp) / "site"
            generate(root, n, seed=seed, prune=prune)
            config = root / "mkdocs.yml"
            cold = build(config, Path(tmp) / "kalt")
            warm = [build(config, Path(tmp) / f"warm{r}", warm=True) for r in range(repeat)]
            identical = tree(Path(tmp) / "kalt") == tree(Path(tmp) / "warm0")
            fastest = min(warm, key=lambda run: run.wall_s)
            print(
                f"N={n}: cold {cold.wall_s:.1f} s, warm {fastest.wall_s:.1f} s, "
                f"identical: {identical}",
                file=sys.stderr,
                flush=True,
            )
            results.append(
                {
                    "n": n,
                    "pages": sum(1 for _ in (Path(tmp) / "kalt").rglob("*.html")),
                    "cold": {
                        "wall_s": round(cold.wall_s, 2),
                        "cpu_s": round(cold.cpu_s, 2),
                        "rss_mb": round(cold.rss_mb, 1),
                    },
                    "warm": {
                        "wall_s": round(fastest.wall_s, 2),
                        "cpu_s": round(fastest.cpu_s, 2),
                        "rss_mb": round(max(r.rss_mb for r in warm), 1),
                        "wall_all_s": [round(r.wall_s, 2) for r in warm],
                    },
                    "warm_ratio": round(fastest.wall_s / cold.wall_s, 3),
                    "identical": identical,
                    "cache_bytes": sum(
                        p.stat().st_size for p in (root / CACHE_DIR).rglob("*") if p.is_file()
                    ),
                }
            )
    return results


def measure_generated(sizes: str, seed: int, *, prune: bool) -> list[dict[str, Any]]:
    """`mkdocs serve` on a generated site of each size (bench/serve_reload.py)."""
    results = []
    for n in (int(size) for size in sizes.split(",") if size):
        with tempfile.TemporaryDirectory(prefix="rathaus-bench-serve-") as tmp:
            plan = generate(Path(tmp), n, seed=seed, prune=prune)
            print(f"N={n}: mkdocs serve", file=sys.stderr, flush=True)
            results.append({"n": n, "sample_page": plan.sample_page, **measure_site(Path(tmp))})
    return results


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="500,1000,2000,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--nav", choices=["prune", "full"], default="prune")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", default=str(RESULTS / "latest"), help="path without suffix")
    parser.add_argument("--workdir", help="keep the generated sites here (default: temp dir)")
    parser.add_argument(
        "--serve-only",
        action="store_true",
        help="only measure `mkdocs serve` (demo and --serve-sizes) and add it to the .json",
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the serve measurement")
    parser.add_argument(
        "--cache-only",
        action="store_true",
        help="only measure cold and warm builds (--cache-sizes) and add them to the .json",
    )
    parser.add_argument(
        "--cache-sizes",
        default="2000,10000",
        help="generated sites whose cold and warm builds are measured",
    )
    parser.add_argument(
        "--serve-sizes",
        default="2000,10000",
        help="generated sites whose `mkdocs serve` is measured (with the demo)",
    )
    parser.add_argument(
        "--render", action="store_true", help="only rewrite the .md table from the .json"
    )
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.render or args.serve_only or args.cache_only:
        data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
        if args.cache_only:
            data["cache"] = measure_cache(args.cache_sizes, args.seed, prune=args.nav == "prune")
            out.with_suffix(".json").write_text(
                json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        if args.serve_only:
            data["serve_reload"] = measure()
            data["serve"] = measure_generated(
                args.serve_sizes, args.seed, prune=args.nav == "prune"
            )
            out.with_suffix(".json").write_text(
                json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        out.with_suffix(".md").write_text(markdown_table(data), encoding="utf-8")
        print(markdown_table(data))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    prune = args.nav == "prune"
    with tempfile.TemporaryDirectory(prefix="rathaus-bench-") as tmp:
        work = Path(args.workdir) if args.workdir else Path(tmp)
        results = []
        out.parent.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            results.append(bench_size(n, args.repeat, work, prune=prune, seed=args.seed))
            if not args.workdir:
                shutil.rmtree(work / f"n{n}", ignore_errors=True)
            data = report(results, prune=prune, repeat=args.repeat)  # written after each N
            out.with_suffix(".json").write_text(
                json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            out.with_suffix(".md").write_text(markdown_table(data), encoding="utf-8")
    data["cache"] = measure_cache(args.cache_sizes, args.seed, prune=prune)
    if not args.no_serve:
        data["serve_reload"] = measure()
        data["serve"] = measure_generated(args.serve_sizes, args.seed, prune=prune)
        out.with_suffix(".json").write_text(
            json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        out.with_suffix(".md").write_text(markdown_table(data), encoding="utf-8")
    print(markdown_table(data))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
