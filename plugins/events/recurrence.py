"""How an event repeats: every year, week or month, or "the last Thursday".

Writers give the simple form ``recurrence: yearly`` or a group with
``frequency``, ``on`` (for months: "last thursday", "2nd tuesday", also in
French: "dernier jeudi") and ``until``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from relais.fields import DateOrDateTime, DayList, Text
from relais.schemas import ContentModel

Frequency = Literal["yearly", "monthly", "weekly"]

# Weekday numbers follow Python's: Monday is 0.
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip
# Which one in the month; -1 is the last.
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1,
    "premier": 1, "1er": 1, "deuxième": 2, "deuxieme": 2, "2e": 2, "troisième": 3, "troisieme": 3, "3e": 3,
    "quatrième": 4, "quatrieme": 4, "4e": 4, "dernier": -1,
}  # fmt: skip
ON_HINT = "write for example 'on: last thursday' or 'on: 2nd tuesday' (in French: 'dernier jeudi')"


def parse_on(text: str) -> tuple[int, int]:
    """``"last thursday"`` → ``(-1, 3)``: which one in the month, and the weekday."""
    words = re.sub(r"\s+", " ", text.strip().lower()).split(" ")
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) != 2 or words[0] not in ORDINALS or words[1] not in WEEKDAYS:
        raise ValueError(f"'{text}' is not a day of the month we understand — {ON_HINT}")
    return ORDINALS[words[0]], WEEKDAYS[words[1]]


def _simple_form(value: Any) -> Any:
    """``recurrence: yearly`` is short for ``recurrence: {frequency: yearly}``."""
    return {"frequency": value} if isinstance(value, str) else value


class RecurrenceRule(ContentModel):
    frequency: Frequency = Field(
        description="yearly, monthly or weekly: the event repeats from its start date.",
        examples=["frequency: monthly"],
    )
    on: Text | None = Field(
        None,
        description="For monthly events on a weekday: which one, such as 'last thursday' or '2nd tuesday'.",
        examples=["on: last thursday"],
    )
    until: DateOrDateTime | None = Field(
        None, description="The last day it may happen; without it, it goes on.", examples=["until: 2027-06-30"]
    )
    cancelled: DayList = Field(
        default_factory=list,
        description="Days of the series when it does not happen (a holiday), without ending the series.",
        examples=["cancelled: [2026-12-31]"],
    )

    @field_validator("on")
    @classmethod
    def _known_day(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        if info.data.get("frequency") not in (None, "monthly"):
            raise ValueError(
                "'on' is only for monthly events — remove it: weekly and yearly events repeat on the start's day"
            )
        parse_on(value)
        return value

    @property
    def weekday_in_month(self) -> tuple[int, int] | None:
        return parse_on(self.on) if self.on else None


Recurrence = Annotated[RecurrenceRule, BeforeValidator(_simple_form)]
