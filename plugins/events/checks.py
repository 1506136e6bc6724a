"""Checks on an event that look at several fields together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from relais.clock import as_datetime
from relais.confidential import confidential_location
from relais.i18n import _
from relais.problems import Problem

from .recurrence import ORDINALS, WEEKDAYS
from .schedule import Schedule

if TYPE_CHECKING:
    from relais.content import ContentIndex, Entry


def timing(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    """Start, end and all_day agree: times for timed events, days for all-day ones."""
    data = entry.data
    if data.start is None:
        return
    if data.all_day:
        yield from _all_day(entry)
    else:
        yield from _timed(entry, index)


def _all_day(entry: Entry) -> Iterator[Problem]:
    start, end = entry.data.start, entry.data.end
    if isinstance(start, dt.datetime):
        yield entry.problem(
            ("start",),
            "start",
            "an all-day event has no start time",
            f"remove the time, 'start: {start.date()}', or remove 'all_day: true'",
        )
    if isinstance(end, dt.time | dt.datetime):
        yield entry.problem(
            ("end",), "end", "an all-day event ends on a day, not at a time", "write its last day, or remove 'end'"
        )
    elif isinstance(end, dt.date) and end < _day(start):
        yield entry.problem(("end",), "end", "the last day comes before the first", "check both dates")


def _timed(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    start, end = entry.data.start, entry.data.end
    if not isinstance(start, dt.datetime):
        yield entry.problem(
            ("start",),
            "start",
            "this event has a day but no time",
            f"add the time it starts, 'start: {start} 18:30', or write 'all_day: true' for a whole day",
        )
        return
    if end is None and "end" not in entry.front.data:
        yield entry.problem(
            ("start",), "end", "this event has no end", "add when it ends, 'end: 20:30', or write 'all_day: true'"
        )
    elif end is not None and not isinstance(end, dt.datetime | dt.time):
        yield entry.problem(
            ("end",),
            "end",
            "the end has a day but no time",
            f"write the time it ends, 'end: {end} 20:30' or 'end: 20:30'",
        )
    elif isinstance(end, dt.datetime) and as_datetime(end, index.zone) <= as_datetime(start, index.zone):
        yield entry.problem(("end",), "end", "the event ends before it starts", "check the start and the end")


def recurrence(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    """The start is the first date of the series, and the series ends after it starts."""
    rule, start = entry.data.recurrence, entry.data.start
    if rule is None or start is None:
        return
    first = _day(start)
    if rule.until is not None and _day(rule.until) < first:
        yield entry.problem(
            ("recurrence", "until"), "recurrence.until", "the series ends before its first date", "check both dates"
        )
    on = rule.weekday_in_month
    if on is not None and not _is_nth_weekday(first, *on):
        schedule = Schedule(entry.data, index.zone)
        suggestion = schedule.rule.after(schedule.first_start, inc=True) if schedule.rule else None
        shape = "%Y-%m-%d" if entry.data.all_day else "%Y-%m-%d %H:%M"
        fix = f"start the series on such a day, for example 'start: {suggestion:{shape}}'" if suggestion else ""
        yield entry.problem(
            ("recurrence", "on"),
            "recurrence.on",
            f"the start, {first}, is not the {_name(on)} of its month",
            fix or "start the series on one of its dates",
        )


def _is_nth_weekday(day: dt.date, nth: int, weekday: int) -> bool:
    if day.weekday() != weekday:
        return False
    if nth > 0:
        return (day.day - 1) // 7 + 1 == nth
    return (day + dt.timedelta(days=7)).month != day.month


def _name(on: tuple[int, int]) -> str:
    ordinal = next(word for word, value in ORDINALS.items() if value == on[0])
    weekday = next(word for word, value in WEEKDAYS.items() if value == on[1])
    return f"{ordinal} {weekday}"


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def cancelled_dates(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    """Each cancelled day is a date of the series: anything else cancels nothing, and readers would be misled."""
    rule, start = entry.data.recurrence, entry.data.start
    if rule is None or start is None or not rule.cancelled:
        return
    schedule = Schedule(entry.data, index.zone)
    for position, day in enumerate(rule.cancelled):
        if schedule.is_date_of_series(day):
            continue
        after = schedule.rule.after(dt.datetime.combine(day, dt.time()), inc=True) if schedule.rule else None
        before = schedule.rule.before(dt.datetime.combine(day, dt.time())) if schedule.rule else None
        closest = [moment.date().isoformat() for moment in (before, after) if moment is not None]
        yield entry.problem(
            ("recurrence", "cancelled", position),
            "recurrence.cancelled",
            _("{day} is not one of this event's dates, so there is nothing to cancel on that day").format(
                day=day.isoformat()
            ),
            _("write a day the event happens on, such as {days}").format(days=_(" or ").join(closest))
            if closest
            else _("write a day the event happens on"),
        )


# A confidential place must not be given away in the text either (relais.confidential).
CHECKS = (timing, recurrence, cancelled_dates, confidential_location)
