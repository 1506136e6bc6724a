"""A forum announcement for each new edition, in every format the announcements plugin writes.

An edition with its own ``announce:`` block uses it; any other gets this one,
offered through its month, in its language, linking to its page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from babel.dates import format_skeleton
from feeds.plugin import translator

from relais.schemas import Announce

from .editions import TYPE_NAME
from .months import parse_month

if TYPE_CHECKING:
    from relais.content import Entry
    from relais.site import Site


def edition_announcement(site: Site, settings: dict[str, Any], entry: Entry) -> Announce | None:
    """The ``DEFAULT_ANNOUNCEMENTS`` hook of the announcements plugin."""
    if entry.type.name != TYPE_NAME or entry.lang not in site.config.LANGUAGES:
        return None
    translate = translator(site, settings, entry.lang)
    month = parse_month(entry.data.edition)
    label = format_skeleton("yMMMM", month.first_day, locale=site.config.LANGUAGES[entry.lang].locale)
    return Announce(
        headline=translate("Bad date list: %(month)s") % {"month": label},
        text=translate(
            "This month's warnings about bad dates are out. Read them, print the sheet, or look up a number "
            "or a plate before you meet someone. Reports stay anonymous."
        ),
        date=month.first_day,
        until=month.last_day,
    )
