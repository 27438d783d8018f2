"""``rathaus rename``: give a unit, person or location a new id everywhere at once.

The data files are changed exactly where the strict YAML reader saw the id (the record's own
``id`` and every field the reference checks follow), so comments and layout stay as they
were. In the pages, the directives' arguments and the links to the record's page or anchor
change. A unit's old address keeps working through ``data/weiterleitungen.yml``. With a new
name, the old name's mentions in free text are listed for the editor to read – they are not
changed blindly. Either everything is written or nothing: the site is loaded again before
the files are replaced, and a problem leaves every file as it was.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_atomic
from .markdown_scan import outside_fences
from .model import DataError, Site, load_site
from .model.slugs import slugify
from .model.yamlread import parse_yaml
from .plan import Layout, person_anchor
from .project import Project

FILES = {"einheit": "einheiten.yml", "person": "personen.yml", "standort": "standorte.yml"}
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PLAIN = re.compile(r"[^\W\d_][\w .()–-]*[\w.)]")
_DIRECTIVE = re.compile(r"<!--\s*rathaus/[a-z-]+\s*\{[^}]*\}\s*-->")


class RenameError(Exception):
    """Why nothing was renamed, in German."""


@dataclass
class Result:
    changed: list[str] = field(default_factory=list)
    """Files that were rewritten, relative to the site."""
    mentions: list[tuple[str, int, str]] = field(default_factory=list)
    """(file, line, text) where the old name still stands, for the editor to check."""
    redirect: bool = False


def rename(project: Project, kind: str, old: str, new: str, name: str | None = None) -> Result:
    root = project.root
    if kind not in FILES:
        raise RenameError(f"„{kind}“ lässt sich nicht umbenennen – möglich: {', '.join(FILES)}")
    if not _ID.fullmatch(new) or slugify(new) != new:
        raise RenameError(
            f"„{new}“ ist keine gültige Kennung – nur Kleinbuchstaben, Ziffern und Bindestriche"
        )
    site = _load(project)
    names = {
        "einheit": {i: r.name for i, r in site.einheiten.items()},
        "person": {i: r.name for i, r in site.personen.items()},
        "standort": {i: r.name for i, r in site.standorte.items()},
    }[kind]
    if old not in names:
        raise RenameError(f"„{old}“ gibt es in {project.data_dir}/{FILES[kind]} nicht")
    if new in names:
        raise RenameError(f"„{new}“ gibt es in {project.data_dir}/{FILES[kind]} schon")
    old_name = names[old]

    texts: dict[Path, str] = {}
    edits: dict[Path, list[tuple[int, int, int, str]]] = defaultdict(list)
    for ref in site.references:
        if ref.target != FILES[kind] or ref.value != old or ref.span is None:
            continue
        quoted = 1 if ref.span.style in {'"', "'"} else 0
        span = ref.span
        edits[root / ref.file].append(
            (span.start_line, span.start_col + quoted, span.end_col - quoted, new)
        )
    if name is not None:
        data_file = root / project.data_dir / FILES[kind]
        edits[data_file].append(_name_edit(data_file, old, name))
    for path, changes in edits.items():
        lines = path.read_text(encoding="utf-8").split("\n")
        for line, start, end, text in sorted(changes, reverse=True):
            lines[line] = lines[line][:start] + text + lines[line][end:]
        texts[path] = "\n".join(lines)

    layout = Layout.of(project)
    result = Result()
    for path in sorted((root / project.docs_dir).rglob("*.md")):
        before = path.read_text(encoding="utf-8")
        after = _rewrite_page(before, kind, old, new, layout)
        if after != before:
            texts[path] = after
        if name is not None:
            shown = path.relative_to(root).as_posix()
            result.mentions += _mentions(shown, after, old_name)
    if kind == "einheit":
        redirects = root / project.data_dir / "weiterleitungen.yml"
        current = texts.get(redirects) or (
            redirects.read_text(encoding="utf-8") if redirects.exists() else ""
        )
        if current and not current.endswith("\n"):
            current += "\n"
        texts[redirects] = current + f"- id: {old}\n  art: einheit\n  nach: {new}\n"
        result.redirect = True
    if name is not None:
        for data in sorted((root / project.data_dir).glob("*.yml")):
            text = texts.get(data) or data.read_text(encoding="utf-8")
            shown = data.relative_to(root).as_posix()
            result.mentions += _mentions(shown, text, old_name)

    originals = {path: path.read_bytes() if path.exists() else None for path in texts}
    for path, text in texts.items():
        write_atomic(path, text.encode("utf-8"))
    try:
        _load(project)
    except RenameError:
        for path, original in originals.items():
            if original is None:
                path.unlink()
            else:
                write_atomic(path, original)
        raise
    result.changed = sorted(path.relative_to(root).as_posix() for path in texts)
    return result


def _load(project: Project) -> Site:
    try:
        return load_site(project.root, project.data_dir)
    except DataError as exc:
        first = exc.findings[0].format() if exc.findings else ""
        raise RenameError(
            f"die Daten enthalten Fehler ({len(exc.findings)}, z. B. {first}) – beheben Sie sie "
            "zuerst mit rathaus check"
        ) from None


def _name_edit(path: Path, old: str, name: str) -> tuple[int, int, int, str]:
    """The edit that writes ``name`` over the record's name (a JSON string is valid YAML)."""
    doc, _ = parse_yaml(path.name, path.read_bytes())
    records = doc.data if doc is not None and isinstance(doc.data, list) else []
    for index, record in enumerate(records):
        span = doc.spans.get((index, "name")) if doc is not None else None
        if isinstance(record, dict) and record.get("id") == old and span is not None:
            if span.start_line != span.end_line:
                break
            name = " ".join(name.split())
            # A plain scalar where YAML cannot misread it, else a JSON string (valid YAML).
            text = name if _PLAIN.fullmatch(name) else json.dumps(name, ensure_ascii=False)
            return (span.start_line, span.start_col, span.end_col, text)
    raise RenameError(f"der Name von „{old}“ lässt sich nicht ändern – ändern Sie ihn von Hand")


def _rewrite_page(text: str, kind: str, old: str, new: str, layout: Layout) -> str:
    """Directive arguments and links that name the record, outside code blocks."""
    key = re.compile(rf"(\b{kind}\s*:\s*[\"']?){re.escape(old)}(?![\w-])")
    if kind == "einheit":
        link = re.compile(rf"(\b{re.escape(layout.units_dir)}/){re.escape(old)}(\.md\b)")
        replacement = rf"\g<1>{new}\g<2>"
    elif kind == "person":
        link = re.compile(rf"(#){re.escape(person_anchor(old))}(?![\w-])")
        replacement = rf"\g<1>{person_anchor(new)}"
    else:
        page = re.escape(Path(layout.locations_page).name)
        link = re.compile(rf"({page}#){re.escape(slugify(old))}(?![\w-])")
        replacement = rf"\g<1>{slugify(new)}"
    lines = text.split("\n")
    for index, line in outside_fences(lines, 0):
        line = _DIRECTIVE.sub(lambda m: key.sub(rf"\g<1>{new}", m[0]), line)
        lines[index] = link.sub(replacement, line)
    return "\n".join(lines)


def _mentions(file: str, text: str, name: str) -> list[tuple[str, int, str]]:
    if not name:
        return []
    return [
        (file, number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if name in line
    ]
