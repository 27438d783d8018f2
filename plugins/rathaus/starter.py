"""``rathaus init``: a new, clean site for a town, from the templates in ``neue-website/``.

Nothing of the demo goes into it. What only the town can know (addresses, phone numbers, the
imprint) is a plausible placeholder marked „BITTE AUSFÜLLEN“; ``rathaus check`` reports each
marker at its line (:func:`rathaus.checks.marker_findings`) until it is replaced, so such a
site cannot be published by the strict pipeline by mistake. The town's own values reach each
file only through that file's escaping: YAML (JSON strings are YAML double-quoted scalars)
and Markdown (:func:`rathaus.escaping.markdown_text`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from .atomic import write_atomic
from .escaping import markdown_text, plain_text

TEMPLATES = Path(__file__).parent / "templates" / "neue-website"

# Template file → path in the new site (dot files are stored without their dot).
TARGETS = {
    "gitignore": ".gitignore",
    "github-workflow.yml": ".github/workflows/website.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}

LAENDER = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}

# The word in front of a town's own name, so the place is "Beispielstadt".
_KINDS = re.compile(
    r"^(?:Stadt|Gemeinde|Markt|Marktgemeinde|Kreisstadt|Hansestadt|Landeshauptstadt|"
    r"Große Kreisstadt|Samtgemeinde|Verbandsgemeinde|Kreis|Landkreis)\s+"
)
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


class StarterError(Exception):
    """Why the site cannot be created, in German for the person who typed the command."""


@dataclass(frozen=True)
class Angaben:
    """What the town says about itself when it starts."""

    name: str
    """E.g. „Stadt Beispielstadt“."""
    land: str
    """The Land's code for public holidays, e.g. NW."""
    url: str
    """The site's address, e.g. https://www.beispielstadt.de/."""

    def checked(self) -> Angaben:
        name = " ".join(plain_text(self.name).split())
        if not 3 <= len(name) <= 120:
            raise StarterError("der Name der Kommune muss 3 bis 120 Zeichen lang sein")
        land = self.land.strip().upper()
        if land not in LAENDER:
            raise StarterError(
                f"„{self.land}“ ist kein Bundesland – nutzen Sie das Kürzel, z. B. NW für "
                f"Nordrhein-Westfalen ({', '.join(LAENDER)})"
            )
        parts = urlsplit(self.url.strip())
        host = (parts.hostname or "").lower()
        if parts.scheme != "https" or not _HOST.fullmatch(host) or parts.query or parts.fragment:
            raise StarterError(
                f"„{self.url}“ ist keine https-Adresse einer Website – schreiben Sie z. B. "
                "https://www.beispielstadt.de/"
            )
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        return Angaben(name, land, f"https://{host}{path}")

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def ort(self) -> str:
        return _KINDS.sub("", self.name) or self.name


def create_site(target: Path, angaben: Angaben, today: date) -> list[Path]:
    """Write the new site into ``target`` (missing or empty); the files written."""
    angaben = angaben.checked()
    if target.exists() and any(target.iterdir()):
        raise StarterError(
            f"der Ordner {target} ist nicht leer – legen Sie die neue Website in einem leeren "
            "Ordner an"
        )
    values = _values(angaben, today)
    written = []
    for template in sorted(p for p in TEMPLATES.rglob("*") if p.is_file()):
        relative = template.relative_to(TEMPLATES).as_posix()
        path = target / TARGETS.get(relative, relative)
        text = Template(template.read_text(encoding="utf-8")).substitute(values)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written


def _values(angaben: Angaben, today: date) -> dict[str, str]:
    def yaml(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    mail_domain = angaben.host.removeprefix("www.")
    try:
        version = metadata.version("rathaus")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        version = "0.1.0"
    return {
        "name_yaml": yaml(angaben.name),
        "name_md": markdown_text(angaben.name),
        "ort_yaml": yaml(angaben.ort),
        "url_yaml": yaml(angaben.url),
        "description_yaml": yaml(
            f"Die Website der {angaben.name}: Ämter, Ansprechpersonen, Öffnungszeiten und Gebäude."
        ),
        "copyright_yaml": yaml(f"© {angaben.name}"),
        "anschrift_yaml": yaml(f"{angaben.name}, Marktplatz 1, 00000 {angaben.ort}"),
        "scope_yaml": yaml(f"Diese Erklärung gilt für die Website {angaben.host}."),
        "land": angaben.land,
        "mail_domain": mail_domain,
        "today": today.isoformat(),
        "planned": date(today.year + 1, today.month, 1).isoformat(),
        "version": version,
    }
