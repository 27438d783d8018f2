"""One project for check and build: folders and options come from MkDocs' validated config."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from rathaus.adapter import load_project, run_checks
from rathaus.cli import main
from rathaus.model import Level
from rathaus.project import Project
from tests.conftest import build_site, copy_demo, set_feature


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_renamed_pages_and_data_folders_build_the_same_site(tmp_path: Path) -> None:
    usual = files_of(build_site(copy_demo(tmp_path / "usual")))
    renamed = files_of(build_site(copy_demo(tmp_path / "renamed", docs="docs", data="daten")))
    assert sorted(renamed) == sorted(usual)
    assert [name for name in usual if usual[name] != renamed[name]] == []


def test_check_reads_the_renamed_folders(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "renamed", docs="docs", data="daten")
    project = load_project(root)
    assert isinstance(project, Project)
    assert (project.docs_dir, project.data_dir, project.media_dir) == ("docs", "daten", "medien")
    assert [f.format() for f in run_checks(root)] == []


def test_script_and_broken_link_in_a_renamed_docs_folder_fail_check_and_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_demo(tmp_path / "renamed", docs="docs", data="daten")
    page = root / "docs" / "kontakt.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n<script>alert(1)</script>\n\n[Formular](gibt-es-nicht.md)\n",
        encoding="utf-8",
    )
    errors = {(f.file, f.rule) for f in run_checks(root) if f.level is Level.ERROR}
    assert {("docs/kontakt.md", "sicherheit"), ("docs/kontakt.md", "link")} <= errors
    assert main(["--root", str(root), "check"]) == 1
    assert "docs/kontakt.md" in capsys.readouterr().out
    with pytest.raises(Abort):
        build_site(root)


def _two_data_folders(root: Path) -> None:
    set_feature(root, "barrierefreiheit", {"data_dir": "daten"})
    set_feature(root, "pruefung", {})


def test_plugins_that_disagree_on_a_shared_option_are_an_error(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    _two_data_folders(root)
    [finding] = [f for f in run_checks(root) if f.rule == "konfiguration"]
    assert (finding.file, finding.field, finding.level) == ("mkdocs.yml", "data_dir", Level.ERROR)
    assert "rathaus/verzeichnis: „data“" in finding.message
    assert "rathaus/barrierefreiheit: „daten“" in finding.message
    line = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert re.search(r"data_dir: daten", line)
    with pytest.raises(Abort):
        build_site(root)


def test_an_invalid_setting_is_a_finding_not_an_abort(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    set_feature(root, "barrierefreiheit", {"page": 7})
    [finding] = run_checks(root)
    assert (finding.file, finding.field, finding.rule) == ("mkdocs.yml", "plugins", "konfiguration")
    assert finding.level is Level.ERROR


def test_a_nav_entry_without_a_page_is_a_warning_at_its_line(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "demo")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - Kontakt: kontakt.md\n", "  - Kontakt: kontakt-alt.md\n")
    config.write_text(text, encoding="utf-8")
    [finding] = run_checks(root)
    line = text.splitlines().index("  - Kontakt: kontakt-alt.md") + 1
    assert (finding.file, finding.line, finding.field) == ("mkdocs.yml", line, "nav")
    assert finding.level is Level.WARNING and "kontakt-alt.md" in finding.message
