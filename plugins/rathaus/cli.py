"""The ``rathaus`` command: checks and helpers for editors and CI, without building HTML."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import cache
from .adapter import load_project
from .checks import DATA_MISSING, Checks, check_site
from .gitchanges import GitError, changed_files
from .model import Level
from .model.schemas import write_schemas
from .report import FORMATS


def _check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if not root.is_dir():
        print(f"rathaus check: konnte nicht laufen: Ordner {root} fehlt", file=sys.stderr)
        return 2
    try:
        project = load_project(root)
        if isinstance(project, list):
            checks = Checks(project, [])
        else:
            checks = check_site(project)
            store = cache.current()  # the site's cache, made current by check_site
            if store is not None:  # the build after the check finds the pages converted
                store.finish()
        changed = changed_files(root, args.changed) if args.changed else None
    except (OSError, GitError) as exc:
        print(f"rathaus check: konnte nicht laufen: {exc}", file=sys.stderr)
        return 2
    findings = checks.findings
    if changed is not None:
        # All data is still loaded and checked, so references into unchanged files count.
        elsewhere = [f for f in findings if f.file not in changed]
        findings = [f for f in findings if f.file in changed]
        if elsewhere and args.format == "human":
            print(
                f"({len(elsewhere)} weitere Meldungen in nicht geänderten Dateien; "
                "alle zeigt: rathaus check)",
                file=sys.stderr,
            )
    print(FORMATS[args.format](findings, root, checks.leichte_sprache))
    if not checks.data_loaded and args.format == "human":
        print(DATA_MISSING)
    # The build is strict: a warning fails it, so it fails the check too unless allowed.
    failing = {Level.ERROR} if args.allow_warnings else {Level.ERROR, Level.WARNING}
    return 1 if any(f.level in failing for f in findings) else 0


def _audit(args: argparse.Namespace) -> int:
    from .audit import SiteError, ToolError, run_audit

    site_dir = Path(args.root) / (args.site_dir or os.environ.get("SITE_DIR") or "site")

    def log(line: str) -> None:
        print(f"[audit] {line}", file=sys.stderr, flush=True)

    try:
        result = run_audit(site_dir, reports=args.reports, log=log)
    except (SiteError, ToolError, OSError) as exc:
        print(f"rathaus audit: konnte nicht laufen: {exc}", file=sys.stderr)
        return 2
    for finding in result.findings:
        print(finding.line())
    print(f"rathaus audit: {result.pages} Seiten geprüft, {len(result.findings)} Fehler")
    return 1 if result.findings else 0


def _build(args: argparse.Namespace) -> int:
    from .publish import build

    root = Path(args.root)
    if not (root / args.config).is_file():
        print(f"rathaus build: konnte nicht laufen: {root / args.config} fehlt", file=sys.stderr)
        return 2
    try:
        outcome = build(root, args.site_dir, args.config, args.gate)
    except OSError as exc:
        print(f"rathaus build: konnte nicht laufen: {exc}", file=sys.stderr)
        return 2
    if not outcome.ok:
        print(
            f"rathaus build: {outcome.message} – {args.site_dir}/ bleibt unverändert",
            file=sys.stderr,
        )
        return 1
    print(f"rathaus build: {outcome.message}")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_ls_page, new_record

    root = Path(args.root)
    try:
        if args.art == "ls-seite":
            page = new_ls_page(root, args.name)
            print(f"angelegt: {page.relative_to(root).as_posix()} – schreiben Sie den Text und")
            print("prüfen Sie ihn danach mit: rathaus check")
            return 0
        path, line = new_record(root, args.art, args.name)
    except (ScaffoldError, OSError) as exc:
        print(f"rathaus new: {exc}", file=sys.stderr)
        return 1
    shown = path.relative_to(root).as_posix()
    print(f"angelegt: {shown}:{line} – füllen Sie die Felder mit „Pflicht“ aus und prüfen Sie")
    print("danach mit: rathaus check")
    return 0


def _init(args: argparse.Namespace) -> int:
    from .model.hours import build_date
    from .starter import DEFAULT_COLOUR, LAENDER, Angaben, StarterError, create_site

    def ask(value: str | None, question: str) -> str:
        if value:
            return value
        if not sys.stdin.isatty():
            raise StarterError(f"es fehlt: {question} (Optionen siehe rathaus init --help)")
        return input(f"{question}: ").strip()

    target = Path(args.ordner)
    try:
        angaben = Angaben(
            ask(args.name, "Name der Kommune, z. B. Stadt Beispielstadt"),
            ask(args.land, f"Bundesland als Kürzel ({', '.join(LAENDER)})"),
            ask(args.url, "Adresse der Website, z. B. https://www.beispielstadt.de/"),
            args.farbe or DEFAULT_COLOUR,
            args.logo,
        )
        written = create_site(target, angaben, build_date())
    except (StarterError, OSError) as exc:
        print(f"rathaus init: {exc}", file=sys.stderr)
        return 2
    print(f"angelegt: {len(written)} Dateien in {target}/")
    print("Als Nächstes: rathaus check – es zeigt jede Stelle mit „BITTE AUSFÜLLEN“.")
    return 0


def _rename(args: argparse.Namespace) -> int:
    from .adapter import load_project
    from .umbenennen import RenameError, rename

    project = load_project(Path(args.root))
    if isinstance(project, list):
        print("\n".join(f.format() for f in project), file=sys.stderr)
        return 2
    try:
        result = rename(project, args.art, args.alt, args.neu, args.name)
    except (RenameError, OSError) as exc:
        print(f"rathaus rename: {exc} – nichts wurde geändert", file=sys.stderr)
        return 1
    for changed in result.changed:
        print(f"geändert: {changed}")
    if result.redirect:
        print(f"Die alte Adresse von „{args.alt}“ leitet weiter (data/weiterleitungen.yml).")
    if result.mentions:
        print("Der alte Name steht noch hier – bitte lesen und bei Bedarf anpassen:")
        for file, line, text in result.mentions:
            print(f"  {file}:{line}: {text}")
    print("Prüfen Sie danach mit: rathaus check")
    return 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.root)):
        print(f"geschrieben: {path}")
    return 0


def _oparl_import(args: argparse.Namespace) -> int:
    from .model.hours import build_date
    from .oparl.export import ExportError
    from .oparl.importer import import_oparl

    try:
        result = import_oparl(Path(args.root), Path(args.export), build_date(), args.gremium)
    except ExportError as exc:
        print(f"rathaus oparl import: {exc}", file=sys.stderr)
        return 2
    except LookupError as exc:
        what = f"das Gremium „{exc}“" if str(exc) else "eine Körperschaft (Body)"
        print(f"rathaus oparl import: {what} steht nicht im Export", file=sys.stderr)
        return 2
    print("\n".join(result.lines()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rathaus",
        description="Rathaus: Daten und Seiten einer kommunalen Website prüfen, "
        "Einträge anlegen und die Website sicher bauen.",
    )
    parser.add_argument(
        "--root", default=".", help="Ordner der Website mit data/ und content/ (Standard: .)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")
    check = commands.add_parser(
        "check",
        help="alle Daten und Seiten prüfen; Exit-Code 0 = in Ordnung, 1 = Fehler oder "
        "Warnungen (wie der strenge Build), 2 = Abbruch",
    )
    check.add_argument(
        "--allow-warnings",
        action="store_true",
        help="Exit-Code 0 auch bei Warnungen (der Build mit --strict scheitert an ihnen)",
    )
    check.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="human",
        help="Ausgabe: human (Deutsch, für Menschen), github (Anmerkungen in Pull Requests), "
        "gitlab (Code-Quality-Bericht), json",
    )
    check.add_argument(
        "--changed",
        nargs="?",
        const="HEAD",
        metavar="REF",
        help="nur Meldungen zu Dateien, die sich gegenüber dem Git-Stand REF (Standard: HEAD) "
        "geändert haben oder neu sind; geprüft werden trotzdem alle Daten",
    )
    check.set_defaults(run=_check)
    build = commands.add_parser(
        "build",
        help="Website bauen: erst in einen neuen Ordner, dann site/ ersetzen – nur wenn alles "
        "fehlerfrei war; Exit-Code 0 = gebaut, 1 = Fehler (site/ unverändert), 2 = Abbruch",
    )
    build.add_argument("--site-dir", default="site", help="Zielordner (Standard: site)")
    build.add_argument(
        "--config", default="mkdocs.yml", help="MkDocs-Konfiguration (Standard: mkdocs.yml)"
    )
    build.add_argument(
        "--gate",
        metavar="BEFEHL",
        help="Prüfbefehl, der den neuen Ordner (Umgebungsvariable SITE_DIR) prüft, bevor er "
        'site/ ersetzt, z. B. "rathaus audit"',
    )
    build.set_defaults(run=_build)
    audit = commands.add_parser(
        "audit",
        help="gebaute Website auf Barrierefreiheit prüfen (axe, HTML_CodeSniffer, vnu, Links, "
        "Tastatur, Umbruch bei 320 px, keine Anfragen an Dritte) – ohne Internet, auf jeder "
        "Rathaus-Website; installiert fehlende Werkzeuge; Exit-Code 0 = keine Fehler, "
        "1 = Fehler, 2 = Abbruch",
    )
    audit.add_argument(
        "site_dir",
        nargs="?",
        metavar="ORDNER",
        help="Ordner der gebauten Website (Standard: Umgebungsvariable SITE_DIR, sonst site; "
        'so passt es zu rathaus build --gate "rathaus audit")',
    )
    audit.add_argument(
        "--reports",
        type=Path,
        metavar="ORDNER",
        help="Berichte der Werkzeuge (JSON) hier ablegen, um Fehler nachzulesen",
    )
    audit.set_defaults(run=_audit)
    new = commands.add_parser(
        "new",
        help="neuen Eintrag mit allen Pflichtfeldern und Erklärungen anlegen, "
        'z. B. rathaus new person "Jörg Weiß"',
    )
    new.add_argument(
        "art",
        choices=["einheit", "person", "standort", "termin", "ls-seite"],
        metavar="ART",
        help="einheit, person, standort, termin oder ls-seite (Seite in Leichter Sprache)",
    )
    new.add_argument(
        "name",
        metavar="NAME",
        help="Name bzw. Titel, daraus wird die Kennung; bei ls-seite der Pfad der Seite in "
        "Alltags-Sprache (z. B. kontakt.md) oder ein Titel",
    )
    new.set_defaults(run=_new)
    init = commands.add_parser(
        "init",
        help="neue, leere Website für eine Kommune anlegen (fragt nach fehlenden Angaben)",
    )
    init.add_argument("ordner", metavar="ORDNER", help="leerer oder neuer Ordner")
    init.add_argument("--name", help='Name der Kommune, z. B. "Stadt Beispielstadt"')
    init.add_argument("--land", help="Bundesland als Kürzel, z. B. NW")
    init.add_argument("--url", help="Adresse der Website, z. B. https://www.beispielstadt.de/")
    init.add_argument(
        "--farbe",
        help="Hausfarbe für Kopfzeile und Links als Hex-Wert, z. B. #00508c; weiße Schrift "
        "muss darauf lesbar sein (Kontrast mindestens 4,5 : 1); Standard: das Blau von Rathaus",
    )
    init.add_argument(
        "--logo", type=Path, help="Logo oder Wappen als SVG-, PNG- oder WebP-Datei (höchstens 1 MB)"
    )
    init.set_defaults(run=_init)
    rename_cmd = commands.add_parser(
        "rename",
        help="Kennung einer Einheit, Person oder eines Standorts überall ändern; die alte "
        "Adresse einer Einheit leitet weiter, z. B. rathaus rename einheit buergeramt "
        "buergerbuero",
    )
    rename_cmd.add_argument("art", choices=["einheit", "person", "standort"], metavar="ART")
    rename_cmd.add_argument("alt", metavar="ALT", help="die bisherige Kennung")
    rename_cmd.add_argument("neu", metavar="NEU", help="die neue Kennung")
    rename_cmd.add_argument(
        "--name", help="auch den Namen ändern; Stellen mit dem alten Namen werden aufgelistet"
    )
    rename_cmd.set_defaults(run=_rename)
    schema = commands.add_parser(
        "schema", help="JSON-Schemas der Datendateien nach schemas/ schreiben"
    )
    schema.set_defaults(run=_schema)
    oparl = commands.add_parser("oparl", help="Daten aus dem Ratsinformationssystem (OParl)")
    oparl_commands = oparl.add_subparsers(dest="oparl_command", required=True, metavar="BEFEHL")
    oparl_import = oparl_commands.add_parser(
        "import",
        help="OParl-1.1-Export (Datei oder Ordner) nach data/gremien.yml übernehmen; "
        "eigene Felder bleiben erhalten",
    )
    oparl_import.add_argument("export", help="Datei oder Ordner mit dem OParl-Export")
    oparl_import.add_argument(
        "--gremium",
        action="append",
        default=[],
        help="nur dieses Gremium (Name, Kurzname oder OParl-Adresse); mehrfach möglich",
    )
    oparl_import.set_defaults(run=_oparl_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
