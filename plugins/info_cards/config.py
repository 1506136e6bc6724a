"""The cards' settings: every word on a card comes from here or from the services."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from relais.i18n import _
from relais.messages import choose_from
from relais.problems import Problem
from relais.settings import line_of_setting, typed_settings

if TYPE_CHECKING:
    from relais.content import Entry
    from relais.site import Site


class CardWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tagline: str  # under the name on the front: keep it discreet
    text: str  # label before the text line's number
    phone: str  # label before the phone number
    web: str  # label before the web address
    drop_in: str  # heading of the drop-in's hours on the back
    line_hours: str  # heading of the lines' hours on the back


class InfoCards(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    paper: Literal["letter", "a4"] = "letter"
    contact_service: str  # translation_key of the service whose text line and phone go on the card
    drop_in_service: str  # translation_key of the service whose hours and location note go on the back
    words: dict[str, CardWords]


class CardSettings(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    LANGUAGES: dict[str, Any]
    INFO_CARDS: InfoCards | None = None


def card_settings(settings: dict[str, Any]) -> InfoCards | None:
    return CardSettings.model_validate(settings).INFO_CARDS


def service_by_key(site: Site, key: str, lang: str) -> Entry | None:
    return next((entry for entry in site.index.published("service", lang) if entry.translation_key == key), None)


def check_card_settings(site: Site) -> Iterator[Problem]:
    config, problems = typed_settings(CardSettings, site.settings, site.settings_file)
    yield from problems
    if config is None or config.INFO_CARDS is None:
        return
    cards = config.INFO_CARDS
    for lang in site.config.LANGUAGES:
        if lang not in cards.words:
            yield _problem(
                site,
                "INFO_CARDS.words",
                _("there are no words for '{lang}'").format(lang=lang),
                _("add them for every language"),
            )
        if not site.index.published("service", lang):
            continue  # no services in this language yet: no cards either
        for setting in ("contact_service", "drop_in_service"):
            key = getattr(cards, setting)
            if service_by_key(site, key, lang) is None:
                keys = sorted({e.translation_key for e in site.index.published("service", lang) if e.translation_key})
                yield _problem(
                    site,
                    f"INFO_CARDS.{setting}",
                    _("no published service in '{lang}' has the translation_key '{key}'").format(lang=lang, key=key),
                    choose_from(key, keys),
                )


def _problem(site: Site, field: str, what: str, fix: str) -> Problem:
    return Problem(site.settings_file, line_of_setting(site.settings_file, "INFO_CARDS"), field, what, fix)
