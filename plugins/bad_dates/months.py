"""Months and incident dates as staff write them: ``2026-11`` for an edition, ``2026-11-03`` or ``2026-11`` for a date.

An incident is often remembered only by its month, so a report's ``date``
may be a month alone; it is kept as written (``"2026-11"`` or
``"2026-11-03"``) and compared through :class:`Day`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator

from relais.i18n import _

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True, order=True)
class Day:
    """A day, or a month when ``day`` is 0 (sorted as its first day)."""

    year: int
    month: int
    day: int = 0

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        return next_month(self.first_day) - dt.timedelta(days=1)

    @property
    def is_month(self) -> bool:
        return not self.day

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


def next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier``'s month to ``later``'s (0 for the same month)."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def parse_month(value: Any) -> Day:
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    match = _MONTH.match(text)
    if match is None:
        raise ValueError(
            _("'{value}' is not a month — write the year and the month as YYYY-MM, for example 2026-11").format(
                value=value
            )
        )
    return _checked(int(match[1]), int(match[2]), 0, value)


def parse_day_or_month(value: Any) -> Day:
    """``2026-11-03`` (YAML gives a date), ``"2026-11-03"`` or a month alone, ``2026-11``."""
    if isinstance(value, dt.datetime):
        raise ValueError(_("'{value}' has a time — write only the day, for example 2026-11-03").format(value=value))
    if isinstance(value, dt.date):
        return Day(value.year, value.month, value.day)
    text = value.strip() if isinstance(value, str) else ""
    if match := _DAY.match(text):
        return _checked(int(match[1]), int(match[2]), int(match[3]), value)
    if match := _MONTH.match(text):
        return _checked(int(match[1]), int(match[2]), 0, value)
    raise ValueError(
        _(
            "'{value}' is not a date — write it as YYYY-MM-DD, for example 2026-11-03, or the month alone: 2026-11"
        ).format(value=value)
    )


def parse_day(value: Any) -> dt.date:
    """A whole day: ``2026-11-03``."""
    day = parse_day_or_month(value)
    if day.is_month:
        raise ValueError(_("'{value}' is a month — write the day too, for example 2026-11-03").format(value=value))
    return day.first_day


def _checked(year: int, month: int, day: int, value: Any) -> Day:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        if not day:
            raise ValueError(_("'{value}' is not a real month — months go from 01 to 12").format(value=value)) from None
        raise ValueError(
            _("'{value}' is not a real date — check the month (1 to 12) and the day").format(value=value)
        ) from None
    return Day(year, month, day)


def _month_text(value: Any) -> str:
    return str(parse_month(value))


def _day_or_month_text(value: Any) -> str:
    return str(parse_day_or_month(value))


# Kept as text in the models ("2026-11", "2026-11-03"): what staff wrote, checked.
EditionMonth = Annotated[str, BeforeValidator(_month_text)]
DayOrMonth = Annotated[str, BeforeValidator(_day_or_month_text)]
WholeDay = Annotated[dt.date, BeforeValidator(parse_day)]
