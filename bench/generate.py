"""A synthetic municipality of about N pages, written as a complete Rathaus site.

Deterministic: the same ``n`` and ``seed`` give byte-identical files. Proportions per N
(pages in the built site):

* units (one generated page each) 6 %, with 3 contact people each and one location per
  8 units, weekly opening hours and exceptions;
* events (one generated page each) 4 %, news posts 8 % (plus the overview pages and one
  archive per year);
* services for the A–Z index: 10 % of N as entries (no pages of their own);
* the rest are hand-written topic pages in 12 sections of subsections with at most
  ``SUBSECTION_SIZE`` pages each (more than ``SUBSECTION_SIZE`` subsections are grouped
  into areas, and so on: no menu level lists more than ``SUBSECTION_SIZE`` entries, as on
  a real municipal site), and for every topic page its Leichte Sprache variant
  under ``leichte-sprache/`` (there is no dedicated Leichte Sprache page feature yet, so the
  variants are plain Markdown pages, as an editor writes them today; services and events
  carry their ``leichte_sprache`` texts).

The demo's video metadata is copied as it is. The theme configuration (theme ``rathaus``) and
``data/barrierefreiheit.yml`` come from the repository, so the benchmark follows the real
theme; with ``prune`` (the large-site setting) ``navigation.sections`` is left out.
"""

from __future__ import annotations

import math
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rathaus.model import slugify

REPO = Path(__file__).resolve().parent.parent
THEME = REPO / "plugins" / "rathaus" / "theme"
SUBSECTION_SIZE = 12
FIXED_PAGES = 16  # index, Kontakt, Impressum … (see _fixed_pages) and leichte-sprache/index

SECTIONS: dict[str, list[str]] = {
    "Bürgerservice": [
        "Ausweise und Pässe",
        "Melderecht",
        "Fundbüro",
        "Beglaubigungen",
        "Parkausweise",
        "Führungszeugnis",
    ],
    "Familie und Soziales": [
        "Kinderbetreuung",
        "Elterngeld",
        "Wohngeld",
        "Pflege",
        "Seniorinnen und Senioren",
        "Grundsicherung",
        "Jugendhilfe",
    ],
    "Bauen und Wohnen": [
        "Bauanträge",
        "Bebauungspläne",
        "Denkmalschutz",
        "Wohnraumförderung",
        "Grundstücke",
        "Vermessung",
    ],
    "Umwelt und Klima": [
        "Abfall und Wertstoffe",
        "Klimaschutz",
        "Bäume und Grünflächen",
        "Gewässer",
        "Lärmschutz",
        "Energieberatung",
    ],
    "Wirtschaft und Arbeit": [
        "Gewerbeanmeldung",
        "Märkte",
        "Gaststätten",
        "Wirtschaftsförderung",
        "Ausbildung bei der Stadt",
    ],
    "Kultur und Freizeit": [
        "Stadtbibliothek",
        "Museen",
        "Volkshochschule",
        "Sportstätten",
        "Bäder",
        "Musikschule",
        "Vereine",
    ],
    "Bildung": [
        "Grundschulen",
        "Weiterführende Schulen",
        "Schulwege",
        "Offener Ganztag",
        "Schülerfahrkosten",
    ],
    "Verkehr und Mobilität": [
        "Straßen",
        "Radverkehr",
        "Busse und Bahnen",
        "Baustellen",
        "Parken",
        "Winterdienst",
    ],
    "Sicherheit und Ordnung": [
        "Ordnungsamt",
        "Feuerwehr",
        "Hunde",
        "Veranstaltungen anmelden",
        "Bevölkerungsschutz",
    ],
    "Gesundheit": ["Impfungen", "Hygiene", "Beratung", "Trinkwasser", "Schwangerschaft"],
    "Politik und Verwaltung": [
        "Rat der Stadt",
        "Wahlen",
        "Haushalt",
        "Beteiligung",
        "Stellenangebote",
        "Satzungen",
    ],
    "Integration": [
        "Sprachkurse",
        "Einbürgerung",
        "Beratung für Zugewanderte",
        "Städtepartnerschaften",
        "Ehrenamt",
    ],
}
ASPECTS = [
    "beantragen",
    "Kosten und Gebühren",
    "Unterlagen",
    "Fristen",
    "Beratung",
    "häufige Fragen",
    "Ansprechpersonen",
    "Förderung",
    "Rechtsgrundlagen",
    "Formulare",
    "Zuständigkeit",
    "Ablauf",
    "Termine",
    "Barrierefreiheit",
]
DISTRICTS = [
    "Altstadt",
    "Nord",
    "Süd",
    "Ost",
    "West",
    "Bahnhofsviertel",
    "Hafen",
    "Lindenhof",
    "Eichwald",
    "Mühlenberg",
    "Sonnenhang",
    "Kirchdorf",
    "Weiden",
    "Heide",
    "Au",
    "Schlossberg",
    "Bruch",
    "Rosental",
    "Am Markt",
    "Neustadt",
    "Birkenfeld",
    "Hochfeld",
    "Steinbach",
    "Wiesental",
    "Oberdorf",
    "Unterdorf",
    "Kapellen",
    "Ringelheim",
    "Buchholz",
    "Tannenhof",
    "Grünau",
    "Sandkamp",
    "Moorbeck",
    "Fuchsberg",
    "Lerchenfeld",
    "Kirchberg",
    "Talblick",
    "Brunnenviertel",
    "Feldmark",
    "Holzhausen",
]
UNIT_KINDS = [
    ("amt", "Bürgerbüro"),
    ("amt", "Standesamt"),
    ("amt", "Ordnungsamt"),
    ("amt", "Jugendamt"),
    ("amt", "Sozialamt"),
    ("amt", "Bauordnungsamt"),
    ("amt", "Amt für Stadtplanung"),
    ("amt", "Umweltamt"),
    ("amt", "Tiefbauamt"),
    ("amt", "Schulamt"),
    ("amt", "Kulturamt"),
    ("amt", "Sportamt"),
    ("fachbereich", "Fachbereich Finanzen"),
    ("fachbereich", "Fachbereich Personal"),
    ("abteilung", "Abteilung Wohngeld"),
    ("abteilung", "Abteilung Elterngeld"),
    ("stabsstelle", "Stabsstelle Klimaschutz"),
    ("stabsstelle", "Stabsstelle Digitalisierung"),
    ("beratungsstelle", "Seniorenberatung"),
    ("beratungsstelle", "Familienberatung"),
    ("beratungsstelle", "Schuldnerberatung"),
    ("beratungsstelle", "Energieberatung"),
    ("beirat", "Seniorenbeirat"),
    ("beirat", "Inklusionsbeirat"),
    ("amt", "Stadtbibliothek"),
    ("amt", "Volkshochschule"),
    ("amt", "Musikschule"),
    ("amt", "Wertstoffhof"),
    ("amt", "Stadtteilbüro"),
    ("amt", "Jugendzentrum"),
]
FIRST = [
    "Anna",
    "Ben",
    "Clara",
    "Deniz",
    "Elif",
    "Felix",
    "Greta",
    "Hanna",
    "Ilias",
    "Jana",
    "Jonas",
    "Katharina",
    "Lukas",
    "Mia",
    "Noah",
    "Olga",
    "Paul",
    "Rana",
    "Sophie",
    "Tim",
    "Ursula",
    "Valentin",
    "Wiebke",
    "Yusuf",
    "Zoe",
    "Jörg",
    "Ayşe",
    "Mehmet",
    "Agnieszka",
    "Thanh",
    "Fatma",
    "Dirk",
    "Sabine",
    "Kerstin",
    "Marco",
    "Lena",
    "Stefan",
    "Birgit",
]
LAST = [
    "Albers",
    "Becker",
    "Çelik",
    "Dietrich",
    "Engel",
    "Fischer",
    "Günther",
    "Hoffmann",
    "İnce",
    "Jansen",
    "Krüger",
    "Lehmann",
    "Meyer",
    "Nguyen",
    "Öztürk",
    "Peters",
    "Quast",
    "Richter",
    "Schulz",
    "Thomsen",
    "Ulrich",
    "Vogel",
    "Weiß",
    "Yilmaz",
    "Zimmermann",
    "Kowalski",
    "Schröder",
    "Brandt",
    "Hartmann",
    "Lange",
    "Wolff",
    "Kaya",
]
FUNCTIONS = [
    "Sachbearbeitung",
    "Beratung und Anträge",
    "Teamleitung",
    "Verwaltung",
    "Sekretariat",
    "Fachberatung",
    "Koordination",
    "Auskunft und Termine",
]
LANGS = [
    ["de"],
    ["de", "en"],
    ["de", "tr"],
    ["de", "en", "fr"],
    ["de", "ar"],
    ["de", "pl"],
    ["de", "ru", "uk"],
    ["de", "gsg"],
]
SENTENCES = [
    "Die Stadt {stadt} unterstützt Sie gern, wenn Sie Fragen zu {thema} haben.",
    "Bitte bringen Sie zu Ihrem Termin alle Unterlagen mit, die auf dieser Seite genannt sind.",
    "Den Antrag können Sie persönlich, per Post oder über das Serviceportal stellen.",
    "Die Bearbeitung dauert in der Regel zwei bis drei Wochen, in der Ferienzeit etwas länger.",
    "Wenn Unterlagen fehlen, melden wir uns bei Ihnen und sagen, was noch gebraucht wird.",
    "Für {thema} ist im Stadtteil {bezirk} das {einheit} zuständig.",
    "Menschen mit Behinderung können sich bei der Terminvergabe Unterstützung wünschen.",
    "Die Gebühren richten sich nach der Verwaltungsgebührensatzung der Stadt {stadt}.",
    "Ermäßigungen gibt es für Menschen mit geringem Einkommen und für Familien mit Kindern.",
    "Wir beraten Sie vertraulich und auf Wunsch auch in einfacher Sprache.",
    "Ein Termin ist nicht immer nötig, verkürzt aber die Wartezeit deutlich.",
    "Bitte beachten Sie, dass an gesetzlichen Feiertagen in Nordrhein-Westfalen geschlossen ist.",
    "Die Formulare liegen im Rathaus aus und stehen auch zum Herunterladen bereit.",
    "Wer eine Frist versäumt, sollte sich so schnell wie möglich bei uns melden.",
    "Rechtsgrundlage ist das jeweils geltende Landesrecht in der aktuellen Fassung.",
    "Auf Wunsch schicken wir Ihnen den Bescheid auch als barrierefreies Dokument.",
    "Das Angebot richtet sich an alle Einwohnerinnen und Einwohner der Stadt {stadt}.",
    "Eine Dolmetscherin oder einen Dolmetscher vermitteln wir Ihnen auf Anfrage kostenlos.",
    "Nach der Prüfung erhalten Sie einen schriftlichen Bescheid mit einer Rechtsbehelfsbelehrung.",
    "In dringenden Fällen erreichen Sie uns auch außerhalb der Sprechzeiten am Telefon.",
]
EASY = [
    "Sie haben Fragen zu {thema}? Dann können Sie zu uns kommen.",
    "Wir helfen Ihnen gern.",
    "Bitte machen Sie vorher einen Termin.",
    "Rufen Sie uns an. Oder schreiben Sie uns eine E-Mail.",
    "Bringen Sie Ihren Ausweis mit.",
    "Das kostet kein Geld.",
    "Das Amt schickt Ihnen danach einen Brief.",
    "In dem Brief steht, wie es weiter·geht.",
    "Sie verstehen etwas nicht? Dann fragen Sie uns.",
    "Wir erklären Ihnen alles in Ruhe.",
    "Das Rathaus hat einen Aufzug.",
    "Sie können auch mit einer Begleit·person kommen.",
]
SERVICE_OBJECTS = [
    "Personalausweis",
    "Reisepass",
    "Kita-Platz",
    "Wohngeld",
    "Elterngeld",
    "Baugenehmigung",
    "Hundesteuer",
    "Gewerbe",
    "Sperrmüll",
    "Anwohnerparken",
    "Führungszeugnis",
    "Meldebescheinigung",
    "Geburtsurkunde",
    "Eheschließung",
    "Sterbeurkunde",
    "Fischereischein",
    "Sondernutzung",
    "Baumfällung",
    "Grundsteuer",
    "Schülerfahrkarte",
    "Ganztagsplatz",
    "Bibliotheksausweis",
    "Kursanmeldung",
    "Sportplatz",
    "Hallenbelegung",
    "Straßenfest",
    "Kindertagespflege",
    "Pflegeberatung",
    "Schwerbehindertenausweis",
    "Wohnberechtigungsschein",
    "Einbürgerung",
    "Aufenthaltstitel",
    "Fundsache",
    "Lärmbeschwerde",
    "Straßenschaden",
    "Hausnummer",
    "Grabstelle",
    "Abfallbehälter",
    "Biotonne",
    "Containerstellplatz",
    "Zuschuss Verein",
    "Ehrenamtskarte",
    "Familienpass",
    "Bildungspaket",
    "Mittagessen Schule",
    "Musikunterricht",
    "Volkshochschulkurs",
    "Wahlbenachrichtigung",
    "Briefwahl",
    "Bürgerantrag",
    "Akteneinsicht",
    "Beglaubigung",
    "Lebensbescheinigung",
    "Vaterschaftsanerkennung",
    "Namensänderung",
    "Kirchenaustritt",
    "Waffenschein",
    "Gaststättenerlaubnis",
    "Marktstand",
    "Plakatierung",
    "Taxi-Genehmigung",
    "Spielplatzmeldung",
    "Baumpatenschaft",
    "Solarförderung",
    "Regenwassergebühr",
    "Schornsteinfeger",
    "Trinkwasseruntersuchung",
    "Impfberatung",
]
SERVICE_ACTIONS = [
    "beantragen",
    "verlängern",
    "ändern",
    "abmelden",
    "ersetzen",
    "Kosten",
    "Auskunft",
    "Beratung",
    "Widerspruch",
    "online erledigen",
    "für Kinder",
    "im Ausland",
    "eilig",
    "Ermäßigung",
    "kündigen",
]
NEWS_TOPICS = [
    "Neue Sprechzeiten",
    "Baustelle",
    "Ferienprogramm",
    "Ratssitzung",
    "Bürgerbeteiligung",
    "Klimaschutzpreis",
    "Spielplatz eröffnet",
    "Stadtfest",
    "Wahlhelferinnen und Wahlhelfer gesucht",
    "Neue Kita",
    "Radweg fertig",
    "Sperrung",
    "Ausstellung",
    "Sprachcafé",
    "Seniorennachmittag",
]
WEEKDAYS = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag"]


@dataclass
class Plan:
    """How many records and pages a size gets; ``pages`` is the target N."""

    pages: int
    units: int
    people: int
    locations: int
    events: int
    posts: int
    services: int
    topics: int  # hand-written topic pages; each has a Leichte Sprache variant too
    nav: list[Any] = field(default_factory=list)
    sample_page: str = ""
    """A hand-written topic page whose HTML size the runner reports for every N."""


def plan(n: int) -> Plan:
    units = max(3, round(0.06 * n))
    events = max(2, round(0.04 * n))
    posts = max(3, round(0.08 * n))
    listing = math.ceil(posts / 10) - 1 + 3  # overview pages after the first, yearly archives
    sections = len(SECTIONS)
    topics = max(sections, (n - FIXED_PAGES - sections - units - events - posts - listing) // 2)
    return Plan(
        pages=n,
        units=units,
        people=3 * units,
        locations=max(3, units // 8),
        events=events,
        posts=posts,
        services=max(5, round(0.10 * n)),
        topics=topics,
    )


def _nest(entries: list[Any], label: str) -> list[Any]:
    """Group ``entries`` into parts of at most ``SUBSECTION_SIZE``, as often as needed."""
    while len(entries) > SUBSECTION_SIZE:
        size = math.ceil(len(entries) / math.ceil(len(entries) / SUBSECTION_SIZE))
        parts = [entries[i : i + size] for i in range(0, len(entries), size)]
        entries = [{f"{label}: Bereich {k + 1}": part} for k, part in enumerate(parts)]
    return entries


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=92)


def _fill(rng: random.Random, pool: list[str], count: int, **values: str) -> str:
    return " ".join(rng.choice(pool).format(**values) for _ in range(count))


def _lines(rng: random.Random, count: int, **values: str) -> str:
    """Leichte Sprache: one sentence per line (a Markdown hard break ends each line)."""
    text = "  \n".join(rng.choice(EASY).format(**values) for _ in range(count))
    return text.replace("? ", "?  \n").replace(". ", ".  \n")


class _Names:
    """Unique ids: the slug, with a number when it was taken."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def unique(self, name: str) -> str:
        base = slugify(name)
        candidate, k = base, 2
        while candidate in self.seen:
            candidate, k = f"{base}-{k}", k + 1
        self.seen.add(candidate)
        return candidate


def _hours(rng: random.Random) -> dict[str, Any]:
    week: dict[str, Any] = {}
    for day in WEEKDAYS:
        if rng.random() < 0.15:
            continue
        start = rng.choice(["7:30", "8:00", "8:30", "9:00"])
        slots = [f"{start}-12:30"]
        if day in ("dienstag", "donnerstag") or rng.random() < 0.3:
            slots.append(rng.choice(["14:00-16:00", "14:00-18:00", "13:30-15:30"]))
        week[day] = slots if len(slots) > 1 else slots[0]
    if not week:
        week["montag"] = "8:00-12:00"
    hours: dict[str, Any] = {"woche": week}
    if rng.random() < 0.5:
        hours["hinweis"] = "Außerhalb der Öffnungszeiten vereinbaren wir gern einen Termin."
    hours["ausnahmen"] = [
        {"datum": "2027-03-19", "geschlossen": True, "grund": "Betriebsausflug"},
        {
            "von": "2027-04-06",
            "bis": "2027-04-09",
            "zeiten": "8:00-12:00",
            "grund": "Kürzere Öffnungszeiten in den Osterferien",
        },
    ]
    return hours


def _yes(value: Any) -> Any:
    """Booleans as the strict loader wants them (ja/nein), recursively."""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dict):
        return {k: _yes(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_yes(v) for v in value]
    return value


def generate(root: Path, n: int, *, seed: int = 42, prune: bool = True) -> Plan:
    """Write the Rathaus site for ``n`` pages into ``root`` (emptied first)."""
    rng = random.Random(seed * 1_000_003 + n)
    p = plan(n)
    if root.exists():
        shutil.rmtree(root)
    data, content = root / "data", root / "content"
    data.mkdir(parents=True)
    content.mkdir()
    stadt = "Musterstadt"

    # -- locations, units, people ------------------------------------------------------
    locations = []
    loc_ids = _Names()
    for i in range(p.locations):
        district = DISTRICTS[i % len(DISTRICTS)]
        name = ["Rathaus", "Verwaltungsgebäude", "Bürgerhaus", "Technisches Rathaus"][i % 4]
        locations.append(
            {
                "id": loc_ids.unique(f"{name} {district}"),
                "name": f"{name} {district}",
                "adresse": {
                    "strasse": f"{rng.choice(LAST)}straße {i + 1}",
                    "plz": "12345",
                    "ort": stadt,
                },
                "oepnv": f"Haltestelle „{district}“ der Buslinien {i % 9 + 1} und "
                f"{i % 7 + 10}, etwa {rng.randint(1, 9)} Minuten zu Fuß.",
                "barrierefreiheit": {
                    "stufenlos": True,
                    "aufzug": rng.random() < 0.8,
                    "rollstuhlgerechtes_wc": rng.random() < 0.7,
                },
            }
        )
    units, people = [], []
    unit_ids, person_ids = _Names(), _Names()
    for i in range(p.units):
        art, kind = UNIT_KINDS[i % len(UNIT_KINDS)]
        district = DISTRICTS[(i // len(UNIT_KINDS)) % len(DISTRICTS)]
        name = kind if i < len(UNIT_KINDS) else f"{kind} {district}"
        uid = unit_ids.unique(name)
        unit_people = []
        for k in range(3):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            pid = person_ids.unique(f"{first} {last}")
            unit_people.append(pid)
            people.append(
                {
                    "id": pid,
                    "name": f"{first} {last}",
                    "funktion": "Leitung" if k == 0 else rng.choice(FUNCTIONS),
                    "einheit": uid,
                    "telefon": f"02398 678-{1000 + 3 * i + k}",
                    "email": f"{pid}@musterstadt.example",
                    "raum": f"{rng.randint(0, 3)}.{rng.randint(1, 40):02d}",
                    "sprachen": rng.choice(LANGS),
                }
            )
        thema = kind
        units.append(
            {
                "id": uid,
                "name": name,
                "art": art,
                "einleitung": _fill(
                    rng, SENTENCES, 3, stadt=stadt, thema=thema, bezirk=district, einheit=name
                ),
                "aufgaben": [
                    f"{rng.choice(SERVICE_OBJECTS)} – {rng.choice(SERVICE_ACTIONS)}"
                    for _ in range(rng.randint(3, 6))
                ],
                "leitung": unit_people[0],
                "kontakt": {
                    "telefon": f"02398 678-{1000 + 3 * i}",
                    "email": f"{uid}@musterstadt.example",
                },
                "standort": locations[i % len(locations)]["id"],
                "raum": f"{rng.choice(['Erdgeschoss', '1. Obergeschoss', '2. Obergeschoss'])}, "
                f"Zimmer {rng.randint(1, 40)}",
                "oeffnungszeiten": _hours(rng),
            }
        )
    # -- services, events --------------------------------------------------------------
    services = []
    service_ids = _Names()
    combos = [(o, a) for a in SERVICE_ACTIONS for o in SERVICE_OBJECTS]
    for i in range(p.services):
        obj, action = combos[i % len(combos)]
        name = f"{obj} {action}" if i < len(combos) else f"{obj} {action} ({i // len(combos)})"
        unit = units[i % len(units)]
        entry: dict[str, Any] = {
            "id": service_ids.unique(name),
            "name": name,
            "einheit": unit["id"],
            "beschreibung": _fill(
                rng,
                SENTENCES,
                2,
                stadt=stadt,
                thema=obj,
                bezirk=DISTRICTS[i % len(DISTRICTS)],
                einheit=unit["name"],
            ),
        }
        if i % 2 == 0:
            entry["leichte_sprache"] = _fill(rng, EASY, 3, thema=obj)
        services.append(entry)
    events = []
    event_ids = _Names()
    for i in range(p.events):
        topic = rng.choice(NEWS_TOPICS)
        district = DISTRICTS[i % len(DISTRICTS)]
        month, day = 1 + i % 12, 1 + (i * 7) % 27
        year = 2026 + (i // 12) % 2
        title = f"{topic} in {district}"
        event: dict[str, Any] = {
            "id": event_ids.unique(f"{title} {year}-{month}-{day}"),
            "titel": title,
            "beginn": f"{year}-{month:02d}-{day:02d} {rng.choice(['10:00', '14:30', '18:00'])}",
            "ende": "20:00",
            "standort": locations[i % len(locations)]["id"],
            "einheit": units[i % len(units)]["id"],
            "kostenlos": rng.random() < 0.8,
            "beschreibung": _fill(
                rng,
                SENTENCES,
                3,
                stadt=stadt,
                thema=topic,
                bezirk=district,
                einheit=units[i % len(units)]["name"],
            ),
        }
        if i % 3 == 0:
            event["leichte_sprache"] = _fill(rng, EASY, 3, thema=topic)
        events.append(event)

    header = "# Erzeugt von bench/generate.py (synthetische Kommune, nicht bearbeiten).\n\n"
    files = {
        "einheiten.yml": units,
        "personen.yml": people,
        "standorte.yml": locations,
        "leistungen.yml": services,
        "termine.yml": events,
    }
    for name, records in files.items():
        (data / name).write_text(header + _dump(_yes(records)), encoding="utf-8")
    (data / "gremien.yml").write_text(header + "[]\n", encoding="utf-8")
    (data / "stadt.yml").write_text(
        header + "name: Stadt Musterstadt\nbundesland: NW\nvorschau_tage: 90\n", encoding="utf-8"
    )
    shutil.copy(REPO / "data" / "barrierefreiheit.yml", data / "barrierefreiheit.yml")
    # Videos' metadata: the demo's file as it is (the start page's BITV § 4 videos that
    # mkdocs.yml names), as long as the tree has the feature.
    if (REPO / "data" / "videos.yml").exists():
        shutil.copy(REPO / "data" / "videos.yml", data / "videos.yml")
        if (REPO / "content" / "medien").is_dir():
            shutil.copytree(REPO / "content" / "medien", content / "medien")

    # -- hand-written pages --------------------------------------------------------------
    for name in ("impressum.md", "datenschutz.md", "barriere-melden.md"):
        shutil.copy(REPO / "content" / name, content / name)
    first_unit = units[0]["id"]
    (content / "index.md").write_text(
        "---\ndescription: Offizielle Website der Stadt Musterstadt\n---\n\n"
        "# Willkommen in Musterstadt\n\n"
        + _fill(
            rng,
            SENTENCES,
            5,
            stadt=stadt,
            thema="Ihrem Anliegen",
            bezirk="Altstadt",
            einheit="Bürgerbüro",
        )
        + "\n\n"
        "## Öffnungszeiten des Bürgerbüros\n\n"
        f"<!-- rathaus/oeffnungszeiten {{ einheit: {first_unit}, ebene: 3 }} -->\n",
        encoding="utf-8",
    )
    (content / "kontakt.md").write_text(
        "---\ndescription: So erreichen Sie die Stadtverwaltung.\n---\n\n# Kontakt\n\n"
        + _fill(
            rng,
            SENTENCES,
            3,
            stadt=stadt,
            thema="Ihrem Anliegen",
            bezirk="Altstadt",
            einheit="Bürgerbüro",
        )
        + f"\n\n## Bürgerbüro\n\n<!-- rathaus/kontakt {{ einheit: {first_unit}, ebene: 3 }} -->\n",
        encoding="utf-8",
    )
    nav_sections: list[Any] = []
    easy_sections: list[Any] = []
    section_names = list(SECTIONS)
    per_section = [p.topics // len(section_names)] * len(section_names)
    for k in range(p.topics % len(section_names)):
        per_section[k] += 1
    titles = _Names()
    for s_index, section in enumerate(section_names):
        s_slug = slugify(section)
        (content / s_slug).mkdir()
        (content / "leichte-sprache" / s_slug).mkdir(parents=True)
        (content / s_slug / "index.md").write_text(
            f"---\ndescription: {section} in Musterstadt\n---\n\n# {section}\n\n"
            + _fill(
                rng,
                SENTENCES,
                4,
                stadt=stadt,
                thema=section,
                bezirk="Altstadt",
                einheit=units[s_index % len(units)]["name"],
            )
            + "\n",
            encoding="utf-8",
        )
        subtopics = SECTIONS[section]
        count = per_section[s_index]
        groups = max(1, math.ceil(count / SUBSECTION_SIZE))
        nav_groups: list[Any] = []
        easy_groups: list[Any] = []
        for g in range(groups):
            sub = subtopics[g % len(subtopics)]
            label = sub if g < len(subtopics) else f"{sub} ({g // len(subtopics) + 1})"
            g_slug = slugify(label)
            (content / s_slug / g_slug).mkdir()
            (content / "leichte-sprache" / s_slug / g_slug).mkdir()
            pages_here = [t for t in range(count) if t % groups == g]
            entries, easy_entries = [], []
            for t in pages_here:
                aspect = ASPECTS[t % len(ASPECTS)]
                district = DISTRICTS[(t // len(ASPECTS)) % len(DISTRICTS)]
                title = f"{sub}: {aspect}" + (f" ({district})" if t >= len(ASPECTS) else "")
                slug = titles.unique(f"{s_slug}-{g_slug}-{title}").removeprefix(
                    f"{s_slug}-{g_slug}-"
                )
                rel = f"{s_slug}/{g_slug}/{slug}.md"
                unit = units[(s_index * 7 + t) % len(units)]
                _topic_page(content / rel, rng, title, sub, district, unit, slug, stadt)
                _easy_page(
                    content / "leichte-sprache" / rel,
                    rng,
                    title.replace(" (", " in ").rstrip(")"),
                    sub,
                    slug,
                    unit,
                )
                entries.append({title: rel})
                easy_entries.append({title: f"leichte-sprache/{rel}"})
                if not p.sample_page:
                    p.sample_page = rel
            nav_groups.append({label: entries})
            easy_groups.append({label: easy_entries})
        nav_sections.append({section: [f"{s_slug}/index.md", *_nest(nav_groups, section)]})
        easy_sections.append({section: _nest(easy_groups, section)})
    (content / "leichte-sprache" / "index.md").write_text(
        "---\ndescription: Informationen in Leichter Sprache\n---\n\n# Leichte Sprache\n\n"
        + _lines(rng, 6, thema="der Stadt")
        + "\n",
        encoding="utf-8",
    )

    # -- news ----------------------------------------------------------------------------
    (content / "aktuelles").mkdir()
    post_ids = _Names()
    for i in range(p.posts):
        topic = NEWS_TOPICS[i % len(NEWS_TOPICS)]
        district = DISTRICTS[(i // len(NEWS_TOPICS)) % len(DISTRICTS)]
        year, month, day = 2024 + i % 3, 1 + (i * 5) % 12, 1 + (i * 11) % 28
        unit = units[i % len(units)]
        title = f"{topic} in {district}"
        slug = post_ids.unique(f"{title} {year}")
        body = [
            "---",
            f"datum: {year}-{month:02d}-{day:02d}",
            f"einheit: {unit['id']}",
            f"description: {topic} im Stadtteil {district}",
            "---",
            "",
            f"# {title}",
            "",
            _fill(
                rng, SENTENCES, 2, stadt=stadt, thema=topic, bezirk=district, einheit=unit["name"]
            ),
            "",
            "<!-- more -->",
            "",
            _fill(
                rng, SENTENCES, 6, stadt=stadt, thema=topic, bezirk=district, einheit=unit["name"]
            ),
            "",
        ]
        (content / "aktuelles" / f"{slug}.md").write_text("\n".join(body), encoding="utf-8")

    p.nav = [
        {"Startseite": "index.md"},
        {"Verwaltung": "verwaltung/index.md"},
        {"Themen A–Z": "themen.md"},
        {"Aktuelles": "aktuelles/index.md"},
        {"Ansprechpersonen": "ansprechpersonen.md"},
        {"Standorte": "standorte.md"},
        {"Öffnungszeiten": "oeffnungszeiten.md"},
        {"Termine": "termine/index.md"},
        {"Gremien": "gremien/index.md"},
        *nav_sections,
        {"Leichte Sprache": ["leichte-sprache/index.md", *easy_sections]},
        {"Kontakt": "kontakt.md"},
        {
            "Hilfe und Rechtliches": [
                {"Erklärung zur Barrierefreiheit": "barrierefreiheit.md"},
                {"Barriere melden": "barriere-melden.md"},
                {"Impressum": "impressum.md"},
                {"Datenschutz": "datenschutz.md"},
                {"Alle Felder der Daten": "handbuch/felder.md"},
            ]
        },
    ]
    write_config(root, p.nav, prune=prune, rathaus=True)
    return p


def _topic_page(
    path: Path,
    rng: random.Random,
    title: str,
    sub: str,
    district: str,
    unit: dict[str, Any],
    slug: str,
    stadt: str,
) -> None:
    values = {"stadt": stadt, "thema": sub, "bezirk": district, "einheit": unit["name"]}
    fees = "\n".join(
        f"| {rng.choice(SERVICE_OBJECTS)} | {rng.randint(5, 120)},00 Euro | "
        f"{rng.choice(['sofort', '2 Wochen', '3 Wochen', '1 Monat'])} |"
        for _ in range(rng.randint(3, 5))
    )
    docs = "\n".join(
        f"- {rng.choice(SERVICE_OBJECTS)} ({rng.choice(['Original', 'Kopie', 'digital'])})"
        for _ in range(rng.randint(3, 6))
    )
    easy = f"../../leichte-sprache/{path.parent.parent.name}/{path.parent.name}/{slug}.md"
    text = f"""---
description: "{title} – Informationen der Stadt {stadt}"
---

# {title}

{_fill(rng, SENTENCES, 4, **values)}

[Diese Seite in Leichter Sprache]({easy})

## Worum es geht

{_fill(rng, SENTENCES, 5, **values)}

## Welche Unterlagen Sie brauchen

{docs}

## Kosten und Bearbeitungszeit

| Leistung | Gebühr | Bearbeitungszeit |
| --- | --- | --- |
{fees}

## So läuft es ab

1. {_fill(rng, SENTENCES, 1, **values)}
2. {_fill(rng, SENTENCES, 1, **values)}
3. {_fill(rng, SENTENCES, 1, **values)}

!!! info "Gut zu wissen"
    {_fill(rng, SENTENCES, 2, **values)}

## Ansprechpartner

<!-- rathaus/kontakt {{ einheit: {unit["id"]}, ebene: 3 }} -->

Mehr zum Thema {sub} finden Sie in der Übersicht
[{path.parent.parent.name.replace("-", " ").title()}](../index.md) und bei den
[Kontaktdaten der Stadt](../../kontakt.md).
"""
    path.write_text(text, encoding="utf-8")


def _easy_page(
    path: Path, rng: random.Random, title: str, sub: str, slug: str, unit: dict[str, Any]
) -> None:
    text = f"""---
description: "{title} – in Leichter Sprache"
---

# {title}

{_lines(rng, 4, thema=sub)}

## Was Sie wissen müssen

{_lines(rng, 5, thema=sub)}

## Wo Sie Hilfe bekommen

{_lines(rng, 3, thema=sub)}

<!-- rathaus/kontakt {{ einheit: {unit["id"]}, ebene: 3 }} -->

[Diese Seite in Alltags·sprache](../../../{path.parent.parent.name}/{path.parent.name}/{slug}.md)
"""
    path.write_text(text, encoding="utf-8")


def write_config(root: Path, nav: list[Any], *, prune: bool, rathaus: bool) -> None:
    """The repository's mkdocs.yml with this site's nav; without our plugins for (b)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    # The theme `rathaus` states its default features; mkdocs.yml may set its own.
    defaults = yaml.safe_load((THEME / "mkdocs_theme.yml").read_text(encoding="utf-8"))
    features = config["theme"].get("features", defaults["features"])
    features = [f for f in features if f != "navigation.prune"]
    if prune:
        # The large-site setting (README "Performance"): only the path to the current page
        # is expanded. navigation.sections would expand every top-level section on every
        # page, so the page would grow with the number of sections' entries.
        features = [f for f in features if f != "navigation.sections"] + ["navigation.prune"]
    config["theme"]["features"] = features
    if "custom_dir" in config["theme"]:  # the demo's overrides/, wherever the site is written
        config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    plugins = []
    for plugin in config["plugins"]:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if rathaus or not (name == "rathaus" or name.startswith("rathaus/")):
            plugins.append(plugin)
    if not rathaus:
        # A plain Material site has Material's search; Rathaus brings its own (rathaus.suche).
        plugins.insert(0, {"material/search": {"lang": "de"}})
    config["plugins"] = plugins
    if not rathaus:
        config["hooks"] = [str(Path(__file__).resolve().parent / "plain_hook.py")]
    config["nav"] = nav
    config.pop("site_dir", None)
    (root / "mkdocs.yml").write_text(_dump(config), encoding="utf-8")
