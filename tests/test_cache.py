"""The cache between builds (rathaus.cache, rathaus/cache): what it keeps, and that a build
with it is the build without it."""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.structure.pages import Page

from rathaus import cache, safety
from rathaus.cache import Store
from rathaus.leichte_sprache import linter
from tests.conftest import build_site, set_feature

PAGE = "Wir sind da.\n\n## Sprechzeiten\n\nMontag bis Freitag.\n\n[Impressum](impressum.md)\n"


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The pages MkDocs converted from Markdown (not taken from the cache)."""
    converted: list[str] = []
    original = Page.render

    def render(self: Page, config: Any, files: Any) -> None:
        converted.append(self.file.src_uri)
        original(self, config, files)

    monkeypatch.setattr(Page, "render", render)
    yield converted


def site(fixture_site: Any, extensions: str = "") -> Path:
    """Testdorf (tests/fixtures/sites/klein) with a page that links to another."""
    root: Path = fixture_site("klein")
    (root / "content" / "index.md").write_text("# Startseite\n\n" + PAGE, encoding="utf-8")
    (root / "content" / "impressum.md").write_text("# Impressum\n\nRathaus.\n", "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(extensions + config.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def build_into(root: Path, name: str, **overrides: object) -> dict[str, bytes]:
    out = root.parent / name
    build_site(root, site_dir=str(out), **overrides)
    built = files_of(out)
    assert "index.html" in built
    return built


# --- the store ---------------------------------------------------------------------------


def test_entries_are_kept_when_the_build_finishes(tmp_path: Path) -> None:
    store = Store(tmp_path / "c")
    store.put("k", "a", {"html": "<p>1</p>"})
    assert store.get("k", "a") == {"html": "<p>1</p>"}
    assert Store(tmp_path / "c").get("k", "a") is None  # not written yet
    store.finish()
    store.close()
    assert Store(tmp_path / "c").get("k", "a") == {"html": "<p>1</p>"}


def test_entries_no_build_uses_are_dropped(tmp_path: Path) -> None:
    store = Store(tmp_path / "c")
    store.put("k", "alt", "x")
    store.put("k", "genutzt", "y")
    store.finish()
    for _ in range(cache.KEEP_BUILDS):
        assert store.get("k", "genutzt") == "y"
        store.finish()
    assert store.get("k", "alt") is None
    assert store.get("k", "genutzt") == "y"


def damage_by_bytes(file: Path) -> None:
    file.write_bytes(b"kein SQLite" * 100)


def damage_by_shape(file: Path) -> None:
    """A valid SQLite file whose entry table has another shape: it fails when read."""
    other = sqlite3.connect(file)
    other.execute("CREATE TABLE entry (kind TEXT, key TEXT)")
    other.commit()
    other.close()


@pytest.mark.parametrize("damage", [damage_by_bytes, damage_by_shape])
def test_a_damaged_cache_file_is_replaced(tmp_path: Path, damage: Any) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    damage(folder / cache.FILE_NAME)
    store = Store(folder)
    assert store.get("k", "a") is None
    store.put("k", "a", 1)
    store.finish()
    assert Store(folder).get("k", "a") == 1


def test_a_broken_text_is_kept_as_it_is(tmp_path: Path) -> None:
    text = "Sprechzeiten \ud800 kaputt"  # a lone surrogate: not encodable as UTF-8
    entry = cache.key(text)
    assert entry is not None
    store = Store(tmp_path / "c")
    store.put("k", entry, text)
    store.finish()
    assert Store(tmp_path / "c").get("k", entry) == text


def test_the_cache_folder_keeps_itself_out_of_git(tmp_path: Path) -> None:
    store = Store(tmp_path / "c")
    store.finish()
    assert (tmp_path / "c" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def slugify(text: str, separator: str) -> str:
    return text


unnamed_slugify = lambda text, separator: text  # noqa: E731 – a function without a stable name


def test_keys_name_functions_and_refuse_what_has_no_stable_text() -> None:
    assert cache.key({"toc": {"slugify": slugify}}) == cache.key({"toc": {"slugify": slugify}})
    assert cache.key({"b": 1, "a": 2}) == cache.key({"a": 2, "b": 1})
    assert cache.key("text", 1) != cache.key("text", 2)
    assert cache.key(functools.partial(slugify, separator="-")) is not None
    assert cache.key(lambda text: text) is None
    assert cache.key(object()) is None


def test_extensions_that_may_read_files_are_not_trusted() -> None:
    assert cache.untrusted_extensions(["toc", "tables", "pymdownx.superfences"]) == []
    assert cache.untrusted_extensions(["rathaus.tabellen", "markdown.extensions.abbr"]) == []
    assert cache.untrusted_extensions(["pymdownx.snippets", "toc"]) == ["pymdownx.snippets"]
    assert cache.untrusted_extensions(["eigene.erweiterung"]) == ["eigene.erweiterung"]
    assert cache.untrusted_extensions(["eigene.erweiterung"], ["eigene.erweiterung"]) == []


# --- builds ------------------------------------------------------------------------------


def test_a_warm_build_converts_and_lints_nothing_and_writes_the_same_site(
    fixture_site: Any, conversions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    linted: list[str] = []
    issues = linter.issues

    def lint(text: Any, settings: Any) -> Any:
        linted.append(text.source)
        return issues(text, settings)

    monkeypatch.setattr(linter, "issues", lint)
    markdown_runs: list[str] = []
    convert = markdown.Markdown.convert

    def run(md: markdown.Markdown, text: str) -> str:
        markdown_runs.append(text)
        return convert(md, text)

    monkeypatch.setattr(markdown.Markdown, "convert", run)
    scanned: list[str] = []
    element = safety._Collector.element

    def scan(collector: Any, node: Any) -> None:
        scanned.append(node.tag)
        element(collector, node)

    monkeypatch.setattr(safety._Collector, "element", scan)
    root = fixture_site("leichte-sprache")
    set_feature(root, "pruefung", {})  # with the content check before and during the build
    linter.clear_cache()  # other tests linted the same texts in this process
    cold = build_into(root, "kalt")
    assert len(conversions) > 5
    assert len(linted) > 5
    assert len(markdown_runs) > len(conversions)  # the content check converts, too
    assert scanned  # and reads the HTML
    assert (root / ".cache" / "rathaus" / cache.FILE_NAME).is_file()
    linter.clear_cache()  # as a new process: only the cache folder is left
    for calls in (conversions, linted, markdown_runs, scanned):
        calls.clear()
    warm = build_into(root, "warm")
    assert (conversions, linted, markdown_runs, scanned) == ([], [], [], [])
    assert warm == cold


def test_a_changed_page_is_converted_again(fixture_site: Any, conversions: list[str]) -> None:
    root = site(fixture_site)
    build_into(root, "eins")
    page = root / "content" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNeu: Termine online.\n", "utf-8")
    conversions.clear()
    second = build_into(root, "zwei")
    assert conversions == ["index.md"]
    assert b"Neu: Termine online." in second["index.html"]
    set_feature(root, "cache", None)
    assert second == build_into(root, "ohne")


def test_a_link_whose_target_went_away_warns_again(
    fixture_site: Any, caplog: pytest.LogCaptureFixture, conversions: list[str]
) -> None:
    root = site(fixture_site)
    build_into(root, "eins")
    # The linking page is unchanged; the page it links to is renamed.
    (root / "content" / "impressum.md").rename(root / "content" / "kontakt.md")
    conversions.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_into(root, "zwei", strict=False)
    assert "index.md" in conversions
    assert any("'impressum.md'" in r.getMessage() for r in caplog.records)


def test_a_warning_is_logged_in_every_build(
    fixture_site: Any, caplog: pytest.LogCaptureFixture
) -> None:
    root = site(fixture_site)
    page = root / "content" / "index.md"
    page.write_text(PAGE.replace("impressum.md", "fehlt.md"), encoding="utf-8")
    for name in ("eins", "zwei"):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="mkdocs"):
            build_into(root, name, strict=False)
        assert [r for r in caplog.records if "'fehlt.md'" in r.getMessage()], name


def test_an_extension_that_may_read_files_turns_the_cache_off(
    fixture_site: Any, caplog: pytest.LogCaptureFixture, conversions: list[str]
) -> None:
    root = site(fixture_site, "markdown_extensions:\n  - pymdownx.snippets\n")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_into(root, "eins")
    assert any("pymdownx.snippets" in r.getMessage() for r in caplog.records)
    first = sorted(conversions)
    assert {"index.md", "impressum.md"} <= set(first)
    conversions.clear()
    build_into(root, "zwei")
    assert sorted(conversions) == first
    assert not (root / ".cache" / "rathaus" / cache.FILE_NAME).exists()


def test_a_damaged_cache_does_not_change_the_site(fixture_site: Any) -> None:
    root = site(fixture_site)
    first = build_into(root, "eins")
    cache.store_for(root / ".cache" / "rathaus").close()
    (root / ".cache" / "rathaus" / cache.FILE_NAME).write_bytes(b"\0" * 4096)
    assert build_into(root, "zwei") == first


def test_a_setting_without_a_stable_name_turns_the_page_cache_off(
    fixture_site: Any, caplog: pytest.LogCaptureFixture, conversions: list[str]
) -> None:
    slug = "!!python/name:tests.test_cache.unnamed_slugify"
    root = site(fixture_site, f"markdown_extensions:\n  - toc:\n      slugify: {slug}\n")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build_into(root, "eins")
    assert any("ohne festen Namen" in r.getMessage() for r in caplog.records)
    first = sorted(conversions)
    conversions.clear()
    build_into(root, "zwei")
    assert sorted(conversions) == first
