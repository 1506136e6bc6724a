"""Template filters for event times, per language (Babel's locale data)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from babel.dates import format_date, format_skeleton, format_time, get_day_names


def short_time(value: dt.datetime | dt.time, locale: str) -> str:
    """18:30 → "6:30 p.m." / "18 h 30"."""
    return format_time(value, format="short", locale=locale)


def day_month(value: dt.date, locale: str) -> str:
    """A yearly date without its year: "December 17" / "17 décembre"."""
    return format_skeleton("MMMMd", value, locale=locale)


def month_year(value: dt.date, locale: str) -> str:
    return format_skeleton("yMMMM", value, locale=locale)


def weekday_date(value: dt.date, locale: str) -> str:
    """ "Thursday, November 26, 2026" / "jeudi 26 novembre 2026"."""
    return format_date(value, format="full", locale=locale)


def weekday_name(number: int, locale: str) -> str:
    """0 → "Monday" / "lundi"."""
    return get_day_names("wide", locale=locale)[number]


def filters(locale: str) -> dict[str, Any]:
    return {
        name: functools.partial(function, locale=locale)
        for name, function in {
            "short_time": short_time,
            "day_month": day_month,
            "month_year": month_year,
            "weekday_date": weekday_date,
            "weekday_name": weekday_name,
            "when": when,
        }.items()
    }


def when(occurrence: Any, locale: str) -> str:
    """One date of an event in words: "Thursday, November 26, 2026, 6:30 p.m. – 8:30 p.m."."""
    if occurrence.all_day:
        first = weekday_date(occurrence.start, locale)
        return first if occurrence.days == 1 else f"{first} – {weekday_date(occurrence.end, locale)}"
    start, end = occurrence.start, occurrence.end
    if end.date() == start.date():
        return f"{weekday_date(start, locale)}, {short_time(start, locale)} – {short_time(end, locale)}"
    return (
        f"{weekday_date(start, locale)}, {short_time(start, locale)} – "
        f"{weekday_date(end, locale)}, {short_time(end, locale)}"
    )
