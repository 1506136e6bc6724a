"""The feed writer on its own: order, limits, and any text surviving intact."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import zoneinfo
from pathlib import Path
from types import SimpleNamespace

import feedparser
import icalendar
import lxml.etree
from calendars.ical import calendar_bytes, new_calendar
from events.schedule import Schedule
from events.schema import Event
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.links import absolute_links
from feeds.model import Feed, FeedItem, tag_uri
from feeds.text import one_line, printable
from feeds.writer import write_feed

ZONE = zoneinfo.ZoneInfo("America/Toronto")
SETTINGS = {"FEED_DOMAIN": "https://example.org", "SITENAME": "Site", "FEED_MAX_ITEMS": 3}


def item(number: int, title: str = "", summary: str = "Summary") -> FeedItem:
    published = dt.datetime(2026, 1, number, 9, tzinfo=ZONE)
    return FeedItem(
        id=tag_uri(SETTINGS, published.date(), f"en/posts/p{number}"),
        title=title or f"Post {number}",
        link=f"https://example.org/en/posts/p{number}/",
        published=published,
        summary=summary,
        content_html="<p>Body</p>",
        authors=("Lune",),
    )


def feed_of(*items: FeedItem) -> Feed:
    return Feed(
        key="all", path="en/feeds/all", lang="en", title="Site", description="All posts", page_url="en/", items=items
    )


def write(feed: Feed, folder: Path) -> tuple[feedparser.FeedParserDict, lxml.etree._Element, lxml.etree._Element]:
    """Write both formats; return the Atom read by feedparser, and both as XML trees."""
    write_feed(feed, folder, SETTINGS)
    atom_bytes, rss_bytes = (folder / feed.atom_url).read_bytes(), (folder / feed.rss_url).read_bytes()
    atom = feedparser.parse(atom_bytes)
    assert not atom.bozo, atom.bozo_exception
    assert not feedparser.parse(rss_bytes).bozo
    return atom, lxml.etree.fromstring(atom_bytes), lxml.etree.fromstring(rss_bytes)


def test_newest_first_and_at_most_the_configured_number(tmp_path: Path) -> None:
    atom, _atom_xml, rss = write(feed_of(item(2), item(5), item(1), item(4), item(3)), tmp_path)
    assert [entry.title for entry in atom.entries] == ["Post 5", "Post 4", "Post 3"]
    assert rss.xpath("//item/title/text()") == ["Post 5", "Post 4", "Post 3"]
    assert atom.feed.updated_parsed == atom.entries[0].updated_parsed


def test_an_empty_feed_is_still_valid_and_dated_without_the_clock(tmp_path: Path) -> None:
    atom, _atom_xml, rss = write(feed_of(), tmp_path)
    assert atom.entries == [] and atom.feed.updated == "1970-01-01T00:00:00+00:00"
    assert rss.xpath("//channel/link/text()") == ["https://example.org/en/"]


def test_relative_links_and_images_become_absolute() -> None:
    html = '<p><a href="/en/a/">a</a> <a href="b/">b</a> <img src="../c.png" srcset="/d.png 2x"> <a href="https://o.org/">o</a></p>'
    result = absolute_links(html, "https://example.org/site/en/posts/x/", "https://example.org/site")
    assert 'href="https://example.org/site/en/a/"' in result
    assert 'href="https://example.org/site/en/posts/x/b/"' in result
    assert 'src="https://example.org/site/en/posts/c.png"' in result
    assert 'srcset="https://example.org/site/d.png 2x"' in result
    assert 'href="https://o.org/"' in result


# Text as a writer might type it: quotes, ampersands, angle brackets, accents,
# emoji, and also control characters that XML cannot hold (they are dropped).
FRAGMENTS = [
    *"\"'&<>;#[]/\\ éÉçàœ«»—–…€\u202f\xa0",
    "😀",
    "🏳️‍🌈",
    "&amp;",
    "<b>",
    "]]>",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\ufffe",
]
tricky = (
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.characters(blacklist_categories=("Cs",))), min_size=1, max_size=40
    )
    .map("".join)
    .map(str.strip)
    .filter(lambda text: printable(text).strip() != "")
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=tricky, summary=tricky)
def test_any_title_and_summary_survive_into_the_feeds_intact(title: str, summary: str) -> None:
    expected_title, expected_summary = printable(title), printable(summary)
    with tempfile.TemporaryDirectory() as folder:
        atom, atom_xml, rss = write(feed_of(item(1, title, summary)), Path(folder))
    assert len(atom.entries) == 1
    # The XML itself, read by a conforming parser: feed readers differ in how
    # they take text that looks like HTML or like mis-encoded UTF-8.
    atom_ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom_xml.xpath("//a:entry/a:title/text()", namespaces=atom_ns) == [expected_title]
    assert atom_xml.xpath("//a:entry/a:summary/text()", namespaces=atom_ns) == [expected_summary]
    assert rss.xpath("//item/title/text()") == [expected_title]
    assert rss.xpath("//item/description/text()") == [expected_summary]


def unescape_ical_text(value: str) -> str:
    """Undo RFC 5545 TEXT escaping (section 3.3.11): backslash, semicolon, comma, newline."""
    return re.sub(r"\\([\\;,nN])", lambda match: "\n" if match.group(1) in "nN" else match.group(1), value)


@settings(max_examples=60, deadline=None)
@given(title=tricky, summary=tricky)
def test_any_title_and_summary_survive_into_the_calendar_intact(title: str, summary: str) -> None:
    event = Event.model_validate({"title": "T", "summary": "S", "start": "2026-12-17", "all_day": True})
    page = SimpleNamespace(
        title=title,
        summary=summary,
        registration=None,
        url="en/events/x/",
        lang="en",
        slug="x",
        location_text=summary,
        schedule=Schedule(event, ZONE),
    )
    now = dt.datetime(2026, 11, 22, tzinfo=ZONE)
    data = calendar_bytes(new_calendar(title, summary), [page], SETTINGS, now)
    parsed = icalendar.Calendar.from_ical(data)
    (vevent,) = parsed.walk("VEVENT")
    assert str(vevent["summary"]) == printable(title)
    assert str(vevent["location"]) == printable(summary)
    assert str(vevent["description"]).startswith(printable(summary))
    # icalendar reads NAME (RFC 7986) untyped: unescape it as the TEXT it is.
    assert unescape_ical_text(str(parsed["name"])) == one_line(title)
