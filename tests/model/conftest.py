"""Shared fixtures for the core tests: a tiny valid ``data/`` folder written per test."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from rathaus.model import DataError, Finding, Site, load_site

# A minimal valid site. Tests override single files; line numbers in the overrides
# are what the assertions check, so overrides are written out in full.
BASE_FILES: dict[str, str] = {
    "stadt": """\
        name: Stadt Musterstadt
        bundesland: NW
        """,
    "standorte": """\
        - id: rathaus
          name: Rathaus
          adresse:
            strasse: Markt 1
            plz: "01067"
            ort: Musterstadt
        """,
    "einheiten": """\
        - id: buergerbuero
          name: Bürgerbüro
          art: amt
          leitung: erika-muster
          standort: rathaus
          aufgaben:
            - Meldewesen
        """,
    "personen": """\
        - id: erika-muster
          name: Erika Muster
          funktion: Leitung
          einheit: buergerbuero
        """,
}


class Errors(list[Finding]):
    """The findings of one failed run, with a lookup that explains itself on failure."""

    def one(self, needle: str) -> Finding:
        """The single finding whose message or hint contains ``needle``."""
        hits = [f for f in self if needle in f.message or needle in f.hint]
        listing = "\n".join(f.format() for f in self)
        assert len(hits) == 1, f"expected one finding with {needle!r}, got:\n{listing}"
        return hits[0]

    def at(self, needle: str, file: str, line: int, col: int | None = None) -> Finding:
        """Like :meth:`one`, and the finding stands in ``data/<file>`` at ``line`` (``col``)."""
        found = self.one(needle)
        assert found.file == f"data/{file}", found.format()
        assert found.line == line, found.format()
        if col is not None:
            assert found.col == col, found.format()
        return found


class DataDir:
    """``root/data`` with the minimal site; ``write`` replaces single files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.data.mkdir()
        self.write(**dict.fromkeys(BASE_FILES, ""))

    def write(self, **files: str | bytes | None) -> Path:
        """``einheiten="..."`` replaces a file (dedented), ``None`` deletes it, ``""`` = base."""
        for stem, content in files.items():
            path = self.data / f"{stem}.yml"
            if content is None:
                path.unlink(missing_ok=True)
            elif isinstance(content, bytes):
                path.write_bytes(content)
            else:
                text = content or BASE_FILES[stem]
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return self.root

    def load(self) -> Site:
        return load_site(self.root)

    def errors(self) -> Errors:
        with pytest.raises(DataError) as info:
            load_site(self.root)
        assert info.value.findings, "DataError without findings"
        return Errors(info.value.findings)


@pytest.fixture
def site(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path)
