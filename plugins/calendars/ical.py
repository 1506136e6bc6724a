"""Events as iCalendar (RFC 5545), with the icalendar library.

Everything in a file is stable from build to build: UIDs come from the
event's file name and language, DTSTAMP from the build's clock, and the time
zone (VTIMEZONE) covers the years the calendar needs.  A confidential place
is written as its note only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import icalendar
from events.schedule import Schedule
from feeds.text import one_line, printable

from relais.generators import EntryPage
from relais.urls import public_base, public_url

PRODID = "-//Relais//Events//EN"
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# How many years ahead the VTIMEZONE describes the clock changes.
_ZONE_YEARS = 10


def new_calendar(name: str, description: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # No METHOD: METHOD:PUBLISH makes a file an iTIP message, which needs an
    # ORGANIZER (RFC 5546), and libical rejects it without one; a calendar to
    # subscribe to or import is not a message.
    # Names shown for a subscribed calendar (RFC 7986, and the common X- names).
    # icalendar does not type NAME and the X-WR- properties as text, so it would
    # not escape a line break in them: say they are text. Names are one line.
    calendar.add("name", icalendar.vText(one_line(name)))
    calendar.add("x-wr-calname", icalendar.vText(one_line(name)))
    calendar.add("description", icalendar.vText(printable(description)))
    calendar.add("x-wr-caldesc", icalendar.vText(printable(description)))
    calendar.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    return calendar


def uid(page: EntryPage, settings: dict[str, Any]) -> str:
    authority = urlsplit(public_base(settings)).hostname or "localhost"
    return f"event-{page.lang}-{page.slug}@{authority}"


def recurrence_rule(schedule: Schedule) -> dict[str, Any] | None:
    rule = schedule.recurrence
    if rule is None:
        return None
    values: dict[str, Any] = {"FREQ": rule.frequency.upper()}
    if rule.weekday_in_month is not None:
        nth, weekday = rule.weekday_in_month
        values["BYDAY"] = f"{nth}{_DAYS[weekday]}"
    elif rule.frequency == "monthly":
        values["BYMONTHDAY"] = schedule.first_start.day
    if rule.until is not None:
        last_day = rule.until.date() if isinstance(rule.until, dt.datetime) else rule.until
        if schedule.all_day:
            values["UNTIL"] = last_day
        else:
            # With a zoned start, RFC 5545 wants UNTIL in UTC.
            end_of_day = dt.datetime.combine(last_day, dt.time(23, 59, 59), tzinfo=schedule.zone)
            values["UNTIL"] = end_of_day.astimezone(dt.UTC)
    return values


def cancelled_starts(schedule: Schedule) -> list[dt.date | dt.datetime]:
    """The cancelled dates as EXDATE wants them: the same kind of value as DTSTART (a day, or a zoned time)."""
    days = sorted(day for day in schedule.cancelled if schedule.is_date_of_series(day))
    if schedule.all_day:
        return list(days)
    return [dt.datetime.combine(day, schedule.first_start.time(), tzinfo=schedule.zone) for day in days]


def event_component(page: EntryPage, settings: dict[str, Any], stamp: dt.datetime) -> icalendar.Event:
    schedule: Schedule = page.schedule
    first = schedule.first
    link = public_url(settings, page.url)
    event = icalendar.Event()
    event.add("uid", uid(page, settings))
    event.add("dtstamp", stamp)
    event.add("summary", printable(page.title))
    if first.all_day:
        event.add("dtstart", first.start)
        event.add("dtend", first.end + dt.timedelta(days=1))  # DTEND of a day is exclusive
    else:
        event.add("dtstart", first.start)
        event.add("dtend", first.end)
    rule = recurrence_rule(schedule)
    if rule is not None:
        event.add("rrule", rule)
        cancelled = cancelled_starts(schedule)
        if cancelled:
            event.add("exdate", cancelled)
    if page.location_text:
        event.add("location", printable(page.location_text))
    details = [page.summary, page.registration or "", link]
    event.add("description", printable("\n\n".join(part for part in details if part)))
    event.add("url", link)
    event.add("transp", "TRANSPARENT" if first.all_day else "OPAQUE")
    return event


def calendar_bytes(
    calendar: icalendar.Calendar, pages: Iterable[EntryPage], settings: dict[str, Any], now: dt.datetime
) -> bytes:
    """The calendar with one VEVENT per page and the VTIMEZONE its times need."""
    pages = list(pages)
    stamp = now.astimezone(dt.UTC).replace(microsecond=0)
    for page in pages:
        calendar.add_component(event_component(page, settings, stamp))
    if pages:
        first_year = min(page.schedule.first.start.year for page in pages)
        calendar.add_missing_timezones(
            first_date=dt.date(first_year, 1, 1), last_date=dt.date(now.year + _ZONE_YEARS, 1, 1)
        )
        for zone in calendar.walk("VTIMEZONE"):
            # icalendar notes the years covered in a COMMENT, which RFC 5545
            # does not allow in a VTIMEZONE (libical rejects the file).
            zone.pop("COMMENT", None)
    return calendar.to_ical()
