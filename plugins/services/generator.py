"""Service pages, the directory and the weekly timetable, one set per language."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from babel import Locale
from babel.dates import format_date, format_time, get_day_names
from pelican.generators import Generator

from relais.generators import EntryGenerator, EntryPage
from relais.site import SETTINGS_KEY, Site

from .config import service_settings
from .schedule import clock_time, day_ranges, next_opening, week_rows


@dataclass(frozen=True)
class CategoryGroup:
    key: str
    label: str
    services: list[EntryPage]


class ServiceGenerator(EntryGenerator):
    content_type = "service"
    template = "service"
    listing_template = None  # the directory is written below, grouped by category

    def extra_fields(self, page: EntryPage, site: Site) -> dict[str, Any]:
        config = service_settings(self.settings)
        lang = page.lang
        data = page.entry.data
        locale = Locale.parse(site.config.LANGUAGES[lang].locale)
        return {
            "category_label": config.category_label(data.category, lang),
            "audience_labels": [config.audience_label(key, lang) for key in data.audience],
            "language_names": [locale.languages.get(code.lower(), code) for code in data.languages],
            "closed": data.status == "temporarily-closed",
            # The notice while it is up: templates show `alert` as text.
            "alert": data.alert.shown_at(site.clock.now, site.config.zone) if data.alert else None,
            "next_openings": [
                (slot, next_opening(slot, site.clock.now, site.config.zone)) for slot in data.schedule if slot.weeks
            ],
        }

    def generate_output(self, writer: Any) -> None:
        super().generate_output(writer)
        site: Site | None = self.settings.get(SETTINGS_KEY)
        if site is None:
            return
        common = {"relative_urls": self.settings["RELATIVE_URLS"]}
        writer.write_file(
            self.settings["SERVICES_SAVE_AS"],
            self.get_template("services"),
            self.context,
            groups=self.groups(),
            url=self.settings["SERVICES_URL"],
            **common,
        )
        writer.write_file(
            self.settings["TIMETABLE_SAVE_AS"],
            self.get_template("timetable"),
            self.context,
            week=week_rows(self.items),
            by_appointment=[page for page in self.items if any(slot.by_appointment for slot in page.schedule)],
            url=self.settings["TIMETABLE_URL"],
            **common,
        )

    def groups(self) -> list[CategoryGroup]:
        config = service_settings(self.settings)
        lang = self.settings["DEFAULT_LANG"]
        return [
            CategoryGroup(key, config.category_label(key, lang), services)
            for key in config.SERVICE_CATEGORIES
            if (services := [page for page in self.items if page.entry.data.category == key])
        ]


def schedule_filters(locale: str) -> dict[str, Any]:
    """Jinja filters that write schedules in the run's language (Babel's words)."""
    days = get_day_names("wide", locale=locale)
    short_days = get_day_names("abbreviated", locale=locale)
    return {
        "clock": lambda minutes: format_time(clock_time(minutes), format="short", locale=locale),
        "day_name": lambda day: days[day],
        "day_short": lambda day: short_days[day],
        "day_ranges": day_ranges,
        "sentence": lambda text: str(text)[:1].upper() + str(text)[1:],
        "weekday_date": functools.partial(format_date, format="full", locale=locale),
    }


def install_filters(generator: Generator) -> None:
    site = generator.settings.get(SETTINGS_KEY)
    lang = generator.settings["DEFAULT_LANG"]
    if site is None or lang not in site.config.LANGUAGES:
        return
    generator.env.filters.update(schedule_filters(site.config.LANGUAGES[lang].locale))


def get_generators(_pelican: Any) -> type[Generator]:
    return ServiceGenerator
