"""What a resident learns about step-free access to a location, in the order shown.

One list for every feature that shows a building (directory, events): the labels are
the same wherever a resident reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entities import Zugang

ACCESS_LABELS = {
    "stufenlos": "Stufenloser Eingang",
    "aufzug": "Aufzug",
    "rollstuhlgerechtes_wc": "Rollstuhlgerechtes WC",
    "behindertenparkplatz": "Parkplatz für Menschen mit Behinderung",
    "induktionsschleife": "Induktionsschleife (Höranlage)",
}


@dataclass(frozen=True)
class AccessFact:
    label: str
    value: bool | None
    """``None``: not known (not stated in the data)."""


def access_facts(zugang: Zugang) -> list[AccessFact]:
    return [AccessFact(label, getattr(zugang, key)) for key, label in ACCESS_LABELS.items()]
