"""Shared fixtures: copies of small fixture sites, built with MkDocs into tmp_path."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from ruamel.yaml import YAML
from selectolax.lexbor import LexborHTMLParser

from rathaus.starter import Angaben

FIXTURES = Path(__file__).parent / "fixtures" / "sites"
REPO = Path(__file__).parent.parent

# Build results must not depend on the day the tests run.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1803859200")  # 2027-03-01 00:00 UTC


@pytest.fixture(autouse=True)
def no_cache_left_over() -> Iterator[None]:
    """A test that built a site leaves its cache as the current one; the next test starts
    without (rathaus.cache.use)."""
    yield
    from rathaus import cache

    cache.use(None)


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
    the package; the demo's (empty) overrides/ comes along because mkdocs.yml names it."""
    from rathaus.project import SHARED_OPTIONS

    target.mkdir(parents=True)
    shutil.copytree(REPO / "content", target / docs)
    shutil.copytree(REPO / "data", target / data)
    shutil.copytree(REPO / "overrides", target / "overrides")
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


def only(**features: Mapping[str, Any]) -> dict[str, Any]:
    """The plugin entry ``rathaus`` with only ``features`` on, each with its options."""
    from rathaus.adapter.plugin import FEATURES

    return {
        "rathaus": {
            key: dict(features[key]) if key in features else {"enabled": False}
            for key, _, _ in FEATURES
        }
    }


def set_feature(root: Path, feature: str, options: Mapping[str, Any] | None = None) -> None:
    """Turn ``feature`` of the ``rathaus`` entry in ``root/mkdocs.yml`` on with ``options``
    (they replace its block) or, with ``options=None``, off. The rest of the file, comments
    included, stays as it is."""
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    path = root / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"))
    block = next(
        entry["rathaus"]
        for entry in config["plugins"]
        if isinstance(entry, Mapping) and "rathaus" in entry
    )
    block[feature] = {"enabled": False} if options is None else dict(options)
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(config, stream)


def build_site(root: Path, **overrides: object) -> Path:
    """Build ``root/mkdocs.yml`` into ``root/site`` (strictly unless ``strict=False``) and
    return that folder."""
    out = root / "site"
    settings: dict[str, Any] = {"site_dir": str(out), "strict": True, **overrides}
    config = load_config(str(root / "mkdocs.yml"), **settings)
    build(config)
    return out


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


# The town of `rathaus init` in the tests: a site that shares nothing with the demo.
TOWN = Angaben("Stadt Beispielstadt", "NW", "https://www.beispielstadt.de")


def fill_placeholders(root: Path) -> None:
    """What the editors of a new site do: real values instead of the placeholders of
    `rathaus init`, the markers deleted."""
    for path in [*root.glob("data/*.yml"), *root.rglob("content/**/*.md")]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"<!-- BITTE AUSFÜLLEN.*?-->\n", "", text, flags=re.DOTALL)
        text = re.sub(r" *# BITTE AUSFÜLLEN[^\n]*", "", text)
        text = text.replace("land.invalid", "schlichtung.beispielland.de")
        path.write_text(text, encoding="utf-8")
