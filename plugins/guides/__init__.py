"""Guides: long-form resources re-published with their authors' permission.

A guide must say who wrote it, who allowed us to re-publish it and when,
and under which licence; its page shows that credit first, then a table of
contents, and a PDF of the guide is written beside it.
"""

from __future__ import annotations

from relais.content_types import ContentType

from .checks import CHECKS
from .generator import get_generators
from .schema import Guide

GUIDE = ContentType("guide", "guides", Guide, checks=CHECKS)

CONTENT_TYPES = (GUIDE,)
THEME_SLOTS = {"menu": ["partials/guides_menu.html"]}


def register() -> None:
    from pelican import signals

    signals.get_generators.connect(get_generators)
