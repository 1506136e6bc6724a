"""The front matter of an event (content/events/*.md)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from relais.fields import DateOrDateTime, Key, Text, parse_date_or_datetime
from relais.locations import Location
from relais.notices import NOTICE_EXAMPLE, Notice
from relais.schemas import Announce, ContentModel, Status

from .recurrence import Recurrence

_CLOCK_TIME = re.compile(r"^(\d{1,2})[:h](\d{2})$")
END_HINT = "write when it ends as a time, 'end: 20:30', or as a date and time, 'end: 2026-11-26 20:30'"


def parse_end(value: Any) -> dt.date | dt.datetime | dt.time:
    """An end is a date, a date and time, or only a time (the same day as the start)."""
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 20:30 as a base-60 number, 1230.
        if 0 <= value < 24 * 60:
            return dt.time(value // 60, value % 60)
        raise ValueError(f"is not a time of day — {END_HINT}")
    if isinstance(value, str):
        match = _CLOCK_TIME.match(value.strip())
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if hour > 23 or minute > 59:
                raise ValueError(f"'{value}' is not a time of day — {END_HINT}")
            return dt.time(hour, minute)
    try:
        return parse_date_or_datetime(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a date or a time — {END_HINT}") from None


EndTime = Annotated[dt.date | dt.datetime | dt.time, BeforeValidator(parse_end)]


class Event(ContentModel):
    title: Text = Field(description="The event's name.", examples=["title: Peer gathering"])
    summary: Text = Field(
        description="One or two sentences for listings, feeds and calendars.",
        examples=["summary: A meal and a talk among sex workers, no staff in the room."],
    )
    start: DateOrDateTime = Field(
        description="When it starts, in the site's time zone: a date and time, or only a date for all-day events.",
        examples=["start: 2026-11-26 18:30"],
    )
    end: EndTime | None = Field(
        None,
        description="When it ends: a time the same day, or a date and time; for all-day events, the last day.",
        examples=["end: 20:30"],
    )
    all_day: bool = Field(
        False, description="true for a day without set hours, such as December 17.", examples=["all_day: true"]
    )
    recurrence: Recurrence | None = Field(
        None,
        description="How it repeats: yearly, monthly or weekly, or a group with frequency, on and until.",
        examples=["recurrence: yearly"],
    )
    location: Location | None = Field(
        None,
        description="Where: a public place (name, address, city, accessibility), or confidential: true with a note.",
        examples=["location:\n  confidential: true\n  note: The address is given in person or by phone."],
    )
    alert: Notice | None = Field(
        None,
        description="A short notice shown prominently (a change of place, a cancelled date); "
        "with 'until', it ends by itself.",
        examples=["alert: This month, we meet at the library.", NOTICE_EXAMPLE],
    )
    registration: Text | None = Field(
        None,
        description="How to sign up, if people need to.",
        examples=["registration: Text 514-555-0142 to save a spot."],
    )
    lang: Key | None = Field(None, description="The event's language: en or fr.", examples=["lang: fr"])
    translation_key: Key | None = Field(
        None, description="Shared with the event's translation.", examples=["translation_key: peer-gathering"]
    )
    status: Status = Field("draft", description="draft, review or published.", examples=["status: published"])
    noindex: bool = Field(
        False, description="true keeps the event out of search engines and the sitemap.", examples=["noindex: true"]
    )
    announce: Announce | None = Field(
        None,
        description="A forum announcement for this event: headline, text and optionally until.",
        examples=["announce:\n  headline: Peer gathering this Thursday\n  text: Come share a meal."],
    )
