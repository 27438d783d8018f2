"""Settings of the linter: rule levels, thresholds and allowed words.

They live in one place, the ``pruefung:`` key of the ``rathaus/leichte-sprache`` plugin in
``mkdocs.yml``. The build gets them from MkDocs; ``rathaus check`` reads the same key with a
safe YAML reader (:func:`read_settings`), so both report the same findings.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..model import Finding, Level

PLUGIN = "rathaus/leichte-sprache"

RuleId = Annotated[str, Field(pattern=r"^LS(0[1-9]|1\d|2[0-6])$")]
LevelName = Literal["fehler", "warnung", "hinweis", "aus"]
LEVELS: dict[str, Level | None] = {
    "fehler": Level.ERROR,
    "warnung": Level.WARNING,
    "hinweis": Level.INFO,
    "aus": None,
}

# Short words that readers know better than their long form (Netzwerk Leichte Sprache:
# WC, LKW, ICE; Zurich: ADAC). Towns add their own with ``erlaubt:``.
DEFAULT_ALLOWED = frozenset(
    {
        "WC",
        "LKW",
        "Lkw",
        "PKW",
        "Pkw",
        "ICE",
        "ADAC",
        "TV",
        "PC",
        "CD",
        "DVD",
        "SMS",
        "USB",
        "OK",
        "ok",
        "PDF",
        "WLAN",
        "E-Mail",
        "Dr",
        "EU",
        "DGS",
    }
)


class Einstellungen(BaseModel):
    """Die Einstellungen der Prüfung in Leichter Sprache (mkdocs.yml, Schlüssel pruefung)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    regeln: dict[RuleId, LevelName] = Field(
        default_factory=dict,
        description="Stufe je Regel: fehler, warnung, hinweis oder aus, z. B. LS05: aus",
    )
    satz_woerter_warnung: int = Field(10, ge=3, le=40, description="Warnung ab so vielen Wörtern")
    satz_woerter_fehler: int = Field(12, ge=3, le=40, description="Fehler ab so vielen Wörtern")
    absatz_zeilen: int = Field(6, ge=1, le=40, description="höchstens so viele Sätze je Absatz")
    wort_silben: int = Field(
        5, ge=3, le=12, description="Wörter mit so vielen Silben müssen getrennt sein"
    )
    wort_buchstaben: int = Field(
        10, ge=5, le=30, description="ab so vielen Buchstaben wird ein Wort auf Teile geprüft"
    )
    aufzaehlung: int = Field(3, ge=2, le=10, description="mehr Teile als das gehören in eine Liste")
    erlaubt: tuple[str, ...] = Field(
        (),
        description="Wörter, die immer erlaubt sind: Abkürzungen (zusätzlich zu WC, LKW, ICE, "
        "ADAC …) und Namen wie Beispielstadt",
    )
    begriffe: tuple[tuple[str, ...], ...] = Field(
        (),
        description="Wörter für dieselbe Sache; eine Seite soll nur eines davon benutzen, "
        "z. B. [[Pass, Reise-Pass]]",
    )

    def __hash__(self) -> int:
        # Equal settings hash alike (``regeln`` is a dict), so linter results can be cached
        # by their settings (linter.py).
        return hash(
            tuple(
                (name, tuple(sorted(value.items())) if isinstance(value, dict) else value)
                for name, value in self
            )
        )

    def allowed(self) -> frozenset[str]:
        return DEFAULT_ALLOWED | frozenset(self.erlaubt)

    def with_names(self, *names: str) -> Einstellungen:
        """These settings, with the words of ``names`` (e.g. the town's name) allowed."""
        words = {w.strip(".,:;") for name in names for w in name.split()}
        return self.model_copy(update={"erlaubt": (*self.erlaubt, *sorted(words - {""}))})


def settings_from(data: Any, where: str) -> tuple[Einstellungen, list[Finding]]:
    """Validate the ``pruefung:`` mapping; problems are findings, defaults are used then."""
    try:
        return Einstellungen.model_validate(data or {}), []
    except ValidationError as exc:
        findings = [
            Finding(
                where,
                1,
                1,
                "pruefung." + ".".join(str(p) for p in error["loc"]),
                f"die Einstellung der Leichten Sprache ist ungültig: {error['msg']}",
                "Stufen sind fehler, warnung, hinweis oder aus; Regeln heißen LS01 bis LS26",
                rule="leichte-sprache",
            )
            for error in exc.errors()
        ]
        return Einstellungen(), findings


# libyaml when PyYAML has it: a large town's mkdocs.yml holds the whole navigation.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Lenient(_SafeLoader):  # type: ignore[misc]
    """Safe loader that reads mkdocs.yml tags (``!ENV``, ``!!python/name:``) as null."""


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Lenient.add_multi_constructor("!", _ignore)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)


def read_plugins(root: Path, config_file: str = "mkdocs.yml") -> dict[str, dict[str, Any]] | None:
    """The options of every plugin in mkdocs.yml by its name; None without a readable file."""
    path = root / config_file
    if not path.is_file():
        return None
    return copy.deepcopy(_plugins_in(path.read_text(encoding="utf-8")))


# Asked several times per build (settings, checks, the overview parts); parsed once per text.
@lru_cache(maxsize=8)
def _plugins_in(text: str) -> dict[str, dict[str, Any]] | None:
    try:
        config = yaml.load(text, Loader=_Lenient)
    except yaml.YAMLError:
        return None  # MkDocs itself reports a broken mkdocs.yml
    plugins = config.get("plugins") if isinstance(config, dict) else None
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (
            (next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, {}))
            for p in (plugins or [])
        )
    )
    return {
        name: options if isinstance(options, dict) else {}
        for name, options in entries
        if isinstance(name, str)
    }


def plugin_options(root: Path, config_file: str = "mkdocs.yml") -> dict[str, Any] | None:
    """The options of ``rathaus/leichte-sprache`` in mkdocs.yml; None if it is not used."""
    return (read_plugins(root, config_file) or {}).get(PLUGIN)


def read_settings(root: Path) -> tuple[Einstellungen | None, list[Finding]]:
    """Settings for ``rathaus check``; None when the site does not use the plugin."""
    options = plugin_options(root)
    if options is None or options.get("enabled", True) is False:
        return None, []
    return settings_from(options.get("pruefung"), "mkdocs.yml")
