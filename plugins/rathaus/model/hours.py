"""Opening hours: the weekly table, upcoming deviations and public holidays, open-now."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from .entities import Oeffnungszeiten
from .fieldtypes import WEEKDAYS, TimeRange

BERLIN = ZoneInfo("Europe/Berlin")
DAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def build_date() -> date:
    """The day the site describes: ``SOURCE_DATE_EPOCH`` if set (reproducible), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), BERLIN).date()
    return datetime.now(BERLIN).date()


def iso_time(value: time) -> str:
    """``HH:MM`` for ``<time datetime>`` and schema.org."""
    if value == time(23, 59, 59):
        return "23:59"
    return f"{value.hour:02d}:{value.minute:02d}"


@dataclass(frozen=True)
class DayRow:
    weekday: int
    name: str
    ranges: tuple[TimeRange, ...]


@dataclass(frozen=True)
class Deviation:
    """Days that differ from the weekly table: closed, or other hours, with a reason."""

    first: date
    last: date
    reason: str
    ranges: tuple[TimeRange, ...]
    holiday: bool

    @property
    def closed(self) -> bool:
        return not self.ranges


def weekly_rows(hours: Oeffnungszeiten) -> list[DayRow]:
    """Monday to Friday always; Saturday and Sunday only when they have hours."""
    rows = []
    for index, key in enumerate(WEEKDAYS):
        ranges: tuple[TimeRange, ...] = getattr(hours.woche, key) if hours.woche else ()
        if index < 5 or ranges:
            rows.append(DayRow(index, DAY_NAMES[index], tuple(sorted(ranges))))
    return rows


@dataclass(frozen=True)
class DayGroup:
    """Consecutive days with the same hours: Monday to Thursday is ``first`` 0, ``last`` 3
    (``last`` None: one day); the names are the template's (filter ``wochentag``)."""

    first: int
    last: int | None
    ranges: tuple[TimeRange, ...]


def week_groups(hours: Oeffnungszeiten) -> list[DayGroup]:
    """The weekly hours in a few words, for a footer: open days only, equal neighbours joined."""
    groups: list[tuple[int, int, tuple[TimeRange, ...]]] = []
    for row in weekly_rows(hours):
        if not row.ranges:
            continue
        if groups and groups[-1][1] == row.weekday - 1 and groups[-1][2] == row.ranges:
            groups[-1] = (groups[-1][0], row.weekday, row.ranges)
        else:
            groups.append((row.weekday, row.weekday, row.ranges))
    return [
        DayGroup(first, last if last != first else None, ranges) for first, last, ranges in groups
    ]


@cache
def public_holidays(land: str, year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("DE", subdiv=land, years=year, language="de"))


def _regular(hours: Oeffnungszeiten, day: date) -> tuple[TimeRange, ...]:
    if hours.woche is None:
        return ()
    return tuple(sorted(getattr(hours.woche, WEEKDAYS[day.weekday()])))


def upcoming(hours: Oeffnungszeiten, land: str, today: date, days: int) -> list[Deviation]:
    """Exceptions and public holidays between ``today`` and ``today + days``, in date order.

    A holiday appears only where it closes a day that normally has hours, and an
    editor's exception on the same day wins over the holiday.
    """
    horizon = today + timedelta(days=days)
    found = [
        Deviation(a.first, a.last, a.grund, tuple(sorted(a.zeiten)), holiday=False)
        for a in hours.ausnahmen
        if a.last >= today and a.first <= horizon
    ]
    covered = {
        a.first + timedelta(n) for a in hours.ausnahmen for n in range((a.last - a.first).days + 1)
    }
    if hours.feiertage_geschlossen:
        for year in range(today.year, horizon.year + 1):
            for day, name in public_holidays(land, year).items():
                if today <= day <= horizon and day not in covered and _regular(hours, day):
                    found.append(Deviation(day, day, name, (), holiday=True))
    return sorted(found, key=lambda d: (d.first, d.last))


def ranges_on(hours: Oeffnungszeiten, land: str, day: date) -> tuple[TimeRange, ...]:
    """The hours that really apply on ``day``, after exceptions and holidays."""
    for exception in hours.ausnahmen:
        if exception.first <= day <= exception.last:
            if exception.datum is None and exception.zeiten and not _regular(hours, day):
                # Special hours for a period apply on the usual opening days only:
                # "28. to 30. December 8–12" does not open the office on a Sunday.
                return ()
            return tuple(sorted(exception.zeiten))
    if hours.feiertage_geschlossen and day in public_holidays(land, day.year):
        return ()
    return _regular(hours, day)


def is_open(hours: Oeffnungszeiten, land: str, moment: datetime) -> bool:
    local = moment.astimezone(BERLIN)
    now = local.time()
    return any(r.start <= now < r.end for r in ranges_on(hours, land, local.date()))


def schema_org(
    hours: Oeffnungszeiten, deviations: list[Deviation]
) -> dict[str, list[dict[str, str]]]:
    """``openingHoursSpecification`` and ``specialOpeningHoursSpecification`` for JSON-LD."""
    regular = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[row.weekday]}",
            "opens": iso_time(r.start),
            "closes": iso_time(r.end),
        }
        for row in weekly_rows(hours)
        for r in row.ranges
    ]
    special: list[dict[str, str]] = []
    for deviation in deviations:
        base = {
            "@type": "OpeningHoursSpecification",
            "validFrom": deviation.first.isoformat(),
            "validThrough": deviation.last.isoformat(),
            "description": deviation.reason,
        }
        if deviation.closed:
            # schema.org's convention for "closed": opens and closes at midnight.
            special.append({**base, "opens": "00:00", "closes": "00:00"})
        else:
            special.extend(
                {**base, "opens": iso_time(r.start), "closes": iso_time(r.end)}
                for r in deviation.ranges
            )
    return {"openingHoursSpecification": regular, "specialOpeningHoursSpecification": special}
