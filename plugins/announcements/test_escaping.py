"""Writer text survives escaping into every format: rendered back by real parsers, it reads the same.

BBCode goes through the ``bbcode`` package (with its bare-address linker
on), Markdown through markdown-it-py in CommonMark mode and with linkify on,
as Discourse renders posts.  Whatever a writer types, the visible text comes
back unchanged and no markup (bold, links, lists, headings, quotes, HTML)
appears.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

import bbcode
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from announcements.escaping import (
    ZERO_WIDTH_SPACE,
    escape_bbcode,
    escape_markdown,
    one_line,
    paragraphs,
)

COMMONMARK = MarkdownIt("commonmark")
DISCOURSE_LIKE = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")
BBCODE = bbcode.Parser(replace_cosmetic=False)  # "--" → "–" is typography, not markup

# Pieces that are markup somewhere: BBCode tags, Markdown syntax, Reddit's
# superscript and spoilers, HTML, entities, addresses, emoji codes.
# fmt: off
TRICKY = [
    "[b]", "[/b]", "[url=https://x.org]", "[/url]", "[*]", "[list]", "[quote]", "[img]x[/img]",
    "**", "*", "__", "_", "`", "```", "~~", "~", "^", "^(up)", ">!", "!<", "> ", "#", "# ", "|", "| a |",
    "- ", "+ ", "* ", "1. ", "2) ", "---", "===", "\\", "\\*", "<b>", "</p>", "<!-- x -->", "<https://a.org>",
    "&amp;", "&#169;", "&copy;", "https://example.org/a_b", "http://x.y", "www.example.com", "example.org/",
    "a..com/", "x@y.com", ":smile:", ":)", "18:30", "[x](https://y.z)", "![i](j.png)", "[r]: https://q.r",
    "\n", "\n\n", "  ", "\t", "\u00a0", "\u202f", "«", "»", "“", "”", '"', "'", "é", "e\u0301", "🌙", "👩🏽‍💻",
    "(c)", "...", "a", "word", " ", "0", "9.", ".",
]
# fmt: on
writer_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
    st.lists(st.sampled_from(TRICKY), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=3)), max_size=10).map("".join),
)


class _Visible(HTMLParser):
    """The text a reader sees, and the tags around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible(rendered: str) -> tuple[str, list[str]]:
    parser = _Visible()
    parser.feed(rendered)
    parser.close()
    return "".join(parser.text), parser.tags


def without_zero_width_spaces(text: str) -> str:
    return text.replace(ZERO_WIDTH_SPACE, "")


def as_bbcode_typography(text: str) -> str:
    """The bbcode package turns "--" into "–" and "(c)" into "©" inside tags: typography, not markup."""
    for plain, typographic in bbcode.Parser.REPLACE_COSMETIC:
        text = text.replace(plain, html.unescape(typographic))
    return text


@settings(max_examples=300, deadline=None)
@given(writer_text)
@example("[b]bold[/b] *it* _u_ `c` # h > q | t ~~s~~ ^sup >!spoiler!< <i>x</i> &amp; https://x.org www.y.com")
@example("- item")
@example("1. one")
@example("a..com/ and foo.com/x")
def test_markdown_keeps_writer_text_as_text(text: str) -> None:
    for paragraph in paragraphs(text):
        escaped = escape_markdown(paragraph)
        for renderer in (COMMONMARK, DISCOURSE_LIKE):
            shown, tags = visible(renderer.render(escaped))
            assert tags == ["p"], (escaped, tags)
            assert shown.strip("\n") == paragraph, escaped


@settings(max_examples=300, deadline=None)
@given(writer_text)
def test_markdown_bold_headline_and_list_item_stay_whole(text: str) -> None:
    headline = one_line(text)
    if not headline:
        return
    shown, tags = visible(DISCOURSE_LIKE.render(f"**{escape_markdown(headline)}**"))
    assert tags == ["p", "strong"] and shown.strip("\n") == headline
    shown, tags = visible(DISCOURSE_LIKE.render(f"- {escape_markdown(headline)}"))
    assert tags == ["ul", "li"] and shown.strip("\n") == headline


@settings(max_examples=300, deadline=None)
@given(writer_text)
@example("[b]bold[/b] [url=https://x.org]x[/url] [list][*]a[/list] [quote]q[/quote] http://x.org www.y.com x.com/")
def test_bbcode_keeps_writer_text_as_text(text: str) -> None:
    for paragraph in paragraphs(text):
        escaped = escape_bbcode(paragraph)
        rendered = BBCODE.format(escaped)
        shown, tags = visible(rendered)
        assert tags == [], (escaped, rendered)
        assert without_zero_width_spaces(shown) == without_zero_width_spaces(paragraph)


@settings(max_examples=300, deadline=None)
@given(writer_text)
def test_bold_bbcode_headline_stays_whole(text: str) -> None:
    headline = one_line(text)
    if headline:
        shown, tags = visible(BBCODE.format(f"[b]{escape_bbcode(headline)}[/b]"))
        assert tags == ["strong"]
        expected = without_zero_width_spaces(headline)
        assert as_bbcode_typography(without_zero_width_spaces(shown)) == as_bbcode_typography(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Free, confidential, no judgement.",
        "Thursday 6:30 to 8:30 pm at the drop-in (no name needed)!",
        "Jeudi, de 18 h 30 à 20 h 30 : un repas, des nouvelles et du temps entre pairs.",
        "Text 514-555-0142; we answer 1 pm to 10 pm.",
    ],
)
def test_ordinary_sentences_are_left_as_written(text: str) -> None:
    assert escape_markdown(text) == text
    assert escape_bbcode(text) == text


def test_paragraphs_keep_blank_lines_and_no_break_spaces() -> None:
    text = "One\nline.\r\n\r\n  Two\u00a0:\tthree  \n\n\n"
    assert paragraphs(text) == ["One line.", "Two\u00a0: three"]
    assert paragraphs("e\u0301") == ["é"]  # NFC: one character, as most editors write it
    assert paragraphs("a\x00b\x07") == ["ab"]


def test_block_starts_are_escaped_where_they_would_be_lists_or_breaks() -> None:
    assert escape_markdown("- not a list") == "\\- not a list"
    assert escape_markdown("+ not a list") == "\\+ not a list"
    assert escape_markdown("2026. A year") == "2026\\. A year"
    assert escape_markdown("3) three") == "3\\) three"
    assert escape_markdown("# not a heading") == "\\# not a heading"
    assert escape_markdown("> not a quote") == "\\> not a quote"
