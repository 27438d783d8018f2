"""Limits: field lengths, file sizes, nesting depth, and linear patterns (issue 12).

The timed tests assert an upper bound far above the normal time (a few milliseconds); they
catch a quadratic pattern or a parser that reads a huge file, not a slow machine.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pydantic import TypeAdapter, ValidationError
from tests.conftest import REPO

import rathaus.model
from rathaus.adapter import run_checks
from rathaus.model import yamlread
from rathaus.model.entities import Id
from rathaus.model.fieldtypes import (
    Email,
    Kurztext,
    Langtext,
    Name,
    Seite,
    Telefon,
    Text,
    Titel,
    Verweis,
    Zeitspanne,
)
from rathaus.model.gremien import Webadresse
from rathaus.model.leistungen import Leika
from rathaus.model.site import MAX_DATA_FILE_BYTES
from rathaus.model.termine import Zeitpunkt
from rathaus.model.videos import Bildrate, Medienpfad, Spieldauer, Zahl

if TYPE_CHECKING:
    from conftest import DataDir

LONG = 100_000
# How each module-level pattern of rathaus.model is applied to editor text. A new pattern
# must be added here, so its worst case is measured.
USES: dict[str, str] = {
    "fieldtypes._ADDRESS_INVISIBLE": "search",
    "fieldtypes._DIN_5008": "match",
    "fieldtypes._EMAIL": "match",
    "fieldtypes._EMAIL_CHARS": "match",
    "fieldtypes._HOST": "match",
    "fieldtypes._HTTPS": "match",
    "fieldtypes._NAME_INVISIBLE": "search",
    "fieldtypes._PAGE": "match",
    "fieldtypes._RANGE_DASH": "split",
    "fieldtypes._TIME": "match",
    "findings._CODED_RULE": "match",
    "fieldtypes._FILE": "match",
    "gremien._WEB": "match",
    "leistungen._LEIKA": "match",
    "termine._DAY": "match",
    "termine._CLOCK": "match",
    "termine._LOCAL": "match",
    "videos._DURATION": "match",
    "videos._MEDIA_PATH": "match",
    "videos._PEERTUBE_ID": "match",
    "videos._VIMEO_ID": "match",
    "videos._YOUTUBE_ID": "match",
    "yamlread.INLINE_HASH": "match",
    "yamlread.FORBIDDEN_IN_VALUE": "finditer",
    "yamlread._ESCAPE": "finditer",
    "yamlread._KEY": "match",
    "yamlread._KEY_LINE": "match",
    "yamlread._MERGE_KEY": "search",
    "yamlread._NO_BLANK": "match",
    "yamlread._SUSPECT": "search",
}
# Runs that make backtracking patterns explode: one character class repeated, almost
# matching pieces, separators without an end.
HOSTILE = [
    "a" * LONG,
    " " * LONG,
    "\t" * LONG,
    "1" * LONG,
    "-" * LONG,
    ":" * LONG,
    "1:" * (LONG // 2),
    "a." * (LONG // 2),
    "a-" * (LONG // 2),
    "a@" * (LONG // 2),
    "a: " * (LONG // 3),
    "- " * (LONG // 2),
    "\\" * LONG,
    "\\u" * (LONG // 2),
    "https://" + "a" * LONG + " ",
    "x.md#" + "a" * LONG + "!",
    "2027-01-01 " + "1" * LONG,
    "'" * LONG,
    '"' * LONG,
]


def _patterns() -> dict[str, re.Pattern[str]]:
    found = {}
    for info in pkgutil.iter_modules(rathaus.model.__path__):
        module = importlib.import_module(f"rathaus.model.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{info.name}.{name}"] = value
    return found


def test_every_pattern_of_the_model_is_listed() -> None:
    assert sorted(_patterns()) == sorted(USES)


@pytest.mark.parametrize("name", sorted(USES))
def test_every_pattern_is_linear_on_100000_characters(name: str) -> None:
    pattern = _patterns()[name]
    apply: Any = {
        "match": pattern.match,
        "search": pattern.search,
        "split": pattern.split,
        "finditer": lambda text: list(pattern.finditer(text)),
    }[USES[name]]
    for text in HOSTILE:
        started = time.perf_counter()
        apply(text)
        assert time.perf_counter() - started < 1.0, (name, text[:20])


@pytest.mark.parametrize(
    ("field_type", "most"),
    [
        (Name, 120),
        (Titel, 200),
        (Kurztext, 1000),
        (Text, 5000),
        (Langtext, 50_000),
        (Email, 254),
        (Verweis, 2000),
        (Seite, 2000),
        (Webadresse, 2000),
        (Medienpfad, 300),
        (Telefon, 60),
        (Id, 80),
        (Zeitspanne, None),
        (Zeitpunkt, None),
        (Leika, None),
        (Spieldauer, None),
        (Zahl, None),
        (Bildrate, None),
    ],
    ids=lambda v: getattr(v, "__name__", None) or str(v),
)
def test_a_100000_character_value_is_refused_quickly_and_not_echoed(
    field_type: Any, most: int | None
) -> None:
    value = "Bürgerbüro " * (LONG // 11)
    started = time.perf_counter()
    with pytest.raises(ValidationError) as info:
        TypeAdapter(field_type).validate_python(value)
    assert time.perf_counter() - started < 1.0
    (error,) = info.value.errors(include_url=False)
    assert len(error["msg"]) < 400
    if most is not None and error["type"] == "rathaus_too_long":
        assert f"höchstens {most} Zeichen" in error["msg"]


def test_too_long_name_names_the_limit(site: DataDir) -> None:
    site.write(einheiten="- id: buergerbuero\n  art: amt\n  name: " + "x" * 121 + "\n")
    found = site.errors().at("der Wert ist zu lang (121 Zeichen)", "einheiten.yml", 3, 9)
    assert found.hint == "kürzen Sie den Wert auf höchstens 120 Zeichen"


def test_data_file_above_the_size_limit_is_refused_before_parsing(site: DataDir) -> None:
    huge = site.data / "termine.yml"
    with huge.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NUL bytes, written instantly
    assert huge.stat().st_size > MAX_DATA_FILE_BYTES
    started = time.perf_counter()
    errors = site.errors()
    assert time.perf_counter() - started < 1.0
    assert len(errors) == 1, errors
    found = errors.at(
        "die Datei ist zu groß (50.0 MB, erlaubt sind höchstens 10 MB)", "termine.yml", 1
    )
    assert "richtige Datei" in found.hint


@pytest.mark.parametrize(
    "text",
    [
        "name: " + "[" * LONG + "\n",
        "name: " + "{a: " * LONG + "\n",
        "name:\n" + "- " * LONG + "x\n",
        "- " + "[" * (LONG // 2) + "{" * (LONG // 2) + "\n",
    ],
    ids=["flow-lists", "flow-mappings", "block-lists", "mixed"],
)
@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure"])
def test_nesting_100000_levels_deep_is_refused_quickly(
    text: str, fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not fast:
        monkeypatch.setattr(yamlread, "_FAST_LOADER", None)
    started = time.perf_counter()
    doc, findings = yamlread.parse_yaml("x.yml", text.encode())
    assert time.perf_counter() - started < 2.0
    assert doc is None
    (found,) = findings
    assert f"tiefer als {yamlread.MAX_DEPTH} Ebenen verschachtelt" in found.message


def _demo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    root.mkdir()
    for name in ("data", "content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_check_of_the_demo_refuses_a_100000_character_value_in_well_under_2_seconds(
    tmp_path: Path,
) -> None:
    root = _demo(tmp_path)
    # Imports and first-use caches (holidays, babel, the LS word lists) are paid once per
    # process; the value must not cost more than that, so measure after a clean run.
    assert not [f for f in run_checks(root) if f.level == "error"]
    long = "Bürgerbüro " * (LONG // 11)
    units = root / "data" / "einheiten.yml"
    text = units.read_text(encoding="utf-8")
    first_name = re.search(r"^  name: .*$", text, re.MULTILINE)
    assert first_name is not None
    units.write_text(
        text[: first_name.start()] + f"  name: {long}" + text[first_name.end() :],
        encoding="utf-8",
    )
    events = root / "data" / "termine.yml"
    text = events.read_text(encoding="utf-8")
    description = re.search(r"^  titel: .*$", text, re.MULTILINE)
    assert description is not None
    events.write_text(
        text[: description.start()] + f"  titel: {long}" + text[description.end() :],
        encoding="utf-8",
    )
    started = time.perf_counter()
    findings = run_checks(root)
    elapsed = time.perf_counter() - started
    long_ones = [f for f in findings if "der Wert ist zu lang" in f.message]
    listing = "\n".join(f.format()[:300] for f in findings)
    assert {f.file for f in long_ones} == {"data/einheiten.yml", "data/termine.yml"}, listing
    assert all(len(f.format()) < 400 for f in findings)
    assert elapsed < 2.0
