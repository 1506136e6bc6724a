"""Times of day as readers of each language write them, on one line.

Québec French (as the Office québécois de la langue française recommends)
writes ``13 h``, ``18 h 30`` and ``9 h 05``: no leading zero, no ``00``
minutes, and a non-breaking space on each side of the ``h``.  English writes
``1 p.m.`` and ``6:30 p.m.``.  Other languages get their locale's short time
(Babel's CLDR data).  A time never breaks across two lines: every space
inside it is a non-breaking one.

A range puts a non-breaking space before its dash and an ordinary one after
(``13 h – 22 h``): on a narrow screen the line may break after the dash,
never inside a time.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from babel import Locale
from babel.dates import format_skeleton, format_time

NBSP = "\u00a0"
DASH = "–"


@functools.cache
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


def clock(value: dt.time | dt.datetime, locale: str) -> str:
    """18:30 → ``18 h 30`` (fr), ``6:30 p.m.`` (en): a time that never breaks across lines."""
    moment = value.timetz() if isinstance(value, dt.datetime) else value
    language = _locale(locale)
    if language.language == "fr":
        text = f"{moment.hour} h" if not moment.minute else f"{moment.hour} h {moment.minute:02d}"
    elif _twelve_hours(language):  # "1 p.m.", "6:30 p.m."
        text = format_skeleton("h" if not moment.minute else "hm", moment, locale=locale)
    else:
        text = format_time(moment, format="short", locale=locale)
    return text.replace(" ", NBSP)


def _twelve_hours(language: Locale) -> bool:
    """Whether the locale's clock counts 1 to 12 (``h`` in its pattern, outside quoted words)."""
    return "h" in re.sub(r"'[^']*'", "", language.time_formats["short"].pattern)


def time_range(start: dt.time | dt.datetime, end: dt.time | dt.datetime, locale: str) -> str:
    """``13 h – 22 h``, ``1 p.m. – 10 p.m.``."""
    return joined_range(clock(start, locale), clock(end, locale))


def joined_range(first: str, last: str) -> str:
    """Two ends of a range, a line break allowed only after the dash."""
    return f"{first}{NBSP}{DASH} {last}"
