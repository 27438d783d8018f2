"""Settings of the linter: rule levels, thresholds and allowed words.

They live in one place, the ``pruefung:`` key of the ``rathaus/leichte-sprache`` plugin in
``mkdocs.yml``. The build and ``rathaus check`` both get them from MkDocs' validated
configuration and validate them here (:func:`settings_from`), so both report the same findings.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

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
    lix_hoechstens: int = Field(
        55,
        ge=20,
        le=90,
        description="Lesbarkeits-Index (LIX) eines Absatzes und einer Seite höchstens; Texte "
        "in Leichter Sprache liegen meist zwischen 20 und 50, Amts·sprache über 60",
    )
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
