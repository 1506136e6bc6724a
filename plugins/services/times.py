"""Field types for schedules: days of the week, weeks of the month, times of day.

Writers type hours the way they say them (``18:00``, ``18 h 30``, ``6 pm``)
and days in English or French; everything becomes numbers the schedule code
can compute with.  Note that YAML 1.1 reads an unquoted ``18:30`` as the
number 1110 (base 60), so numbers are turned back into hours here.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator

from relais.i18n import N_, _
from relais.messages import did_you_mean, one_of

MINUTES_PER_DAY = 24 * 60
DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_ALIASES = {
    **{key: index for index, key in enumerate(DAY_KEYS)},
    **{key[:3]: index for index, key in enumerate(DAY_KEYS)},
    **{
        key: index
        for index, key in enumerate(("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"))
    },
}
_DAY_GROUPS = {
    "weekdays": (0, 1, 2, 3, 4),
    "weekend": (5, 6),
    "every day": tuple(range(7)),
    "daily": tuple(range(7)),
    "semaine": (0, 1, 2, 3, 4),
    "fin de semaine": (5, 6),
    "tous les jours": tuple(range(7)),
}
WEEK_KEYS = ("first", "second", "third", "fourth", "last")
_WEEK_ALIASES = {
    **{key: key for key in WEEK_KEYS},
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "premier": "first",
    "première": "first",
    "deuxième": "second",
    "troisième": "third",
    "quatrième": "fourth",
    "dernier": "last",
    "dernière": "last",
}
# HSDS / iCalendar week numbers: 1 to 4, and -1 for the last one.
WEEK_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}

_TIME = re.compile(
    r"^(?P<hour>\d{1,2})\s*(?:(?::|h)\s*(?P<minute>\d{2})?)?\s*(?P<half>a\.?m\.?|p\.?m\.?)?$", re.IGNORECASE
)
TIME_HINT = N_("write the time as 18:00 (24-hour clock, in quotes), 18 h 30 or 6:30 pm")


def _words(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip().lower() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(part).strip().lower() for part in value]
    raise ValueError(_("should be a list of days — for example 'days: [monday, thursday]'"))


def parse_days(value: Any) -> tuple[int, ...]:
    """``[monday, thursday]``, ``weekdays``, ``lundi`` … → sorted day numbers, Monday = 0."""
    days: set[int] = set()
    for written in _words(value):
        word = written.replace("-", " ").replace("_", " ")
        if word in _DAY_GROUPS:
            days.update(_DAY_GROUPS[word])
        elif word in _DAY_ALIASES:
            days.add(_DAY_ALIASES[word])
        else:
            guess = did_you_mean(word, [*DAY_KEYS, *_DAY_GROUPS, *_DAY_ALIASES])
            hint = _("did you mean '{guess}'? ").format(guess=guess) if guess else ""
            raise ValueError(
                _(
                    "'{word}' is not a day — {hint}write days in English or French "
                    "({days}), or weekdays, weekend, every day"
                ).format(word=word, hint=hint, days=one_of(DAY_KEYS))
            )
    if not days:
        raise ValueError(_("no day is given — for example 'days: [monday, thursday]'"))
    return tuple(sorted(days))


def parse_weeks(value: Any) -> tuple[str, ...]:
    """``[first, third]`` or ``last`` → week keys, for slots that happen once a month."""
    weeks: list[str] = []
    for word in _words(value):
        if word not in _WEEK_ALIASES:
            guess = did_you_mean(word, WEEK_KEYS)
            hint = _("did you mean '{guess}'? ").format(guess=guess) if guess else ""
            raise ValueError(
                _("'{word}' is not a week of the month — {hint}use one of: {weeks}").format(
                    word=word, hint=hint, weeks=one_of(WEEK_KEYS)
                )
            )
        if _WEEK_ALIASES[word] not in weeks:
            weeks.append(_WEEK_ALIASES[word])
    if not weeks:
        raise ValueError(_("no week is given — for example 'weeks: [first]'"))
    return tuple(sorted(weeks, key=WEEK_KEYS.index))


def parse_time(value: Any) -> int:
    """A time of day as minutes after midnight; ``24:00`` (1440) is the end of the day."""
    if isinstance(value, bool):
        raise ValueError(_("is not a time — {hint}").format(hint=_(TIME_HINT)))
    if isinstance(value, int):
        # `opens: 18` is an hour; `opens: 18:30` unquoted is YAML 1.1's base-60 number 1110.
        # Numbers 25 to 59 come from neither, so they are refused.
        minutes = value * 60 if value <= 24 else value
        if 0 <= minutes <= MINUTES_PER_DAY and not 24 < value < 60:
            return minutes
        raise ValueError(_("'{value}' is not a time — {hint}").format(value=value, hint=_(TIME_HINT)))
    match = _TIME.match(str(value).strip())
    if not match:
        raise ValueError(_("'{value}' is not a time — {hint}").format(value=value, hint=_(TIME_HINT)))
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or "").lower().replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(_("'{value}' is not a time — with am or pm, the hour is 1 to 12").format(value=value))
        hour = hour % 12 + (12 if half == "pm" else 0)
    if minute > 59 or hour > 24 or (hour == 24 and minute):
        raise ValueError(_("'{value}' is not a time of day — {hint}").format(value=value, hint=_(TIME_HINT)))
    return hour * 60 + minute


Days = Annotated[tuple[int, ...], BeforeValidator(parse_days)]
Weeks = Annotated[tuple[str, ...], BeforeValidator(parse_weeks)]
ClockTime = Annotated[int, BeforeValidator(parse_time)]
