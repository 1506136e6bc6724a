"""What a feed holds, whatever it follows: posts, a category, events, announcements.

Features build :class:`Feed` objects and hand them to
:func:`feeds.writer.write_feed`, which writes the same feed as Atom and as
RSS 2.0.  A plugin adds a feed by declaring ``FEEDS``: functions
``(site, settings, context) -> Iterable[Feed]`` run once per language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from relais.url_words import localised
from relais.urls import public_base

FEED_FOLDER = "feeds"


def feed_path(settings: dict, lang: str, name: str) -> str:
    """Where a feed of ``lang`` is written, without its extension, in the language's words.

    ``feed_path(settings, "fr", "events")`` → ``fr/fils/evenements`` (``url_words`` of LANGUAGES).
    """
    return localised(settings, f"{FEED_FOLDER}/{name}", lang)


@dataclass(frozen=True)
class FeedItem:
    """One entry; ``link`` is absolute, dates are aware, ``summary`` is plain text."""

    id: str
    title: str
    link: str
    published: dt.datetime
    summary: str
    content_html: str = ""
    updated: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    @property
    def last_change(self) -> dt.datetime:
        return max(self.published, self.updated or self.published)


@dataclass(frozen=True)
class Feed:
    """One feed of one language, written to ``<path>.atom.xml`` and ``<path>.rss.xml``.

    ``key`` names what the feed follows, the same in every language (``events``,
    ``categories/health``: templates pick a feed by it); ``path`` comes from
    :func:`feed_path`, in the language's words; ``page_url`` is the page the feed
    follows (relative to the site's root); ``everywhere`` feeds are announced
    on every page of their language, the others only on ``page_url``.
    """

    key: str
    path: str
    lang: str
    title: str
    description: str
    page_url: str
    items: tuple[FeedItem, ...] = field(default_factory=tuple)
    everywhere: bool = False

    @property
    def atom_url(self) -> str:
        return f"{self.path}.atom.xml"

    @property
    def rss_url(self) -> str:
        return f"{self.path}.rss.xml"


def tag_uri(settings: dict, day: dt.date, specific: str) -> str:
    """A permanent id (RFC 4151) that does not depend on titles: ``tag:example.org,2026-11-03:en/posts/x``.

    The date is the item's own day, so the id means the same thing forever
    even if the domain changes hands later.
    """
    authority = urlsplit(public_base(settings)).hostname or "localhost"
    return f"tag:{authority},{day:%Y-%m-%d}:{quote(specific, safe='/:@-._~')}"
