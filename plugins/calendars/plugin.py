"""Pelican side of the calendar: one .ics per language and one per event."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from feeds.plugin import translator
from pelican import signals
from pelican.generators import Generator

from relais.digest import pure
from relais.generators import EntryPage
from relais.site import SETTINGS_KEY, Site

from .ical import calendar_bytes, new_calendar


def event_calendar_url(settings: dict[str, Any], page: EntryPage) -> str:
    return settings["EVENT_ICS_URL"].format(slug=page.slug, lang=page.lang)


def add_template_helpers(generator: Generator) -> None:
    settings = generator.settings
    if settings.get("EVENT_ICS_URL"):
        generator.env.globals["event_calendar_url"] = pure(functools.partial(event_calendar_url, settings))
    if settings.get("CALENDAR_URL"):
        generator.env.globals["language_calendar_url"] = settings["CALENDAR_URL"]


class CalendarGenerator(Generator):
    """Writes the language's calendar of upcoming events, and each upcoming event's own file."""

    def generate_context(self) -> None:
        """Nothing to read: the events generator has the events."""

    def generate_output(self, writer: Any) -> None:
        site: Site | None = self.settings.get(SETTINGS_KEY)
        lang = self.settings["DEFAULT_LANG"]
        if site is None or lang not in site.config.LANGUAGES:
            return
        now = site.clock.now
        upcoming = [page for page in self.context.get("event_pages", []) if not page.is_over]
        translate = translator(site, self.settings, lang)
        name = translate("%(site)s: events") % {"site": site.config.SITENAME}
        description = site.config.SITE_DESCRIPTION.get(lang, site.config.SITENAME)
        if self.settings.get("CALENDAR_SAVE_AS"):
            self._write(
                self.settings["CALENDAR_SAVE_AS"],
                calendar_bytes(new_calendar(name, description), upcoming, self.settings, now),
            )
        if self.settings.get("EVENT_ICS_SAVE_AS"):
            for page in upcoming:
                save_as = self.settings["EVENT_ICS_SAVE_AS"].format(slug=page.slug, lang=page.lang)
                self._write(save_as, calendar_bytes(new_calendar(page.title, name), [page], self.settings, now))

    def _write(self, save_as: str, data: bytes) -> None:
        target = Path(self.output_path, save_as)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def calendar_generator(_pelican: Any) -> type[Generator]:
    return CalendarGenerator


def register() -> None:
    signals.get_generators.connect(calendar_generator)
    signals.generator_init.connect(add_template_helpers)
