"""Old addresses of renamed or removed records (``data/weiterleitungen.yml``).

A renamed unit, event or council body keeps its old address: the build writes a small page
there that sends the visitor on to the new one (``rathaus rename`` adds the entry).
"""

from __future__ import annotations

from pydantic import Field

from .entities import Id, Record
from .fieldtypes import Choice


class Ziel(Choice):
    EINHEIT = "einheit", "Einheit"
    TERMIN = "termin", "Termin"
    GREMIUM = "gremium", "Gremium"


class Weiterleitung(Record):
    """Die alte Kennung eines Eintrags und die neue, zu der Besucher weitergeleitet werden."""

    id: Id = Field(description="die alte Kennung, die es nicht mehr gibt", examples=["buergeramt"])
    art: Ziel = Field(description="welche Art von Eintrag umbenannt oder gelöscht wurde")
    nach: Id = Field(
        description="Kennung des Eintrags derselben Art, zu dem die alte Adresse führt",
        examples=["buergerbuero"],
    )
