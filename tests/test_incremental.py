"""A build that reuses the last one's work gives the same site, byte for byte, as a build from nothing.

A generated site (bench/corpus.py: posts in both languages, with the demo's
services, events, guides, announcements and images) goes through a series of
edits.  After each one, the site is built twice: once where the previous
build left its output and cache, and once into a new folder with no previous
output (its values cache copied, so the comparison stays quick: what is
tested is the reuse of pages and files).  Both must be the same, file for
file.  At the end, a build with no cache at all must give the same site too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from bench.corpus import Post, make_posts, write_relais_site
from relais.build import BuildOptions, build
from relais.cache import DATABASE, cache_folder
from relais.incremental import STATE_FILE
from tests.helpers import ROOT, tree_digest

TODAY = dt.date(2026, 11, 22)


class Site:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.posts = make_posts(8)
        self.corpus = write_relais_site(root / "site", self.posts)
        self.theme = root / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        self.settings = root / "site" / "edited_settings.py"
        self.extra_settings = ""
        self.today = TODAY
        self.write_settings()
        self.rounds = 0

    @property
    def content(self) -> Path:
        return self.corpus.content

    def write_settings(self) -> None:
        self.settings.write_text(
            f"import sys\nsys.path.insert(0, {str(self.settings.parent)!r})\nfrom relais_settings import *\n"
            f"THEME = {str(self.theme)!r}\n{self.extra_settings}\n",
            encoding="utf-8",
        )

    def build(self, output: Path) -> None:
        options = BuildOptions(settings_file=self.settings, output_dir=output, today=self.today)
        result = build(options)
        assert result.built, [problem.format() for problem in result.problems]

    def check_cached_build_is_a_clean_build(self, what: str) -> None:
        self.rounds += 1
        cached = self.root / "output"
        self.build(cached)
        clean = self.root / f"clean-{self.rounds}"
        values = cache_folder(cached) / DATABASE
        if values.exists():  # the values only: no previous output, no ledger
            cache_folder(clean).mkdir(parents=True, exist_ok=True)
            with sqlite3.connect(values) as source, sqlite3.connect(cache_folder(clean) / DATABASE) as target:
                source.backup(target)
        self.build(clean)
        assert tree_digest(cached) == tree_digest(clean), what
        shutil.rmtree(clean)
        shutil.rmtree(cache_folder(clean), ignore_errors=True)


def _edit_post(site: Site, index: int, change: Callable[[Post], Post]) -> None:
    post = site.posts[index]
    site.posts[index] = change(post)
    site.corpus.write_post(site.posts[index])


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS: list[tuple[str, Callable[[Site], None]]] = [
    ("nothing changed", lambda site: None),
    ("a body", lambda site: _edit_post(site, 0, lambda p: dataclasses.replace(p, body=p.body + "\n\nA new line.\n"))),
    ("a title", lambda site: _edit_post(site, 1, lambda p: dataclasses.replace(p, title=p.title + " (again)"))),
    (
        "a date moved into the future",
        lambda site: _edit_post(site, 2, lambda p: dataclasses.replace(p, date=dt.datetime(2027, 1, 5, 9, 0))),
    ),
    ("a tag removed", lambda site: _edit_post(site, 3, lambda p: dataclasses.replace(p, tags=p.tags[1:]))),
    ("a file deleted", lambda site: site.corpus.post_path(site.posts[5]).unlink()),
    (
        "a translation added (the file written again, under another name)",
        lambda site: site.corpus.write_post(dataclasses.replace(site.posts[5], name="nouveau-nom")),
    ),
    (
        "a file renamed",
        lambda site: site.corpus.post_path(site.posts[6]).rename(site.content / "posts" / "renamed-post.md"),
    ),
    (
        "an image changed",
        lambda site: Image.new("RGB", (640, 400), "#3355cc").save(site.content / "images" / "hot-soup.jpg"),
    ),
    ("a day passed", lambda site: setattr(site, "today", TODAY + dt.timedelta(days=40))),
    (
        "a template changed",
        lambda site: _replace_in(site.theme / "templates" / "article.html", "</article>", "<p>.</p></article>"),
    ),
    (
        "a setting changed",
        lambda site: (setattr(site, "extra_settings", 'SITENAME = "Lanterne 2"'), site.write_settings()),
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("incremental"))
    site.build(site.root / "output")
    return site


def test_after_each_edit_a_cached_build_is_a_clean_build(site: Site) -> None:
    for what, edit in EDITS:
        edit(site)
        site.check_cached_build_is_a_clean_build(what)


def test_a_damaged_cache_is_a_full_build(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = cache_folder(site.root / "output")
    (cache / STATE_FILE).write_bytes(b"not a pickle")
    (cache / DATABASE).write_bytes(b"not a database" * 100)
    for template in (cache / "templates").glob("*"):
        template.write_bytes(b"\x00garbage")
    site.check_cached_build_is_a_clean_build("a damaged cache")
    monkeypatch.setenv("RELAIS_CACHE", "0")
    cold = site.root / "cold"
    site.build(cold)
    assert tree_digest(cold) == tree_digest(site.root / "output")
