"""Events: a content type (content/events/), their pages, and their feed.

Each event has a page; the upcoming page lists the next dates (recurring
events expanded), the past page the events that are over.  "Upcoming" is
relative to the build's clock.
"""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.generators import Generator

from relais.content_types import ContentType
from relais.site import SETTINGS_KEY

from . import checks
from .dates import filters
from .feed import event_feeds
from .generator import EventGenerator
from .schema import Event
from .status import event_endings

EVENT = ContentType("event", "events", Event, checks=checks.CHECKS)

CONTENT_TYPES = (EVENT,)
STATUS_ENDINGS = (event_endings,)
FEEDS = (event_feeds,)
THEME_SLOTS = {"menu": ["partials/events_menu.html"]}


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


__all__ = ["CONTENT_TYPES", "FEEDS", "THEME_SLOTS", "register"]
