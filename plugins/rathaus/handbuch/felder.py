"""The field reference of the editor handbook, generated from the JSON Schemas of the model.

Every field of every data file with its meaning and an example. Both come only from the
data model (each field's ``description`` and ``examples``, enums, formats), the one owner of
what a field means: a fallback keyed by field name would give ``mitglieder`` of a council
body the meaning of another file's field. A test fails when a field has no meaning or no
example, so the handbook cannot fall behind the model. MkDocs-free.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..model.schemas import schema_documents

_EXAMPLE_IN_TEXT = re.compile(r"z\. ?B\. (?P<example>[^,;–()]+?)(?:[,;–)]|$| oder )")


@dataclass(frozen=True)
class Field:
    path: str
    kind: str
    required: bool
    description: str
    example: str


@dataclass(frozen=True)
class DataFile:
    name: str
    title: str
    anchor: str
    fields: list[Field]


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        target = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    options = [o for o in schema.get("anyOf", []) if o.get("type") != "null"]
    if len(options) == 1:
        rest = {k: v for k, v in schema.items() if k != "anyOf"}
        return _resolve({**options[0], **rest}, root)
    return schema


def _is_ja_nein(schema: dict[str, Any]) -> bool:
    return any(o.get("enum") == ["ja", "nein"] for o in schema.get("anyOf", []))


def _kind(schema: dict[str, Any], root: dict[str, Any]) -> str:
    if _is_ja_nein(schema) or schema.get("type") == "boolean":
        return "ja oder nein"
    if "enum" in schema:
        return "einer von: " + ", ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        kinds = {_kind(_resolve(o, root), root) for o in schema["anyOf"] if o.get("type") != "null"}
        if len(kinds) == 2 and any(k == "Liste: " + other for k in kinds for other in kinds):
            single = min(kinds, key=len)
            return f"{single} oder Liste davon"
        return " oder ".join(sorted(kinds))
    kind = schema.get("type")
    if kind == "array":
        return "Liste: " + _kind(_resolve(schema.get("items", {}), root), root)
    if kind == "object" or "properties" in schema:
        return "Gruppe von Feldern"
    if schema.get("format") == "date":
        return "Datum"
    if schema.get("format") == "date-time":
        return "Datum und Uhrzeit"
    if schema.get("format") == "email":
        return "E-Mail-Adresse"
    if kind == "integer":
        return "ganze Zahl"
    # The limit of names and texts (from the schema); short values such as times have a form.
    most = schema.get("maxLength", 0)
    if most >= 100 and "pattern" not in schema:
        return f"Text, höchstens {most} Zeichen"
    return "Text"


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    # Digits alone are a number in YAML: a text of digits (postcode, LeiKa key) is quoted.
    if isinstance(value, str) and value.isdigit():
        return f'"{value}"'
    return str(value)


def _example(name: str, schema: dict[str, Any], root: dict[str, Any]) -> str:
    if schema.get("examples"):
        return _yaml_value(schema["examples"][0])
    if _is_ja_nein(schema) or schema.get("type") == "boolean":
        return "ja"
    if schema.get("enum"):
        return str(schema["enum"][0])
    if schema.get("format") == "date":
        return "2027-03-01"
    if schema.get("format") == "email":
        return "buergerbuero@beispielstadt.example"
    if schema.get("default") not in (None, [], "", ()):
        return _yaml_value(schema["default"])
    match = _EXAMPLE_IN_TEXT.search(schema.get("description", ""))
    if match:
        return match["example"].strip()
    if schema.get("type") == "array":
        items = _resolve(schema.get("items", {}), root)
        if "properties" not in items:
            inner = _example(name, items, root)
            return f"[{inner}]" if inner else ""
    return ""


def _fields(schema: dict[str, Any], root: dict[str, Any], prefix: str) -> list[Field]:
    schema = _resolve(schema, root)
    if schema.get("type") == "array" and "items" in schema:
        items = _resolve(schema["items"], root)
        if "properties" in items:
            return _fields(items, root, prefix + "[]" if prefix else "")
        return []
    found: list[Field] = []
    required = set(schema.get("required", []))
    for name, raw in schema.get("properties", {}).items():
        sub = _resolve(raw, root)
        path = f"{prefix}.{name}" if prefix else name
        nested = "properties" in sub or (
            sub.get("type") == "array" and "properties" in _resolve(sub.get("items", {}), root)
        )
        description = (raw.get("description") or sub.get("description") or "").strip()
        example = "" if nested else _example(name, sub, root)
        found.append(
            Field(
                path=path,
                kind=_kind(sub, root),
                required=name in required,
                description=description,
                example=example,
            )
        )
        if nested:
            found.extend(_fields(sub, root, path))
    return found


def reference() -> list[DataFile]:
    """Every data file with every field, in the order of the schemas."""
    files = []
    for schema_name, text in sorted(schema_documents().items()):
        root = json.loads(text)
        stem = schema_name.removesuffix(".schema.json")
        fields = _fields(root, root, "")
        title = root.get("description", "").split("\n")[0]
        files.append(DataFile(f"data/{stem}.yml", title, f"datei-{stem}", fields))
    return files


def undocumented() -> list[str]:
    """Fields without a meaning or an example: what a change of the model must add."""
    missing = []
    for data_file in reference():
        for field in data_file.fields:
            if not field.description:
                missing.append(f"{data_file.name}: {field.path}: Bedeutung fehlt")
            if not field.example and "Gruppe von Feldern" not in field.kind:
                missing.append(f"{data_file.name}: {field.path}: Beispiel fehlt")
    return missing
