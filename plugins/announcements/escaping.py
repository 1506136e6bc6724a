"""Writer text made safe for forums: it reads the same and never becomes markup.

Forum engines disagree on almost everything, so each format escapes the
characters that any of them could read as markup:

- Markdown (CommonMark/Discourse and Reddit): a backslash before a character
  that is markup somewhere.  Only characters that both CommonMark and Reddit
  accept after a backslash are escaped (``\\`*_[]()#+-.!:|&<>^~``), so the
  backslash itself never shows.
- BBCode has no escape character: an invisible ZERO WIDTH SPACE after ``[``
  stops a tag from being recognised (``[b]`` stays text), and one inside
  ``https://`` and before the dots of a domain stops forums from turning a
  bare address into a link.
- Plain text is left as written: it is meant to be read, not parsed.

Web addresses in writer text are rejected by the checks (the announcement
links to its page by itself); the escaping is the safety net behind them.
"""

from __future__ import annotations

import re
import unicodedata

ZERO_WIDTH_SPACE = "\u200b"

# No-break spaces carry meaning in French typography ("Quand : …"); every
# other kind of space or line break is layout, and becomes one space.
_NO_BREAK_SPACES = "\u00a0\u2007\u202f"
_SPACES = re.compile(rf"[^\S{_NO_BREAK_SPACES}]+")
_PARAGRAPH_BREAK = re.compile(rf"\n(?:[^\S\n{_NO_BREAK_SPACES}]*\n)+")
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"})

# Always escaped in Markdown: emphasis, code, links, HTML, headings, quotes,
# Reddit tables, strike-through and superscript.
_MARKDOWN_ALWAYS = frozenset("\\`*_[]<>|~^#")
# Inside a line, '#' is plain text.
_MARKDOWN_INLINE = _MARKDOWN_ALWAYS - {"#"}
# HTML entities (&amp; &#169;) would turn into other characters.
_ENTITY = re.compile(r"&#?\w+;")
# At the start of a block: list items (- + 1. 1)) and thematic breaks.
_MARKDOWN_BLOCK_START = re.compile(r"^(?:[-+]|\d+(?=[.)]))")


def paragraphs(text: str) -> list[str]:
    """Writer text as paragraphs of single-spaced, NFC-normalised text.

    A blank line separates paragraphs; any other line break is a space, as it
    is in Markdown.  Invisible control characters are dropped.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").translate(_LINE_BREAKS)
    text = "".join(char for char in text if char.isspace() or unicodedata.category(char) != "Cc")
    blocks = (_SPACES.sub(" ", block).strip() for block in _PARAGRAPH_BREAK.split(text))
    return [block for block in blocks if block]


def one_line(text: str) -> str:
    """Writer text on a single line (headlines, the short text)."""
    return " ".join(paragraphs(text))


def escape_markdown(text: str) -> str:
    """One paragraph of writer text as Markdown that renders to that text."""
    out: list[str] = []
    for position, char in enumerate(text):
        following = text[position + 1 : position + 2]
        if (
            char in _MARKDOWN_ALWAYS
            or (char == "&" and _ENTITY.match(text, position))
            or (char in ".:" and _starts_link(char, following))
        ):
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    block_start = _MARKDOWN_BLOCK_START.match(escaped)
    if block_start:
        end = block_start.end()
        # "- x" → "\- x"; "1. x" → "1\. x"
        escaped = escaped[:end] + "\\" + escaped[end:] if escaped[0].isdigit() else "\\" + escaped
    return escaped


def escape_markdown_link_text(text: str) -> str:
    """A web address shown as the text of a Markdown link (no autolinking happens inside links)."""
    return "".join("\\" + char if char in _MARKDOWN_INLINE else char for char in text)


def escape_bbcode(text: str) -> str:
    """One paragraph of writer text as BBCode that renders to that text."""
    out: list[str] = []
    for position, char in enumerate(text):
        following = text[position + 1 : position + 2]
        if char == "[" or (char == ":" and _starts_link(char, following)):
            out.append(char + ZERO_WIDTH_SPACE)
        elif char == "." and _starts_link(char, following):
            out.append(ZERO_WIDTH_SPACE + char)
        else:
            out.append(char)
    return "".join(out)


def _starts_link(char: str, following: str) -> bool:
    """Could this colon or dot be part of a web address (``https:``, ``example.org``)?

    A colon followed by a letter or a slash (``https://``, ``:smile:`` emoji
    codes); a dot followed by a letter or digit (``example.org``).  Times
    (``18:30``) and the end of a sentence are left alone.
    """
    if not following or following.isspace():
        return False
    if char == ":":
        return not following.isdigit()
    return following.isalnum() or following == "_"
