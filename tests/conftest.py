"""Shared fixtures: copies of small fixture sites, built with MkDocs into tmp_path."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

FIXTURES = Path(__file__).parent / "fixtures" / "sites"
REPO = Path(__file__).parent.parent

# Build results must not depend on the day the tests run.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1803859200")  # 2027-03-01 00:00 UTC


@pytest.fixture
def fixture_site(tmp_path: Path) -> Callable[[str], Path]:
    """Copy ``tests/fixtures/sites/<name>`` into tmp_path; tests may change the copy."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy


def copy_demo(target: Path, docs: str = "content", data: str = "data") -> Path:
    """The demo in ``target`` (which must not exist), its pages in ``docs`` and its data in
    ``data``, with the settings that say so: ``docs_dir``, and ``data_dir`` once in the
    ``rathaus`` block (or on every old feature entry that reads data). The theme comes from
    the package, so nothing else is needed."""
    from rathaus.project import SHARED_OPTIONS

    target.mkdir(parents=True)
    shutil.copytree(REPO / "content", target / docs)
    shutil.copytree(REPO / "data", target / data)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: content\n", f"docs_dir: {docs}\n")
    if data != "data" and "  - rathaus:\n" in text:
        text = text.replace("  - rathaus:\n", f"  - rathaus:\n      data_dir: {data}\n")
    elif data != "data":
        for plugin in SHARED_OPTIONS["data_dir"]:
            bare, with_options = f"  - {plugin}\n", f"  - {plugin}:\n"
            option = f"      data_dir: {data}\n"
            if bare in text:
                text = text.replace(bare, with_options + option)
            else:
                assert with_options in text, plugin
                text = text.replace(with_options, with_options + option)
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    return target


def build_site(root: Path, **overrides: object) -> Path:
    """Build ``root/mkdocs.yml`` strictly into ``root/site`` and return that folder."""
    out = root / "site"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out), strict=True, **overrides)
    build(config)
    return out


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))
