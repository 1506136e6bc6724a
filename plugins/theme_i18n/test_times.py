"""Times as each language writes them, on one line; French spacing that never breaks where it must not."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lxml.html
import pytest

from tests.conftest import demo_site
from theme_i18n.times import NBSP, clock, time_range
from theme_i18n.typography import keep_together

__all__ = ["demo_site"]


@pytest.mark.parametrize(
    ("time", "french", "english"),
    [
        (dt.time(13, 0), "13 h", "1 p.m."),
        (dt.time(18, 30), "18 h 30", "6:30 p.m."),
        (dt.time(9, 5), "9 h 05", "9:05 a.m."),
        (dt.time(0, 0), "0 h", "12 a.m."),
    ],
)
def test_times_follow_quebec_usage_and_canadian_english(time: dt.time, french: str, english: str) -> None:
    assert clock(time, "fr_CA") == french.replace(" ", NBSP)
    assert clock(time, "en_CA") == english.replace(" ", NBSP)


def test_a_range_breaks_only_after_its_dash() -> None:
    assert time_range(dt.time(13), dt.time(22), "fr_CA") == f"13{NBSP}h{NBSP}– 22{NBSP}h"
    assert time_range(dt.time(18, 30), dt.time(20, 30), "en_CA") == f"6:30{NBSP}p.m.{NBSP}– 8:30{NBSP}p.m."


def test_other_languages_get_their_locales_clock() -> None:
    assert clock(dt.time(13, 5), "de_DE") == "13:05"


def test_french_pages_keep_guillemets_colons_and_times_together() -> None:
    page = '<html lang="fr"><p>Quand : « out » ! Une question ? De 18 h 30 à 20 h.</p><pre>a : b</pre>'
    assert keep_together(page, "fr/x/index.html", {}) == (
        f'<html lang="fr"><p>Quand{NBSP}: «{NBSP}out{NBSP}»{NBSP}! Une question{NBSP}? '
        f"De 18{NBSP}h{NBSP}30 à 20{NBSP}h.</p><pre>a : b</pre>"
    )


def test_attributes_code_and_english_pages_are_left_alone() -> None:
    french = '<html lang="fr"><a title="Note : x" href="/a : b">Note</a><code>x ? y</code>'
    assert keep_together(french, "fr/index.html", {}) == french
    english = '<html lang="en"><p>Note : from 6:30 pm to 8 p.m.</p>'
    assert (
        keep_together(english, "en/index.html", {}) == f'<html lang="en"><p>Note : from 6:30{NBSP}pm to 8{NBSP}p.m.</p>'
    )


def _main_text(page: Path) -> str:
    return lxml.html.parse(str(page)).find(".//main").text_content()


def test_the_french_timetable_reads_as_in_quebec(demo_site: Path) -> None:
    text = _main_text(demo_site / "fr/services/horaire/index.html")
    assert f"13{NBSP}h{NBSP}– 22{NBSP}h" in text  # the text line
    assert f"20{NBSP}h{NBSP}– minuit" in text  # street outreach
    assert not re.search(r"\d h 00|\d{2}\s?h\s?00\b", text)  # no "18 h 00"
    assert not re.search(r"\d[ ]h\b|\bh[ ]\d", text)  # every space inside a time is a no-break one
    event = _main_text(demo_site / "fr/evenements/rencontre-entre-pairs/index.html")
    assert f"18{NBSP}h{NBSP}30{NBSP}– 20{NBSP}h{NBSP}30" in event


def test_french_pages_never_break_inside_guillemets_or_before_a_colon(demo_site: Path) -> None:
    for page in ("fr/articles/rencontres-entre-pairs/index.html", "fr/articles/interpellation-policiere-vos-droits/"):
        path = demo_site / page
        text = _main_text(path if path.is_file() else path / "index.html")
        assert "«" in text or " :" in text or f"{NBSP}:" in text
        assert not re.search(r"« | »| [:;!?](?=\s|$)", text), page


def test_readers_see_the_city_not_the_time_zone(demo_site: Path) -> None:
    for page in demo_site.rglob("*.html"):
        assert "America/Toronto" not in page.read_text(encoding="utf-8"), page
    assert "Toutes les heures sont celles de Port-Lumière." in _main_text(demo_site / "fr/services/horaire/index.html")
    assert "All times are Port-Lumière time." in _main_text(demo_site / "en/services/drop-in/index.html")


def test_without_a_city_readers_see_the_city_of_the_time_zone_in_their_language() -> None:
    from relais.settings import SiteConfig

    config = SiteConfig.model_validate(
        {
            "SITENAME": "Site",
            "TIMEZONE": "Europe/Brussels",
            "DEFAULT_LANG": "fr",
            "LANGUAGES": {"fr": {"name": "Français", "locale": "fr_BE"}, "en": {"name": "English", "locale": "en"}},
            "CATEGORIES": {},
        }
    )
    assert (config.city("fr"), config.city("en")) == ("Bruxelles", "Brussels")
