"""When an event happens: its dates, expanded from its recurrence.

Times are wall-clock times in the site's zone: a gathering at 18:30 stays at
18:30 after the clocks change, so the rules run on naive local times and
each date gets the zone afterwards.  "Upcoming" is always relative to the
build's clock, never to the machine's, so builds are reproducible.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from dateutil import rrule

from .schema import Event

_FREQUENCIES = {"yearly": rrule.YEARLY, "monthly": rrule.MONTHLY, "weekly": rrule.WEEKLY}


@dataclass(frozen=True)
class Occurrence:
    """One date of an event: aware times, or days (the last one included) for all-day events."""

    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    all_day: bool
    zone: zoneinfo.ZoneInfo

    @property
    def starts_at(self) -> dt.datetime:
        return _at_midnight(self.start, self.zone) if self.all_day else self.start  # type: ignore[return-value]

    @property
    def ends_at(self) -> dt.datetime:
        """The instant it is over: the end, or midnight after the last day."""
        if self.all_day:
            return _at_midnight(self.end + dt.timedelta(days=1), self.zone)
        return self.end  # type: ignore[return-value]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1 if self.all_day else 1  # type: ignore[operator]

    @property
    def key(self) -> str:
        """The date of this occurrence, for ids that stay the same from build to build."""
        return self.start.strftime("%Y-%m-%d") if self.all_day else self.start.strftime("%Y-%m-%dT%H%M")


class Schedule:
    """The dates of one event."""

    def __init__(self, event: Event, zone: zoneinfo.ZoneInfo) -> None:
        self.event = event
        self.zone = zone
        self.all_day = event.all_day
        self.recurrence = event.recurrence
        # Days of the series that do not happen (a holiday): left out of every list, EXDATE in calendars.
        self.cancelled: frozenset[dt.date] = frozenset(event.recurrence.cancelled if event.recurrence else ())

    @cached_property
    def first_start(self) -> dt.datetime:
        """The first start as a naive local time (midnight for all-day events)."""
        start = self.event.start
        if self.all_day or not isinstance(start, dt.datetime):
            return dt.datetime.combine(_day(start), dt.time())
        return _local(start, self.zone)

    @cached_property
    def duration(self) -> dt.timedelta:
        """How long each date lasts; whole days for all-day events."""
        end = self.event.end
        if self.all_day:
            last = end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else self.first_start.date()
            return dt.timedelta(days=max((last - self.first_start.date()).days, 0))
        if isinstance(end, dt.time):
            finish = dt.datetime.combine(self.first_start.date(), end)
            # An end earlier than the start is the next morning (an outreach night).
            return finish - self.first_start + (dt.timedelta(days=1) if finish <= self.first_start else dt.timedelta())
        if isinstance(end, dt.datetime):
            return max(_local(end, self.zone) - self.first_start, dt.timedelta())
        return dt.timedelta(hours=1)  # no usable end: a placeholder, the checks report it

    @cached_property
    def rule(self) -> rrule.rrule | None:
        recurrence = self.recurrence
        if recurrence is None:
            return None
        options: dict = {"dtstart": self.first_start}
        if recurrence.frequency == "monthly":
            on = recurrence.weekday_in_month
            if on is not None:
                options["byweekday"] = rrule.weekday(on[1], on[0])
            else:
                options["bymonthday"] = self.first_start.day
        if recurrence.until is not None:
            options["until"] = dt.datetime.combine(_day(recurrence.until), dt.time(23, 59, 59))
        return rrule.rrule(_FREQUENCIES[recurrence.frequency], **options)

    def occurrence(self, start: dt.datetime) -> Occurrence:
        """The occurrence starting at a naive local time."""
        if self.all_day:
            return Occurrence(start.date(), start.date() + self.duration, True, self.zone)
        return Occurrence(
            start.replace(tzinfo=self.zone), (start + self.duration).replace(tzinfo=self.zone), False, self.zone
        )

    @property
    def first(self) -> Occurrence:
        return self.occurrence(self.first_start)

    def upcoming(self, now: dt.datetime, limit: int, until: dt.datetime | None = None) -> list[Occurrence]:
        """Dates not over yet at ``now`` (the one going on included), at most ``limit``, starting before ``until``."""
        found = []
        for occurrence in self._from(now):
            if len(found) >= limit or (until is not None and occurrence.starts_at >= until):
                break
            found.append(occurrence)
        return found

    def next(self, now: dt.datetime) -> Occurrence | None:
        return next(self._from(now), None)

    def is_over(self, now: dt.datetime) -> bool:
        return self.next(now) is None

    def last_before(self, now: dt.datetime) -> Occurrence | None:
        """The most recent date that has started, for the archive of past events."""
        if self.rule is None:
            return self.first if self.first.starts_at <= now else None
        start = self.rule.before(_local(now, self.zone), inc=True)
        while start is not None and start.date() in self.cancelled:
            start = self.rule.before(start)
        return self.occurrence(start) if start is not None else None

    def is_date_of_series(self, day: dt.date) -> bool:
        """``day`` is one of the dates the recurrence gives (cancelled or not)."""
        return self.rule is not None and dt.datetime.combine(day, self.first_start.time()) in self.rule

    def cancelled_dates(self, now: dt.datetime, until: dt.datetime | None = None) -> list[Occurrence]:
        """The cancelled dates of the series that are not over at ``now`` and start before ``until``, soonest first."""
        found = [
            self.occurrence(dt.datetime.combine(day, self.first_start.time()))
            for day in sorted(self.cancelled)
            if self.is_date_of_series(day)
        ]
        return [
            occurrence
            for occurrence in found
            if occurrence.ends_at > now and (until is None or occurrence.starts_at < until)
        ]

    def _from(self, now: dt.datetime) -> Iterator[Occurrence]:
        if self.rule is None:
            if self.first.ends_at > now:
                yield self.first
            return
        # Dates that started up to one duration ago may still be going on.
        span = self.duration + (dt.timedelta(days=1) if self.all_day else dt.timedelta())
        for start in self.rule.xafter(_local(now, self.zone) - span, inc=True):
            occurrence = self.occurrence(start)
            if occurrence.ends_at > now and start.date() not in self.cancelled:
                yield occurrence


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _local(moment: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """A naive wall-clock time in the site's zone (a naive input already is one)."""
    return moment.astimezone(zone).replace(tzinfo=None) if moment.tzinfo else moment


def _at_midnight(day: dt.date, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=zone)
