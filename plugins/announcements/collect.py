"""Every announcement on offer: standalone ones and ``announce`` blocks of any content type.

An ``announce`` block is found on any entry whose schema has an ``announce``
field (posts today; services and events declare the same field), so a new
content type gets forum announcements without changes here.

Each announcement has a SLUG that names its snippet files
(``/announcements/SLUG.LANG.bbcode.txt``…).  It is stable because it comes
from what writers already keep stable: the ``translation_key`` (shared by
the languages), else the file name; ``announce`` blocks are prefixed with
their content type (``post-getting-tested``) so that they can never take the
name of a standalone announcement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from languages.links import LanguageLinks
from languages.urls import url_for

from relais.clock import as_datetime, last_moment
from relais.content import Entry
from relais.site import Site
from relais.slugs import slugify
from relais.sources import Location
from relais.urls import public_url

from .formats import FILE_SUFFIXES, RENDERERS, Footer, Message
from .model import ANNOUNCEMENT

PAGE_SETTING = "ANNOUNCEMENTS_URL"
FOOTER_SETTING = "ANNOUNCEMENT_FOOTER"
# Snippet files are shared by the languages (the language is in the name).
SNIPPET_FOLDER = "announcements"


@dataclass(frozen=True)
class Announcement:
    """One announcement in one language, with everything its snippets need."""

    entry: Entry
    location: Location  # where its fields are: () for a standalone one, ("announce",) for a block
    slug: str
    headline: str
    text: str
    published: dt.datetime | None  # None when neither the block nor its page has a date
    until: dt.datetime | None  # the last moment it is offered
    page_url: str  # site-relative: the page it is about, or the announcements page
    link: str  # the same, as a full canonical URL
    footer: Footer | None

    @property
    def lang(self) -> str:
        return self.entry.lang

    @property
    def anchor(self) -> str:
        return anchor_of(self.slug)

    @property
    def is_standalone(self) -> bool:
        return not self.location

    def is_current(self, now: dt.datetime) -> bool:
        return self.published is not None and self.published <= now and (self.until is None or now <= self.until)

    @cached_property
    def snippets(self) -> dict[str, str]:
        """Each format's text, by format name (bbcode, markdown, text, short)."""
        if self.footer is None:
            return {}
        message = Message(self.headline, self.text, self.link, self.footer)
        return {name: render(message) for name, render in RENDERERS.items()}

    def file_name(self, format_name: str) -> str:
        return f"{self.slug}.{self.lang}.{FILE_SUFFIXES[format_name]}"

    def file_path(self, format_name: str) -> str:
        """Where the snippet is written, relative to the site's root."""
        return f"{SNIPPET_FOLDER}/{self.file_name(format_name)}"


def all_announcements(site: Site, settings: dict[str, Any]) -> list[Announcement]:
    """Every announcement of every valid file, offered or not, in file order."""
    return list(_announcements(site, settings))


def offered(site: Site, settings: dict[str, Any], lang: str | None = None) -> list[Announcement]:
    """What is on offer at the build's clock, newest first (then by SLUG, so builds are reproducible)."""
    now = site.index.clock.now
    current = [
        announcement
        for announcement in _announcements(site, settings)
        if (lang is None or announcement.lang == lang)
        and site.index.is_published(announcement.entry)
        and announcement.is_current(now)
    ]
    current.sort(key=lambda announcement: announcement.slug)
    current.sort(key=lambda announcement: announcement.published or now, reverse=True)
    return current


def _announcements(site: Site, settings: dict[str, Any]) -> Iterator[Announcement]:
    maker = _Maker(site, settings)
    defaults = site.hooks("DEFAULT_ANNOUNCEMENTS")
    for entry in site.index.entries:
        if entry.valid:
            fields, location = announce_fields(entry)
            if fields is None:
                # A content type may announce its entries without an `announce` block (a new edition of the
                # bad date list): DEFAULT_ANNOUNCEMENTS are functions (site, settings, entry) -> fields or None.
                fields = next((found for hook in defaults if (found := hook(site, settings, entry)) is not None), None)
            if fields is not None:
                yield maker.announcement(entry, fields, location)


def announce_fields(entry: Entry) -> tuple[Any, Location]:
    """The headline/text/until fields of an entry, and where they are in its file."""
    if entry.type.name == ANNOUNCEMENT.name:
        return entry.data, ()
    return getattr(entry.data, "announce", None), ("announce",)


def announcement_slug(entry: Entry) -> str:
    base = slugify(entry.translation_key) if entry.translation_key else entry.slug
    return base if entry.type.name == ANNOUNCEMENT.name else f"{slugify(entry.type.name)}-{base}"


class _Maker:
    """Turns the fields of an entry into an :class:`Announcement` for this site."""

    def __init__(self, site: Site, settings: dict[str, Any]) -> None:
        self.site = site
        self.settings = settings
        self.links = LanguageLinks(settings, site)
        self.footers = footers_of(settings)

    def announcement(self, entry: Entry, fields: Any, location: Location) -> Announcement:
        zone = self.site.index.zone
        slug = announcement_slug(entry)
        page_url = self._page_url(entry, slug, standalone=not location)
        data = entry.data
        start = getattr(fields, "date", None) or getattr(data, "date", None) or getattr(data, "updated", None)
        return Announcement(
            entry=entry,
            location=location,
            slug=slug,
            headline=fields.headline,
            text=fields.text,
            published=as_datetime(start, zone) if start is not None else None,
            until=last_moment(fields.until, zone) if fields.until is not None else None,
            page_url=page_url,
            link=public_url(self.settings, page_url),
            footer=self.footers.get(entry.lang),
        )

    def _page_url(self, entry: Entry, slug: str, standalone: bool) -> str:
        """The page an announcement is about; the announcements page for standalone ones."""
        if not standalone:
            try:
                return self.links.entry_url(entry)
            except KeyError:
                pass  # a content type without pages of its own (no <TYPE>_URL setting)
        return f"{announcements_page_url(self.settings, entry.lang)}#{anchor_of(slug)}"


def anchor_of(slug: str) -> str:
    """The id of an announcement on the announcements page (theme/templates/announcements.html writes the same)."""
    return f"announcement--{slug}"


def announcements_page_url(settings: dict[str, Any], lang: str) -> str:
    return url_for(settings, PAGE_SETTING, lang)


def footers_of(settings: dict[str, Any]) -> dict[str, Footer]:
    """The valid footers of the settings, by language (the checks report the others)."""
    footers: dict[str, Footer] = {}
    raw = settings.get(FOOTER_SETTING)
    if isinstance(raw, dict):
        for lang, value in raw.items():
            try:
                footers[lang] = Footer.model_validate(value)
            except ValueError:
                continue
    return footers
