"""Findings: every check reports problems as data, formatted only at the edge."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Rules with a code (the Leichte Sprache rules LS01–LS26) name it before the message.
_CODED_RULE = re.compile(r"^[A-Z]{2}\d{2}$")


class Level(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    """Worth showing, never a failure: e.g. a reviewed exception with its reason."""


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place, with a German message and a German hint for the editor."""

    file: str
    line: int
    col: int
    field: str
    message: str
    hint: str
    level: Level = Level.ERROR
    rule: str = "daten"

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        field = f" {self.field}:" if self.field else ""
        code = f" {self.rule}" if _CODED_RULE.match(self.rule) else ""
        hint = f" – {self.hint}" if self.hint else ""
        return f"{where}:{field}{code} {self.message}{hint}"


class DataError(Exception):
    """Raised when data cannot be turned into a site; carries every finding of the run."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = sorted(findings)
        super().__init__("\n".join(f.format() for f in self.findings))
