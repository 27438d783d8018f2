"""Read an OParl 1.1 export from files: objects, external lists and their pagination.

An export is either

* a **folder** with one JSON file per URL the server answered: the URL without
  ``https://``, plus ``.json``; a query string follows a ``~``. So
  ``https://ris.example/oparl/body/1/meeting?page=2`` is stored as
  ``ris.example/oparl/body/1/meeting~page=2.json``; or
* a **single JSON file** mapping each URL to the document the server answered.

Every object found anywhere (also embedded ones, e.g. consultations inside a paper) is
indexed by its ``id``, so references resolve without a file per object. List pages are
followed through ``links.next`` until there is none. Nothing is fetched from the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .clean import quiet

SCHEMA = "https://schema.oparl.org/1.1/"
# Far above any municipality's export; they keep a broken one from running for hours.
MAX_FILE_BYTES = 50_000_000
MAX_FILES = 200_000
MAX_PAGES = 10_000


class ExportError(Exception):
    """The export cannot be read; the message is German and names the file or URL."""


def url_to_relpath(url: str) -> str:
    parts = urlsplit(url)
    path = (parts.netloc + parts.path).rstrip("/")
    return path + (f"~{parts.query}" if parts.query else "") + ".json"


def _expected(url: str) -> str:
    try:
        return f" (erwartet als Datei {quiet(url_to_relpath(url))})"
    except ValueError:  # not even a URL
        return ""


def _relpath_to_url(rel: str) -> str:
    stem = rel.removesuffix(".json")
    path, _, query = stem.partition("~")
    return "https://" + path + (f"?{query}" if query else "")


def _what(value: Any) -> str:
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, str):
        return "einen Text"
    if isinstance(value, bool) or value is None:
        return "nur einen Wahrheitswert oder null"
    return "eine Zahl"


def kind(obj: Any) -> str:
    """``Meeting`` for ``https://schema.oparl.org/1.1/Meeting``; "" for anything else."""
    if isinstance(obj, dict) and isinstance(obj.get("type"), str):
        return str(obj["type"]).rsplit("/", 1)[-1]
    return ""


class Export:
    def __init__(self, source: Path) -> None:
        self.documents: dict[str, Any] = {}
        self.objects: dict[str, dict[str, Any]] = {}
        if source.is_dir():
            paths = sorted(source.rglob("*.json"))
            if len(paths) > MAX_FILES:
                raise ExportError(
                    f"{source}: mehr als {MAX_FILES} Dateien – das ist kein OParl-Export einer "
                    "Kommune; prüfen Sie den Ordner"
                )
            for path in paths:
                rel = path.relative_to(source).as_posix()
                name = quiet(rel)  # file names come from the third party too
                document = self._read(path, name)
                if not isinstance(document, dict):
                    raise ExportError(
                        f"{name}: die Datei enthält {_what(document)} statt eines OParl-Objekts "
                        "oder einer Listenseite – prüfen Sie den Export"
                    )
                self._add(_relpath_to_url(rel), document)
        elif source.is_file():
            bundle = self._read(source, source.name)
            if not isinstance(bundle, dict):
                raise ExportError(
                    f"{source.name}: die Datei enthält {_what(bundle)} statt eines OParl-Objekts "
                    "oder einer Sammlung von Adressen und Dokumenten – prüfen Sie den Export"
                )
            if "type" in bundle or "data" in bundle:
                # A single object or list page, not a bundle of URLs.
                self._add(source.name, bundle)
            else:
                for url, document in bundle.items():
                    self._add(url, document)
        else:
            raise ExportError(f"{source}: die Datei oder der Ordner fehlt")

    @staticmethod
    def _read(path: Path, shown: str) -> Any:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise ExportError(
                    f"{shown}: die Datei ist {size // 1_000_000} MB groß, erlaubt sind "
                    f"{MAX_FILE_BYTES // 1_000_000} MB – teilen Sie den Export in Listenseiten auf"
                )
            return json.loads(path.read_bytes().decode("utf-8"))
        except OSError:
            raise ExportError(f"{shown}: die Datei lässt sich nicht lesen") from None
        except UnicodeDecodeError as exc:
            raise ExportError(
                f"{shown}: die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte an Stelle "
                f"{exc.start}) – OParl-Exporte sind UTF-8"
            ) from None
        except json.JSONDecodeError as exc:
            raise ExportError(
                f"{shown}: kein gültiges JSON (Zeile {exc.lineno}, Spalte {exc.colno}) – der "
                "Export ist beschädigt oder unvollständig; laden Sie ihn neu herunter"
            ) from None
        except (ValueError, RecursionError):
            # Integers of thousands of digits, or nesting deeper than the parser allows.
            raise ExportError(
                f"{shown}: kein gültiges OParl-JSON (zu lange Zahlen oder zu tief verschachtelt)"
            ) from None

    def _add(self, url: str, document: Any) -> None:
        self.documents[url] = document
        if isinstance(document, dict) and "data" in document:
            links = document.get("links")
            own = links.get("self") if isinstance(links, dict) else None
            if isinstance(own, str):
                self.documents.setdefault(own, document)
        self._index(document)

    def _index(self, value: Any) -> None:
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(item.get("id"), str) and kind(item):
                    # The fullest copy wins: a list entry may be shorter than the object.
                    known = self.objects.get(item["id"])
                    if known is None or len(item) > len(known):
                        self.objects[item["id"]] = item
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)

    def bodies(self) -> list[dict[str, Any]]:
        return sorted(
            (o for o in self.objects.values() if kind(o) == "Body"), key=lambda o: o["id"]
        )

    def get(self, ref: Any) -> dict[str, Any] | None:
        """An object given inline or by URL; ``None`` if the export does not hold it."""
        if isinstance(ref, dict):
            return ref
        if isinstance(ref, str):
            found = self.objects.get(ref)
            if found is None and isinstance(self.documents.get(ref), dict):
                document = self.documents[ref]
                found = document if kind(document) else None
            return found
        return None

    def _objects(self, entries: list[Any]) -> Iterator[dict[str, Any]]:
        """The entries that are objects with an ``id`` (others cannot be matched again)."""
        for entry in entries:
            obj = self.get(entry)
            if obj is not None and isinstance(obj.get("id"), str):
                yield obj

    def items(self, ref: Any) -> Iterator[dict[str, Any]]:
        """Every object of a list: inline, as a list of URLs, or an external paged list."""
        if isinstance(ref, list):
            yield from self._objects(ref)
            return
        url: Any = ref
        seen: set[str] = set()
        while isinstance(url, str):
            shown = quiet(url)
            if url in seen:
                raise ExportError(
                    f"{shown}: die Listenseiten verweisen im Kreis (links.next führt zu einer "
                    "Seite zurück, die schon gelesen wurde) – der Export ist fehlerhaft"
                )
            if len(seen) == MAX_PAGES:
                raise ExportError(
                    f"{quiet(ref)}: mehr als {MAX_PAGES} Listenseiten – der Export ist fehlerhaft"
                )
            seen.add(url)
            page = self.documents.get(url)
            if page is None:
                raise ExportError(f"{shown}: diese Listenseite fehlt im Export{_expected(url)}")
            if not isinstance(page, dict) or not isinstance(page.get("data"), list):
                raise ExportError(f"{shown}: keine OParl-Liste (es fehlt „data“)")
            yield from self._objects(page["data"])
            links = page.get("links")
            url = links.get("next") if isinstance(links, dict) else None
