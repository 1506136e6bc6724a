"""Language-prefixed URL settings, in each language's words.

pelicanconf.py declares URL patterns without a language (``events/{slug}/``);
each language's run gets them prefixed and in its own words
(``fr/evenements/{slug}/``, see :mod:`relais.url_words`).  Static files and
the theme's files are shared by all languages and keep their paths.
"""

from __future__ import annotations

from typing import Any

from relais.url_words import PATTERNS_KEY, base_patterns, is_localised_url_setting, localised

__all__ = [
    "PATTERNS_KEY",
    "base_patterns",
    "index_url",
    "is_localised_url_setting",
    "localised_patterns",
    "url_for",
]


def localised_patterns(settings: dict[str, Any], lang: str) -> dict[str, str]:
    return {name: localised(settings, pattern, lang) for name, pattern in base_patterns(settings).items()}


def url_for(settings: dict[str, Any], setting: str, lang: str, **values: Any) -> str:
    """The URL of a page of a given kind in a given language."""
    pattern = base_patterns(settings)[setting]
    return localised(settings, pattern, lang).format(lang=lang, **values)


def index_url(settings: dict[str, Any], lang: str) -> str:
    url = url_for(settings, "INDEX_URL", lang)
    return url.removesuffix("index.html")
