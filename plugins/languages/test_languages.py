"""Tests for the languages plugin: prefixed URLs and links between languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from languages.urls import base_patterns, is_localised_url_setting, localised_patterns
from tests.helpers import build_minimal


def test_only_page_urls_are_localised() -> None:
    assert is_localised_url_setting("ARTICLE_URL", "posts/{slug}/")
    assert is_localised_url_setting("INDEX_URL", "")  # the language's root
    assert not is_localised_url_setting("DRAFT_SAVE_AS", "")  # empty SAVE_AS: never written
    assert not is_localised_url_setting("STATIC_URL", "{path}")  # images are shared
    assert not is_localised_url_setting("SITEURL", "https://example.org")
    assert not is_localised_url_setting("FEED_ALL_ATOM_URL", "feeds/all.atom.xml")
    assert not is_localised_url_setting("QUICK_EXIT_URL", "https://weather.example.org/")  # another site


def test_patterns_are_remembered_once_and_prefixed_per_language() -> None:
    settings = {"ARTICLE_URL": "posts/{slug}/", "INDEX_SAVE_AS": "index.html", "DIRECT_TEMPLATES": ["search"]}
    assert localised_patterns(settings, "fr")["ARTICLE_URL"] == "fr/posts/{slug}/"
    settings.update(localised_patterns(settings, "fr"))
    # Prefixing again starts from the remembered patterns, not from fr/…
    assert localised_patterns(settings, "en")["ARTICLE_URL"] == "en/posts/{slug}/"
    assert base_patterns(settings)["SEARCH_SAVE_AS"] == "search.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_minimal(tmp_path_factory.mktemp("languages"))


def test_category_page_links_to_the_same_category_in_the_other_language(site: Path) -> None:
    english = (site / "en/categories/news-from-the-team/index.html").read_text()
    assert (
        '<link rel="alternate" hreflang="fr" href="https://lanterne.example.org/fr/sujets/nouvelles-de-lequipe/">'
        in english
    )


def test_category_without_posts_in_the_other_language_falls_back_to_home(site: Path) -> None:
    english = (site / "en/categories/community/index.html").read_text()
    assert 'hreflang="fr" href=' not in english
    assert '<a href="/fr/" hreflang="fr" lang="fr">Français</a>' in english


def test_shared_pages_link_across_languages(site: Path) -> None:
    archives = (site / "fr/archives/index.html").read_text()
    assert '<link rel="alternate" hreflang="en" href="https://lanterne.example.org/en/archives/">' in archives
    assert '<link rel="alternate" hreflang="x-default" href="https://lanterne.example.org/">' in archives


def test_root_page_offers_every_language(site: Path) -> None:
    root = (site / "index.html").read_text()
    assert 'href="/en/" hreflang="en">Read in English' in root
    assert 'href="/fr/" hreflang="fr">Lire en français' in root
