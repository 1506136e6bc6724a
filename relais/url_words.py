"""Addresses in the reader's language: ``/fr/evenements/``, ``/fr/services/horaire/``.

pelicanconf.py writes each URL pattern once, with English words
(``events/{slug}/``).  A language may give its own word for any of them in
``LANGUAGES[lang]["url_words"]`` (``{"events": "evenements"}``): the word
replaces every folder or file name of a pattern that is that word, before
its extension (``calendar.ics`` → ``calendrier.ics``), never a placeholder
such as ``{slug}``.  Both a page's address and where it is written come from
the same pattern, so they always agree.

Kept in ``relais`` rather than in the languages plugin: the checks that know
where each page will be written (:mod:`relais.collisions`) need it too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# A word of an address: lower-case letters, digits and single hyphens, as slugs are.
WORD = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

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


def url_words(settings: Mapping[str, Any], lang: str) -> Mapping[str, str]:
    """The language's words for the patterns' words, from the raw settings (empty when it has none)."""
    language = (settings.get("LANGUAGES") or {}).get(lang)
    words = language.get("url_words") if isinstance(language, Mapping) else getattr(language, "url_words", None)
    return words if isinstance(words, Mapping) else {}


def in_words(pattern: str, words: Mapping[str, str]) -> str:
    """``events/{slug}.ics`` with ``{"events": "evenements"}`` → ``evenements/{slug}.ics``."""
    if not words:
        return pattern
    return "/".join(_segment(part, words) for part in pattern.split("/"))


def _segment(part: str, words: Mapping[str, str]) -> str:
    if "{" in part:
        # A file name with placeholders (bad-date-list-{slug}-{paper}.pdf): its own words between them.
        return "".join(piece if piece.startswith("{") else _literal(piece, words) for piece in _PIECES.split(part))
    stem, dot, suffix = part.partition(".")
    return f"{words.get(stem, stem)}{dot}{suffix}"


# A placeholder, kept whole, between the literal parts of a file name.
_PIECES = re.compile(r"(\{[^}]*\})")
# A word of a literal part: the longest run of letters, digits and inner hyphens before any extension.
_LITERAL_WORD = re.compile(r"(?<![.a-z0-9])[a-z0-9]+(?:-[a-z0-9]+)*")


def _literal(piece: str, words: Mapping[str, str]) -> str:
    return _LITERAL_WORD.sub(lambda match: words.get(match.group(), match.group()), piece)


def literal_words(pattern: str) -> set[str]:
    """The words of a pattern a language may translate: folder and file names, and words between placeholders."""
    found = set()
    for part in pattern.split("/"):
        if "{" not in part:
            found.add(part.partition(".")[0])
            continue
        for piece in _PIECES.split(part):
            if not piece.startswith("{"):
                found.update(_LITERAL_WORD.findall(piece))
    return found - {""}


def localised(settings: Mapping[str, Any], pattern: str, lang: str) -> str:
    """A pattern as one language writes it, under the language's prefix: ``fr/evenements/{slug}/``."""
    return f"{lang}/{in_words(pattern, url_words(settings, lang))}"
