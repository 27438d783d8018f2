"""A built site with payloads in event and unit fields: the writers are wired to the escaping."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import icalendar
import vobject

from tests.conftest import build_site, parse
from tests.sicherheit.payloads import PAYLOADS

# Payloads `rathaus check` accepts and the HTML pages show as text; control characters are
# refused before a build, so the writer tests cover them without a build.
CHOSEN = {p.name: p.text for p in PAYLOADS if p.name in {"vcard-separators", "json-quote"}}
TITLE, DESCRIPTION = CHOSEN["vcard-separators"], CHOSEN["json-quote"]


def test_event_files_and_json_ld_keep_the_payloads_as_text(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("termine")
    events = root / "data" / "termine.yml"
    text = events.read_text(encoding="utf-8")
    text = text.replace("titel: Auftaktwerkstatt <Beteiligung>", f"titel: {json.dumps(TITLE)}")
    text = text.replace(
        "beschreibung: Wir sammeln Ideen.", f"beschreibung: {json.dumps(DESCRIPTION)}"
    )
    events.write_text(text, encoding="utf-8")
    units = root / "data" / "einheiten.yml"
    text = units.read_text(encoding="utf-8").replace(
        "raum: Erdgeschoss", f"raum: {json.dumps(TITLE)}"
    )
    units.write_text(text, encoding="utf-8")
    site = build_site(root)

    (ics,) = list(site.rglob("werkstatt*.ics"))
    calendar = icalendar.Calendar.from_ical(ics.read_text(encoding="utf-8"))
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == TITLE
    assert str(event["description"]).startswith(DESCRIPTION + "\n\n")

    page = next(p for p in site.rglob("index.html") if "werkstatt" in str(p.parent))
    (block,) = parse(page).css('script[type="application/ld+json"]')
    data = json.loads(block.text())
    assert (data["@type"], data["name"], data["description"]) == ("Event", TITLE, DESCRIPTION)

    (vcf,) = list(site.rglob("buergerbuero.vcf"))
    card = vobject.readOne(vcf.read_text(encoding="utf-8"))
    assert card.adr.value.extended == TITLE
    assert sorted(card.contents) == ["adr", "email", "fn", "n", "org", "tel", "url", "version"]
