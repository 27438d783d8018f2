"""`rathaus check` output formats and `--changed`, as editors and CI pipelines read them."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from rathaus.cli import main
from rathaus.report import QUOTE_WIDTH, quote_line
from tests.conftest import set_feature

BROKEN_PERSON = "- id: erika-muster\n  name: Erika\n  funktion: x\n  einheit: buergerbueor\n"


@pytest.fixture
def broken(fixture_site: Callable[[str], Path]) -> Path:
    root = fixture_site("klein")
    (root / "data" / "personen.yml").write_text(BROKEN_PERSON, encoding="utf-8")
    return root


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--root", str(root), "check", *args])
    return code, capsys.readouterr().out


def test_human_quotes_the_line_with_a_caret_under_the_column(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(broken, capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[:4] == [
        "data/personen.yml – 1 Fehler, 0 Warnungen",
        "data/personen.yml:4:12: einheit: die Einheit „buergerbueor“ gibt es nicht "
        "– meinten Sie „buergerbuero“?",
        "     4 |   einheit: buergerbueor",
        "       |            ^",
    ]
    # The caret sits under the first character of the wrong value.
    assert lines[3].index("^") == lines[2].index("buergerbueor")


def test_human_groups_by_file_and_marks_warnings(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    (root / "data" / "extra.yml").write_text("a: b\n", encoding="utf-8")
    (root / "content" / "a.md").write_text("# A\n\n[x](b.md)\n\n[y](c.md)\n", encoding="utf-8")
    code, out = run(root, capsys)
    assert code == 1
    headers = [line for line in out.splitlines() if " – " in line and ":" not in line]
    assert headers == [
        "content/a.md – 2 Fehler, 0 Warnungen",
        "data/extra.yml – 0 Fehler, 1 Warnung",
    ]
    assert out.splitlines()[-1] == "2 Fehler, 1 Warnung"
    assert "data/extra.yml:1:1: Warnung: diese Datei wird nicht verwendet" in out


def test_gitlab_code_quality_report(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(broken, capsys, "--format", "gitlab")
    assert code == 1
    [issue] = json.loads(out)
    assert issue["severity"] == "critical"
    assert issue["check_name"] == "rathaus/daten"
    assert issue["location"] == {"path": "data/personen.yml", "lines": {"begin": 4}}
    assert issue["description"].startswith("einheit: die Einheit „buergerbueor“ gibt es nicht")
    assert len(issue["fingerprint"]) == 64


def test_gitlab_fingerprint_is_stable_when_lines_move(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, first = run(broken, capsys, "--format", "gitlab")
    path = broken / "data" / "personen.yml"
    path.write_text("# Kommentar\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    _, second = run(broken, capsys, "--format", "gitlab")
    [a], [b] = json.loads(first), json.loads(second)
    assert a["location"]["lines"]["begin"] + 2 == b["location"]["lines"]["begin"]
    assert a["fingerprint"] == b["fingerprint"]


def test_gitlab_fingerprints_are_unique_for_repeated_messages(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    page = root / "content" / "seite.md"
    page.write_text("# S\n\n<script>a()</script>\n\n<script>b()</script>\n", encoding="utf-8")
    _, out = run(root, capsys, "--format", "gitlab")
    prints = [issue["fingerprint"] for issue in json.loads(out)]
    assert len(prints) == 2
    assert len(set(prints)) == 2


def test_github_notice_for_reviewed_exceptions(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    # An iframe needs the exception and a host in the policy's frame-src.
    set_feature(root, "sicherheit", {"csp_extra": {"frame-src": ["https://karte.example"]}})
    (root / "content" / "karte.md").write_text(
        "---\nrathaus:\n  erlaubt: [iframe]\n  begruendung: Geprüft von der IT\n---\n\n"
        '# Karte\n\n<iframe src="https://karte.example/" title="Karte"></iframe>\n',
        encoding="utf-8",
    )
    code, out = run(root, capsys, "--format", "github")
    assert code == 0
    assert out.strip().startswith("::notice file=content/karte.md,line=9,col=1::geprüfte Ausnahme")
    assert "Begründung: Geprüft von der IT" in out


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(fixture_site: Callable[[str], Path]) -> Path:
    root = fixture_site("klein")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "start")
    return root


def test_changed_reports_only_changed_files_but_checks_references(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An old problem in a committed page is not the editor's current change.
    (repo / "content" / "alt.md").write_text("# Alt\n\n<script>x()</script>\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "alt")
    assert run(repo, capsys, "--changed")[0] == 0
    # The change: a wrong unit id, found by loading einheiten.yml too.
    (repo / "data" / "personen.yml").write_text(BROKEN_PERSON, encoding="utf-8")
    code, out = run(repo, capsys, "--changed", "--format", "json")
    assert code == 1
    assert [f["file"] for f in json.loads(out)["findings"]] == ["data/personen.yml"]


def test_changed_includes_untracked_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "content" / "neu.md").write_text("# Neu\n\n[x](fehlt.md)\n", encoding="utf-8")
    code, out = run(repo, capsys, "--changed", "HEAD", "--format", "json")
    assert code == 1
    [finding] = json.loads(out)["findings"]
    assert (finding["file"], finding["line"], finding["col"]) == ("content/neu.md", 3, 5)


def test_changed_outside_git_cannot_run(
    fixture_site: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = fixture_site("klein")
    assert main(["--root", str(root), "check", "--changed", "gibt-es-nicht"]) == 2
    assert "konnte nicht laufen: git meldet" in capsys.readouterr().err


def test_pre_commit_hook_definition() -> None:
    import yaml

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    [hook] = hooks
    assert hook["id"] == "rathaus-check"
    assert hook["entry"].split() == ["rathaus", "check", "--changed"]
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False


@pytest.mark.parametrize("col", [1, 50, 5001, 10_001])
def test_human_cuts_a_long_line_around_the_caret(col: int) -> None:
    text = "a" * 5000 + "Y" + "z" * 5000
    quoted, caret = quote_line([text], 1, col)
    shown = quoted.split(" | ", 1)[1]
    assert len(shown) <= QUOTE_WIDTH + 2
    assert shown[caret.index("^") - caret.index("|") - 2] == text[col - 1]
