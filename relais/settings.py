"""The site's own settings, read once from pelicanconf.py and checked.

Pelican keeps settings as a dict of upper-case names and silently accepts
wrong ones; Relais reads the few it depends on into a typed object and
reports mistakes like any other problem, naming the settings file and line.
"""

from __future__ import annotations

import re
import zoneinfo
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .i18n import _
from .limits import Limits
from .problems import Problem
from .url_words import WORD

ModelT = TypeVar("ModelT", bound=BaseModel)


class Language(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="The language's name in itself, shown in the language switcher.")
    locale: str = Field(description="The Babel locale for dates and numbers, such as fr_CA.")
    city: str = Field(
        "",
        description="The city whose clocks the site's times follow, as readers of this language write it; "
        "without it, the city Babel gives for TIMEZONE.",
    )
    url_words: dict[str, str] = Field(
        default_factory=dict,
        description="This language's word for each word of the URL settings: {'events': 'evenements'}.",
    )

    @field_validator("url_words")
    @classmethod
    def _address_words(cls, words: dict[str, str]) -> dict[str, str]:
        for word, translated in words.items():
            for value in (word, translated):
                if not WORD.match(value):
                    raise ValueError(
                        _(
                            "'{value}' cannot be a word of an address — use lower-case letters without accents, "
                            "digits and hyphens, for example 'evenements'"
                        ).format(value=value)
                    )
        return words


class SiteConfig(Limits):
    """What Relais needs from the settings; everything else is Pelican's.

    The limits on content files (``MAX_FILE_KB``, ``MAX_TAGS``…) come from
    :class:`~relais.limits.Limits`, with their defaults.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    SITENAME: str
    TIMEZONE: str
    DEFAULT_LANG: str
    LANGUAGES: dict[str, Language]
    CATEGORIES: dict[str, dict[str, str]]
    SITE_DESCRIPTION: dict[str, str] = Field(default_factory=dict)

    @field_validator("TIMEZONE")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                _("'{value}' is not a time zone name — use an IANA name such as America/Toronto").format(value=value)
            ) from None
        return value

    @model_validator(mode="after")
    def _languages_complete(self) -> SiteConfig:
        if self.DEFAULT_LANG not in self.LANGUAGES:
            raise ValueError(
                _("DEFAULT_LANG '{lang}' is not in LANGUAGES — add it or pick one of {languages}").format(
                    lang=self.DEFAULT_LANG, languages=", ".join(self.LANGUAGES)
                )
            )
        for key, labels in self.CATEGORIES.items():
            missing = [lang for lang in self.LANGUAGES if lang not in labels]
            if missing:
                raise ValueError(
                    _("category '{key}' has no label for {languages} — add one per language").format(
                        key=key, languages=", ".join(missing)
                    )
                )
        return self

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.TIMEZONE)

    def city(self, lang: str) -> str:
        """The city readers of ``lang`` see beside the site's times ("Port-Lumière"), never a zone's name."""
        from babel.dates import get_timezone_location  # Babel's locale data, only for a site that names no city

        language = self.LANGUAGES[lang]
        return language.city or get_timezone_location(self.TIMEZONE, locale=language.locale, return_city=True)

    def category_label(self, key: str, lang: str) -> str:
        return self.CATEGORIES[key][lang]


def site_config(settings: dict[str, Any], settings_file: str) -> tuple[SiteConfig | None, list[Problem]]:
    """Build the typed config from Pelican's settings dict, or say what is wrong."""
    return typed_settings(SiteConfig, settings, settings_file)


def typed_settings(
    model: type[ModelT], settings: dict[str, Any], settings_file: str
) -> tuple[ModelT | None, list[Problem]]:
    """Read settings into a typed model (a plugin's own settings too); problems name the settings file's line."""
    try:
        return model.model_validate(settings), []
    except ValidationError as err:
        return None, [_problem(item, settings_file) for item in err.errors()]


def _problem(item: dict[str, Any], settings_file: str) -> Problem:
    loc = [str(part) for part in item["loc"]]
    name = loc[0] if loc else ""
    message = str((item.get("ctx") or {}).get("error", item["msg"]))
    what, _dash, fix = message.partition(" — ")
    if item["type"] == "missing":
        what, fix = _("this setting is missing"), _("add it to the settings file (see README.md)")
    elif item["type"] not in ("value_error", "assertion_error"):
        what = _("this setting has a value that cannot be used ({detail})").format(detail=item["msg"])
        fix = _("see README.md for what it holds")
    return Problem(settings_file, line_of_setting(settings_file, name), ".".join(loc) or _("settings"), what, fix)


def line_of_setting(settings_file: str, name: str) -> int:
    """The line where a setting is assigned in the settings file (1 if not found)."""
    try:
        text = Path(settings_file).read_text(encoding="utf-8")
    except OSError:
        return 1
    match = re.search(rf"^{re.escape(name)}\s*[:=]", text, re.MULTILINE) if name else None
    return text.count("\n", 0, match.start()) + 1 if match else 1
