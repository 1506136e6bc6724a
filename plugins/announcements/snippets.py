"""Snippets as plain data, for ``publish.py snippets`` and for feeds.

:func:`snippets` is the plugin's ``SNIPPETS`` hook: the command line prints
what it returns, without building the site.  :func:`feed_items` gives the
announcements on offer, newest first, ready for a feed writer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from relais.site import Site
from relais.urls import public_url

from .collect import announcements_page_url, offered


@dataclass(frozen=True)
class Snippet:
    slug: str
    lang: str
    format: str  # bbcode, markdown, text or short
    file_name: str  # SLUG.LANG.bbcode.txt…
    headline: str
    text: str


def snippets(site: Site) -> list[Snippet]:
    """Every format of every announcement on offer, newest first."""
    return [
        Snippet(
            announcement.slug,
            announcement.lang,
            format_name,
            announcement.file_name(format_name),
            announcement.headline,
            text,
        )
        for announcement in offered(site, site.settings)
        for format_name, text in announcement.snippets.items()
    ]


@dataclass(frozen=True)
class FeedItem:
    """One announcement as a feed entry: plain text, a canonical link and a stable id."""

    title: str
    link: str  # the page the announcement is about
    unique_id: str  # the announcement on the announcements page; stable across builds
    published: dt.datetime
    description: str  # the plain-text snippet, footer included
    lang: str


def feed_items(site: Site, settings: dict[str, Any], lang: str) -> list[FeedItem]:
    """The announcements on offer in ``lang``, newest first: what an RSS feed of announcements lists."""
    page = public_url(settings, announcements_page_url(settings, lang))
    return [
        FeedItem(
            title=announcement.headline,
            link=announcement.link,
            unique_id=f"{page}#{announcement.anchor}",
            published=announcement.published or site.index.clock.now,
            description=announcement.snippets.get("text", announcement.text),
            lang=announcement.lang,
        )
        for announcement in offered(site, settings, lang)
    ]
