"""Malformed OParl exports: a German message and exit code 2, never a traceback."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from rathaus.cli import main
from rathaus.model import DataError, load_site
from rathaus.oparl import export as export_module
from tests.model.conftest import DataDir

EXPORT = Path(__file__).parent.parent / "fixtures" / "oparl" / "musterstadt"
API = "https://ris.musterstadt.example/oparl/v1.1"
BODY = f"{API}/body/1"
# Words of which a German message has at least one; English ones must not appear.
GERMAN = re.compile(
    r"\b(der|die|das|ist|nicht|kein\w*|fehlt|enthält|statt|weggelassen|Datei|angelegt|neue?|"
    r"geänderte?|entfernte?|übersprungen|Hinweis|Änderungen)\b"
)
ENGLISH = re.compile(
    r"\b(the|is|not|of|expected|error|line|column|Traceback|list|dict|int|float|str|bool)\b"
)


def _bundle() -> dict[str, Any]:
    """The fixture export as one file: URL → document."""
    bundle = {}
    for path in EXPORT.rglob("*.json"):
        rel = path.relative_to(EXPORT).as_posix().removesuffix(".json")
        page, _, query = rel.partition("~")
        bundle["https://" + page + (f"?{query}" if query else "")] = json.loads(
            path.read_text(encoding="utf-8")
        )
    return bundle


BUNDLE = _bundle()


def _object(bundle: dict[str, Any], page: str, oid: str) -> dict[str, Any]:
    document = bundle[page]
    if document.get("id") == oid:
        return document  # type: ignore[no-any-return]
    return next(o for o in document["data"] if o["id"] == oid)


class Runner:
    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp_path = tmp_path
        self.capsys = capsys
        self.runs = 0

    def run(self, source: Any, *, raw: bytes | None = None) -> tuple[int, str, Path]:
        """Import ``source`` (a JSON value, or ``raw`` bytes) into a fresh site."""
        self.runs += 1
        root = self.tmp_path / f"lauf-{self.runs}"
        root.mkdir()
        DataDir(root)
        path = self.tmp_path / f"export-{self.runs}.json"
        path.write_bytes(raw if raw is not None else json.dumps(source).encode())
        self.capsys.readouterr()
        code = main(["--root", str(root), "oparl", "import", str(path)])
        out, err = self.capsys.readouterr()
        return code, out + err, root


@pytest.fixture
def runner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Runner:
    return Runner(tmp_path, capsys)


def _german(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return all(
        GERMAN.search(line) and not ENGLISH.search(line.replace("rathaus oparl import", ""))
        for line in lines
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"https://x.example/": ', "kein gültiges JSON (Zeile 1, Spalte 24)"),
        (b"[1, 2, 3]", "die Datei enthält eine Liste statt eines OParl-Objekts"),
        (b"42", "die Datei enthält eine Zahl statt"),
        (b'"Rat"', "die Datei enthält einen Text statt"),
        (b"null", "die Datei enthält nur einen Wahrheitswert oder null"),
        (b"\xff\xfe{}", "die Datei ist nicht in UTF-8 gespeichert"),
        (b"[" * 100_000 + b"]" * 100_000, "zu tief verschachtelt"),
        (b"{}", "eine Körperschaft (Body) steht nicht im Export"),
    ],
)
def test_unreadable_documents(runner: Runner, raw: bytes, expected: str) -> None:
    code, text, _ = runner.run(None, raw=raw)
    assert code == 2
    assert expected in text
    assert _german(text), text


def test_folder_with_a_list_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "export"
    (export / "ris.example").mkdir(parents=True)
    (export / "ris.example" / "body.json").write_text("[]", encoding="utf-8")
    root = tmp_path / "site"
    root.mkdir()
    DataDir(root)
    assert main(["--root", str(root), "oparl", "import", str(export)]) == 2
    err = capsys.readouterr().err
    assert "ris.example/body.json: die Datei enthält eine Liste statt eines OParl-Objekts" in err

    (export / "ris.example" / "body.json").unlink()
    (export / "ris.example" / "\x1b[2Jbody.json").write_text("{", encoding="utf-8")
    assert main(["--root", str(root), "oparl", "import", str(export)]) == 2
    err = capsys.readouterr().err
    assert "ris.example/[2Jbody.json: kein gültiges JSON (Zeile 1, Spalte 2)" in err
    assert "\x1b" not in err  # a file name cannot clear the editor's terminal


def test_next_links_that_loop_or_leave_the_export(runner: Runner) -> None:
    bundle = copy.deepcopy(BUNDLE)
    bundle[f"{BODY}/meeting?page=3"]["links"]["next"] = f"{BODY}/meeting"
    code, text, _ = runner.run(bundle)
    assert code == 2 and "die Listenseiten verweisen im Kreis" in text and _german(text)

    bundle = copy.deepcopy(BUNDLE)
    bundle[f"{BODY}/meeting?page=3"]["links"]["next"] = "https://angreifer.example/\u202eliste"
    code, text, _ = runner.run(bundle)
    assert code == 2
    assert "https://angreifer.example/liste: diese Listenseite fehlt im Export" in text


def test_limits(runner: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_module, "MAX_PAGES", 2)
    code, text, _ = runner.run(BUNDLE)
    assert code == 2 and "mehr als 2 Listenseiten – der Export ist fehlerhaft" in text
    monkeypatch.setattr(export_module, "MAX_FILE_BYTES", 1_000_000)
    code, text, _ = runner.run(None, raw=b" " * 1_000_001 + b"{}")
    assert code == 2 and "die Datei ist 1 MB groß, erlaubt sind 1 MB" in text


# Every key of these objects is dropped or replaced by a value of the wrong type in turn.
TARGETS = [
    (f"{API}/body", BODY),
    (f"{BODY}/organization", f"{BODY}/organization/2"),
    (f"{BODY}/meeting", f"{API}/meeting/3"),
    (f"{BODY}/paper", f"{API}/paper/1"),
]
REPLACEMENTS: list[Any] = [None, 42, [], {}, "x", "\u202e<script>"]
DROP = object()


@pytest.mark.parametrize(("page", "oid"), TARGETS, ids=lambda t: t.rsplit("/", 2)[-2])
def test_every_key_dropped_or_of_the_wrong_type(runner: Runner, page: str, oid: str) -> None:
    failures = []
    codes = set()
    for key in _object(BUNDLE, page, oid):
        for value in [DROP, *REPLACEMENTS]:
            bundle = copy.deepcopy(BUNDLE)
            obj = _object(bundle, page, oid)
            if value is DROP:
                del obj[key]
            else:
                obj[key] = value
            what = f"{key} = {'(fehlt)' if value is DROP else repr(value)}"
            try:
                code, text, root = runner.run(bundle)
            except Exception as exc:
                failures.append(f"{what}: {type(exc).__name__}: {exc}")
                continue
            codes.add(code)
            if code not in (0, 2) or not _german(text) or "\u202e" in text:
                failures.append(f"{what}: exit {code}: {text}")
            elif code == 0 and (root / "data" / "gremien.yml").is_file():
                try:
                    load_site(root)  # what the import wrote, the model accepts
                except DataError as exc:
                    failures.append(f"{what}: {exc}")
    assert not failures, "\n".join(failures)
    assert 0 in codes  # most changes still import; the rest are refused with exit code 2


def test_wrong_types_are_named(runner: Runner) -> None:
    bundle = copy.deepcopy(BUNDLE)
    _object(bundle, f"{BODY}/organization", f"{BODY}/organization/2")["shortName"] = 42
    _object(bundle, f"{BODY}/meeting", f"{API}/meeting/3")["start"] = "2027-13-45T17:00"
    _object(bundle, f"{BODY}/paper", f"{API}/paper/1")["web"] = ["https://x.example/"]
    _object(bundle, f"{API}/body", BODY)["meeting"] = "https://ris.musterstadt.example/fehlt"
    code, text, _ = runner.run(bundle)
    assert code == 2
    assert "https://ris.musterstadt.example/fehlt: diese Listenseite fehlt im Export" in text

    del _object(bundle, f"{API}/body", BODY)["meeting"]
    code, text, root = runner.run(bundle)
    assert code == 0
    lines = text.splitlines()
    org, paper = f"{BODY}/organization/2", f"{API}/paper/1"
    assert (
        f"Hinweis: Gremium {org}, Feld shortName: kein Text, sondern eine Zahl – weggelassen"
        in (lines)
    )
    assert (
        f"Hinweis: Vorlage {paper}, Feld web: keine Adresse, sondern eine Liste – weggelassen"
        in lines
    )
    assert load_site(root).gremien["integrationsrat"].kurzname is None
