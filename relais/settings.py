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

from .limits import Limits
from .problems import Problem

ModelT = TypeVar("ModelT", bound=BaseModel)


class Language(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="The language's name in itself, shown in the language switcher.")
    locale: str = Field(description="The Babel locale for dates and numbers, such as fr_CA.")


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
            raise ValueError(f"'{value}' is not a time zone name — use an IANA name such as America/Toronto") from None
        return value

    @model_validator(mode="after")
    def _languages_complete(self) -> SiteConfig:
        if self.DEFAULT_LANG not in self.LANGUAGES:
            raise ValueError(
                f"DEFAULT_LANG '{self.DEFAULT_LANG}' is not in LANGUAGES — add it or pick one of {list(self.LANGUAGES)}"
            )
        for key, labels in self.CATEGORIES.items():
            missing = [lang for lang in self.LANGUAGES if lang not in labels]
            if missing:
                raise ValueError(f"category '{key}' has no label for {', '.join(missing)} — add one per language")
        return self

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.TIMEZONE)

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
    what, _, fix = message.partition(" — ")
    if item["type"] == "missing":
        what, fix = "this setting is missing", "add it to the settings file (see README.md)"
    return Problem(settings_file, line_of_setting(settings_file, name), ".".join(loc) or "settings", what, fix)


def line_of_setting(settings_file: str, name: str) -> int:
    """The line where a setting is assigned in the settings file (1 if not found)."""
    try:
        text = Path(settings_file).read_text(encoding="utf-8")
    except OSError:
        return 1
    match = re.search(rf"^{re.escape(name)}\s*[:=]", text, re.MULTILINE) if name else None
    return text.count("\n", 0, match.start()) + 1 if match else 1
