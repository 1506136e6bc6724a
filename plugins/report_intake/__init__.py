"""The report form: anonymous bad date reports from the website, sealed on receipt by the intake (relais/intake/).

When ``BAD_DATES_INTAKE`` is set and its public key is there, each language
gets the form (``/<lang>/report/``) and the pages the intake answers with,
and the bad date list's "how to report" links to the form.  Its check
reports the intake's settings problems.  See README.md, "Anonymous reports:
running the intake".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pelican import signals

from relais.intake.settings import intake_of
from relais.problems import Problem

from .generator import get_generators

if TYPE_CHECKING:
    from relais.site import Site


def intake_settings_problems(site: Site) -> Iterator[Problem]:
    _intake, problems = intake_of(site.settings)
    yield from problems


SOURCE_CHECKS = (intake_settings_problems,)
# Words of the addresses this plugin makes (url_words may translate them: /fr/signaler/).
ADDRESS_WORDS = ("report", "sent", "problem", "busy")


def register() -> None:
    signals.get_generators.connect(get_generators)


__all__ = ["ADDRESS_WORDS", "SOURCE_CHECKS", "register"]
