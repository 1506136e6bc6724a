"""The bad date list: monthly editions of warnings about violent or dangerous clients.

Staff write the public text of each report in ``content/bad-dates/<lang>/<YYYY-MM>.md``
(or import it from a spreadsheet: ``publish.py bad-dates import``); the
report itself, and everything about who made it, never enters the
repository.  Each language gets the list's pages, a lookup by phone number,
plate or words that runs in the reader's browser, a PDF to print per
edition, a feed with one entry per report, a plain-text edition, one SMS
line per report and a forum announcement per edition.  See README.md, "The
bad date list".
"""

from __future__ import annotations

from pelican import signals

from relais.content_types import ContentType
from relais.i18n import N_

from .announce import edition_announcement
from .checks import check_editions, edition_problems
from .feed import bad_date_feeds
from .generator import get_generators
from .print_check import printed_edition_length
from .schema import Edition

BAD_DATES = ContentType("bad_dates", "bad-dates", Edition)

CONTENT_TYPES = (BAD_DATES,)
ENTRY_CHECKS = (edition_problems,)
SOURCE_CHECKS = (check_editions,)
OUTPUT_CHECKS = (printed_edition_length,)
FEEDS = (bad_date_feeds,)
DEFAULT_ANNOUNCEMENTS = (edition_announcement,)
# What publish.py status calls this content type (its latest edition, and this month's when missing).
STATUS_KINDS = {"bad_dates": N_("bad date list")}
THEME_SLOTS = {"head": ["partials/bad_dates_head.html"], "menu": ["partials/bad_dates_menu.html"]}


def register() -> None:
    signals.get_generators.connect(get_generators)


__all__ = [
    "CONTENT_TYPES",
    "DEFAULT_ANNOUNCEMENTS",
    "ENTRY_CHECKS",
    "FEEDS",
    "OUTPUT_CHECKS",
    "SOURCE_CHECKS",
    "STATUS_KINDS",
    "THEME_SLOTS",
    "register",
]
