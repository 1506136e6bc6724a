"""Events: a content type (content/events/), their pages, and their feed.

Each event has a page; the upcoming page lists the next dates (recurring
events expanded), the past page the events that are over.  "Upcoming" is
relative to the build's clock.
"""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.generators import Generator

from relais.content import Entry
from relais.content_types import ContentType
from relais.site import SETTINGS_KEY, Site

from . import checks
from .dates import filters, short_when, when
from .feed import event_feeds
from .generator import EventGenerator
from .schedule import Schedule
from .schema import Event
from .status import event_endings

EVENT = ContentType("event", "events", Event, checks=checks.CHECKS)

CONTENT_TYPES = (EVENT,)
STATUS_ENDINGS = (event_endings,)
FEEDS = (event_feeds,)
THEME_SLOTS = {"menu": ["partials/events_menu.html"]}


def announced_time(entry: Entry, site: Site) -> tuple[str, str] | None:
    """An event's next date and time, for its forum announcements: in words, and short.

    Forum announcements (plugins/announcements) put it in every snippet, so
    the 280-character short text keeps the day and time whatever it cuts.
    """
    if entry.type.name != EVENT.name or not entry.valid:
        return None
    occurrence = Schedule(entry.data, site.config.zone).next(site.clock.now)
    if occurrence is None:
        return None
    locale = site.config.LANGUAGES[entry.lang].locale
    return when(occurrence, locale), short_when(occurrence, locale)


ANNOUNCED_TIMES = (announced_time,)


def event_generator(_pelican: Any) -> type[Generator]:
    return EventGenerator


def add_filters(generator: Generator) -> None:
    site = generator.settings.get(SETTINGS_KEY)
    lang = generator.settings["DEFAULT_LANG"]
    if site is not None and lang in site.config.LANGUAGES:
        generator.env.filters.update(filters(site.config.LANGUAGES[lang].locale))


def register() -> None:
    signals.get_generators.connect(event_generator)
    signals.generator_init.connect(add_filters)


__all__ = ["ANNOUNCED_TIMES", "CONTENT_TYPES", "FEEDS", "THEME_SLOTS", "register"]
