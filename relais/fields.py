"""Field types shared by the content schemas.

Each type accepts what a writer naturally types in YAML and turns anything
else into a message that says, in plain words and in the writer's language,
how to write it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints

from .i18n import _, language, month_name

_DATE_TIME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$")
# 01/12/2026, 1.12.2026, 01-12-2026: day and month in an order nobody can be sure of.
_SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:h](\d{2}))?$")
# 3 mars 2026, March 3, 2026, 3 March 2026, le 3 mars 2026.
_WORDS = re.compile(
    r"^(?:le\s+)?(?:(\d{1,2})(?:er)?\s+([^\W\d]+)\.?|([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?)\s+(\d{4})$"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            (),
            ("january", "jan", "janvier", "janv"),
            ("february", "feb", "février", "fevrier", "févr", "fevr"),
            ("march", "mar", "mars"),
            ("april", "apr", "avril", "avr"),
            ("may", "mai"),
            ("june", "jun", "juin"),
            ("july", "jul", "juillet", "juil"),
            ("august", "aug", "août", "aout"),
            ("september", "sep", "sept", "septembre"),
            ("october", "oct", "octobre"),
            ("november", "nov", "novembre"),
            ("december", "dec", "décembre", "decembre", "déc"),
        ]
    )
    for name in names
}


def date_hint() -> str:
    return _("write the date as YYYY-MM-DD, for example 2026-11-03, or add a time: 2026-11-03 18:30")


def parse_date_or_datetime(value: Any) -> dt.date | dt.datetime:
    """Accept a YAML date, a YAML timestamp or text such as ``2026-11-03 18:30``.

    Anything else raises a ValueError whose message (``what — fix``) names
    the mistake: a month 13, a day that month does not have, a date written
    day/month whose order cannot be known.
    """
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(_("is not a date — {hint}").format(hint=date_hint()))
    text = value.strip()
    match = _DATE_TIME.match(text)
    if not match:
        raise ValueError(_other_way_of_writing(text))
    year, month, day, hour, minute, second, zone = match.groups()
    _check_parts(text, (int(year), int(month), int(day)), (hour, minute, second))
    if hour is None:
        return dt.date(int(year), int(month), int(day))
    tzinfo = _offset(zone) if zone else None
    return dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=tzinfo)


def _check_parts(text: str, date: tuple[int, int, int], time: tuple[str | None, str | None, str | None]) -> None:
    """Say which part of a date that looks right does not exist."""
    year, month, day = date
    hour, minute, second = time
    if not 1 <= month <= 12:
        raise ValueError(
            _("'{value}': there is no month {month} — the month comes second, from 01 to 12: {hint}").format(
                value=text, month=month, hint=date_hint()
            )
        )
    if not year >= 1:
        raise ValueError(_("'{value}' is not a real day — {hint}").format(value=text, hint=date_hint()))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ValueError(
            _("'{value}': {month} {year} has no day {day} (it has {days} days) — check the date").format(
                value=text, month=month_name(month), year=year, day=day, days=days
            )
        )
    if hour is not None and int(hour) > 23:
        raise ValueError(
            _("'{value}': there is no hour {hour} — write the time from 00:00 to 23:59, for example 18:30").format(
                value=text, hour=int(hour)
            )
        )
    if (minute is not None and int(minute) > 59) or (second is not None and int(second) > 59):
        raise ValueError(
            _("'{value}' is not a real time — write the time from 00:00 to 23:59, for example 18:30").format(value=text)
        )


def _other_way_of_writing(text: str) -> str:
    """The message for a date written some other way: the same date as Relais reads it, when it is certain."""
    slashed = _SLASHED.match(text)
    if slashed:
        first, second, year = int(slashed.group(1)), int(slashed.group(2)), int(slashed.group(3))
        time = f" {int(slashed.group(4)):02d}:{slashed.group(5)}" if slashed.group(4) else ""
        readings = [
            (day, month)
            for day, month in ((first, second), (second, first))
            if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
        ]
        if len(set(readings)) == 2:
            (day_a, month_a), (day_b, month_b) = readings
            return _("'{value}': {first} or {second}? — write {iso_first}{time} (or {iso_second}{time})").format(
                value=text,
                first=_day_and_month(day_a, month_a),
                second=_day_and_month(day_b, month_b),
                iso_first=f"{year}-{month_a:02d}-{day_a:02d}",
                iso_second=f"{year}-{month_b:02d}-{day_b:02d}",
                time=time,
            )
        if readings:
            day, month = readings[0]
            return _("'{value}' is written day and month the other way — write {iso}{time}").format(
                value=text, iso=f"{year}-{month:02d}-{day:02d}", time=time
            )
    worded = _WORDS.match(text.lower())
    if worded:
        day_text = worded.group(1) or worded.group(4)
        month = _MONTHS.get(worded.group(2) or worded.group(3) or "")
        year = int(worded.group(5))
        if month is not None and 1 <= int(day_text) <= calendar.monthrange(year, month)[1]:
            return _("'{value}' is written in words — write {iso}").format(
                value=text, iso=f"{year}-{month:02d}-{int(day_text):02d}"
            )
    return _("'{value}' is not a date — {hint}").format(value=text, hint=date_hint())


def _day_and_month(day: int, month: int) -> str:
    """``December 1`` or ``1 décembre``: a day of a month, in the messages' language."""
    shown = "1er" if day == 1 and language() == "fr" else day  # le 1er décembre
    return _("{month} {day}").format(month=month_name(month), day=shown)


def _offset(zone: str) -> dt.tzinfo:
    if zone == "Z":
        return dt.UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _one_or_many(value: Any) -> Any:
    """Let writers give one item without list brackets: ``authors: lune``."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _text(value: Any) -> Any:
    """Numbers are fine as text (a title can be ``1984``); YAML gives them as int."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Prose:
    """Marks free text a writer types (a title, a summary), unlike a key chosen from a list (category, lang)."""

    def __repr__(self) -> str:
        return "Prose()"


PROSE = Prose()

Text = Annotated[str, BeforeValidator(_text), StringConstraints(strip_whitespace=True, min_length=1), PROSE]
Key = Annotated[str, BeforeValidator(_text), StringConstraints(strip_whitespace=True, min_length=1)]
KeyList = Annotated[list[Key], BeforeValidator(_one_or_many)]
TextList = Annotated[list[Text], BeforeValidator(_one_or_many)]
DateOrDateTime = Annotated[dt.date | dt.datetime, BeforeValidator(parse_date_or_datetime)]


def parse_day(value: Any) -> dt.date:
    """A day without a time: ``2026-12-31``."""
    day = parse_date_or_datetime(value)
    if isinstance(day, dt.datetime):
        from .i18n import _

        raise ValueError(
            _("'{value}' has a time; only the day is needed — write it as {day}").format(
                value=value, day=day.date().isoformat()
            )
        )
    return day


Day = Annotated[dt.date, BeforeValidator(parse_day)]
DayList = Annotated[list[Day], BeforeValidator(_one_or_many)]


def counting_number(example: str) -> Callable[[Any], Any]:
    """A whole number from 1 up (``12`` or ``"12"``), such as a question's number or how many times it was asked."""

    def parse(value: Any) -> Any:
        from .i18n import _

        text = str(value).strip() if isinstance(value, int | str) and not isinstance(value, bool) else ""
        if not text.isdigit() or int(text) < 1:
            raise ValueError(
                _("'{value}' is not a whole number from 1 up — write for example '{example}'").format(
                    value=value, example=example
                )
            )
        return int(text)

    return parse


# The number of a question of content/questions.yml, as a post names it.
QuestionNumber = Annotated[int, BeforeValidator(counting_number("answers: 12"))]
