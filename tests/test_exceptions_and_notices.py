"""Exception dates of recurring events, notices that end by themselves, and calendars that libical accepts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import lxml.html
import pytest
from dateutil.rrule import rruleset, rrulestr

from relais.build import BuildOptions, check
from tests.helpers import ROOT, copy_minimal, publish, write
from tests.libical import libical_errors

ZONE = ZoneInfo("America/Toronto")

GATHERING = """---
title: Soup night
summary: Soup and company every Thursday.
start: 2026-02-05 18:00
end: 20:00
recurrence:
  frequency: weekly
  cancelled: [2026-02-19, 2026-03-05]
{alert}location:
  confidential: true
  note: Ask the outreach team.
lang: en
status: published
---

Come hungry.
"""

ALL_DAY = """---
title: Day of action
summary: A day to be seen.
start: 2026-03-03
all_day: true
recurrence:
  frequency: yearly
  cancelled: 2027-03-03
lang: en
status: published
---

Join us.
"""


def build(content: Path, output: Path, today: str) -> Path:
    result = publish("build", "--content", str(content), "--output", str(output), "--today", today)
    assert result.returncode == 0, result.stderr
    return output


def dates_of(event: icalendar.Event, until: dt.datetime) -> list[dt.datetime]:
    """The dates a calendar application shows: RRULE minus EXDATE, as dateutil computes them."""
    start = event.decoded("dtstart")
    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time(), tzinfo=ZONE)
    rules = rruleset()
    rules.rrule(rrulestr(event["rrule"].to_ical().decode(), dtstart=first))
    for exdate in event.get("exdate") if isinstance(event.get("exdate"), list) else [event.get("exdate")]:
        for value in exdate.dts:
            day = value.dt
            rules.exdate(day if isinstance(day, dt.datetime) else dt.datetime.combine(day, dt.time(), tzinfo=ZONE))
    return list(rules.between(first - dt.timedelta(seconds=1), until))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exceptions")
    content = copy_minimal(folder)
    alert = "alert:\n  text: We meet in the library this month.\n  until: 2026-02-28\n"
    write(content, "events/soup-night.md", GATHERING.format(alert=alert))
    write(content, "events/day-of-action.md", ALL_DAY)
    return build(content, folder / "out", "2026-02-10")


def test_a_cancelled_evening_is_left_out_of_the_dates_but_the_series_goes_on(built: Path) -> None:
    page = lxml.html.parse(str(built / "en/events/soup-night/index.html"))
    shown = [time.get("datetime")[:10] for time in page.iterfind(".//ul[@class='event-dates']//time")]
    assert shown == ["2026-02-12", "2026-02-26", "2026-03-12"]
    cancelled = [time.get("datetime")[:10] for time in page.iterfind(".//ul[@class='event-cancelled']//time")]
    assert cancelled == ["2026-02-19", "2026-03-05"]
    listing = (built / "en/events/index.html").read_text(encoding="utf-8")
    assert 'datetime="2026-02-19' not in listing and 'datetime="2026-02-26' in listing


def test_calendars_carry_the_cancelled_dates_as_exdate(built: Path) -> None:
    calendar = icalendar.Calendar.from_ical((built / "en/events/soup-night.ics").read_bytes())
    [event] = calendar.walk("VEVENT")
    text = (built / "en/events/soup-night.ics").read_text()
    assert "EXDATE;TZID=America/Toronto:20260219T180000,20260305T180000" in text
    dates = [day.date() for day in dates_of(event, dt.datetime(2026, 3, 13, tzinfo=ZONE))]
    assert dt.date(2026, 2, 19) not in dates and dt.date(2026, 3, 5) not in dates
    assert dt.date(2026, 2, 26) in dates and dt.date(2026, 3, 12) in dates
    yearly = (built / "en/events/day-of-action.ics").read_text()
    assert "EXDATE;VALUE=DATE:20270303" in yearly


def test_every_calendar_passes_libicals_checks(built: Path, demo_site: Path) -> None:
    files = sorted([*built.glob("*/events/*.ics"), *demo_site.glob("*/events/*.ics")])
    assert len(files) > 8
    for path in files:
        assert libical_errors(path.read_bytes()) == [], path
        assert "METHOD:" not in path.read_text()


def test_libical_rejects_what_it_should() -> None:
    """The check can fail: the file the calendars used to write (METHOD:PUBLISH, no ORGANIZER) is refused."""
    old = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Relais//Events//EN\r\nMETHOD:PUBLISH\r\n"
        "BEGIN:VEVENT\r\nUID:a@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260102T100000Z\r\n"
        "SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    [error] = libical_errors(old.encode())
    assert "ORGANIZER" in error


def test_an_event_notice_is_shown_until_its_day(built: Path, tmp_path: Path) -> None:
    notice = "We meet in the library this month."
    assert notice in (built / "en/events/soup-night/index.html").read_text(encoding="utf-8")
    assert notice in (built / "en/events/index.html").read_text(encoding="utf-8")
    content = copy_minimal(tmp_path)
    alert = "alert:\n  text: We meet in the library this month.\n  until: 2026-02-28\n"
    write(content, "events/soup-night.md", GATHERING.format(alert=alert))
    later = build(content, tmp_path / "out", "2026-03-01")
    assert notice not in (later / "en/events/soup-night/index.html").read_text(encoding="utf-8")


def test_a_service_notice_ends_by_itself_and_leaves_the_open_data(demo_site: Path, tmp_path: Path) -> None:
    notice = "Closed from December 24 to January 1."
    assert notice in (demo_site / "en/services/drop-in/index.html").read_text(encoding="utf-8")
    result = publish("build", "--output", str(tmp_path / "out"), "--today", "2027-01-02")
    assert result.returncode == 0, result.stderr
    for name in ("en/services/drop-in/index.html", "en/services/index.html", "en/services/timetable/index.html"):
        assert notice not in (tmp_path / "out" / name).read_text(encoding="utf-8"), name
    assert notice not in (tmp_path / "out/en/services.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("cancelled", "what", "fix"),
    [
        ("[2026-02-20]", "2026-02-20 is not one of this event's dates", "such as 2026-02-19 or 2026-02-26"),
        ("[2026-02-19 18:00]", "only the day is needed", "2026-02-19"),
        ("[someday]", "'someday' is not a date", "YYYY-MM-DD"),
    ],
)
def test_a_cancelled_day_must_be_a_date_of_the_series(tmp_path: Path, cancelled: str, what: str, fix: str) -> None:
    content = copy_minimal(tmp_path)
    text = GATHERING.format(alert="").replace("[2026-02-19, 2026-03-05]", cancelled)
    write(content, "events/soup-night.md", text)
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    [problem] = [p for p in result.problems if p.file.endswith("soup-night.md")]
    assert problem.line == 8 and problem.field.startswith("recurrence.cancelled") and problem.severity.value == "error"
    assert what in problem.what and fix in problem.fix, problem.format()
