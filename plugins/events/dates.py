"""Template filters for event times, per language (Babel's locale data)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from babel.dates import format_date, format_skeleton, get_day_names
from theme_i18n.times import clock, joined_range, time_range


def short_time(value: dt.datetime | dt.time, locale: str) -> str:
    """18:30 → "6:30 p.m." / "18 h 30", on one line (see :mod:`theme_i18n.times`)."""
    return clock(value, locale)


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
    return _occurrence_in_words(occurrence, locale, weekday_date)


def short_when(occurrence: Any, locale: str) -> str:
    """One date of an event in few characters, for a short forum text: "Thu, Dec 17, 6 p.m. – 9 p.m."."""
    return _occurrence_in_words(occurrence, locale, short_weekday_date)


def short_weekday_date(value: dt.date, locale: str) -> str:
    """ "Thu, Dec 17" / "jeu. 17 déc."."""
    return format_skeleton("MMMEd", value, locale=locale)


def _occurrence_in_words(occurrence: Any, locale: str, date: Callable[[dt.date, str], str]) -> str:
    """Its day or days, and its times on one line each; a range breaks only after its dash."""
    if occurrence.all_day:
        first = date(occurrence.start, locale)
        return first if occurrence.days == 1 else joined_range(first, date(occurrence.end, locale))
    start, end = occurrence.start, occurrence.end
    if end.date() == start.date():
        return f"{date(start, locale)}, {time_range(start, end, locale)}"
    return joined_range(
        f"{date(start, locale)}, {short_time(start, locale)}", f"{date(end, locale)}, {short_time(end, locale)}"
    )
