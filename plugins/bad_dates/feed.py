"""The alerts feed of each language: one entry per report on the site (Atom and RSS, through the feeds plugin).

An entry's id is the report's id in a tag URI dated with its edition's
month, so correcting a report never makes it a new alert, and the same
report has the same id in every build.  An entry is dated the day its
edition came out, or the day the report reached us when it was added to the
edition later.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from feeds.model import Feed, FeedItem, feed_path, tag_uri

from relais.clock import as_datetime
from relais.site import Site
from relais.urls import public_url

from .months import parse_month
from .site_views import LanguageViews, language_views
from .text import report_lines
from .views import ReportView

FEED_KEY = "bad-dates"


def bad_date_feeds(site: Site, settings: dict[str, Any], context: dict[str, Any]) -> list[Feed]:
    lang = settings["DEFAULT_LANG"]
    views = language_views(site, settings, lang)
    items = tuple(
        _item(report, views, settings, site=site, month=parse_month(edition.edition).first_day, source=reported)
        for edition in views.editions
        for report, reported in zip(edition.reports, edition.entry.data.reports, strict=True)
    )
    return [
        Feed(
            key=FEED_KEY,
            path=feed_path(settings, lang, FEED_KEY),
            lang=lang,
            title=views.translate("%(site)s: bad date list") % {"site": site.config.SITENAME},
            description=views.translate("Each warning of the bad date list, as soon as it is published."),
            page_url=settings["BAD_DATES_INDEX_URL"],
            items=items,
            everywhere=False,
        )
    ]


def _item(
    report: ReportView, views: LanguageViews, settings: dict[str, Any], *, site: Site, month: dt.date, source: Any
) -> FeedItem:
    published = as_datetime(max(month, source.reported_on), site.index.zone)
    lines = report_lines(report, views.words)
    return FeedItem(
        id=tag_uri(settings, month, f"{views.lang}/bad-dates/{report.id}"),
        title=f"{report.when_short} · {report.where}: {', '.join(report.kinds)}",
        link=public_url(settings, report.url),
        published=published,
        summary="\n".join(lines[1:]),
        content_html="".join(f"<p>{escape(line)}</p>" for line in lines[1:]),
    )
