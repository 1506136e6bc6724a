"""Forum announcements: BBCode, Markdown, plain and short text, a page and snippet files.

Standalone announcements live in ``content/announcements/``; any content
type with an ``announce`` field (posts, services, events…) contributes its
blocks.  See README.md, "Forum announcements".
"""

from __future__ import annotations

from pelican import signals

from .checks import check_announcements, check_footer_setting
from .feed import announcement_feeds
from .generator import get_generators
from .model import ANNOUNCEMENT
from .snippets import snippets
from .status import announcement_endings

CONTENT_TYPES = (ANNOUNCEMENT,)
# What `publish.py status` lists as ending soon or just ended.
STATUS_ENDINGS = (announcement_endings,)
SOURCE_CHECKS = (check_footer_setting, check_announcements)
# Functions (site) -> snippets, printed by `publish.py snippets`.
SNIPPETS = (snippets,)
# Read by the feeds plugin: one announcements feed per language.
FEEDS = (announcement_feeds,)
THEME_SLOTS = {"menu": ["partials/announcements_menu.html"]}

__all__ = ["CONTENT_TYPES", "FEEDS", "SNIPPETS", "SOURCE_CHECKS", "THEME_SLOTS", "register"]


def register() -> None:
    signals.get_generators.connect(get_generators)
