"""Helpers shared by the feed, calendar and sitemap tests."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

PUBLIC = "https://lanterne.example.org"


def output_file(output: Path, url: str) -> Path:
    """The built file a public URL leads to (a folder's index.html for '/…/')."""
    assert url.startswith(PUBLIC + "/"), f"not an absolute link to the site: {url}"
    path = output / urlsplit(url).path.lstrip("/")
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


# Each language's feeds folder and main feed, in its own words (LANGUAGES' url_words).
FEEDS = {"en": "en/feeds", "fr": "fr/fils"}
BLOG_FEED = {"en": "en/feeds/all", "fr": "fr/fils/articles"}
EVENTS_FEED = {"en": "en/feeds/events", "fr": "fr/fils/evenements"}


def feed_files(output: Path) -> list[Path]:
    return sorted(path for folder in FEEDS.values() for path in (output / folder).glob("**/*.xml"))
