"""The committed JSON Schemas match the data model, and the demo data satisfies them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from rathaus.model.schemas import SCHEMA_DIR, schema_documents
from tests.conftest import REPO


def test_committed_schemas_are_current() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / SCHEMA_DIR).glob("*.json")}
    assert committed == schema_documents(), "schemas/ is stale: run `rathaus schema` and commit"


@pytest.mark.parametrize("data_file", sorted((REPO / "data").glob("*.yml")), ids=lambda p: p.name)
def test_data_file_points_to_its_schema(data_file: Path) -> None:
    first = data_file.read_text(encoding="utf-8").splitlines()[0]
    stem = data_file.stem
    assert first == f"# yaml-language-server: $schema=../schemas/{stem}.schema.json"
    assert (REPO / SCHEMA_DIR / f"{stem}.schema.json").is_file()


def test_schema_rejects_unknown_keys_like_the_loader() -> None:
    schema = json.loads(schema_documents()["personen.schema.json"])
    person = {"id": "a-b", "name": "A B", "funktion": "x", "einheit": "amt", "tlefon": "1"}
    with pytest.raises(jsonschema.ValidationError, match="tlefon"):
        jsonschema.validate([person], schema)
    del person["tlefon"]
    jsonschema.validate([person], schema)


def _strings(node: object) -> list[dict[str, object]]:
    """Every schema node that accepts a string."""
    found: list[dict[str, object]] = []
    if isinstance(node, dict):
        if node.get("type") == "string":
            found.append(node)
        for value in node.values():
            found += _strings(value)
    elif isinstance(node, list):
        for value in node:
            found += _strings(value)
    return found


# A pattern without repetition bounds the length by itself (``^\\d{5}$``).
_BOUNDED = re.compile(r"^\^[^*+]*\$$")


@pytest.mark.parametrize("name", sorted(schema_documents()))
def test_every_text_field_states_its_maximum_length(name: str) -> None:
    schema = json.loads(schema_documents()[name])
    unbounded = [
        node
        for node in _strings(schema)
        if "maxLength" not in node
        and "enum" not in node
        and node.get("format") not in {"date", "date-time"}
        and not _BOUNDED.match(str(node.get("pattern", "")))
    ]
    assert not unbounded, unbounded
