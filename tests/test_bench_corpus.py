"""The benchmark's generated corpus (bench/corpus.py) stays a valid site, and plain Pelican reads the same posts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from bench.corpus import TODAY, make_posts, retitled, with_marker, write_pelican_site, write_relais_site
from tests.helpers import publish


@pytest.fixture(scope="module")
def posts() -> list:
    return make_posts(6)


def test_a_generated_site_passes_the_strict_check(tmp_path: Path, posts: list) -> None:
    site = write_relais_site(tmp_path / "relais", posts)
    site.write_post(retitled(with_marker(posts[2], "edited-once"), "edited-twice"))  # the bench's edits stay valid
    result = publish("check", "--settings", site.settings().name, "--today", TODAY, "--strict", cwd=site.root)
    # --strict turns warnings into errors: the corpus has neither, so the bench never times error output.
    assert result.returncode == 0, result.stderr
    search_off = publish("check", "--settings", site.settings(search=False).name, "--today", TODAY, cwd=site.root)
    assert search_off.returncode == 0, search_off.stderr


def test_posts_look_like_the_demo(posts: list) -> None:
    assert [post.lang for post in posts] == ["en", "fr"] * 3
    for english, french in zip(posts[::2], posts[1::2], strict=True):
        assert english.translation_key == french.translation_key and english.name != french.name
    for post in posts:
        assert 800 <= post.words <= 1050, post.name
        assert re.search(r"^## ", post.body, re.M) and re.search(r"^### ", post.body, re.M)
        assert re.search(r"^- ", post.body, re.M) and re.search(r"^1\. ", post.body, re.M)
        assert re.search(r"^> ", post.body, re.M)
        assert re.search(r"\]\(https://", post.body)
        assert f'<span lang="{"fr" if post.lang == "en" else "en"}">' in post.body
    assert "{filename}/posts/" + posts[0].name + ".md" in posts[2].body + posts[4].body


def test_the_same_seed_gives_the_same_posts_and_a_larger_corpus_starts_with_them(posts: list) -> None:
    assert make_posts(6) == posts
    assert make_posts(11)[:6] == posts
    assert make_posts(6, seed=1) != posts


def test_plain_pelican_builds_the_same_posts(tmp_path: Path, posts: list) -> None:
    site = write_pelican_site(tmp_path / "pelican", posts)
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", site.settings().name, "-o", "output"],
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr, result.stdout + result.stderr
    for post in posts:
        page = html.fromstring(site.built(post).read_bytes())
        text = " ".join(page.text_content().split())
        first_sentence = post.body.split(". ")[0]
        assert post.title in text and first_sentence in text, post.name
    english, french = posts[0], posts[1]
    links = html.fromstring(site.built(english).read_bytes()).xpath("//a/@href")
    assert site.url(french) in links  # Pelican paired the translations
    assert (site.output / "feeds" / "all.atom.xml").is_file()  # its default feeds are on
