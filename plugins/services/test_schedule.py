"""Schedules: how writers type hours and days, and openings across daylight-saving changes."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from services.schedule import day_ranges, ical_byday, next_opening, opening_on, openings, week_of_month
from services.schema import Slot
from services.times import parse_days, parse_time, parse_weeks

TORONTO = zoneinfo.ZoneInfo("America/Toronto")


@pytest.mark.parametrize(
    ("written", "minutes"),
    [
        ("18:00", 18 * 60),
        ("09:30", 9 * 60 + 30),
        ("18 h 30", 18 * 60 + 30),
        ("18h", 18 * 60),
        ("6 pm", 18 * 60),
        ("6:30 p.m.", 18 * 60 + 30),
        ("12 am", 0),
        ("24:00", 24 * 60),
        (1110, 18 * 60 + 30),  # YAML 1.1 reads an unquoted 18:30 as 1110
        (18, 18 * 60),  # `opens: 18`
    ],
)
def test_times_as_writers_type_them(written: object, minutes: int) -> None:
    assert parse_time(written) == minutes


@pytest.mark.parametrize("written", ["25:00", "18:75", "13 pm", "soon", 30, True])
def test_impossible_times_are_refused_with_a_hint(written: object) -> None:
    with pytest.raises(ValueError, match="time"):
        parse_time(written)


def test_days_in_english_french_and_groups() -> None:
    assert parse_days(["monday", "Jeudi", "tue"]) == (0, 1, 3)
    assert parse_days("weekdays") == (0, 1, 2, 3, 4)
    assert parse_days("tous les jours") == tuple(range(7))
    with pytest.raises(ValueError, match="did you mean 'thursday'"):
        parse_days(["thursdy"])


def test_weeks_of_the_month() -> None:
    assert parse_weeks(["third", "premier"]) == ("first", "third")
    assert parse_weeks("dernier") == ("last",)
    with pytest.raises(ValueError, match="did you mean 'second'"):
        parse_weeks(["secnd"])


def test_midnight_close_is_the_end_of_the_day_not_the_next_day() -> None:
    slot = Slot(days=["tuesday"], opens="20:00", closes="00:00")
    assert slot.closes == 24 * 60 and not slot.overnight
    opening = opening_on(slot, dt.date(2026, 11, 24), TORONTO)
    assert opening is not None and opening.end == dt.datetime(2026, 11, 25, 0, 0, tzinfo=TORONTO)


def test_wall_clock_hours_stay_put_across_daylight_saving() -> None:
    slot = Slot(days=["monday"], opens="18:00", closes="22:00")
    summer = opening_on(slot, dt.date(2026, 6, 1), TORONTO)
    winter = opening_on(slot, dt.date(2026, 11, 23), TORONTO)
    assert summer and winter
    assert summer.start.hour == winter.start.hour == 18
    assert summer.start.utcoffset() == dt.timedelta(hours=-4)
    assert winter.start.utcoffset() == dt.timedelta(hours=-5)
    assert summer.start.astimezone(dt.UTC).hour == 22 and winter.start.astimezone(dt.UTC).hour == 23


def test_overnight_slot_over_the_autumn_change_lasts_an_hour_longer() -> None:
    # Clocks go back at 2:00 on Sunday, November 1, 2026.
    slot = Slot(days=["saturday"], opens="22:00", closes="02:00")
    assert slot.overnight
    opening = opening_on(slot, dt.date(2026, 10, 31), TORONTO)
    assert opening is not None
    assert opening.end.date() == dt.date(2026, 11, 1) and opening.end.hour == 2
    assert opening.end.astimezone(dt.UTC) - opening.start.astimezone(dt.UTC) == dt.timedelta(hours=5)


def test_time_skipped_in_spring_moves_forward() -> None:
    # 2:30 does not exist on Sunday, March 8, 2026.
    slot = Slot(days=["sunday"], opens="02:30", closes="04:00")
    opening = opening_on(slot, dt.date(2026, 3, 8), TORONTO)
    assert opening is not None and opening.start.hour == 3 and opening.start.utcoffset() == dt.timedelta(hours=-4)


def test_monthly_slots_find_their_week() -> None:
    last_thursday = Slot(days=["thursday"], weeks=["last"], opens="18:00", closes="21:00")
    dates = [o.start.date() for o in openings([last_thursday], dt.date(2026, 11, 1), 62, TORONTO)]
    assert dates == [dt.date(2026, 11, 26), dt.date(2026, 12, 31)]
    assert "last" in week_of_month(dt.date(2026, 11, 26)) and "fourth" in week_of_month(dt.date(2026, 11, 26))
    first_tuesday = Slot(days=["tuesday"], weeks=["first"], opens="13:00", closes="16:00")
    after = dt.datetime(2026, 11, 22, 12, tzinfo=TORONTO)
    found = next_opening(first_tuesday, after, TORONTO)
    assert found is not None and found.start.date() == dt.date(2026, 12, 1)
    assert ical_byday(first_tuesday) == "1TU" and ical_byday(last_thursday) == "-1TH"


def test_weekly_rule_and_day_ranges() -> None:
    slot = Slot(days=["monday", "tuesday", "wednesday", "thursday", "saturday"], opens="18:00", closes="22:00")
    assert ical_byday(slot) == "MO,TU,WE,TH,SA"
    assert day_ranges(slot.days) == [(0, 3), (5, 5)]
