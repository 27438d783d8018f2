"""The twelve ``rathaus/<feature>`` entries of version 0.1, kept for one release.

Each still runs its feature with its options, as before, and says once per configuration
that the entry is going away and where its options belong in the ``rathaus`` block. The
message is a configuration warning, so ``rathaus check`` reports it and a strict build stops
on it: a town notices before the entry stops working.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.plugins import BasePlugin

from rathaus.adapter.plugin import FEATURES


def migration_hint(key: str, entry: str) -> str:
    return (
        f"der Eintrag „{entry}“ ist veraltet und fällt in der nächsten Version weg – "
        f"schreiben Sie seine Einstellungen in den Block „{key}:“ des Eintrags „rathaus“ "
        "(ein Eintrag für alle Teile, README „Plugins“)"
    )


def _old_entry(key: str, entry: str, feature: type[BasePlugin[Any]]) -> type[BasePlugin[Any]]:
    def load_config(
        self: BasePlugin[Any], options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        errors, warnings = feature.load_config(self, options, config_file_path)
        # MkDocs prints a text warning as "Plugin '<entry>': <text>".
        warnings.append(migration_hint(key, entry))  # type: ignore[arg-type]
        return errors, warnings

    return type(f"Old{feature.__name__}", (feature,), {"load_config": load_config})


_CLASSES = {entry: _old_entry(key, entry, feature) for key, entry, feature in FEATURES}

Verzeichnis = _CLASSES["rathaus/verzeichnis"]
Barrierefreiheit = _CLASSES["rathaus/barrierefreiheit"]
Pruefung = _CLASSES["rathaus/pruefung"]
Sicherheit = _CLASSES["rathaus/sicherheit"]
Navigation = _CLASSES["rathaus/navigation"]
Handbuch = _CLASSES["rathaus/handbuch"]
Termine = _CLASSES["rathaus/termine"]
Gremien = _CLASSES["rathaus/gremien"]
Themen = _CLASSES["rathaus/themen"]
Aktuelles = _CLASSES["rathaus/aktuelles"]
LeichteSprache = _CLASSES["rathaus/leichte-sprache"]
Gebaerdensprache = _CLASSES["rathaus/gebaerdensprache"]
