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


def feed_files(output: Path) -> list[Path]:
    return sorted(output.glob("*/feeds/**/*.xml"))
