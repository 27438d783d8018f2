"""Opening hours behaviour: weekly table, upcoming deviations, open-now, schema.org."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from rathaus.german import uhrzeit
from rathaus.model.entities import Oeffnungszeiten
from rathaus.model.fieldtypes import TimeRange
from rathaus.model.hours import (
    BERLIN,
    Deviation,
    build_date,
    is_open,
    iso_time,
    public_holidays,
    ranges_on,
    schema_org,
    upcoming,
    week_groups,
    weekly_rows,
)

FRONLEICHNAM = date(2027, 5, 27)  # Thursday; a public holiday in NW, not in BE
WEEK: dict[str, Any] = {
    "montag": "8:00-12:00",
    "dienstag": ["14:00-18:00", "8:00-12:00"],
    "mittwoch": "8:00-12:00",
    "donnerstag": "8:00-12:00",
    "freitag": "8:00-12:00",
}


def hours(**fields: Any) -> Oeffnungszeiten:
    """Opening hours as an editor writes them: every value is text, as the reader gives it."""
    fields.setdefault("woche", WEEK)
    return Oeffnungszeiten.model_validate(fields)


def span(start: str, end: str) -> TimeRange:
    (h1, m1), (h2, m2) = (map(int, start.split(":")), map(int, end.split(":")))
    return TimeRange(time(h1, m1), time(h2, m2))


# --- weekly table ---------------------------------------------------------------------


def test_weekly_rows_show_monday_to_friday_even_without_hours() -> None:
    rows = weekly_rows(hours(woche={"montag": "8:00-12:00"}))
    assert [row.name for row in rows] == ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
    assert [row.weekday for row in rows] == [0, 1, 2, 3, 4]
    assert rows[0].ranges == (span("8:00", "12:00"),)
    assert all(row.ranges == () for row in rows[1:])


def test_weekly_rows_show_saturday_only_with_hours_and_sort_split_hours() -> None:
    rows = weekly_rows(hours(woche={**WEEK, "samstag": "9:00-12:00"}))
    assert [row.name for row in rows][-2:] == ["Freitag", "Samstag"]
    assert rows[-1].ranges == (span("9:00", "12:00"),)
    assert rows[1].ranges == (span("8:00", "12:00"), span("14:00", "18:00"))


def test_week_groups_join_equal_neighbours_only() -> None:
    groups = week_groups(
        hours(
            woche={
                "montag": "7:30-16:00",
                "dienstag": "7:30-16:00",
                "mittwoch": "7:30-16:00",
                "freitag": "7:30-16:00",
                "samstag": "9:00-12:00",
            }
        )
    )
    assert [(g.first, g.last, g.ranges) for g in groups] == [
        (0, 2, (span("7:30", "16:00"),)),  # Monday to Wednesday
        (4, None, (span("7:30", "16:00"),)),  # Thursday closed: Friday not joined
        (5, None, (span("9:00", "12:00"),)),
    ]
    assert [g.first for g in week_groups(hours())] == [0, 1, 2]


def test_weekly_rows_by_appointment_only() -> None:
    rows = weekly_rows(Oeffnungszeiten.model_validate({"nach_vereinbarung": "ja"}))
    assert len(rows) == 5
    assert all(row.ranges == () for row in rows)


# --- public holidays and exceptions ---------------------------------------------------


def test_public_holidays_of_the_land() -> None:
    assert public_holidays("NW", 2027)[FRONLEICHNAM] == "Fronleichnam"
    assert FRONLEICHNAM not in public_holidays("BE", 2027)


def test_holiday_on_a_day_with_hours_is_a_deviation() -> None:
    found = upcoming(hours(), "NW", date(2027, 5, 20), 14)
    assert found == [Deviation(FRONLEICHNAM, FRONLEICHNAM, "Fronleichnam", (), holiday=True)]
    assert found[0].closed


def test_holiday_of_another_land_is_not_listed() -> None:
    assert upcoming(hours(), "BE", date(2027, 5, 20), 14) == []


def test_holiday_on_a_day_without_hours_is_not_listed() -> None:
    # 25 and 26 December 2027 are Saturday and Sunday.
    assert upcoming(hours(), "NW", date(2027, 12, 20), 10) == []
    with_saturday = hours(woche={**WEEK, "samstag": "9:00-12:00"})
    found = upcoming(with_saturday, "NW", date(2027, 12, 20), 10)
    assert [(d.first, d.reason, d.holiday) for d in found] == [
        (date(2027, 12, 25), "Erster Weihnachtstag", True)
    ]


def test_holidays_of_the_next_year_inside_the_window() -> None:
    found = upcoming(hours(), "NW", date(2026, 12, 28), 7)
    assert [(d.first, d.reason) for d in found] == [(date(2027, 1, 1), "Neujahr")]


def test_editor_exception_on_a_holiday_wins() -> None:
    special = hours(
        ausnahmen=[
            {"datum": "2027-05-27", "zeiten": "9:00-11:00", "grund": "Sondersprechstunde"},
        ]
    )
    found = upcoming(special, "NW", date(2027, 5, 20), 14)
    assert found == [
        Deviation(FRONLEICHNAM, FRONLEICHNAM, "Sondersprechstunde", (span("9:00", "11:00"),), False)
    ]
    assert ranges_on(special, "NW", FRONLEICHNAM) == (span("9:00", "11:00"),)
    assert is_open(special, "NW", datetime(2027, 5, 27, 10, 0, tzinfo=BERLIN))


def test_holidays_can_be_switched_off() -> None:
    open_on_holidays = hours(feiertage_geschlossen="nein")
    assert upcoming(open_on_holidays, "NW", date(2027, 5, 20), 14) == []
    assert ranges_on(open_on_holidays, "NW", FRONLEICHNAM) == (span("8:00", "12:00"),)


def test_exceptions_are_listed_in_date_order_within_the_window() -> None:
    closed = hours(
        feiertage_geschlossen="nein",
        ausnahmen=[
            {"von": "2027-07-05", "bis": "2027-07-09", "geschlossen": "ja", "grund": "Umzug"},
            {"datum": "2027-07-01", "geschlossen": "ja", "grund": "Betriebsausflug"},
            {"datum": "2027-09-01", "geschlossen": "ja", "grund": "zu spät"},
            {"datum": "2027-06-01", "geschlossen": "ja", "grund": "vorbei"},
        ],
    )
    found = upcoming(closed, "NW", date(2027, 6, 28), 30)
    assert [(d.first, d.last, d.reason) for d in found] == [
        (date(2027, 7, 1), date(2027, 7, 1), "Betriebsausflug"),
        (date(2027, 7, 5), date(2027, 7, 9), "Umzug"),
    ]
    assert all(d.closed and not d.holiday for d in found)
    assert ranges_on(closed, "NW", date(2027, 7, 7)) == ()


# --- open now -------------------------------------------------------------------------


def test_ranges_on_a_regular_day_are_sorted() -> None:
    assert ranges_on(hours(), "NW", date(2027, 5, 25)) == (
        span("8:00", "12:00"),
        span("14:00", "18:00"),
    )
    assert ranges_on(hours(), "NW", FRONLEICHNAM) == ()
    assert ranges_on(hours(), "NW", date(2027, 5, 29)) == ()  # Saturday


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [(7, 59, False), (8, 0, True), (11, 59, True), (12, 0, False), (13, 0, False), (14, 0, True)],
)
def test_is_open_with_berlin_time(hour: int, minute: int, expected: bool) -> None:
    moment = datetime(2027, 5, 25, hour, minute, tzinfo=BERLIN)  # a Tuesday
    assert is_open(hours(), "NW", moment) is expected


def test_is_open_converts_other_time_zones_to_berlin() -> None:
    # 10:30 UTC in May is 12:30 in Berlin: closed, although 10:30 is inside 8:00-12:00.
    assert not is_open(hours(), "NW", datetime(2027, 5, 25, 10, 30, tzinfo=UTC))
    assert is_open(hours(), "NW", datetime(2027, 5, 25, 9, 30, tzinfo=UTC))


def test_is_open_is_closed_on_a_holiday() -> None:
    assert not is_open(hours(), "NW", datetime(2027, 5, 27, 9, 0, tzinfo=BERLIN))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Saturday 27 March 2027, still CET (UTC+1).
        (datetime(2027, 3, 27, 10, 30, tzinfo=UTC), True),  # 11:30 local
        (datetime(2027, 3, 27, 11, 30, tzinfo=UTC), False),  # 12:30 local
        # Sunday 28 March 2027, CEST (UTC+2) from 2:00 local time on.
        (datetime(2027, 3, 28, 8, 30, tzinfo=UTC), True),  # 10:30 local
        (datetime(2027, 3, 28, 10, 30, tzinfo=UTC), False),  # 12:30 local
        (datetime(2027, 3, 28, 10, 30, tzinfo=BERLIN), True),  # 10:30 local, given directly
    ],
    ids=["sat-open", "sat-closed", "sun-open", "sun-closed", "sun-local"],
)
def test_is_open_uses_local_time_across_the_dst_change(moment: datetime, expected: bool) -> None:
    weekend = hours(woche={"samstag": "10:00-12:00", "sonntag": "10:00-12:00"})
    assert is_open(weekend, "NW", moment) is expected


def test_open_until_midnight() -> None:
    late = hours(woche={"freitag": "20:00-24:00"})
    assert is_open(late, "NW", datetime(2027, 5, 28, 23, 59, tzinfo=BERLIN))
    (row,) = [r for r in weekly_rows(late) if r.ranges]
    assert (uhrzeit(row.ranges[0].start), uhrzeit(row.ranges[0].end)) == ("20:00", "24:00")
    assert (iso_time(row.ranges[0].start), iso_time(row.ranges[0].end)) == ("20:00", "23:59")


def test_schema_org_regular_and_special_hours() -> None:
    special = hours(
        woche={"montag": "8:00-12:00", "dienstag": ["14:00-18:00", "8:00-12:00"]},
        ausnahmen=[
            {"datum": "2027-05-25", "zeiten": ["9:00-10:00", "15:00-16:00"], "grund": "Personal"}
        ],
    )
    deviations = upcoming(special, "NW", date(2027, 5, 20), 14)
    result = schema_org(special, deviations)
    spec = "OpeningHoursSpecification"
    day = "https://schema.org/"
    assert result["openingHoursSpecification"] == [
        {"@type": spec, "dayOfWeek": f"{day}Monday", "opens": "08:00", "closes": "12:00"},
        {"@type": spec, "dayOfWeek": f"{day}Tuesday", "opens": "08:00", "closes": "12:00"},
        {"@type": spec, "dayOfWeek": f"{day}Tuesday", "opens": "14:00", "closes": "18:00"},
    ]
    personal = {
        "@type": spec,
        "validFrom": "2027-05-25",
        "validThrough": "2027-05-25",
        "description": "Personal",
    }
    assert result["specialOpeningHoursSpecification"] == [
        {**personal, "opens": "09:00", "closes": "10:00"},
        {**personal, "opens": "15:00", "closes": "16:00"},
    ]


def test_schema_org_closed_days_open_and_close_at_midnight() -> None:
    deviations = upcoming(hours(), "NW", date(2027, 5, 20), 14)
    assert schema_org(hours(), deviations)["specialOpeningHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2027-05-27",
            "validThrough": "2027-05-27",
            "description": "Fronleichnam",
            "opens": "00:00",
            "closes": "00:00",
        }
    ]


# --- build date -----------------------------------------------------------------------


def test_build_date_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    # 31 December 2026, 23:30 UTC is already 1 January 2027 in Berlin.
    epoch = int(datetime(2026, 12, 31, 23, 30, tzinfo=UTC).timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    assert build_date() == date(2027, 1, 1)


def test_build_date_without_source_date_epoch_is_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(BERLIN).date()
    result = build_date()
    after = datetime.now(BERLIN).date()
    assert before <= result <= after
