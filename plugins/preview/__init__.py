"""The drafts preview: a "not published" banner on every page of a draft, a post waiting for review or a
scheduled file, when the site is built with drafts (``BuildOptions(drafts=True)``, ``serve --drafts``).

``publish.py build`` never builds them: the banner's template function is
only there in a drafts preview, so the public site's pages never change.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.generators import Generator

from relais.clock import as_datetime
from relais.digest import reads
from relais.site import SETTINGS_KEY, Site

THEME_SLOTS = {"page_top": ["partials/preview_banner.html"]}


@dataclass(frozen=True)
class NotPublished:
    """What the banner says: why the page is not on the site, and when a scheduled one goes out."""

    why: str  # "draft", "review" or "scheduled"
    goes_out: dt.date | None = None


def not_published(site: Site, item: Any) -> NotPublished | None:
    """For a page about one content file (a post, a page, an event…): why it is not on the public site yet."""
    source = getattr(item, "relais_source", None) if item is not None else None
    entry = site.index.by_source.get(source) if isinstance(source, str) else None
    why = site.index.not_out_yet(entry) if entry is not None else None
    if why is None:
        return None
    date = getattr(entry.data, "date", None)
    goes_out = as_datetime(date, site.config.zone).date() if why == "scheduled" and date is not None else None
    return NotPublished(why, goes_out)


def _states(site: Site) -> tuple[tuple[str, str | None], ...]:
    """What the banners depend on: each file's reason for not being on the site."""
    return site.once(
        "preview states",
        lambda: tuple((entry.source, site.index.not_out_yet(entry)) for entry in site.index.entries),
    )


def add_banner_function(generator: Generator) -> None:
    site: Site | None = generator.settings.get(SETTINGS_KEY)
    if site is not None and site.index.preview:
        generator.env.globals["not_published"] = reads(
            functools.partial(not_published, site), functools.partial(_states, site)
        )


def register() -> None:
    signals.generator_init.connect(add_banner_function)
