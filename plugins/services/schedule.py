"""Schedules as times in the site's time zone: occurrences, the week, iCalendar rules.

Slots are written as wall-clock times in the site's IANA time zone, so a
drop-in that opens at 18:00 opens at 18:00 in summer and in winter; the UTC
offset is only worked out for a given day, with zoneinfo, when an export or
a "next time" needs one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .schema import Slot
from .times import DAY_KEYS, MINUTES_PER_DAY, WEEK_NUMBERS

ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Opening:
    """One occurrence of a slot: aware start and end times."""

    start: dt.datetime
    end: dt.datetime


def clock_time(minutes: int) -> dt.time:
    """Minutes after midnight as a time; 24:00 shows as midnight."""
    minutes %= MINUTES_PER_DAY
    return dt.time(minutes // 60, minutes % 60)


def hh_mm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def week_of_month(day: dt.date) -> set[str]:
    """Which weeks of its month a day belongs to: 'first'…'fourth' and maybe 'last'."""
    weeks = {("first", "second", "third", "fourth", "fifth")[(day.day - 1) // 7]}
    if day.day + 7 > calendar.monthrange(day.year, day.month)[1]:
        weeks.add("last")
    return weeks


def happens_on(slot: Slot, day: dt.date) -> bool:
    if slot.by_appointment or not slot.days or day.weekday() not in slot.days:
        return False
    return not slot.weeks or bool(week_of_month(day) & set(slot.weeks))


def _at(day: dt.date, minutes: int, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """Wall-clock time on a day in the zone; 24:00 is the next midnight.

    A time skipped by the spring change (02:30) moves forward an hour, and
    one that happens twice in the autumn is the first of the two, as
    zoneinfo does with ``fold=0``.
    """
    day += dt.timedelta(days=minutes // MINUTES_PER_DAY)
    minutes %= MINUTES_PER_DAY
    naive = dt.datetime(day.year, day.month, day.day, minutes // 60, minutes % 60)
    aware = naive.replace(tzinfo=zone)
    # Round-trip through UTC to normalise a non-existent (spring-forward) time.
    return aware.astimezone(dt.UTC).astimezone(zone)


def opening_on(slot: Slot, day: dt.date, zone: zoneinfo.ZoneInfo) -> Opening | None:
    if not happens_on(slot, day) or slot.opens is None or slot.closes is None:
        return None
    closes = slot.closes + (MINUTES_PER_DAY if slot.overnight else 0)
    return Opening(_at(day, slot.opens, zone), _at(day, closes, zone))


def openings(slots: Iterable[Slot], start: dt.date, days: int, zone: zoneinfo.ZoneInfo) -> Iterator[Opening]:
    """Every opening that starts on one of ``days`` days from ``start``, in order."""
    slots = list(slots)
    for offset in range(days):
        day = start + dt.timedelta(days=offset)
        found = [opening for slot in slots if (opening := opening_on(slot, day, zone))]
        yield from sorted(found, key=lambda opening: opening.start)


def next_opening(slot: Slot, after: dt.datetime, zone: zoneinfo.ZoneInfo) -> Opening | None:
    """The first opening of a slot that has not ended at ``after`` (looks a few months ahead)."""
    start = after.astimezone(zone).date() - dt.timedelta(days=1)
    return next((o for o in openings([slot], start, 190, zone) if o.end > after), None)


def day_ranges(days: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive days grouped: (0, 1, 2, 3, 5) → [(0, 3), (5, 5)]."""
    ranges: list[tuple[int, int]] = []
    for day in sorted(days):
        if ranges and ranges[-1][1] == day - 1:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def ical_byday(slot: Slot) -> str:
    """``MO,TU`` for a weekly slot, ``1TU,-1TU`` for a monthly one."""
    days = [ICAL_DAYS[day] for day in slot.days or ()]
    if not slot.weeks:
        return ",".join(days)
    return ",".join(f"{WEEK_NUMBERS[week]}{day}" for week in slot.weeks for day in days)


def utc_offset(moment: dt.datetime) -> dt.timedelta:
    offset = moment.utcoffset()
    assert offset is not None
    return offset


def offset_text(offset: dt.timedelta) -> str:
    """-5 h → ``-05:00`` (the form HSDS and ISO 8601 use)."""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@dataclass(frozen=True)
class TimetableRow:
    """One service's slot on one day of the timetable."""

    service: Any  # the EntryPage shown
    slot: Slot


def week_rows(pages: Iterable[Any]) -> list[list[TimetableRow]]:
    """For each day, Monday first, the slots that happen that day, by opening time."""
    week: list[list[TimetableRow]] = [[] for _ in DAY_KEYS]
    for page in pages:
        for slot in page.schedule:
            for day in slot.days or ():
                week[day].append(TimetableRow(page, slot))
    for rows in week:
        rows.sort(key=lambda row: (row.slot.opens or 0, str(row.service.title).lower()))
    return week
