"""The committed JSON Schemas match the data model, and the demo data satisfies them."""

from __future__ import annotations

import json
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
