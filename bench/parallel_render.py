"""Would rendering the pages on both cores pay? An experiment, not a feature (issue 19, item 3).

MkDocs renders the pages one after another (``_build_page``: context, plugins'
``on_page_context``, the theme's template, ``on_post_page``, the write). This script builds a
generated site twice in fresh subprocesses: as MkDocs does, and with the page loop split –
at the first page the process forks, the child renders every second page and exits, the
parent renders the others and waits for the child before the anchors are validated and
``on_post_build`` runs. It reports wall time, CPU, the peak RSS of each process and whether
the two outputs are byte for byte the same. The Rathaus cache is removed before each build.

    .venv/bin/python -m bench.parallel_render --size 2000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from .generate import generate
from .run import BUILD_DATE, CACHE_DIR, tree


def split_build(config_file: str, site_dir: str) -> None:
    """One build with the page loop split over a forked child (runs in its own process)."""
    import mkdocs.commands.build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.structure.pages import Page

    render = mkdocs_build._build_page
    state: dict[str, Any] = {"child": None, "mine": None}

    def build_page(page: Page, config: Any, doc_files: Any, nav: Any, env: Any, *args: Any,
                   **kwargs: Any) -> None:  # fmt: skip
        if state["mine"] is None:
            pages = [file.page for file in doc_files]
            pid = os.fork()
            if pid == 0:
                try:
                    for other in pages[1::2]:
                        excluded = other.file.inclusion.is_excluded()
                        render(other, config, doc_files, nav, env, excluded=excluded)
                    os._exit(0)
                except BaseException:
                    traceback.print_exc()
                    os._exit(1)
            state["child"], state["mine"] = pid, {id(p) for p in pages[0::2]}
        if id(page) in state["mine"]:
            render(page, config, doc_files, nav, env, *args, **kwargs)

    validate = Page.validate_anchor_links

    def wait_then_validate(self: Page, **kwargs: Any) -> None:
        if state["child"] is not None:
            _, status, usage = os.wait4(state["child"], 0)
            state["child"] = None
            print(json.dumps({"child_rss_mb": usage.ru_maxrss / 1024}), file=sys.stderr)
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit("the child process failed")
        validate(self, **kwargs)

    mkdocs_build._build_page = build_page  # type: ignore[assignment]
    Page.validate_anchor_links = wait_then_validate  # type: ignore[method-assign]
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build.build(config)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"parent_rss_mb": own}), file=sys.stderr)


def timed(command: list[str], root: Path) -> dict[str, Any]:
    shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, env=env, text=True)
    assert child.stderr is not None
    log = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(log[-3000:])
    result: dict[str, Any] = {
        "wall_s": round(time.perf_counter() - start, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
    }
    for line in log.splitlines():
        if line.startswith("{"):
            result.update({k: round(v, 1) for k, v in json.loads(line).items()})
    result.setdefault("parent_rss_mb", round(usage.ru_maxrss / 1024, 1))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parallel_render", description=__doc__)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--split", nargs=2, metavar=("CONFIG", "SITE_DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.split:
        split_build(*args.split)
        return 0
    with tempfile.TemporaryDirectory(prefix="rathaus-bench-parallel-") as tmp:
        root = Path(tmp) / "site"
        generate(root, args.size)
        config = str(root / "mkdocs.yml")
        one = Path(tmp) / "eins"
        two = Path(tmp) / "zwei"
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config]
        sequential = timed([*mkdocs, "-d", str(one)], root)
        split = timed(
            [sys.executable, "-m", "bench.parallel_render", "--split", config, str(two)], root
        )
        result = {
            "n": args.size,
            "sequential": sequential,
            "split": split,
            "identical": tree(one) == tree(two),
        }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
