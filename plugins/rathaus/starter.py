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


DEFAULT_COLOUR = "#004a8f"  # the theme's own blue (rathaus.css)
_COLOUR = re.compile(r"^#?(?P<hex>[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
LOGO_TYPES = (".svg", ".png", ".webp")
LOGO_MAX = 1_000_000  # bytes; a logo on every page of the site
MIN_CONTRAST = 4.5  # WCAG 1.4.3 for white text on the colour, and for links on white


def _luminance(rgb: tuple[int, int, int]) -> float:
    """Relative luminance (WCAG 2.x)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = map(channel, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(colour: str) -> tuple[int, int, int]:
    digits = colour.lstrip("#")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(_rgb(colour)) + 0.05)


def darker(colour: str, factor: float = 0.7) -> str:
    """The colour at ``factor`` brightness (70 %: for hover states)."""
    return "#" + "".join(f"{round(c * factor):02x}" for c in _rgb(colour))


def readable(colour: str) -> str:
    """The same hue darkened in 5 % steps until white text on it is readable."""
    factor = 1.0
    while contrast_with_white(darker(colour, factor)) < MIN_CONTRAST:
        factor -= 0.05
    return darker(colour, factor)


def _checked_colour(colour: str) -> str:
    match = _COLOUR.match(colour.strip())
    if not match:
        raise StarterError(
            f"„{colour}“ ist keine Farbe – schreiben Sie sie als Hex-Wert, z. B. #00508c"
        )
    digits = match["hex"].lower()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    checked = "#" + digits
    ratio = contrast_with_white(checked)
    if ratio < MIN_CONTRAST:
        shown = f"{ratio:.1f}".replace(".", ",")
        raise StarterError(
            f"die Farbe {checked} ist zu hell: weiße Schrift darauf und Links in dieser Farbe "
            f"auf Weiß haben nur einen Kontrast von {shown} : 1, nötig sind 4,5 : 1 – wählen "
            f"Sie eine dunklere Farbe, z. B. {readable(checked)}"
        )
    return checked


def _checked_logo(logo: Path | None) -> Path | None:
    if logo is None:
        return None
    if logo.suffix.lower() not in LOGO_TYPES:
        raise StarterError(
            f"{logo}: das Logo muss eine SVG-, PNG- oder WebP-Datei sein (Endung "
            f"{', '.join(LOGO_TYPES)})"
        )
    if not logo.is_file():
        raise StarterError(f"{logo}: die Datei gibt es nicht")
    if logo.stat().st_size > LOGO_MAX:
        raise StarterError(
            f"{logo}: das Logo ist größer als 1 MB – es lädt auf jeder Seite; verkleinern Sie es"
        )
    return logo


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
    farbe: str = DEFAULT_COLOUR
    """The town's colour for the header and links, ``#rrggbb``."""
    logo: Path | None = None
    """A logo or crest (SVG, PNG or WebP) copied into content/."""

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
        return Angaben(
            name,
            land,
            f"https://{host}{path}",
            _checked_colour(self.farbe),
            _checked_logo(self.logo),
        )

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
    if angaben.logo is not None:
        path = target / "content" / f"logo{angaben.logo.suffix.lower()}"
        write_atomic(path, angaben.logo.read_bytes())
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
        "farbe": angaben.farbe,
        "farbe_dunkel": darker(angaben.farbe),
        "logo_yaml": f"logo: logo{angaben.logo.suffix.lower()}"
        if angaben.logo
        else "# logo: logo.svg  (Ihr Logo oder Wappen als Datei in content/)",
    }
