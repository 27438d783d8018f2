"""The BITV 2.0 § 4 gate: the start page explains four topics in DGS and in Leichter Sprache.

§ 4 BITV 2.0 (with Anlage 2): on the start page, (1) the main contents, (2) navigation hints,
(3) the essentials of the accessibility statement and (4) pointers to further DGS and LS
information must be available in Deutscher Gebärdensprache *and* in Leichter Sprache.
The configuration maps each topic to a video id and an LS page; this module says, in German,
which topic lacks what. Plain Python: the build and `rathaus check` pass what exists.

A town that has no videos yet is not stuck and does not fake them: a topic without a video
is a *Hinweis* while ``gebaerdensprache_geplant_bis`` in the accessibility statement names a
date that has not passed, and the statement then lists the missing videos under the content
that is not accessible (:func:`statement_barrier`). Without that date, or once it has passed,
it is a warning (a strict build stops); with ``videos_pflicht: true`` it is an error. A video
id that does not exist and a missing Leichte Sprache page are always warnings: they are
mistakes, not a declared plan.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from datetime import date

from .german import datum
from .model import Finding, Level, Site
from .model.erklaerung import Barriere, Grund, Status
from .project import Project

GEBAERDENSPRACHE = "rathaus/gebaerdensprache"

TOPICS: dict[str, str] = {
    "wesentliche_inhalte": "Informationen zu den wesentlichen Inhalten",
    "navigation": "Hinweise zur Navigation",
    "erklaerung": "Erläuterung der Erklärung zur Barrierefreiheit",
    "weitere_angebote": "Hinweise auf weitere Angebote in DGS und Leichter Sprache",
}
RULE = "bitv-4"


Topics = Mapping[str, Mapping[str, str | None]]


def topics_of(project: Project) -> Topics | None:
    """Video id and LS page per topic as configured; ``None`` when the gate is off."""
    options = project.options(GEBAERDENSPRACHE)
    if options is None or not options.get("bitv_gate", True):
        return None
    startseite = options.get("startseite") or {}
    return {key: dict((startseite.get(key) or {}).items()) for key in TOPICS}


def gate_findings(
    project: Project, site: Site, page_exists: Callable[[str], bool]
) -> list[Finding]:
    """The § 4 findings of the project's start page: one function for build and check."""
    topics = topics_of(project)
    if topics is None:
        return []
    options = project.options(GEBAERDENSPRACHE) or {}
    statement = site.erklaerung
    statement_file = f"{project.data_dir}/barrierefreiheit.yml"
    findings: list[Finding] = []
    if statement is not None and statement.status is Status.VOLLSTAENDIG and without_video(topics):
        findings.append(
            Finding(
                statement_file,
                1,
                1,
                "status",
                "die Erklärung sagt „vollständig vereinbar“, aber auf der Startseite fehlen "
                "Videos in Deutscher Gebärdensprache (BITV 2.0 § 4)",
                "schreiben Sie status: teilweise – die fehlenden Videos stehen dann unter den "
                "nicht barrierefreien Inhalten",
                level=Level.WARNING,
                rule=RULE,
            )
        )
    return findings + check_start_page(
        topics,
        site.videos,
        page_exists,
        line=config_line("\n".join(project.config_lines)),
        planned=statement.gebaerdensprache_geplant_bis if statement else None,
        today=project.today,
        videos_required=bool(options.get("videos_pflicht", False)),
        statement_file=statement_file,
    )


def without_video(topics: Mapping[str, Mapping[str, str | None]]) -> list[str]:
    """The topics (their titles) for which no video is configured."""
    return [topic for key, topic in TOPICS.items() if not (topics.get(key) or {}).get("dgs")]


def statement_barrier(topics: Topics | None, planned: date | None) -> Barriere | None:
    """The entry of the accessibility statement for the start page's missing videos."""
    missing = without_video(topics) if topics is not None else []
    if not missing:
        return None
    when = f" Sie sind bis zum {datum(planned)} geplant." if planned else ""
    return Barriere(
        inhalt="Videos in Deutscher Gebärdensprache auf der Startseite",
        grund=Grund.UNVEREINBARKEIT,
        begruendung=(
            "Für diese Themen gibt es noch kein Video in Deutscher Gebärdensprache: "
            + "; ".join(missing)
            + "."
            + when
        ),
        alternative="Dieselben Themen erklären wir in Leichter Sprache.",
    )


def check_start_page(
    topics: Mapping[str, Mapping[str, str | None]],
    videos: Mapping[str, object],
    page_exists: Callable[[str], bool],
    *,
    file: str = "mkdocs.yml",
    line: int = 1,
    planned: date | None = None,
    today: date | None = None,
    videos_required: bool = False,
    statement_file: str = "data/barrierefreiheit.yml",
) -> list[Finding]:
    """One finding per topic without a usable video or LS page (see the module's text for
    the level of a missing video)."""
    findings: list[Finding] = []
    option = "rathaus → gebaerdensprache → startseite"

    def add(key: str, field: str, message: str, hint: str, level: Level = Level.WARNING) -> None:
        findings.append(
            Finding(
                file,
                line,
                1,
                f"startseite.{key}.{field}",
                f"BITV 2.0 § 4: {message}",
                hint,
                level=level,
                rule=RULE,
            )
        )

    for key, topic in TOPICS.items():
        entry = topics.get(key) or {}
        video = entry.get("dgs")
        if not video:
            message = f"für „{topic}“ fehlt ein Video in Deutscher Gebärdensprache"
            add_video = (
                f"tragen Sie in mkdocs.yml unter {option} → {key} → dgs: die Kennung eines "
                "Videos aus data/videos.yml ein"
            )
            if videos_required:
                add(key, "dgs", message, add_video + " (videos_pflicht: true)", Level.ERROR)
            elif planned is None:
                add(
                    key,
                    "dgs",
                    message,
                    add_video + f" – oder tragen Sie in {statement_file} "
                    "gebaerdensprache_geplant_bis: ein, bis wann die Videos kommen; die "
                    "Erklärung zur Barrierefreiheit nennt sie dann",
                )
            elif today is not None and planned < today:
                add(
                    key,
                    "dgs",
                    f"{message}, geplant war es bis zum {datum(planned)}",
                    add_video + f" – oder tragen Sie in {statement_file} unter "
                    "gebaerdensprache_geplant_bis: den neuen Termin ein",
                )
            else:
                add(
                    key,
                    "dgs",
                    f"{message}, geplant bis zum {datum(planned)}",
                    "die Erklärung zur Barrierefreiheit nennt es unter den nicht barrierefreien "
                    "Inhalten; " + add_video + ", sobald es fertig ist",
                    Level.INFO,
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
