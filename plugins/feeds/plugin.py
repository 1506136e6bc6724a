"""Pelican side of the feeds: gather each language's feeds, write them and the page that lists them.

Feeds are built per language run rather than once at the end: each run
holds its language's posts with their rendered HTML (Pelican's links
already resolved), which a single pass after all languages would have to
keep in module state between runs.  They are gathered when every generator
has its content (so any page can link them) and written with the pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator
from theme_i18n.theme_i18n import load_translations

from relais.i18n import _
from relais.problems import Problem
from relais.settings import line_of_setting
from relais.site import SETTINGS_KEY, Site
from relais.urls import public_base

from .model import Feed
from .posts import blog_feed, post_feeds
from .writer import write_feed

CONTEXT_KEY = "relais_feeds"
# The root pages (language chooser, 404) are for every language: they announce
# each language's blog feed.
ROOT_CONTEXT_KEY = "relais_root_feeds"
TEMPLATE = "feeds"


def translator(site: Site, settings: dict[str, Any], lang: str) -> Callable[[str], str]:
    """The theme's gettext for ``lang``, for words written into feeds and calendars."""
    return load_translations(settings["THEME"], lang, site.config.LANGUAGES[lang].locale).gettext


def language_feeds(site: Site, settings: dict[str, Any], context: dict[str, Any]) -> list[Feed]:
    """The blog's feeds, then those other plugins declare in ``FEEDS``."""
    lang = settings["DEFAULT_LANG"]
    feeds = post_feeds(site, settings, context, translator(site, settings, lang))
    for hook in site.hooks("FEEDS"):
        feeds.extend(hook(site, settings, context))
    return feeds


def gather(generators: list[Generator]) -> None:
    if not generators:
        return
    settings, context = generators[0].settings, generators[0].context
    site: Site | None = settings.get(SETTINGS_KEY)
    if site is not None and settings["DEFAULT_LANG"] in site.config.LANGUAGES:
        context[CONTEXT_KEY] = language_feeds(site, settings, context)
        context[ROOT_CONTEXT_KEY] = [
            blog_feed(site, settings, lang, translator(site, settings, lang)) for lang in site.config.LANGUAGES
        ]


class FeedsGenerator(Generator):
    """Writes the language's feeds, and the page that explains and lists them."""

    def generate_context(self) -> None:
        """Nothing to read: feeds are gathered from the other generators."""

    def generate_output(self, writer: Any) -> None:
        feeds: list[Feed] = self.context.get(CONTEXT_KEY, [])
        for feed in feeds:
            write_feed(feed, Path(self.output_path), self.settings)
        save_as = self.settings.get("SUBSCRIBE_SAVE_AS")
        if save_as:
            writer.write_file(
                save_as,
                self.get_template(TEMPLATE),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=self.settings["SUBSCRIBE_URL"],
            )


def feeds_generator(_pelican: Any) -> type[Generator]:
    return FeedsGenerator


def public_address_is_set(site: Site) -> Iterator[Problem]:
    """Feeds, calendars and the sitemap are read elsewhere: they need the site's public address."""
    base = public_base(site.settings)
    if not base.startswith(("https://", "http://")):
        yield Problem(
            site.settings_file,
            line_of_setting(site.settings_file, "FEED_DOMAIN"),
            "FEED_DOMAIN",
            _("feeds, calendars and the sitemap need the site's public address, and it is not set"),
            _("set FEED_DOMAIN (or SITEURL) to the address readers use, for example 'https://lanterne.example.org'"),
        )


def register() -> None:
    signals.get_generators.connect(feeds_generator)
    signals.all_generators_finalized.connect(gather)
