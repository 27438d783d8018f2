"""The demo's data/gremien.yml is the import of the demo export, plus editor fields."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from rathaus.model import load_site
from rathaus.model.termine import instant, split_events
from rathaus.oparl.importer import import_oparl
from tests.conftest import REPO

EXPORT = REPO / "tests" / "fixtures" / "oparl" / "musterstadt"


def test_demo_gremien_is_current_with_the_export(tmp_path: Path) -> None:
    shutil.copytree(REPO / "data", tmp_path / "data")
    result = import_oparl(tmp_path, EXPORT, date(2026, 11, 22))
    assert result.lines()[0] == "keine Änderungen"
    body = load_site(REPO).gremien["integrationsrat"]
    assert body.geschaeftsstelle == "integration-staedtepartnerschaften"
    assert body.aufgabe  # editor-written, kept by the import


def test_demo_events_cover_past_upcoming_and_a_dst_change() -> None:
    events = list(load_site(REPO).termine.values())
    assert len(events) >= 6
    for today in (date(2026, 11, 22), date(2027, 3, 1)):
        split = split_events(events, today)
        assert split.upcoming and split.past
    assert any(e.beginn.utcoffset() != e.ende.utcoffset() for e in events)
    assert all(instant(e.ende) > instant(e.beginn) for e in events)
