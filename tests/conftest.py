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


def build_site(root: Path, **overrides: object) -> Path:
    """Build ``root/mkdocs.yml`` strictly into ``root/site`` and return that folder."""
    out = root / "site"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out), strict=True, **overrides)
    build(config)
    return out


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))
