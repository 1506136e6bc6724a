"""Every snippet of the demo, read back by real renderers, and the short text's limit."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import bbcode
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from language_check import text_findings
from markdown_it import MarkdownIt

from announcements.collect import Announcement, offered
from announcements.escaping import one_line
from announcements.feed import announcement_feeds
from announcements.formats import SHORT_LIMIT, Footer, Message, length, render_short, short_overflow
from relais.site import Site

COMMONMARK = MarkdownIt("commonmark")
DISCOURSE_LIKE = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")
PORTABLE_TAGS = {"b", "i", "u", "url", "list", "*", "quote"}
ANY_TAG = re.compile(r"\[(/?)([a-z*]+)(?:=[^\]]*)?\]", re.IGNORECASE)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.text: list[str] = []
        self.inside: list[str] = []
        self.by_tag: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")
        self.inside.append(tag)
        self.by_tag.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.inside:
            self.inside.remove(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for tag in self.inside:
            self.by_tag[tag][-1] += data


def read(rendered: str) -> _Page:
    page = _Page()
    page.feed(rendered)
    page.close()
    return page


@pytest.fixture(scope="module")
def announcements(demo: Site) -> list[Announcement]:
    found = offered(demo, demo.settings)
    assert {a.lang for a in found} == {"en", "fr"} and len(found) >= 6
    return found


def test_bbcode_snippets_use_only_portable_tags(announcements: list[Announcement]) -> None:
    for announcement in announcements:
        tags = {name.lower() for _slash, name in ANY_TAG.findall(announcement.snippets["bbcode"])}
        assert tags <= PORTABLE_TAGS, (announcement.slug, tags)


def test_bbcode_snippets_render_with_a_real_bbcode_parser(announcements: list[Announcement]) -> None:
    for announcement in announcements:
        page = read(bbcode.Parser().format(announcement.snippets["bbcode"]))
        shown = "".join(page.text)
        assert not ANY_TAG.search(shown), f"unrendered tag in {announcement.slug}: {shown}"
        assert page.links == [announcement.link]
        assert page.by_tag["strong"] == [announcement.headline]
        footer = announcement.footer
        assert footer is not None
        assert page.by_tag["em"] == [footer.about]
        assert page.by_tag["li"] == footer.contact
        assert footer.promise in shown


@pytest.mark.parametrize("renderer", [COMMONMARK, DISCOURSE_LIKE], ids=["commonmark", "linkify"])
def test_markdown_snippets_render_the_same_links_and_emphasis(
    announcements: list[Announcement], renderer: MarkdownIt
) -> None:
    for announcement in announcements:
        rendered = renderer.render(announcement.snippets["markdown"])
        page = read(rendered)
        assert page.links == [announcement.link]
        assert page.by_tag["strong"] == [announcement.headline]
        assert announcement.footer is not None
        assert page.by_tag["em"] == [announcement.footer.about]
        assert page.by_tag["li"] == announcement.footer.contact
        assert rendered == COMMONMARK.render(announcement.snippets["markdown"])  # nothing extra gets linked


def test_plain_text_is_the_writer_text_the_link_and_the_footer(announcements: list[Announcement]) -> None:
    for announcement in announcements:
        text = announcement.snippets["text"]
        footer = announcement.footer
        assert footer is not None
        assert text.startswith(announcement.headline + "\n\n")
        assert f"\n\n{announcement.link}\n\n" in text
        assert text.endswith("\n".join(f"- {way}" for way in footer.contact) + "\n")


def test_short_texts_fit_in_280_characters_with_link_and_footer(announcements: list[Announcement]) -> None:
    for announcement in announcements:
        short = announcement.snippets["short"]
        assert length(short) <= SHORT_LIMIT and len(short) <= SHORT_LIMIT
        assert announcement.footer is not None
        assert short.startswith(announcement.headline)
        assert short.endswith(f"\n{announcement.link}\n{announcement.footer.short}\n")


def test_links_are_canonical_and_untracked(announcements: list[Announcement]) -> None:
    for announcement in announcements:
        assert announcement.link.startswith("https://lanterne.example.org/" + announcement.lang + "/")
        assert "?" not in announcement.link and "utm_" not in announcement.link
        for text in announcement.snippets.values():
            assert announcement.link in text


def test_every_snippet_passes_the_language_check(announcements: list[Announcement]) -> None:
    for announcement in announcements:
        for format_name, text in announcement.snippets.items():
            assert text_findings(text, announcement.lang) == [], (announcement.slug, format_name)


def test_characters_are_counted_as_the_strictest_counter_does() -> None:
    assert length("abc") == 3
    assert length("🌙") == 2  # one code point outside the BMP: two UTF-16 units
    assert length("e\u0301") == 2  # a letter and a combining accent
    assert length("👩🏽‍💻") == 7  # one visible emoji, five code points


FOOTER = Footer(
    about="We are a test.", promise="Free.", contact=["Text 514-555-0100"], short="Us: free. Text 514-555-0100."
)
LINK = "https://lanterne.example.org/en/posts/a-rather-long-address-for-a-post/"
characters = st.lists(
    st.sampled_from(["a", "é", "e\u0301", "🌙", "👩🏽‍💻", "🇨🇦", " ", "  ", "-", ",", ".", "! ", "漢", "\u200d"]),
    max_size=200,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(headline=characters.filter(str.strip), text=characters.filter(str.strip))
def test_short_text_never_exceeds_280_and_never_splits_a_character(headline: str, text: str) -> None:
    message = Message(headline, text, LINK, FOOTER)
    if short_overflow(headline, LINK, FOOTER):
        return  # the checks refuse such a headline
    short = render_short(message)
    assert length(short) <= SHORT_LIMIT
    first_line = short.split("\n")[0]
    assert LINK in short and short.endswith(FOOTER.short + "\n")
    if " — " in first_line:
        kept = first_line.split(" — ", 1)[1].removesuffix("…")
        words = one_line(text)  # NFC, single spaces: what the formats start from
        base = kept.rstrip(" ,;:—–-")
        assert words.startswith(base), "the text is only ever shortened"
        assert words[len(base) : len(base) + 1] in {"", *" ,;:—–-"}, "…and cut between words only"


def test_feed_items_are_newest_first_with_stable_ids(demo: Site) -> None:
    (feed,) = announcement_feeds(demo, {**demo.settings, "DEFAULT_LANG": "fr"}, {})
    items = feed.items
    assert [item.published for item in items] == sorted((item.published for item in items), reverse=True)
    assert items[0].title == "17 décembre : on se souvient ensemble"
    assert len({item.id for item in items}) == len(items)
    assert all(item.id.startswith("tag:lanterne.example.org,") and "fr/announcements/" in item.id for item in items)
    peer = next(item for item in items if "rencontres-entre-pairs" in item.link)
    assert peer.summary.startswith("Rencontre entre pairs ce jeudi 26 novembre\n\n")
