"""Translate the theme with gettext catalogs and write dates with Babel.

Catalogs are the theme's ``translations/<lang>/LC_MESSAGES/*.po`` files
(``messages.po`` for the core theme, one more file per feature, so features
do not edit the same file), merged and compiled in memory (no .mo files to
forget to rebuild).  Templates use
``{% trans %}`` / ``_()``; dates use the ``long_date`` and ``iso_date``
filters, so "3 novembre 2026" and "November 3, 2026" come from Babel's
locale data rather than the machine's locale.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_datetime
from babel.support import NullTranslations
from pelican import signals
from pelican.generators import Generator

from relais.digest import pure
from relais.i18n import compiled_catalog
from relais.site import SETTINGS_KEY

from .times import joined_range

CATALOGS = "translations/{lang}/LC_MESSAGES"


@functools.cache
def load_translations(theme: str, lang: str, locale: str) -> NullTranslations:
    """Compile the theme's catalogs for a language; English falls back to the msgids."""
    po_paths = sorted(Path(theme, CATALOGS.format(lang=lang)).glob("*.po"))
    if not po_paths:
        return NullTranslations()
    translations = compiled_catalog(po_paths[0], locale)
    for po_path in po_paths[1:]:
        translations.merge(compiled_catalog(po_path, locale))
    return translations


def long_date(value: dt.date, locale: str) -> str:
    return format_date(value, format="long", locale=locale)


def short_date(value: dt.date, locale: str) -> str:
    return format_date(value, format="medium", locale=locale)


def date_time(value: dt.datetime, locale: str) -> str:
    return format_datetime(value, format="long", locale=locale)


def iso_date(value: dt.date) -> str:
    return value.isoformat()


def install(generator: Generator) -> None:
    site = generator.settings.get(SETTINGS_KEY)
    lang = generator.settings["DEFAULT_LANG"]
    if site is None or lang not in site.config.LANGUAGES:
        return
    locale = site.config.LANGUAGES[lang].locale
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(load_translations(generator.settings["THEME"], lang, locale), newstyle=True)
    env.filters.update(
        long_date=functools.partial(long_date, locale=locale),
        short_date=functools.partial(short_date, locale=locale),
        date_time=functools.partial(date_time, locale=locale),
        iso_date=iso_date,
        # "13 h – 22 h": a range that may break after its dash only (see theme_i18n.times).
        range_to=joined_range,
    )
    env.globals["LOCALE"] = locale
    # The city whose clocks the site's times follow, as this language writes it (never "America/Toronto").
    env.globals["CITY"] = site.config.city(lang)
    env.globals["_in"] = pure(functools.partial(gettext_in, generator.settings["THEME"], site.config.LANGUAGES))


def gettext_in(theme: str, languages: dict[str, Any], lang: str, message: str) -> str:
    """A theme string in a given language, for pages that show every language."""
    return load_translations(theme, lang, languages[lang].locale).gettext(message)


def register() -> None:
    signals.generator_init.connect(install)
