"""Language-prefixed URL settings.

pelicanconf.py declares URL patterns without a language (``posts/{slug}/``);
each language's run gets them prefixed (``fr/posts/{slug}/``).  Static files
and the theme's files are shared by all languages and keep their paths.
"""

from __future__ import annotations

from typing import Any

PATTERNS_KEY = "RELAIS_URL_PATTERNS"
_SHARED_PREFIXES = ("STATIC_", "THEME_", "FEED", "SITEURL", "PLUGIN_", "EXTRA_")


def is_localised_url_setting(name: str, value: Any) -> bool:
    """URL and SAVE_AS patterns that differ per language.

    An empty SAVE_AS means "do not write" and stays empty; an empty URL is the
    root, which becomes the language's root.
    """
    return (
        isinstance(value, str)
        and (bool(value) or name.endswith("_URL"))
        and name.isupper()
        and name.endswith(("_URL", "_SAVE_AS"))
        and not name.startswith(_SHARED_PREFIXES)
        and "FEED" not in name
        and "://" not in value  # an address on another site (QUICK_EXIT_URL), not a pattern
    )


def base_patterns(settings: dict[str, Any]) -> dict[str, str]:
    """The unprefixed patterns, remembered the first time we see the settings."""
    if PATTERNS_KEY not in settings:
        for template in settings.get("DIRECT_TEMPLATES", ()):
            settings.setdefault(f"{template.upper()}_SAVE_AS", f"{template}.html")
            settings.setdefault(f"{template.upper()}_URL", f"{template}.html")
        settings[PATTERNS_KEY] = {
            name: value for name, value in settings.items() if is_localised_url_setting(name, value)
        }
    return settings[PATTERNS_KEY]


def prefixed(pattern: str, lang: str) -> str:
    return f"{lang}/{pattern}"


def localised_patterns(settings: dict[str, Any], lang: str) -> dict[str, str]:
    return {name: prefixed(pattern, lang) for name, pattern in base_patterns(settings).items()}


def url_for(settings: dict[str, Any], setting: str, lang: str, **values: Any) -> str:
    """The URL of a page of a given kind in a given language."""
    pattern = base_patterns(settings)[setting]
    return prefixed(pattern, lang).format(lang=lang, **values)


def index_url(settings: dict[str, Any], lang: str) -> str:
    url = url_for(settings, "INDEX_URL", lang)
    return url.removesuffix("index.html")
