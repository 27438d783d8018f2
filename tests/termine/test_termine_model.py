"""Events in data/termine.yml: local times, DST, and German findings at the editor's line."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from rathaus.model.termine import instant, local_text, parse_local, split_events
from tests.model.conftest import DataDir

EVENT = """\
    - id: fest
      titel: Fest
      beginn: {beginn}
      ende: {ende}
      standort: rathaus
      einheit: buergerbuero
      beschreibung: Ein Fest.
    """


@pytest.fixture
def site(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path)


def test_times_are_local_with_the_right_offset(site: DataDir) -> None:
    site.write(termine=EVENT.format(beginn="2027-03-27 14:00", ende="19:00"))
    event = site.load().termine["fest"]
    assert event.beginn.isoformat() == "2027-03-27T14:00:00+01:00"
    assert event.ende.isoformat() == "2027-03-27T19:00:00+01:00"


def test_an_event_across_the_spring_change_is_an_hour_shorter(site: DataDir) -> None:
    site.write(termine=EVENT.format(beginn="2027-03-27 22:00", ende="2027-03-28 04:00"))
    event = site.load().termine["fest"]
    assert event.ende.isoformat() == "2027-03-28T04:00:00+02:00"
    assert instant(event.ende) - instant(event.beginn) == timedelta(hours=5)


def test_an_event_across_the_autumn_change_is_an_hour_longer(site: DataDir) -> None:
    site.write(termine=EVENT.format(beginn="2026-10-24 22:00", ende="2026-10-25 04:00"))
    event = site.load().termine["fest"]
    assert instant(event.ende) - instant(event.beginn) == timedelta(hours=7)


@pytest.mark.parametrize(
    ("beginn", "ende", "needle", "field"),
    [
        ("2027-03-28 02:30", "2027-03-28 04:00", "gibt es nicht: in dieser Nacht", "beginn"),
        ("2027-03-27 14:00", "2027-03-28 02:00", "2:00 auf 3:00 Uhr vorgestellt", "ende"),
        ("2027-03-27 14:00", "13:00", "liegt nicht nach dem Beginn", "ende"),
        ("2027-03-27 14:00", "2027-03-27 14:00", "liegt nicht nach dem Beginn", "ende"),
        ("27.03.2027 14:00", "2027-03-27 19:00", "ist kein Zeitpunkt", "beginn"),
        ("2027-02-30 14:00", "2027-03-27 19:00", "den Tag „2027-02-30“ gibt es nicht", "beginn"),
        ("2027-03-27 24:30", "2027-03-28 19:00", "keine gültige Uhrzeit", "beginn"),
        ("2027-01-10 10:00 +02:00", "12:00", "passt nicht", "beginn"),
    ],
)
def test_bad_times_are_findings_at_their_line(
    site: DataDir, beginn: str, ende: str, needle: str, field: str
) -> None:
    site.write(termine=EVENT.format(beginn=beginn, ende=ende))
    line, col = (3, 11) if field == "beginn" else (4, 9)
    finding = site.errors().at(needle, "termine.yml", line, col)
    assert finding.field == field


def test_the_autumn_fold_means_the_first_occurrence_unless_an_offset_is_given(
    site: DataDir,
) -> None:
    assert parse_local("2026-10-25 02:30").isoformat() == "2026-10-25T02:30:00+02:00"
    second = parse_local("2026-10-25 02:30 +01:00")
    assert second.isoformat() == "2026-10-25T02:30:00+01:00"
    assert instant(second) - instant(parse_local("2026-10-25 02:30")) == timedelta(hours=1)
    # Ends in the second 2:30, an hour after the first: valid, though the wall time is equal.
    site.write(termine=EVENT.format(beginn="2026-10-25 02:30", ende="2026-10-25 02:30 +01:00"))
    assert site.load().termine["fest"].ende.utcoffset() == timedelta(hours=1)


def test_local_text_writes_the_offset_only_where_needed() -> None:
    assert local_text(datetime(2026, 10, 25, 0, 30, tzinfo=UTC)) == "2026-10-25 02:30"
    assert local_text(datetime(2026, 10, 25, 1, 30, tzinfo=UTC)) == "2026-10-25 02:30 +01:00"
    assert local_text(datetime(2027, 3, 27, 13, 0, tzinfo=UTC)) == "2027-03-27 14:00"


def test_place_is_a_location_or_a_free_place_not_both(site: DataDir) -> None:
    site.write(
        termine="""\
        - id: fest
          titel: Fest
          beginn: 2027-03-27 14:00
          ende: 19:00
          einheit: buergerbuero
          beschreibung: Ein Fest.
        """
    )
    site.errors().at("wo die Veranstaltung stattfindet", "termine.yml", 1, 3)


def test_registration_must_say_how(site: DataDir) -> None:
    site.write(
        termine=EVENT.format(beginn="2027-03-27 14:00", ende="19:00").rstrip(" ")
        + "      anmeldung:\n        erforderlich: ja\n"
    )
    site.errors().at("wie man sich anmeldet", "termine.yml", 9)


def test_references_suggest_the_closest_id(site: DataDir) -> None:
    site.write(
        termine=EVENT.format(beginn="2027-03-27 14:00", ende="19:00")
        .replace("standort: rathaus", "standort: rathause")
        .replace("einheit: buergerbuero", "einheit: buergerbuero-x")
    )
    errors = site.errors()
    assert errors.at("den Standort „rathause“", "termine.yml", 5, 13).hint == (
        "meinten Sie „rathaus“?"
    )
    assert errors.at("die Einheit „buergerbuero-x“", "termine.yml", 6).hint == (
        "meinten Sie „buergerbuero“?"
    )


def test_split_at_the_build_date(site: DataDir) -> None:
    site.write(
        termine="".join(
            EVENT.replace("id: fest", f"id: {name}").format(beginn=start, ende=end).rstrip(" ")
            for name, start, end in [
                ("alt", "2027-02-01 10:00", "12:00"),
                ("aelter", "2027-01-01 10:00", "12:00"),
                ("heute", "2027-03-01 10:00", "12:00"),
                ("spaeter", "2027-05-01 10:00", "12:00"),
                ("bald", "2027-03-10 10:00", "12:00"),
            ]
        )
    )
    split = split_events(list(site.load().termine.values()), date(2027, 3, 1))
    assert [e.id for e in split.upcoming] == ["heute", "bald", "spaeter"]
    assert [e.id for e in split.past] == ["alt", "aelter"]
