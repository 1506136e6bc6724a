"""Forum announcements: BBCode, Markdown, plain and short text, a page and snippet files.

Standalone announcements live in ``content/announcements/``; any content
type with an ``announce`` field (posts, services, events…) contributes its
blocks.  See README.md, "Forum announcements".
"""

from __future__ import annotations

from pelican import signals

from .checks import check_announcements, check_footer_setting
from .generator import get_generators
from .model import ANNOUNCEMENT
from .snippets import feed_items, snippets

CONTENT_TYPES = (ANNOUNCEMENT,)
SOURCE_CHECKS = (check_footer_setting, check_announcements)
# Functions (site) -> snippets, printed by `publish.py snippets`.
SNIPPETS = (snippets,)
THEME_SLOTS = {"menu": ["partials/announcements_menu.html"]}

__all__ = ["CONTENT_TYPES", "SNIPPETS", "SOURCE_CHECKS", "THEME_SLOTS", "feed_items", "register"]


def register() -> None:
    signals.get_generators.connect(get_generators)
