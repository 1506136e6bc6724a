"""What ``publish.py status`` says about events: those whose last date comes soon or has just passed, and notices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from relais.i18n import _
from relais.site import Site
from relais.status import Ending, endings_of

from .schedule import Schedule


def event_endings(site: Site) -> list[Ending]:
    return endings_of(_rows(site))


def _rows(site: Site) -> Iterator[tuple]:
    zone = site.config.zone
    for entry in site.index.published("event"):
        schedule = Schedule(entry.data, zone)
        yield entry, "event", _("event"), last_end(schedule)
        alert = entry.data.alert
        if alert is not None:
            yield entry, "event notice", _("event notice"), alert.ends(zone)


def last_end(schedule: Schedule) -> dt.datetime | None:
    """When the event's last date is over; None for a series that goes on."""
    if schedule.rule is None:
        return schedule.first.ends_at
    if schedule.recurrence is None or schedule.recurrence.until is None:
        return None
    until = schedule.recurrence.until
    last_day = until.date() if isinstance(until, dt.datetime) else until
    last = schedule.last_before(dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), tzinfo=schedule.zone))
    return last.ends_at if last is not None else None
