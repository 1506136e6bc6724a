"""Tests for the theme's translations and dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from theme_i18n.catalogs import missing, wanted
from theme_i18n.theme_i18n import load_translations, long_date

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "theme"


def test_every_theme_string_is_translated_into_french() -> None:
    left = missing("fr")
    assert not left, f"translate these in a catalog of theme/translations/fr/LC_MESSAGES/ (make translations): {left}"


def test_words_written_by_plugins_are_found_too() -> None:
    found = wanted()
    assert "%(site)s: events" in found and found["%(site)s: events"].startswith("plugins/")
    assert "Skip to content" in found


def test_catalog_is_compiled_in_memory() -> None:
    translations = load_translations(str(THEME), "fr", "fr_CA")
    assert translations.gettext("Skip to content") == "Aller au contenu"
    assert translations.ngettext("%(num)d post", "%(num)d posts", 2) == "%(num)d articles"


def test_dates_per_language() -> None:
    day = dt.date(2026, 11, 3)
    assert long_date(day, "en_CA") == "November 3, 2026"
    assert long_date(day, "fr_CA") == "3 novembre 2026"
