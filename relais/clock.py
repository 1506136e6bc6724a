"""The build's idea of "now", fixed for scheduling and reproducible builds.

``--today YYYY-MM-DD`` publishes everything dated up to the end of that day;
the ``SOURCE_DATE_EPOCH`` convention (reproducible-builds.org) fixes the
instant; otherwise the real time is used.
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from dataclasses import dataclass


@dataclass(frozen=True)
class Clock:
    now: dt.datetime
    fixed: bool

    @property
    def today(self) -> dt.date:
        return self.now.date()

    def is_due(self, when: dt.date | dt.datetime, zone: zoneinfo.ZoneInfo) -> bool:
        return as_datetime(when, zone) <= self.now


def as_datetime(when: dt.date | dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """A date becomes midnight in the site's zone; a naive time is read in that zone.

    A time written with its own offset (``2026-01-03T10:00:00Z``) is the same
    instant, shown in the site's zone like every other date.
    """
    if not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    return when.astimezone(zone) if when.tzinfo else when.replace(tzinfo=zone)


def last_moment(until: dt.date | dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """The end an ``until`` field gives: a date lasts through the whole of that day, a time is that moment."""
    if isinstance(until, dt.datetime):
        return as_datetime(until, zone)
    return dt.datetime.combine(until, dt.time.max, tzinfo=zone)


def build_clock(zone: zoneinfo.ZoneInfo, today: dt.date | None = None, environ: dict[str, str] | None = None) -> Clock:
    environ = os.environ if environ is None else environ
    if today is not None:
        end_of_day = dt.datetime.combine(today, dt.time(23, 59, 59, 999999), tzinfo=zone)
        return Clock(end_of_day, fixed=True)
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH is '{epoch}'; it must be a number of seconds since 1970, or unset")
        return Clock(dt.datetime.fromtimestamp(int(epoch), tz=zone), fixed=True)
    return Clock(dt.datetime.now(tz=zone), fixed=False)


def parse_today(text: str) -> dt.date:
    """Parse ``--today``; argparse shows the ValueError's message."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None
