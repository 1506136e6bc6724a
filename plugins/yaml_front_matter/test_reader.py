"""Tests for the front matter reader, through a real Pelican build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import build_minimal, copy_minimal


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reader")
    content = copy_minimal(folder)
    # Files Pelican would read with its own readers must not slip through.
    (content / "posts/legacy.markdown").write_text("Title: Legacy\nDate: 2026-01-01\n\nLEGACY-BODY\n")
    (content / "pages/raw.html").write_text("<html><head><title>Raw</title></head><body>RAW-BODY</body></html>")
    return build_minimal(folder)


def test_authors_are_shown_by_display_name(site: Path) -> None:
    page = (site / "en/posts/peer-post/index.html").read_text()
    assert '<a href="/en/authors/moon/">Moon</a>' in page


def test_peer_posts_are_marked(site: Path) -> None:
    assert "Peer writer" in (site / "en/posts/peer-post/index.html").read_text()
    assert "Peer writer" not in (site / "en/posts/hello/index.html").read_text()


def test_category_label_in_each_language(site: Path) -> None:
    assert "News from the team" in (site / "en/posts/hello/index.html").read_text()
    assert "Nouvelles de l&#39;équipe" in (site / "fr/articles/bonjour/index.html").read_text()


def test_time_of_day_and_zone_are_kept(site: Path) -> None:
    assert 'datetime="2026-02-01T18:30:00-05:00"' in (site / "en/posts/peer-post/index.html").read_text()


def test_only_markdown_with_front_matter_is_read(site: Path) -> None:
    text = "".join(path.read_text() for path in site.rglob("*.html"))
    assert "LEGACY-BODY" not in text and "RAW-BODY" not in text
