"""Printable wallet cards: ten 85 × 55 mm cards to a sheet, front and back, per language.

The words come from the ``INFO_CARDS`` setting and from two services (the
text and phone line, and the drop-in), so the template holds no wording;
the front says nothing that would out the person who carries it.
"""

from __future__ import annotations

from .config import check_card_settings
from .generator import get_generators

SOURCE_CHECKS = (check_card_settings,)


def register() -> None:
    from pelican import signals

    signals.get_generators.connect(get_generators)
