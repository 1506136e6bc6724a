"""Write a :class:`~feeds.model.Feed` as Atom and RSS 2.0 with feedgen.

Both files are reproducible: entries newest first (feedgen prepends unless
told to append), the feed's own dates taken from its newest entry, never
from the clock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator

from relais.urls import public_base, public_url

from .links import absolute_links
from .model import Feed, FeedItem
from .text import printable

DEFAULT_MAX_ITEMS = 20
# When a feed has no entries yet, its date must still not depend on the clock.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def newest_first(items: tuple[FeedItem, ...], limit: int) -> list[FeedItem]:
    ordered = sorted(items, key=lambda item: (item.published, item.id), reverse=True)
    return ordered[:limit]


def max_items(settings: dict[str, Any]) -> int:
    value = settings.get("FEED_MAX_ITEMS")
    return int(value) if value else DEFAULT_MAX_ITEMS


def write_feed(feed: Feed, output_dir: Path, settings: dict[str, Any]) -> list[Path]:
    """Write ``feed`` in both formats under ``output_dir``; return the files written."""
    items = newest_first(feed.items, max_items(settings))
    written = []
    for url, render in ((feed.atom_url, _atom), (feed.rss_url, _rss)):
        target = output_dir / url
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render(_generator(feed, items, settings, self_url=url)))
        written.append(target)
    return written


def _atom(generator: FeedGenerator) -> bytes:
    return generator.atom_str(pretty=True)


def _rss(generator: FeedGenerator) -> bytes:
    return generator.rss_str(pretty=True)


def _generator(feed: Feed, items: list[FeedItem], settings: dict[str, Any], self_url: str) -> FeedGenerator:
    generator = FeedGenerator()
    # dc:creator carries author names in RSS, whose <author> demands an email address.
    generator.load_extension("dc", atom=False, rss=True)
    generator.id(public_url(settings, feed.atom_url))
    generator.title(printable(feed.title))
    generator.subtitle(printable(feed.description))
    generator.language(feed.lang)
    generator.author({"name": printable(str(settings.get("SITENAME", "")))})
    generator.generator("Relais")
    # The RSS channel's <link> is the last link given: self first, the page last.
    generator.link(href=public_url(settings, self_url), rel="self")
    generator.link(href=public_url(settings, feed.page_url), rel="alternate")
    newest = max((item.last_change for item in items), default=EPOCH)
    generator.updated(newest)
    generator.lastBuildDate(newest)
    for item in items:
        _add_entry(generator, item, settings)
    return generator


def _add_entry(generator: FeedGenerator, item: FeedItem, settings: dict[str, Any]) -> None:
    entry = generator.add_entry(order="append")
    entry.id(item.id)
    entry.guid(item.id, permalink=item.id == item.link)
    entry.title(printable(item.title))
    entry.link(href=item.link)
    entry.published(item.published)
    entry.updated(item.last_change)
    entry.summary(printable(item.summary))
    if item.content_html:
        html = absolute_links(printable(item.content_html), item.link, public_base(settings))
        entry.content(html, type="html")
    for name in item.authors:
        entry.author({"name": printable(name)})
        entry.dc.dc_creator(printable(name))
    for label in item.categories:
        entry.category(term=printable(label), label=printable(label))
