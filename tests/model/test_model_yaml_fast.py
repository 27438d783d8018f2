"""libyaml reads the same documents as PyYAML's pure-Python parser, position by position."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
import yaml

from rathaus.model import yamlread

REPO = Path(__file__).resolve().parents[2]
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
DIRECTIVE = re.compile(r"<!--\s*rathaus/[\w-]+(.*?)-->", re.DOTALL)

pytestmark = pytest.mark.skipif(
    not yaml.__with_libyaml__, reason="PyYAML without libyaml: only the pure-Python parser runs"
)


def _documents() -> list[tuple[str, str]]:
    """Every data file, front matter and directive argument of the demo and the fixtures."""
    found = []
    for path in [*REPO.glob("data/*.yml"), *REPO.glob("tests/fixtures/**/*.yml")]:
        found.append((str(path.relative_to(REPO)), path.read_text(encoding="utf-8")))
    for path in [*REPO.glob("content/**/*.md"), *REPO.glob("tests/fixtures/**/*.md")]:
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(REPO))
        if match := FRONT_MATTER.match(text):
            found.append((name, match.group(1)))
        found += [(name, m.group(1).strip() + "\n") for m in DIRECTIVE.finditer(text)]
    return found


def _built(text: str, loader: object = yaml.SafeLoader) -> yamlread._Builder:
    builder = yamlread._Builder("x.yml", text, loader)
    with contextlib.suppress(yamlread._AbortError):
        builder.build()
    return builder


def _read(text: str, loader: object) -> tuple[object, ...]:
    builder = _built(text, loader)
    doc = builder.doc
    return doc.data, doc.key_marks, doc.value_marks, builder.findings, builder.fatal


def test_libyaml_and_pure_python_agree_on_every_real_document() -> None:
    documents = _documents()
    assert len(documents) > 50
    for name, text in documents:
        fast = _read(text, yaml.CSafeLoader)
        assert fast == _read(text, yaml.SafeLoader), name


@pytest.mark.parametrize(
    "text",
    [
        "a:\nb: ''\nc: \"\"\nd: ~\ne: null\n",  # empty and null words: plain vs quoted
        "raum: Zimmer #12\n",  # a swallowed comment is a finding
        "zeit: 8:00-12:00\nnummer: 033\nja: nein\n",  # YAML 1.1 surprises stay text
        "text: |\n  Zeile eins\n  Zeile zwei\nkurz: >\n  gefaltet\n  weiter\n",
        "liste:\n  - eins\n  - {a: b, c: [1, 2]}\n",
        "name: Ärztin für Öffentlichkeit · Bürger:innen\n",
    ],
)
def test_libyaml_and_pure_python_agree_on_edge_cases(text: str) -> None:
    assert _read(text, yaml.CSafeLoader) == _read(text, yaml.SafeLoader)


@pytest.mark.parametrize(
    "text",
    ["a: [1, 2\n", "a: &x 1\nb: *x\n", "a: !!python/object 1\n", "a: b: c\n", "a: 1\na: 2\n"],
)
def test_a_problem_is_reported_as_by_the_pure_python_parser(text: str) -> None:
    doc, findings = yamlread.parse_yaml("x.yml", text.encode())
    builder = _built(text)
    assert findings == builder.findings and findings
    assert (doc is None) == builder.fatal
