"""Tests for the theme's translations and dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from theme_i18n.theme_i18n import load_translations, long_date

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "theme"


def template_messages() -> set[str | tuple[str, ...]]:
    method_map = [("**.html", "jinja2")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n"}}
    found = extract_from_dir(
        str(THEME / "templates"),
        method_map,
        options,
        keywords={"_": None, "gettext": None, "ngettext": (1, 2), "_in": (2,)},
    )
    return {message if isinstance(message, str) else tuple(message) for _file, _line, message, _c, _ctx in found}


def french_messages() -> set[str | tuple[str, ...]]:
    """Every translated msgid of every French catalog (messages.po and one per feature)."""
    translated: set[str | tuple[str, ...]] = set()
    for po_path in sorted((THEME / "translations/fr/LC_MESSAGES").glob("*.po")):
        with po_path.open("rb") as po:
            catalog = read_po(po)
        translated |= {
            (m.id if isinstance(m.id, str) else tuple(m.id))
            for m in catalog
            if m.id and m.string and all(m.string if isinstance(m.string, tuple) else [m.string])
        }
    return translated


def test_every_theme_string_is_translated_into_french() -> None:
    missing = template_messages() - french_messages()
    assert not missing, f"add these to a catalog in theme/translations/fr/LC_MESSAGES/ (make translations): {missing}"


def test_catalog_is_compiled_in_memory() -> None:
    translations = load_translations(str(THEME), "fr", "fr_CA")
    assert translations.gettext("Skip to content") == "Aller au contenu"
    assert translations.ngettext("%(num)d post", "%(num)d posts", 2) == "%(num)d articles"


def test_dates_per_language() -> None:
    day = dt.date(2026, 11, 3)
    assert long_date(day, "en_CA") == "November 3, 2026"
    assert long_date(day, "fr_CA") == "3 novembre 2026"
