"""Dates of events: recurrences expanded in the site's zone, relative to a fixed clock."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pytest

from events.recurrence import parse_on
from events.schedule import Schedule
from events.schema import Event

ZONE = zoneinfo.ZoneInfo("America/Toronto")


def schedule(**fields: Any) -> Schedule:
    return Schedule(Event.model_validate({"title": "T", "summary": "S", **fields}), ZONE)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=ZONE)


def test_last_thursday_of_every_month_keeps_its_local_time_across_clock_changes() -> None:
    gathering = schedule(
        start="2026-01-29 18:30", end="20:30", recurrence={"frequency": "monthly", "on": "last thursday"}
    )
    dates = gathering.upcoming(at("2026-02-01 00:00"), limit=3)
    assert [d.start for d in dates] == [at("2026-02-26 18:30"), at("2026-03-26 18:30"), at("2026-04-30 18:30")]
    assert [d.start.utcoffset() for d in dates] == [
        dt.timedelta(hours=-5),
        dt.timedelta(hours=-4),
        dt.timedelta(hours=-4),
    ]
    assert all(d.end - d.start == dt.timedelta(hours=2) for d in dates)


def test_a_date_going_on_is_still_upcoming() -> None:
    gathering = schedule(start="2026-01-29 18:30", end="20:30", recurrence="monthly")
    assert gathering.next(at("2026-03-29 19:00")).start == at("2026-03-29 18:30")
    assert gathering.next(at("2026-03-29 20:30")).start == at("2026-04-29 18:30")


def test_yearly_all_day_event() -> None:
    day = schedule(start="2025-12-17", all_day=True, recurrence="yearly")
    assert [d.start for d in day.upcoming(at("2026-11-22 12:00"), limit=2)] == [
        dt.date(2026, 12, 17),
        dt.date(2027, 12, 17),
    ]
    # All day long, until midnight.
    assert day.next(at("2026-12-17 23:59")).start == dt.date(2026, 12, 17)
    assert day.next(at("2026-12-18 00:00")).start == dt.date(2027, 12, 17)


def test_multi_day_all_day_event() -> None:
    retreat = schedule(start="2026-07-10", end="2026-07-12", all_day=True)
    only = retreat.next(at("2026-07-11 09:00"))
    assert (only.start, only.end, only.days) == (dt.date(2026, 7, 10), dt.date(2026, 7, 12), 3)
    assert retreat.is_over(at("2026-07-13 00:00"))


def test_weekly_until_a_last_day() -> None:
    outreach = schedule(
        start="2026-11-03 20:00", end="00:00", recurrence={"frequency": "weekly", "until": "2026-11-17"}
    )
    dates = outreach.upcoming(at("2026-11-01 00:00"), limit=10)
    assert [d.start.day for d in dates] == [3, 10, 17]
    assert dates[0].end == at("2026-11-04 00:00")  # an end before the start is the next day
    assert outreach.is_over(at("2026-11-18 00:00"))
    assert outreach.last_before(at("2026-12-01 00:00")).start == at("2026-11-17 20:00")


def test_a_one_off_event_is_over_once_it_ends() -> None:
    workshop = schedule(start="2026-12-05 13:00", end="16:00")
    assert not workshop.is_over(at("2026-12-05 15:59"))
    assert workshop.is_over(at("2026-12-05 16:00"))
    assert workshop.last_before(at("2026-12-04 00:00")) is None


def test_upcoming_stops_at_the_horizon() -> None:
    gathering = schedule(
        start="2026-01-29 18:30", end="20:30", recurrence={"frequency": "monthly", "on": "last thursday"}
    )
    dates = gathering.upcoming(at("2026-11-22 00:00"), limit=10, until=at("2027-01-01 00:00"))
    assert [d.start.date() for d in dates] == [dt.date(2026, 11, 26), dt.date(2026, 12, 31)]


def test_a_time_zone_in_the_start_is_converted_to_the_site_zone() -> None:
    online = schedule(start="2026-06-01 12:00Z", end="2026-06-01 13:00Z")
    assert online.first.start == at("2026-06-01 08:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("last thursday", (-1, 3)), ("2nd Tuesday", (2, 1)), ("the first monday", (1, 0)), ("dernier jeudi", (-1, 3))],
)
def test_days_of_the_month_in_both_languages(text: str, expected: tuple[int, int]) -> None:
    assert parse_on(text) == expected


def test_unquoted_times_read_by_yaml_as_numbers_are_understood() -> None:
    # YAML 1.1 reads `end: 20:30` as 1230 (base 60).
    assert Event.model_validate(
        {"title": "T", "summary": "S", "start": "2026-01-29 18:30", "end": 1230}
    ).end == dt.time(20, 30)
