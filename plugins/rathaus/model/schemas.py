"""JSON Schemas of the data files, for editors' autocompletion (yaml-language-server)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .entities import Stadt
from .erklaerung import Erklaerung
from .site import RECORD_FILES, STADT_FILE, STATEMENT_FILE

SCHEMA_DIR = "schemas"


def schema_documents() -> dict[str, str]:
    """File name → JSON text, one schema per data file, stable and pretty-printed."""
    return dict(_schema_documents())


# The schemas follow from the code alone; `mkdocs serve` asks on every rebuild (handbook).
@cache
def _schema_documents() -> dict[str, str]:
    roots: dict[str, Any] = {STADT_FILE: Stadt, STATEMENT_FILE: Erklaerung}
    roots.update({name: list[model] for name, model in RECORD_FILES.items()})  # type: ignore[valid-type]
    documents = {}
    for data_file, root in sorted(roots.items()):
        schema = TypeAdapter(root).json_schema()
        stem = data_file.removesuffix(".yml")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{stem}.schema.json",
            "title": f"Rathaus: data/{data_file}",
            **schema,
        }
        documents[f"{stem}.schema.json"] = (
            json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        )
    return documents


def write_schemas(root: Path) -> list[Path]:
    out = root / SCHEMA_DIR
    out.mkdir(exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
