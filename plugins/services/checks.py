"""Checks on services: those that need nothing else run per file, the
others (declared categories and audiences) with the site's settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from babel import Locale

from relais.confidential import confidential_location
from relais.messages import choose_from
from relais.problems import Problem

from .config import ServiceSettings, settings_problems

if TYPE_CHECKING:
    from relais.content import ContentIndex, Entry
    from relais.site import Site

KNOWN_LANGUAGES = frozenset(code for code in Locale("en").languages if len(code) in (2, 3) and code.isalpha())


def spoken_languages(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    for position, code in enumerate(entry.data.languages or ()):
        if code.lower() not in KNOWN_LANGUAGES:
            yield entry.problem(
                ("languages", position),
                "languages",
                f"'{code}' is not a language code",
                "write two-letter codes such as fr, en, es (ISO 639-1)",
            )


def something_to_reach(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    """A listing must tell readers when or how: a schedule or a contact."""
    given = entry.front.data  # a field given but wrong is reported on its own
    if not any(given.get(name) for name in ("schedule", "contact", "how_to_access")):
        yield entry.problem(
            ("title",),
            "schedule",
            "this service says neither when it is open nor how to reach it",
            "add a 'schedule', a 'contact' or 'how_to_access'",
        )


def full_public_address(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    """A service's public place needs a full address: the directory and the Open Referral export show it."""
    location = entry.data.location
    if (
        location is not None
        and not location.confidential
        and not (location.name and location.address and location.city)
    ):
        yield entry.problem(
            ("location",),
            "location",
            "a public location needs a name, an address and a city",
            "add them, or write 'confidential: true' and a 'note' if the address must stay private",
        )


SERVICE_CHECKS = (confidential_location, full_public_address, spoken_languages, something_to_reach)


def check_services(site: Site) -> Iterator[Problem]:
    """Settings, then each service's category and audience against them."""
    problems = list(settings_problems(site.settings, site.settings_file))
    yield from problems
    if problems:
        return
    config = ServiceSettings.model_validate(site.settings)
    for entry in site.index.entries:
        if entry.type.name != "service":
            continue
        for problem in _declared_keys(entry, config):
            yield problem.as_warning() if entry.is_draft else problem


def _declared_keys(entry: Entry, config: ServiceSettings) -> Iterator[Problem]:
    category = entry.data.category
    if category is not None and category not in config.SERVICE_CATEGORIES:
        yield entry.problem(
            ("category",),
            "category",
            f"'{category}' is not one of the service categories",
            choose_from(category, config.SERVICE_CATEGORIES),
        )
    for position, audience in enumerate(entry.data.audience or ()):
        if audience not in config.SERVICE_AUDIENCES:
            yield entry.problem(
                ("audience", position),
                "audience",
                f"'{audience}' is not one of the audiences",
                choose_from(audience, config.SERVICE_AUDIENCES),
            )
