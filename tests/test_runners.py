"""ProperDocs 1.6 builds the demo exactly as MkDocs 1.6 does, apart from the generator tag.

Both run as their own command in their own process: ProperDocs redirects every ``mkdocs.*``
import to ``properdocs.*`` (``properdocs/replacement.py``), which must not meet the MkDocs
modules this test process has already imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import rathaus
from tests.conftest import copy_demo

# The only line that may differ: Material writes the generator as "mkdocs-{{ mkdocs_version }}",
# which ProperDocs fills with "ProperDocs <version>".
GENERATORS = {
    "mkdocs": f'<meta name="generator" content="mkdocs-{version("mkdocs")}, '.encode(),
    "properdocs": (
        f'<meta name="generator" content="mkdocs-ProperDocs {version("properdocs")}, '.encode()
    ),
}
NORMALISED = b'<meta name="generator" content="mkdocs-RUNNER, '


def _build(runner: str, root: Path) -> dict[str, bytes]:
    """Build ``root`` with ``runner`` (relative ``-f``, as a town would type it); every output
    file with the runner's generator tag normalised."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(Path(rathaus.__file__).parent.parent), os.environ.get("PYTHONPATH", "")]
        ),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1803859200",
    }
    command = [sys.executable, "-m", runner, "build", "--strict", "-q", "-f", "mkdocs.yml"]
    done = subprocess.run(
        [*command, "-d", "site"], cwd=root, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    site = root / "site"
    files = {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }
    tagged = {name for name, data in files.items() if GENERATORS[runner] in data}
    assert "index.html" in tagged, f"{runner} wrote no generator tag: the normalising is stale"
    return {name: data.replace(GENERATORS[runner], NORMALISED) for name, data in files.items()}


def test_properdocs_builds_the_demo_as_mkdocs_does(tmp_path: Path) -> None:
    mkdocs = _build("mkdocs", copy_demo(tmp_path / "mkdocs"))
    properdocs = _build("properdocs", copy_demo(tmp_path / "properdocs"))
    assert sorted(properdocs) == sorted(mkdocs)
    assert len(mkdocs) > 50
    assert [name for name in mkdocs if properdocs[name] != mkdocs[name]] == []
