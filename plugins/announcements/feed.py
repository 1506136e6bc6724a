"""The announcements feed, for moderators who follow us.

One feed per language, written by the feeds plugin's writer like every other
feed: each announcement on offer, newest first, with its plain-text snippet
(footer included) as summary, so a feed reader shows exactly what would be
posted on a forum.
"""

from __future__ import annotations

from html import escape
from typing import Any

from feeds.model import Feed, FeedItem, feed_path, tag_uri
from feeds.plugin import translator

from relais.site import Site
from relais.urls import public_url

from .collect import Announcement, announcements_page_url, offered


def announcement_feeds(site: Site, settings: dict[str, Any], context: dict[str, Any]) -> list[Feed]:
    lang = settings["DEFAULT_LANG"]
    translate = translator(site, settings, lang)
    items = tuple(_item(announcement, settings) for announcement in offered(site, settings, lang))
    return [
        Feed(
            key="announcements",
            path=feed_path(settings, lang, "announcements"),
            lang=lang,
            title=translate("%(site)s: announcements") % {"site": site.config.SITENAME},
            description=translate("Our announcements, ready to share on forums."),
            page_url=announcements_page_url(settings, lang),
            items=items,
            everywhere=False,
        )
    ]


def _item(announcement: Announcement, settings: dict[str, Any]) -> FeedItem:
    published = announcement.published or settings["RELAIS"].clock.now
    text = announcement.snippets.get("text", announcement.text)
    return FeedItem(
        # The announcement's slug and language, not its headline: editing a
        # headline does not make it a new entry for readers.
        id=tag_uri(settings, published.date(), f"{announcement.lang}/announcements/{announcement.slug}"),
        title=announcement.headline,
        link=public_url(settings, announcement.link),
        published=published,
        summary=text,
        content_html="".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n") if part.strip()),
    )
