"""The glossary of hard words for pages in Leichte Sprache (``data/woerterbuch.yml``)."""

from __future__ import annotations

from pydantic import Field

from .entities import Id, Record
from .fieldtypes import Kurztext, Name


class Wort(Record):
    """Ein schweres Wort und seine Erklärung in Leichter Sprache."""

    id: Id
    wort: Name = Field(description="das Wort, wie es im Text steht, z. B. Bürger·büro")
    erklaerung: Kurztext = Field(
        description="die Erklärung in Leichter Sprache, jeder Satz mit Punkt – "
        "z. B. Ein Termin ist eine feste Zeit."
    )
    varianten: tuple[Name, ...] = Field(
        (), description="andere Formen desselben Worts, z. B. Anträge für Antrag"
    )
