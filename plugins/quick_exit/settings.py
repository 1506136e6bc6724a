"""Where the quick exit goes, and where the safety page is, per language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from languages.urls import url_for

from relais.i18n import _
from relais.problems import Problem

# Environment Canada's forecast: neutral, the same for everyone, nothing
# personal on it, in each language.
DEFAULT_EXIT_URL = {"en": "https://weather.gc.ca/", "fr": "https://meteo.gc.ca/"}
DEFAULT_SAFETY_PAGE = "safety"


def exit_url(settings: dict[str, Any], lang: str) -> str:
    """``QUICK_EXIT_URL``: one address, or one per language."""
    value = settings.get("QUICK_EXIT_URL", DEFAULT_EXIT_URL)
    if isinstance(value, dict):
        return value.get(lang) or next(iter(value.values()))
    return str(value)


def _safety_entries(site: Any) -> dict[str, Any]:
    key = site.settings.get("QUICK_EXIT_SAFETY_PAGE", DEFAULT_SAFETY_PAGE)
    return {entry.lang: entry for entry in site.index.published("page") if entry.translation_key == key}


def safety_page_url(site: Any, settings: dict[str, Any], lang: str) -> str | None:
    entry = _safety_entries(site).get(lang)
    return url_for(settings, "PAGE_URL", lang, slug=entry.slug) if entry else None


def missing_safety_pages(site: Any) -> Iterator[Problem]:
    """Readers of every language need the page that explains the quick exit."""
    found = _safety_entries(site)
    key = site.settings.get("QUICK_EXIT_SAFETY_PAGE", DEFAULT_SAFETY_PAGE)
    for lang in site.config.LANGUAGES:
        if lang not in found:
            yield Problem(
                site.settings_file,
                0,
                "QUICK_EXIT_SAFETY_PAGE",
                _(
                    "no published page in '{lang}' has translation_key: {key}, "
                    "so the quick exit links to no safety page"
                ).format(lang=lang, key=key),
                _(
                    "add a page in content/pages/ with 'lang: {lang}' and 'translation_key: {key}' "
                    "that explains what the quick exit does and does not do"
                ).format(lang=lang, key=key),
            ).as_warning()
