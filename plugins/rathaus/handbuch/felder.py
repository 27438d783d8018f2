"""The field reference of the editor handbook, generated from the JSON Schemas of the model.

Every field of every data file with its meaning and an example. Meaning and example come
from the data model (``description``, ``examples``, enums, formats); for fields the model
does not describe, :data:`DESCRIPTIONS` and :data:`EXAMPLES` below fill in. A test fails when
a field has neither, so the handbook cannot fall behind the model. MkDocs-free.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..model.schemas import schema_documents

# Meaning of fields the model leaves undescribed, by field name (German, for editors).
DESCRIPTIONS: dict[str, str] = {
    "abgesagt": "ja, wenn die Sitzung abgesagt ist",
    "adresse": "Anschrift mit Straße, Postleitzahl und Ort",
    "anmeldung": "ob und wie man sich anmelden muss",
    "anschrift": "vollständige Postanschrift in einer Zeile",
    "art": "welche Art von Eintrag es ist; erlaubt sind die genannten Werte",
    "aufgaben": "Aufgaben als Liste, je Zeile eine",
    "aufzug": "ja, wenn es einen Aufzug gibt",
    "barrieren": "bekannte Barrieren der Website, je eine mit Inhalt, Grund und Begründung",
    "behindertenparkplatz": "ja, wenn es einen Behindertenparkplatz gibt",
    "beratungen": "Tagesordnungspunkte einer Sitzung",
    "bereiche": "Teilbereiche einer Einheit mit Name und Beschreibung",
    "beschreibung": "Beschreibung in einigen Sätzen",
    "datum": "ein Datum im Format Jahr-Monat-Tag",
    "montag": "Zeitspannen am Montag",
    "dienstag": "Zeitspannen am Dienstag",
    "mittwoch": "Zeitspannen am Mittwoch",
    "donnerstag": "Zeitspannen am Donnerstag",
    "freitag": "Zeitspannen am Freitag",
    "samstag": "Zeitspannen am Samstag",
    "sonntag": "Zeitspannen am Sonntag",
    "email": "dienstliche E-Mail-Adresse",
    "erstellt_am": "Tag, an dem die Erklärung erstellt wurde",
    "fax": "Faxnummer mit Vorwahl",
    "geplante_massnahmen": "was als Nächstes verbessert wird, je Zeile eine Maßnahme",
    "hinweis": "kurzer Hinweis in eigenen Worten",
    "kontakt": "Telefon, Fax, E-Mail und Kontaktformular",
    "kurzname": "kurze Form des Namens, z. B. für Listen",
    "methode": "wie die Barrierefreiheit geprüft wurde",
    "methode_beschreibung": "Beschreibung der Prüfung in einigen Sätzen",
    "mitglieder": "Mitglieder mit Name und Rolle",
    "name": "vollständiger Name, so wie er auf der Website stehen soll",
    "oeffentlich": "ja, wenn der Punkt öffentlich beraten wird",
    "oeffnungszeiten": "Sprech- und Öffnungszeiten",
    "oparl_id": "Adresse des Eintrags im Ratsinformationssystem (OParl)",
    "ort": "Ort",
    "raum": "Raum oder Stockwerk, z. B. Erdgeschoss, Zimmer 12",
    "rollstuhlgerechtes_wc": "ja, wenn es ein rollstuhlgerechtes WC gibt",
    "sitzungen": "Sitzungen des Gremiums",
    "status": "wie weit die Website barrierefrei ist",
    "stelle": "Name der Stelle",
    "stimmberechtigt": "ja, wenn das Mitglied abstimmen darf",
    "telefon": "Telefonnummer mit Vorwahl; mehrere als Liste",
    "titel": "Titel, so wie er auf der Website stehen soll",
    "vorlagen": "Vorlagen zu diesem Punkt",
    "webseite": "https-Adresse oder Seite in content/",
    "ziele": "Ziele als Liste, je Zeile eines",
    "zuletzt_ueberprueft_am": "Tag der letzten Prüfung; höchstens ein Jahr alt (BITV 2.0 § 7)",
}

# Examples (YAML, as editors write them) for fields whose schema has none, by field name.
EXAMPLES: dict[str, str] = {
    "name": "Bürgerbüro",
    "titel": "Sitzung des Rates",
    "id": "buergerbuero",
    "ort": "Beispielstadt",
    "strasse": "Marktplatz 1",
    "stelle": "Stadt Beispielstadt",
    "anschrift": "Stadt Beispielstadt, Marktplatz 1, 12345 Beispielstadt",
    "beschreibung": "Beratung für Familien mit kleinen Kindern.",
    "hinweis": "Bitte vereinbaren Sie vorher einen Termin.",
    "raum": "Erdgeschoss, Zimmer 12",
    "kurzname": "Rat",
    "inhalt": "Ältere PDF-Formulare",
    "begruendung": "Die Formulare stammen vom Land.",
    "alternative": "Wir füllen das Formular mit Ihnen aus.",
    "methode_beschreibung": "Automatische Prüfung und Test mit Screenreader.",
    "funktion": "Sachbearbeitung Wohngeld",
    "nummer": "Amt 50",
    "oepnv": "Bus 5 bis Haltestelle Marktplatz",
    "antwortfrist": "innerhalb eines Monats",
    "grund": "Betriebsausflug",
    "geltungsbereich": "Diese Erklärung gilt für www.beispielstadt.example.",
    "massnahmen": "[Jede Seite wird automatisch geprüft.]",
    "geplante_massnahmen": "[Videos in Deutscher Gebärdensprache.]",
    "aufgaben": "[Personalausweis und Reisepass, Meldebescheinigungen]",
    "ziele": "[Die meisten Anliegen erledigen wir bei einem Besuch.]",
    "themen": "[Personalausweis, Reisepass]",
    "einleitung": "Das Bürgerbüro ist die erste Anlaufstelle im Rathaus.",
    "leitung": "marco-rossi",
    "standort": "rathaus",
    "uebergeordnet": "fachbereich-soziales",
    "einheit": "buergerbuero",
    "bereich": "Gleichstellung",
    "aufgabe": "Der Rat entscheidet über alle wichtigen Angelegenheiten der Stadt.",
    "geschaeftsstelle": "ratsbuero",
    "anzahl": "3",
    "oparl_id": "https://ris.beispielstadt.example/oparl/v1/body/1/organization/1",
    "url": "https://ris.beispielstadt.example/gremien/rat",
    "ende": "20:00",
    "dokument": "https://ris.beispielstadt.example/vorlagen/2027-001.pdf",
    "federfuehrend": "stadtplanung",
    "federfuehrend_name": "Amt für Stadtplanung",
    "zusammenfassung": "Die Verwaltung schlägt einen neuen Spielplatz am Stadtpark vor.",
    "gremium": "rat",
    "leichte_sprache": "Das Fest ist für alle. Der Eintritt ist frei.",
    "leika": "99102013000000",
    "plz": '"12345"',
    "transkript": "Guten Tag. In diesem Video erklären wir, wie Sie einen Ausweis beantragen.",
}

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
    if name in EXAMPLES:
        return EXAMPLES[name]
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
                description=description or DESCRIPTIONS.get(name, ""),
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
