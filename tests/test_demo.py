"""The demo site, built for real: what the foundation issue promises."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from relais.build import BuildOptions, check
from tests.helpers import DEMO_TODAY, ROOT, all_text


@pytest.fixture(scope="module")
def index():
    import datetime as dt

    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", today=dt.date.fromisoformat(DEMO_TODAY)))
    assert not result.problems.failed(strict=True), [p.format() for p in result.problems]
    return result.site.index


def test_demo_has_the_required_spread(index) -> None:
    posts = index.published("post")
    assert len(posts) >= 12
    assert len({(p.data.date.year, p.data.date.month) for p in posts}) >= 12
    assert sum(index.is_peer(p) for p in posts) >= 3
    pairs = Counter(p.translation_key for p in posts if p.translation_key)
    assert sum(1 for count in pairs.values() if count == 2) >= 4
    pages = {(p.translation_key, p.lang) for p in index.published("page")}
    assert {("about", "en"), ("about", "fr"), ("contact", "en"), ("contact", "fr")} <= pages


def test_demo_shows_unpublished_work_is_kept_back(index) -> None:
    statuses = Counter(entry.status for entry in index.entries if entry.type.name == "post")
    assert statuses["draft"] >= 1 and statuses["review"] >= 1


def test_unpublished_demo_posts_are_not_in_the_site(demo_site: Path) -> None:
    text = all_text(demo_site)
    for marker in [
        "This draft must never appear on the site.",
        "This post is waiting for review.",
        "Scheduled post for December.",
    ]:
        assert marker not in text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_lang = values.get("lang")
        for name in ("href", "src"):
            if values.get(name):
                self.targets.append(values[name] or "")


def _resolve(output: Path, url: str) -> Path:
    path = output / url.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0].lstrip("/")
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def test_every_internal_link_leads_to_a_file(demo_site: Path) -> None:
    broken = []
    for page in demo_site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            if target.startswith("/") and not _resolve(demo_site, target).is_file():
                broken.append(f"{page.relative_to(demo_site)} → {target}")
    assert not broken, broken


def test_every_page_declares_its_language(demo_site: Path) -> None:
    for page in demo_site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        expected = page.relative_to(demo_site).parts[0]
        assert parser.html_lang == (expected if expected in ("en", "fr") else "en"), page


def test_nothing_is_loaded_from_another_host(demo_site: Path) -> None:
    pattern = re.compile(r'<(?:script|link|img|iframe|source)[^>]+(?:src|href)="(?:https?:)?//', re.IGNORECASE)
    # A page's translations are announced with full addresses, as search engines want;
    # browsers load nothing from <link rel="alternate">.
    alternate = re.compile(r'<link rel="alternate" hreflang="[a-z-]+" href="https://lanterne\.example\.org/[^"]*">')
    for page in demo_site.rglob("*.html"):
        assert not pattern.search(alternate.sub("", page.read_text(encoding="utf-8"))), page


def test_noindex_post_says_so(demo_site: Path) -> None:
    noindexed = [p for p in demo_site.rglob("*.html") if '<meta name="robots" content="noindex">' in p.read_text()]
    # The bad date list's pages are noindex too (BAD_DATES_NOINDEX), and so are the report form and its answers.
    folders = ("/en/posts/", "/fr/articles/", "/en/bad-dates/", "/fr/mauvais-clients/", "/report/", "/signaler/")
    assert noindexed and all(any(folder in str(p) for folder in folders) for p in noindexed)
