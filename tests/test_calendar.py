"""The demo's calendars, read by the icalendar library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrulestr

from tests.feed_helpers import output_file
from tests.helpers import copy_minimal, publish, tree_digest, write

ZONE = ZoneInfo("America/Toronto")


def calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def events_of(path: Path) -> dict[str, icalendar.Event]:
    return {str(event["summary"]): event for event in calendar(path).walk("VEVENT")}


def dates_in(event: icalendar.Event, year: int) -> list[dt.date]:
    """The dates a calendar app shows for the event during a year."""
    start = event.decoded("dtstart")
    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=first.replace(tzinfo=None))
    return [day.date() for day in rule.between(dt.datetime(year, 1, 1), dt.datetime(year, 12, 31, 23, 59))]


def test_every_calendar_parses_with_a_time_zone_and_stable_fields(demo_site: Path) -> None:
    files = sorted(demo_site.glob("*/events/*.ics"))
    assert len(files) > 4
    for path in files:
        parsed = calendar(path)
        assert parsed["version"] == "2.0" and parsed["prodid"]
        events = list(parsed.walk("VEVENT"))
        assert events, path
        if any(isinstance(event.decoded("dtstart"), dt.datetime) for event in events):
            assert [str(zone["tzid"]) for zone in parsed.walk("VTIMEZONE")] == ["America/Toronto"], path
        for event in events:
            assert str(event["uid"]).endswith("@lanterne.example.org")
            # The build's clock, 2026-11-22 at the end of the day in Port-Lumière.
            assert event.decoded("dtstamp") == dt.datetime(2026, 11, 23, 4, 59, 59, tzinfo=dt.UTC)
            assert output_file(demo_site, str(event["url"])).is_file()
        uids = [str(event["uid"]) for event in events]
        assert len(uids) == len(set(uids))


CALENDAR = {"en": "en/events/calendar.ics", "fr": "fr/evenements/calendrier.ics"}


def test_the_advocacy_days_recur_every_year(demo_site: Path) -> None:
    for lang, titles in {
        "en": ("December 17", "March 3", "June 2"),
        "fr": ("17 décembre", "3 mars", "2 juin"),
    }.items():
        events = events_of(demo_site / CALENDAR[lang])
        days = {title.split(":")[0].strip(): event for title, event in events.items() if event.get("rrule")}
        for title, (month, day) in zip(titles, [(12, 17), (3, 3), (6, 2)], strict=True):
            event = days[title]
            assert event["rrule"]["FREQ"] == ["YEARLY"]
            assert not isinstance(event.decoded("dtstart"), dt.datetime)  # a whole day
            for year in (2027, 2030):
                assert dates_in(event, year) == [dt.date(year, month, day)]


def test_the_peer_gathering_is_the_last_thursday_at_the_same_local_time(demo_site: Path) -> None:
    event = events_of(demo_site / "en/events/calendar.ics")["Peer gathering"]
    assert event["rrule"]["BYDAY"] == ["-1TH"]
    start = event.decoded("dtstart")
    assert start == dt.datetime(2026, 1, 29, 18, 30, tzinfo=ZONE) and str(start.tzinfo) == "America/Toronto"
    assert event.decoded("dtend") - start == dt.timedelta(hours=2)
    assert dates_in(event, 2027)[:3] == [dt.date(2027, 1, 28), dt.date(2027, 2, 25), dt.date(2027, 3, 25)]


def test_confidential_places_are_only_their_note(demo_site: Path) -> None:
    gathering = events_of(demo_site / "en/events/peer-gathering.ics")["Peer gathering"]
    assert str(gathering["location"]) == (
        "At the drop-in centre. The address is given in person or by phone (514-555-0187)."
    )
    workshop = events_of(demo_site / "fr/evenements/calendrier.ics")["Atelier : annonces en ligne et vie privée"]
    assert (
        str(workshop["location"]) == "Bibliothèque centrale de Port-Lumière, salle B, 120, rue des Phares, Port-Lumière"
    )


def test_only_upcoming_events_are_in_the_calendars(demo_site: Path) -> None:
    titles = set(events_of(demo_site / "en/events/calendar.ics"))
    assert "Workshop: taxes for independent workers" not in titles
    assert not (demo_site / "en/events/tax-workshop.ics").exists()
    assert len(titles) == 5


def test_each_upcoming_event_page_offers_its_calendar_file(demo_site: Path) -> None:
    page = (demo_site / "fr/evenements/rencontre-entre-pairs/index.html").read_text(encoding="utf-8")
    assert '<a href="/fr/evenements/rencontre-entre-pairs.ics" download>Ajouter à mon agenda</a>' in page
    single = events_of(demo_site / "fr/evenements/rencontre-entre-pairs.ics")
    assert list(single) == ["Rencontre entre pairs"]
    assert "Ajouter à mon agenda" not in (demo_site / "fr/evenements/atelier-impots/index.html").read_text()


EVENT = """---
title: Outreach night
summary: On the street with hot chocolate.
start: 2026-03-03 20:00
end: 00:00
recurrence:
  frequency: weekly
  until: 2026-04-28
location:
  confidential: true
  note: Ask the outreach team.
lang: en
status: published
---

Text us to meet the van.
"""


def test_calendars_are_byte_identical_from_build_to_build(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write(content, "events/outreach-night.md", EVENT)
    digests = []
    for name in ("one", "two"):
        result = publish("build", "--content", str(content), "--output", str(tmp_path / name), "--today", "2026-02-15")
        assert result.returncode == 0, result.stderr
        digests.append(tree_digest(tmp_path / name))
    assert digests[0] == digests[1]
    event = events_of(tmp_path / "one/en/events/outreach-night.ics")["Outreach night"]
    # UNTIL is in UTC when the start has a time zone (RFC 5545).
    assert event["rrule"]["UNTIL"] == [dt.datetime(2026, 4, 29, 3, 59, 59, tzinfo=dt.UTC)]
    assert event.decoded("dtend") == dt.datetime(2026, 3, 4, 0, 0, tzinfo=ZONE)
