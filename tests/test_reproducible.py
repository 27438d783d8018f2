"""Two builds of the same commit produce byte-identical output (SOURCE_DATE_EPOCH fixed)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO, build_site


def copy_demo(target: Path) -> Path:
    target.mkdir()
    for name in ("mkdocs.yml", "content", "data", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)
    return target


def test_demo_builds_byte_identical_twice(tmp_path: Path) -> None:
    first = build_site(copy_demo(tmp_path / "eins"))
    second = build_site(copy_demo(tmp_path / "zwei-mit-anderem-pfad"))
    files_first = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_second = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_first == files_second
    assert len(files_first) > 50
    different = [
        str(name)
        for name in files_first
        if (first / name).read_bytes() != (second / name).read_bytes()
    ]
    assert different == []
    # No absolute build path leaks into the output.
    for name in files_first:
        data = (first / name).read_bytes()
        assert str(tmp_path).encode() not in data, name
