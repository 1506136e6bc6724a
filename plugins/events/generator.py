"""The events' pages: one per event, the upcoming dates, and the past events."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

from relais.generators import EntryGenerator, EntryPage
from relais.site import Site

from .schedule import Occurrence, Schedule

# How far ahead the upcoming page looks, and how many dates of one event it shows.
DEFAULT_HORIZON_DAYS = 92
DEFAULT_MAX_REPEATS = 3


@dataclass(frozen=True)
class DatedEvent:
    """One date of one event, as the upcoming page lists it."""

    occurrence: Occurrence
    page: EntryPage


@dataclass(frozen=True)
class Month:
    first_day: dt.date
    events: list[DatedEvent]


def horizon(settings: dict[str, Any]) -> dt.timedelta:
    return dt.timedelta(days=int(settings.get("EVENTS_HORIZON_DAYS") or DEFAULT_HORIZON_DAYS))


def max_repeats(settings: dict[str, Any]) -> int:
    return int(settings.get("EVENTS_MAX_REPEATS") or DEFAULT_MAX_REPEATS)


def upcoming_dates(pages: list[EntryPage], now: dt.datetime, settings: dict[str, Any]) -> list[DatedEvent]:
    """The dates within the horizon, each event's next date at least, soonest first."""
    until = now + horizon(settings)
    dated = []
    for page in pages:
        schedule: Schedule = page.schedule
        occurrences = schedule.upcoming(now, max_repeats(settings), until) or schedule.upcoming(now, 1)
        dated.extend(DatedEvent(occurrence, page) for occurrence in occurrences)
    return sorted(dated, key=lambda item: (item.occurrence.starts_at, item.page.title))


def by_month(dated: list[DatedEvent]) -> list[Month]:
    def month(item: DatedEvent) -> dt.date:
        return item.occurrence.starts_at.date().replace(day=1)

    return [Month(first, list(items)) for first, items in itertools.groupby(dated, key=month)]


def past_events(pages: list[EntryPage], now: dt.datetime) -> list[DatedEvent]:
    """Events with no date left, the most recent first, each with its last date."""
    past = []
    for page in pages:
        if page.is_over:
            last = page.schedule.last_before(now)
            if last is not None:
                past.append(DatedEvent(last, page))
    return sorted(past, key=lambda item: item.occurrence.starts_at, reverse=True)


class EventGenerator(EntryGenerator):
    content_type = "event"
    template = "event"

    def extra_fields(self, page: EntryPage, site: Site) -> dict[str, Any]:
        schedule = Schedule(page.entry.data, site.config.zone)
        now = site.clock.now
        data = page.entry.data
        return {
            "schedule": schedule,
            "next_dates": schedule.upcoming(now, max_repeats(self.settings)),
            "cancelled_dates": schedule.cancelled_dates(now, now + horizon(self.settings)),
            "is_over": schedule.is_over(now),
            "location_text": data.location.public_text if data.location else "",
            # The notice while it is up: templates show `alert` as text.
            "alert": data.alert.shown_at(now, site.config.zone) if data.alert else None,
        }

    def sort_key(self, page: EntryPage) -> Any:
        return (page.schedule.first.starts_at, page.slug)

    def generate_output(self, writer: Any) -> None:
        super().generate_output(writer)
        site: Site | None = self.settings.get("RELAIS")
        if site is None:
            return
        now = site.clock.now
        listings = {
            "EVENTS": ("events", {"months": by_month(upcoming_dates(self.items, now, self.settings))}),
            "PAST_EVENTS": ("events_past", {"past": past_events(self.items, now)}),
        }
        for setting, (template, values) in listings.items():
            save_as = self.settings.get(f"{setting}_SAVE_AS")
            if save_as:
                writer.write_file(
                    save_as,
                    self.get_template(template),
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    url=self.settings[f"{setting}_URL"],
                    **values,
                )
