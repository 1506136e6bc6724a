"""The events feed: each date of an event is announced a set time before it.

A feed entry needs a date that does not move from build to build; an event
has no publication date, so each of its dates is "announced" a lead time
(EVENTS_FEED_LEAD_DAYS, 30 days by default) before it starts, and appears in
the feed from then until it is over.  Each date has its own id, so a monthly
gathering shows up as a new entry every month.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import PurePosixPath
from typing import Any

from feeds.model import Feed, FeedItem, feed_path, tag_uri
from feeds.plugin import translator

from relais.generators import EntryPage
from relais.site import Site
from relais.urls import public_url

from .dates import when
from .schedule import Occurrence

DEFAULT_LEAD_DAYS = 30
# Enough for a weekly event over the lead time.
_MAX_DATES_PER_EVENT = 10


def lead_time(settings: dict[str, Any]) -> dt.timedelta:
    return dt.timedelta(days=int(settings.get("EVENTS_FEED_LEAD_DAYS") or DEFAULT_LEAD_DAYS))


def event_feeds(site: Site, settings: dict[str, Any], context: dict[str, Any]) -> list[Feed]:
    lang = settings["DEFAULT_LANG"]
    pages: list[EntryPage] = context.get("event_pages", [])
    if not pages:
        return []
    translate = translator(site, settings, lang)
    locale = site.config.LANGUAGES[lang].locale
    now, lead = site.clock.now, lead_time(settings)
    items = [
        _item(page, occurrence, lead=lead, settings=settings, translate=translate, locale=locale)
        for page in pages
        for occurrence in page.schedule.upcoming(now, _MAX_DATES_PER_EVENT, now + lead)
    ]
    return [
        Feed(
            key="events",
            path=feed_path(settings, lang, "events"),
            lang=lang,
            title=translate("%(site)s: events") % {"site": site.config.SITENAME},
            description=translate("Each date of our events, announced ahead of time."),
            page_url=settings["EVENTS_URL"],
            items=tuple(items),
            everywhere=True,
        )
    ]


def _item(
    page: EntryPage,
    occurrence: Occurrence,
    *,
    lead: dt.timedelta,
    settings: dict[str, Any],
    translate: Any,
    locale: str,
) -> FeedItem:
    source = PurePosixPath(page.relais_source).with_suffix("")
    return FeedItem(
        id=tag_uri(settings, occurrence.starts_at.date(), f"{page.lang}/{source}/{occurrence.key}"),
        title=f"{page.title} — {when(occurrence, locale)}",
        link=public_url(settings, page.url),
        published=occurrence.starts_at - lead,
        summary=page.summary,
        content_html=details_html(page, occurrence, translate, locale),
    )


def details_html(page: EntryPage, occurrence: Occurrence, translate: Any, locale: str) -> str:
    """When, where and how to join, then the event's own text."""
    lines = [(translate("When"), when(occurrence, locale))]
    if page.location_text:
        lines.append((translate("Where"), page.location_text))
    if page.registration:
        lines.append((translate("How to join"), page.registration))
    facts = "".join(
        f"<p><strong>{escape(translate('%(label)s:') % {'label': label})}</strong> {escape(value)}</p>"
        for label, value in lines
    )
    return facts + page.content
