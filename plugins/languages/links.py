"""Links between the languages: translations, and the equivalent page.

Every page offers every language.  Where a translation exists the link goes
to it (and is announced with ``hreflang``); otherwise it goes to that
language's home page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pelican.urlwrappers import Category

from relais.content import Entry
from relais.site import Site

from .urls import base_patterns, index_url, url_for

# Pages every language has, by the direct template that writes them.
_SHARED_TEMPLATES = {
    "index": "INDEX_URL",
    "archives": "ARCHIVES_URL",
    "categories": "CATEGORIES_URL",
    "tags": "TAGS_URL",
    "authors": "AUTHORS_URL",
}
_URL_SETTING = {"post": "ARTICLE_URL", "page": "PAGE_URL"}


@dataclass(frozen=True)
class LanguageLink:
    lang: str
    name: str
    url: str
    current: bool
    equivalent: bool  # the same page in that language, not a fallback to its home


class LanguageLinks:
    def __init__(self, settings: dict[str, Any], site: Site) -> None:
        self.settings = settings
        self.site = site
        self.lang = settings["DEFAULT_LANG"]

    def home(self, lang: str | None = None) -> str:
        return index_url(self.settings, lang or self.lang)

    def author_bio(self, display_name: str) -> str:
        """The author's biography in this run's language, if they wrote one."""
        author = next((a for a in self.site.index.authors.values() if a.data.name == display_name), None)
        return author.data.bio.get(self.lang, "") if author else ""

    def entry_url(self, entry: Entry) -> str:
        setting = _URL_SETTING.get(entry.type.name, f"{entry.type.name.upper()}_URL")
        return url_for(self.settings, setting, entry.lang, slug=entry.slug)

    def translations(self, item: Any) -> list[LanguageLink]:
        """Published translations of an article or page, for hreflang links."""
        entry = self.site.index.by_source.get(getattr(item, "relais_source", ""))
        if entry is None:
            return []
        return [self._link(other.lang, self.entry_url(other), True) for other in self.site.index.translations(entry)]

    def for_page(self, template: str = "index", item: Any = None) -> list[LanguageLink]:
        """One link per language for the language switcher."""
        links = []
        for lang in self.site.config.LANGUAGES:
            url = self._equivalent(lang, template, item)
            links.append(self._link(lang, url or self.home(lang), url is not None))
        return links

    def _equivalent(self, lang: str, template: str, item: Any) -> str | None:
        """The same page in ``lang``, or None when that language has no such page."""
        if lang == self.lang and item is not None and hasattr(item, "url"):
            return item.url
        if getattr(item, "relais_source", None):
            return next((link.url for link in self.translations(item) if link.lang == lang), None)
        if template == "category":
            return self._category_url(lang, item)
        shared = self._shared_page_setting(template)
        return _directory(url_for(self.settings, shared, lang)) if shared else None

    def _shared_page_setting(self, template: str) -> str | None:
        """Pages every language has (index, archives, a directory…): a URL setting without placeholders."""
        setting = f"{template.upper()}_URL"
        pattern = base_patterns(self.settings).get(setting)
        return setting if pattern is not None and "{" not in pattern else None

    def _category_url(self, lang: str, category: Any) -> str | None:
        key = getattr(category, "key", None) or self._category_key(category)
        if key is None or not self._has_posts(lang, key):
            return None
        label = self.site.config.category_label(key, lang)
        return url_for(self.settings, "CATEGORY_URL", lang, slug=Category(label, self.settings).slug)

    def _category_key(self, category: Any) -> str | None:
        name = str(category)
        return next((key for key, labels in self.site.config.CATEGORIES.items() if labels.get(self.lang) == name), None)

    def _has_posts(self, lang: str, category_key: str) -> bool:
        return any(entry.data.category == category_key for entry in self.site.index.published("post", lang))

    def _link(self, lang: str, url: str, equivalent: bool) -> LanguageLink:
        name = self.site.config.LANGUAGES[lang].name
        return LanguageLink(lang, name, url, lang == self.lang, equivalent)


def _directory(url: str) -> str:
    return url.removesuffix("index.html")
