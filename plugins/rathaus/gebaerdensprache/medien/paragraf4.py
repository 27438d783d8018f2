"""The BITV 2.0 § 4 gate: the start page explains four topics in DGS and in Leichter Sprache.

§ 4 BITV 2.0 (with Anlage 2): on the start page, (1) the main contents, (2) navigation hints,
(3) the essentials of the accessibility statement and (4) pointers to further DGS and LS
information must be available in Deutscher Gebärdensprache *and* in Leichter Sprache.
The configuration maps each topic to a video id and an LS page; this module says, in German,
which topic lacks what. Plain Python: the plugin passes what exists in the build.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping

from ...model import Finding, Level

TOPICS: dict[str, str] = {
    "wesentliche_inhalte": "Informationen zu den wesentlichen Inhalten",
    "navigation": "Hinweise zur Navigation",
    "erklaerung": "Erläuterung der Erklärung zur Barrierefreiheit",
    "weitere_angebote": "Hinweise auf weitere Angebote in DGS und Leichter Sprache",
}
RULE = "bitv-4"


def check_start_page(
    topics: Mapping[str, Mapping[str, str | None]],
    videos: Mapping[str, object],
    page_exists: Callable[[str], bool],
    *,
    file: str = "mkdocs.yml",
    line: int = 1,
) -> list[Finding]:
    """One warning per topic without a usable video or LS page (warnings fail --strict)."""
    findings: list[Finding] = []
    option = "rathaus → gebaerdensprache → startseite"

    def add(key: str, field: str, message: str, hint: str) -> None:
        findings.append(
            Finding(
                file,
                line,
                1,
                f"startseite.{key}.{field}",
                f"BITV 2.0 § 4: {message}",
                hint,
                level=Level.WARNING,
                rule=RULE,
            )
        )

    for key, topic in TOPICS.items():
        entry = topics.get(key) or {}
        video = entry.get("dgs")
        if not video:
            add(
                key,
                "dgs",
                f"für „{topic}“ fehlt ein Video in Deutscher Gebärdensprache",
                f"tragen Sie in mkdocs.yml unter {option} → {key} → dgs: die Kennung eines "
                "Videos aus data/videos.yml ein",
            )
        elif video not in videos:
            close = difflib.get_close_matches(video, sorted(videos), n=1, cutoff=0.6)
            add(
                key,
                "dgs",
                f"für „{topic}“ ist das Video „{video}“ angegeben, das es nicht gibt",
                f"meinten Sie „{close[0]}“?"
                if close
                else "legen Sie das Video in data/videos.yml an oder prüfen Sie die Kennung",
            )
        page = entry.get("leichte_sprache")
        if not page:
            add(
                key,
                "leichte_sprache",
                f"für „{topic}“ fehlt eine Seite in Leichter Sprache",
                f"tragen Sie in mkdocs.yml unter {option} → {key} → leichte_sprache: den Pfad "
                "der Seite ein, z. B. leichte-sprache/index.md",
            )
        elif not page_exists(page):
            add(
                key,
                "leichte_sprache",
                f"für „{topic}“ ist die Seite in Leichter Sprache „{page}“ angegeben, die es "
                "nicht gibt",
                "legen Sie die Seite in content/ an oder prüfen Sie den Pfad",
            )
    return findings


def config_line(text: str) -> int:
    """The line of mkdocs.yml that configures the feature (its block in the ``rathaus``
    entry, or the entry ``rathaus/gebaerdensprache`` of earlier versions)."""
    for number, line in enumerate(text.splitlines(), start=1):
        code = line.split("#", 1)[0]
        if "rathaus/gebaerdensprache" in code or code.strip() == "gebaerdensprache:":
            return number
    return 1
