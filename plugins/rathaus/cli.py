"""The ``rathaus`` command: checks and helpers for editors and CI, without building HTML."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .checks import run_checks
from .model import Finding, Level
from .model.schemas import write_schemas


def _human(findings: Sequence[Finding]) -> str:
    lines = [f.format() for f in findings]
    errors = sum(f.level is Level.ERROR for f in findings)
    warnings = len(findings) - errors
    if findings:
        lines.append("")
    lines.append(f"{errors} Fehler, {warnings} Warnungen")
    return "\n".join(lines)


def _github(findings: Sequence[Finding]) -> str:
    def escape(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    return "\n".join(
        f"::{f.level.value} file={f.file},line={f.line},col={f.col}::"
        + escape(f.format().split(": ", 1)[1])
        for f in findings
    )


def _json(findings: Sequence[Finding]) -> str:
    return json.dumps(
        [
            {
                "file": f.file,
                "line": f.line,
                "col": f.col,
                "field": f.field,
                "level": f.level.value,
                "rule": f.rule,
                "message": f.message,
                "hint": f.hint,
            }
            for f in findings
        ],
        ensure_ascii=False,
        indent=2,
    )


FORMATS = {"human": _human, "github": _github, "json": _json}


def _check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if not root.is_dir():
        print(f"rathaus check: konnte nicht laufen: Ordner {root} fehlt", file=sys.stderr)
        return 2
    try:
        findings = run_checks(root)
    except OSError as exc:
        print(f"rathaus check: konnte nicht laufen: {exc}", file=sys.stderr)
        return 2
    print(FORMATS[args.format](findings))
    return 1 if any(f.level is Level.ERROR for f in findings) else 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.root)):
        print(f"geschrieben: {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rathaus",
        description="Rathaus: Daten und Seiten einer kommunalen Website prüfen, "
        "ohne HTML zu bauen.",
    )
    parser.add_argument(
        "--root", default=".", help="Ordner der Website mit data/ und content/ (Standard: .)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")
    check = commands.add_parser(
        "check",
        help="alle Daten und Seiten prüfen; Exit-Code 0 = in Ordnung, 1 = Fehler, 2 = Abbruch",
    )
    check.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="human",
        help="Ausgabe: human (Deutsch, für Menschen), github (Anmerkungen in Pull Requests), json",
    )
    check.set_defaults(run=_check)
    schema = commands.add_parser(
        "schema", help="JSON-Schemas der Datendateien nach schemas/ schreiben"
    )
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
