"""Field types shared by the content schemas.

Each type accepts what a writer naturally types in YAML and turns anything
else into a message that says, in plain words, how to write it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints

_DATE_TIME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$")

DATE_HINT = "write the date as YYYY-MM-DD, for example 2026-11-03, or add a time: 2026-11-03 18:30"


def parse_date_or_datetime(value: Any) -> dt.date | dt.datetime:
    """Accept a YAML date, a YAML timestamp or text such as ``2026-11-03 18:30``."""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"is not a date — {DATE_HINT}")
    match = _DATE_TIME.match(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a date — {DATE_HINT}")
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        if hour is None:
            return dt.date(int(year), int(month), int(day))
        tzinfo = _offset(zone) if zone else None
        return dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=tzinfo)
    except ValueError:
        raise ValueError(f"'{value}' is not a real day or time — {DATE_HINT}") from None


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


Text = Annotated[str, BeforeValidator(_text), StringConstraints(strip_whitespace=True, min_length=1)]
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
