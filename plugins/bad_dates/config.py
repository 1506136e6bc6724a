"""The bad date list's settings in pelicanconf.py, typed, with their defaults, and checked like the site's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from relais.i18n import _
from relais.problems import Problem
from relais.settings import typed_settings

Labels = dict[str, str]  # one label per language

CHANNEL_KINDS = ("answering_line", "text_line", "in_person", "partners", "form")
Paper = Literal["letter", "a4"]


class Channel(BaseModel):
    """One way to report: a number to call or text, a page (the report form), and a note per language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: str | None = None
    url: str | None = None  # a page of this site, without the language: "report/"
    note: Labels = Field(default_factory=dict)


class BadDatesSettings(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    LANGUAGES: dict[str, Any]
    # What harm a report describes: the keys files use, with a label per language (required: see pelicanconf.py).
    BAD_DATES_TYPES: dict[str, Labels] = Field(min_length=1)
    BAD_DATES_KEEP_MONTHS: int = Field(12, ge=1, le=120)
    BAD_DATES_REPORT_WINDOW_MONTHS: int = Field(3, ge=0, le=120)
    BAD_DATES_NOINDEX: bool = True
    BAD_DATES_PAPER: list[Paper] = Field(default_factory=lambda: ["letter", "a4"], min_length=1)
    BAD_DATES_CHANNELS: dict[str, Channel] = Field(default_factory=dict)
    # The translation_key of the pages that explain reporting at length (content/pages/), linked from the list.
    BAD_DATES_HOW_TO_REPORT_PAGE: str | None = "how-to-report"

    @field_validator("BAD_DATES_TYPES")
    @classmethod
    def _types_labelled(cls, value: dict[str, Labels], info: ValidationInfo) -> dict[str, Labels]:
        for key, labels in value.items():
            missing = [lang for lang in info.data.get("LANGUAGES") or {} if not labels.get(lang)]
            if missing:
                raise ValueError(
                    _("'{key}' has no label for {languages} — add one per language").format(
                        key=key, languages=", ".join(missing)
                    )
                )
        return value

    @field_validator("BAD_DATES_CHANNELS")
    @classmethod
    def _channels_known(cls, value: dict[str, Channel], info: ValidationInfo) -> dict[str, Channel]:
        for kind, channel in value.items():
            if kind not in CHANNEL_KINDS:
                raise ValueError(
                    _("'{kind}' is not a way to report we know — use some of: {kinds}").format(
                        kind=kind, kinds=", ".join(CHANNEL_KINDS)
                    )
                )
            missing = [lang for lang in info.data.get("LANGUAGES") or {} if not channel.note.get(lang)]
            if missing:
                raise ValueError(
                    _("'{kind}' has no note for {languages} — add one per language").format(
                        kind=kind, languages=", ".join(missing)
                    )
                )
            if kind == "form" and not channel.url:
                raise ValueError(_("'form' has no url — give the address of the report page, for example 'report/'"))
            if kind in ("answering_line", "text_line") and not channel.number:
                raise ValueError(
                    _("'{kind}' has no number — add it, for example 'number': '514-555-0110'").format(kind=kind)
                )
        return value

    def type_label(self, key: str, lang: str) -> str:
        return self.BAD_DATES_TYPES.get(key, {}).get(lang, key)

    def channels(self) -> list[tuple[str, Channel]]:
        """The ways to report, in a fixed order (calling first: many readers are not online)."""
        return [(kind, self.BAD_DATES_CHANNELS[kind]) for kind in CHANNEL_KINDS if kind in self.BAD_DATES_CHANNELS]


def bad_dates_settings(settings: dict[str, Any]) -> BadDatesSettings:
    """The settings of a run that passed the checks (defaults where a setting is missing or wrong)."""
    config, _problems = typed_settings(BadDatesSettings, settings, settings.get("SETTINGS_FILE", "pelicanconf.py"))
    if config is not None:
        return config
    return BadDatesSettings.model_construct(LANGUAGES=settings.get("LANGUAGES") or {}, BAD_DATES_TYPES={})


def site_settings(site: Any) -> BadDatesSettings:
    """The settings of a build, read once."""
    return site.once("bad-dates settings", lambda: bad_dates_settings(site.settings))


def settings_problems(settings: dict[str, Any], settings_file: str) -> Iterator[Problem]:
    _config, problems = typed_settings(BadDatesSettings, settings, settings_file)
    yield from problems
