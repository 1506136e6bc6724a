"""The demo's feeds, read by a real feed parser."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
import pytest
from PIL import Image

from relais.build import BuildOptions, check
from tests.feed_helpers import BLOG_FEED, EVENTS_FEED, FEEDS, PUBLIC, feed_files, output_file
from tests.helpers import DEMO_TODAY, ROOT, copy_minimal, publish, write

SUBSCRIBE = {"en": "en/subscribe/index.html", "fr": "fr/suivre/index.html"}
CALENDAR = {"en": "en/events/calendar.ics", "fr": "fr/evenements/calendrier.ics"}


@pytest.fixture(scope="module")
def index():
    import datetime as dt

    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", today=dt.date.fromisoformat(DEMO_TODAY)))
    return result.site.index


def category_slug(index, key: str, lang: str) -> str:
    """The slug of a topic's page in a language, which its feed's name follows."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Category

    return Category(index.config.category_label(key, lang), DEFAULT_CONFIG).slug


def parsed(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    return feed


def plain_spaces(text: str) -> str:
    """Babel's times hold narrow no-break spaces (6:30\u202fp.m.)."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_every_language_has_its_feeds(demo_site: Path) -> None:
    names = {path.relative_to(demo_site).as_posix() for path in feed_files(demo_site)}
    expected = {
        "en": ("en/feeds/all", "en/feeds/events", "en/feeds/categories/health", "en/feeds/categories/community"),
        # In French words, and each topic's feed named like its page (/fr/sujets/sante/).
        "fr": ("fr/fils/articles", "fr/fils/evenements", "fr/fils/sujets/sante", "fr/fils/sujets/communaute"),
    }
    for paths in expected.values():
        for path in paths:
            assert {f"{path}.atom.xml", f"{path}.rss.xml"} <= names


def test_every_feed_parses_without_error(demo_site: Path) -> None:
    for path in feed_files(demo_site):
        feed = parsed(path)
        assert feed.version == ("atom10" if path.name.endswith(".atom.xml") else "rss20"), path
        assert feed.entries, f"{path} is empty"


def test_the_blog_feed_has_every_post_newest_first(demo_site: Path, index) -> None:
    for lang in ("en", "fr"):
        posts = sorted(index.published("post", lang), key=lambda entry: entry.data.date, reverse=True)
        for kind in ("atom", "rss"):
            feed = parsed(demo_site / f"{BLOG_FEED[lang]}.{kind}.xml")
            assert [entry.title for entry in feed.entries] == [post.data.title for post in posts]
            dates = [entry.published_parsed for entry in feed.entries]
            assert dates == sorted(dates, reverse=True)


def test_category_feeds_hold_their_posts_only(demo_site: Path, index) -> None:
    for lang in ("en", "fr"):
        for key in index.config.CATEGORIES:
            posts = [post for post in index.published("post", lang) if post.data.category == key]
            topic = "categories" if lang == "en" else "sujets"
            path = demo_site / f"{FEEDS[lang]}/{topic}/{category_slug(index, key, lang)}.atom.xml"
            if not posts:
                assert not path.exists()
                continue
            feed = parsed(path)
            assert sorted(entry.title for entry in feed.entries) == sorted(post.data.title for post in posts)
            label = index.config.category_label(key, lang)
            assert all(entry.tags[0].term == label for entry in feed.entries)


def test_feed_language_title_and_dates(demo_site: Path) -> None:
    atom = parsed(demo_site / "fr/fils/articles.atom.xml")
    rss = parsed(demo_site / "fr/fils/articles.rss.xml")
    assert atom.feed.language == "fr" and rss.feed.language == "fr"
    assert atom.feed.title == "Lanterne : tous les articles"
    # The feed's own date is its newest entry's, never the time of the build.
    assert atom.feed.updated_parsed == max(entry.updated_parsed for entry in atom.entries)
    assert rss.feed.updated_parsed == rss.entries[0].published_parsed
    assert all(entry.published.endswith(("-05:00", "-04:00")) for entry in atom.entries)


def test_authors_are_display_names_only(demo_site: Path, index) -> None:
    names = {author.data.name for author in index.authors.values()}
    for lang in ("en", "fr"):
        for kind in ("atom", "rss"):
            for entry in parsed(demo_site / f"{BLOG_FEED[lang]}.{kind}.xml").entries:
                assert entry.author and set(entry.author.split(", ")) <= names, entry.author
    raw = (demo_site / "en/feeds/all.rss.xml").read_text()
    assert "<author>" not in raw and "@" not in re.sub(r"tag:[^<]+|https://[^<\"]+", "", raw)


def test_ids_are_permanent_tags_not_permalinks(demo_site: Path) -> None:
    feed = parsed(demo_site / "en/feeds/all.rss.xml")
    assert all(entry.id.startswith("tag:lanterne.example.org,") for entry in feed.entries)
    guids = lxml.etree.parse(demo_site / "en/feeds/all.rss.xml").findall(".//item/guid")
    assert guids and all(guid.get("isPermaLink") == "false" for guid in guids)
    ids = [entry.id for path in BLOG_FEED.values() for entry in parsed(demo_site / f"{path}.atom.xml").entries]
    assert len(ids) == len(set(ids))


def test_every_link_is_absolute_and_leads_to_a_built_file(demo_site: Path) -> None:
    for path in feed_files(demo_site):
        feed = parsed(path)
        links = [link.href for link in feed.feed.links]
        for entry in feed.entries:
            links.append(entry.link)
            for content in entry.get("content", []):
                fragment = lxml.html.fragment_fromstring(content.value, create_parent="div")
                links += [url for element in fragment.iter() for name in ("href", "src") if (url := element.get(name))]
        for url in links:
            if url.startswith(PUBLIC):
                assert output_file(demo_site, url).is_file(), f"{path.name}: {url}"
            else:
                assert url.startswith(("https://", "http://", "sms:", "tel:")), f"{path.name}: relative link {url}"


def test_events_feed_announces_each_date_ahead(demo_site: Path) -> None:
    feed = parsed(demo_site / "en/feeds/events.atom.xml")
    titles = [plain_spaces(entry.title) for entry in feed.entries]
    # Dates within 30 days of 2026-11-22, latest announced first.
    assert titles == [
        "December 17: International Day to End Violence Against Sex Workers — Thursday, December 17, 2026",
        "Workshop: online ads and privacy — Saturday, December 5, 2026, 1 p.m. – 4 p.m.",
        "Peer gathering — Thursday, November 26, 2026, 6:30 p.m. – 8:30 p.m.",
    ]
    gathering = feed.entries[2]
    assert "At the drop-in centre. The address is given in person or by phone" in gathering.content[0].value
    assert gathering.id.endswith(":en/events/peer-gathering/2026-11-26T1830")
    french = parsed(demo_site / f"{EVENTS_FEED['fr']}.rss.xml")
    assert plain_spaces(french.entries[-1].title) == "Rencontre entre pairs — jeudi 26 novembre 2026, 18 h 30 – 20 h 30"


def test_every_page_announces_its_language_feeds(demo_site: Path) -> None:
    for lang in ("en", "fr"):
        for page in (demo_site / lang).rglob("*.html"):
            head = lxml.html.parse(str(page)).find("head")
            feeds = head.xpath("link[@rel='alternate'][@type]")
            for kind, mime in (("atom", "application/atom+xml"), ("rss", "application/rss+xml")):
                assert f"/{BLOG_FEED[lang]}.{kind}.xml" in [
                    link.get("href") for link in feeds if link.get("type") == mime
                ]
            # A feed is not a translation of the page: search engines must not read it as one.
            assert not [link for link in feeds if link.get("hreflang")], page
    health = (demo_site / "en/categories/health/index.html").read_text()
    assert 'href="/en/feeds/categories/health.atom.xml"' in health
    assert "categories/health.atom.xml" not in (demo_site / "en/index.html").read_text()


def test_a_feed_reader_finds_the_feeds_from_each_home_page(demo_site: Path) -> None:
    for lang in ("en", "fr"):
        home = lxml.html.parse(str(demo_site / lang / "index.html"))
        found = home.xpath("//head/link[@rel='alternate'][@type='application/atom+xml' or @type='application/rss+xml']")
        assert len(found) == 4
        for link in found:
            assert parsed(demo_site / link.get("href").lstrip("/")).entries


def test_the_follow_page_lists_every_feed(demo_site: Path) -> None:
    for lang in ("en", "fr"):
        page = (demo_site / SUBSCRIBE[lang]).read_text(encoding="utf-8")
        for path in feed_files(demo_site):
            relative = path.relative_to(demo_site).as_posix()
            if relative.startswith(lang + "/"):
                assert f'href="/{relative}"' in page and f"{PUBLIC}/{relative}" in page
        assert f'href="/{CALENDAR[lang]}"' in page
    assert "Un fil (ou flux) permet de suivre ce site" in (demo_site / SUBSCRIBE["fr"]).read_text()


POST_WITH_LINKS = """---
title: {title}
date: 2026-01-20
authors: [ana]
category: news
summary: Links & more.
lang: en
status: published
---

See [about](/en/about/), [the other post](../hello/), [a note](#note) and ![a lantern](/images/lantern.png).
"""


def _build(content: Path, output: Path) -> None:
    result = publish("build", "--content", str(content), "--output", str(output), "--today", "2026-02-15")
    assert result.returncode == 0, result.stderr


def test_links_in_content_become_absolute_and_ids_survive_a_new_title(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    (content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (8, 8), "orange").save(content / "images/lantern.png")
    write(content, "posts/with-links.md", POST_WITH_LINKS.format(title="First title"))
    _build(content, tmp_path / "one")
    write(content, "posts/with-links.md", POST_WITH_LINKS.format(title="A better title"))
    _build(content, tmp_path / "two")
    before, after = (
        next(e for e in parsed(tmp_path / name / "en/feeds/all.atom.xml").entries if e.link.endswith("/with-links/"))
        for name in ("one", "two")
    )
    assert before.title == "First title" and after.title == "A better title"
    assert before.id == after.id
    html = after.content[0].value
    for url in (
        f"{PUBLIC}/en/about/",
        f"{PUBLIC}/en/posts/hello/",
        f"{PUBLIC}/en/posts/with-links/#note",
        f"{PUBLIC}/images/lantern.png",
    ):
        assert f'"{url}"' in html, html


ATOM_GRAMMAR = ROOT / "tests/fixtures/schemas/atom.rng"


def test_atom_feeds_follow_the_rfc_4287_grammar(demo_site: Path) -> None:
    grammar = lxml.etree.RelaxNG(lxml.etree.parse(str(ATOM_GRAMMAR)))
    atom_files = [path for path in feed_files(demo_site) if path.name.endswith(".atom.xml")]
    assert atom_files
    for path in atom_files:
        assert grammar.validate(lxml.etree.parse(str(path))), f"{path}: {grammar.error_log.last_error}"
    # The grammar does reject a feed without its id.
    broken = lxml.etree.parse(str(atom_files[0]))
    feed_id = broken.getroot().find("{http://www.w3.org/2005/Atom}id")
    broken.getroot().remove(feed_id)
    assert not grammar.validate(broken)
