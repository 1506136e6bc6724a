"""Which editions are on the site: published, their month come, and not older than BAD_DATES_KEEP_MONTHS.

An old edition leaves the site on its own (its pages, PDFs, feed entries and
lookup lines all go) while its file stays in content/ for the program's
records.  Every part of the plugin asks here, so none of them shows an
edition the others have dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .config import site_settings
from .months import months_between, parse_month

if TYPE_CHECKING:
    from relais.content import Entry
    from relais.site import Site

TYPE_NAME = "bad_dates"


def is_kept(entry: Entry, site: Site) -> bool:
    """Not older than the window: with 12 months kept, in November 2026 the editions from December 2025 on."""
    keep = site_settings(site).BAD_DATES_KEEP_MONTHS
    return months_between(parse_month(entry.data.edition).first_day, site.clock.today) < keep


def editions_on_site(site: Site, lang: str) -> list[Entry]:
    """The language's editions readers get, newest first."""
    editions = [entry for entry in site.index.published(TYPE_NAME, lang) if is_kept(entry, site)]
    return sorted(editions, key=lambda entry: entry.data.edition, reverse=True)


def all_editions(site: Site) -> list[Entry]:
    """Every edition file that could be read, drafts included, in file order."""
    return [entry for entry in site.index.entries if entry.type.name == TYPE_NAME]
