"""The blog's feeds for one language: every post, and one feed per category."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from typing import Any

from languages.urls import url_for

from relais.site import Site
from relais.urls import public_url

from .model import Feed, FeedItem, feed_path, tag_uri

Translate = Callable[[str], str]


def post_item(article: Any, settings: dict[str, Any]) -> FeedItem:
    """A Pelican article as a feed entry; its id comes from its source file and date, not its title."""
    source = PurePosixPath(article.relais_source).with_suffix("")
    return FeedItem(
        id=tag_uri(settings, article.date.date(), f"{article.lang}/{source}"),
        title=article.title,
        link=public_url(settings, article.url),
        published=article.date,
        updated=getattr(article, "modified", None),
        summary=getattr(article, "summary_text", "") or "",
        content_html=article.content,
        authors=tuple(author.name for author in getattr(article, "authors", ())),
        categories=(article.category.name,) if getattr(article, "category", None) else (),
    )


def blog_feed(
    site: Site, settings: dict[str, Any], lang: str, translate: Translate, items: tuple[FeedItem, ...] = ()
) -> Feed:
    """Every post of a language."""
    return Feed(
        key="all",
        path=feed_path(settings, lang, "all"),
        lang=lang,
        title=translate("%(site)s: all posts") % {"site": site.config.SITENAME},
        description=site.config.SITE_DESCRIPTION.get(lang, site.config.SITENAME),
        page_url=url_for(settings, "INDEX_URL", lang),
        items=items,
        everywhere=True,
    )


def post_feeds(site: Site, settings: dict[str, Any], context: dict[str, Any], translate: Translate) -> list[Feed]:
    lang = settings["DEFAULT_LANG"]
    articles = [article for article in context.get("articles", ()) if article.lang == lang]
    items = {id(article): post_item(article, settings) for article in articles}
    sitename = site.config.SITENAME
    feeds = [blog_feed(site, settings, lang, translate, tuple(items.values()))]
    for category, members in _categories(site, lang, context):
        feeds.append(
            Feed(
                # Named like the topic's page: /fr/sujets/sante/ and /fr/fils/sujets/sante.atom.xml.
                key=f"categories/{category.slug}",
                path=feed_path(settings, lang, f"categories/{category.slug}"),
                lang=lang,
                title=translate("%(site)s: %(topic)s") % {"site": sitename, "topic": category.name},
                description=translate("Posts about %(topic)s.") % {"topic": category.name},
                page_url=category.url,
                items=tuple(items[id(article)] for article in members if id(article) in items),
            )
        )
    return feeds


def _categories(site: Site, lang: str, context: dict[str, Any]) -> Iterable[tuple[Any, list[Any]]]:
    """(Pelican category, its articles), in the order the settings declare categories."""
    labels = {site.config.category_label(key, lang): key for key in site.config.CATEGORIES}
    found = {labels[category.name]: (category, members) for category, members in context.get("categories", ())}
    for key in site.config.CATEGORIES:
        if key in found:
            yield found[key]
