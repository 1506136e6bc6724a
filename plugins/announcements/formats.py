"""One announcement, four ways: BBCode, Markdown, plain text and a short text.

Every format has the same parts in the same order: the headline (bold where
the format has bold), the writer's text, the full link, then the site's
footer (who we are; free, confidential, non-judgemental, people choose; how
to reach us).  BBCode uses only ``[b] [i] [u] [url] [list] [*] [quote]``,
which every major forum engine renders; Markdown only what CommonMark
(Discourse) and Reddit render alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field

from .escaping import escape_bbcode, escape_markdown, escape_markdown_link_text, one_line, paragraphs

SHORT_LIMIT = 280
ELLIPSIS = "…"


class Footer(BaseModel):
    """The end of every snippet in one language (``ANNOUNCEMENT_FOOTER`` in the settings)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = Field(min_length=1, description="Who we are, in one sentence.")
    promise: str = Field(
        min_length=1,
        description="That our services are free, confidential and non-judgemental, and people choose what they want.",
    )
    contact: list[str] = Field(min_length=1, description="How to reach us: one way per line.")
    short: str = Field(min_length=1, description="All of the above in one line, for the short text.")


@dataclass(frozen=True)
class Message:
    """What every format is made from: writer text, the link and the footer."""

    headline: str
    text: str
    link: str
    footer: Footer


def render_bbcode(message: Message) -> str:
    footer = message.footer
    link = _safe_link(message.link)
    blocks = [
        f"[b]{escape_bbcode(one_line(message.headline))}[/b]",
        *(escape_bbcode(paragraph) for paragraph in paragraphs(message.text)),
        f"[url={link}]{link}[/url]",
        f"[i]{escape_bbcode(one_line(footer.about))}[/i] {escape_bbcode(one_line(footer.promise))}",
        "[list]\n" + "\n".join(f"[*]{escape_bbcode(one_line(way))}" for way in footer.contact) + "\n[/list]",
    ]
    return _join(blocks)


def render_markdown(message: Message) -> str:
    footer = message.footer
    link = _safe_link(message.link)
    blocks = [
        f"**{escape_markdown(one_line(message.headline))}**",
        *(escape_markdown(paragraph) for paragraph in paragraphs(message.text)),
        f"[{escape_markdown_link_text(link)}]({link})",
        f"*{escape_markdown(one_line(footer.about))}* {escape_markdown(one_line(footer.promise))}",
        "\n".join(f"- {escape_markdown(one_line(way))}" for way in footer.contact),
    ]
    return _join(blocks)


def render_text(message: Message) -> str:
    footer = message.footer
    blocks = [
        one_line(message.headline),
        *paragraphs(message.text),
        message.link,
        f"{one_line(footer.about)} {one_line(footer.promise)}",
        "\n".join(f"- {one_line(way)}" for way in footer.contact),
    ]
    return _join(blocks)


def render_short(message: Message) -> str:
    """At most 280 characters, link, footer and final line break included; the text is cut at a word if needed."""
    headline = one_line(message.headline)
    tail = _short_tail(message.link, message.footer)
    room = SHORT_LIMIT - length(headline + tail) - len(" — ")
    return _join_short(headline, _cut(one_line(message.text), room), tail)


def short_overflow(headline: str, link: str, footer: Footer) -> int:
    """How many characters the short text is over 280 without any of the writer's text (0 when it fits)."""
    return max(0, length(_join_short(one_line(headline), "", _short_tail(link, footer))) - SHORT_LIMIT)


def _short_tail(link: str, footer: Footer) -> str:
    return f"\n{link}\n{one_line(footer.short)}\n"


def length(text: str) -> int:
    """Characters as the strictest counter counts them: UTF-16 code units.

    Browsers (``maxlength``) and JavaScript counters count UTF-16 code units,
    so an emoji such as 🌙 counts 2 and a skin-toned or combined emoji more.
    That is never fewer than the code points or the user-perceived
    characters other platforms count, so a text within the limit here fits
    everywhere.
    """
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, room: int) -> str:
    """The text, or its longest start of whole words followed by an ellipsis, within ``room``.

    Cutting only at spaces never splits an emoji or a letter from its accent.
    """
    if length(text) <= room:
        return text
    words = text.split(" ")
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(" ,;:—–-") + ELLIPSIS
        if words and length(candidate) <= room:
            return candidate
    return ""


def _join_short(headline: str, text: str, tail: str) -> str:
    return f"{headline} — {text}{tail}" if text else f"{headline}{tail}"


def _join(blocks: list[str]) -> str:
    return "\n\n".join(block for block in blocks if block) + "\n"


def _safe_link(link: str) -> str:
    """A link that cannot end a BBCode tag or a Markdown destination early.

    Canonical URLs never need it; it percent-encodes spaces, quotes,
    brackets and parentheses should a setting ever bring one.
    """
    return quote(link, safe=":/?#@!$&*+,;=%-._~")


RENDERERS: dict[str, Callable[[Message], str]] = {
    "bbcode": render_bbcode,
    "markdown": render_markdown,
    "text": render_text,
    "short": render_short,
}
# How each format's file ends: SLUG.LANG.bbcode.txt, SLUG.LANG.md.txt, …
FILE_SUFFIXES = {"bbcode": "bbcode.txt", "markdown": "md.txt", "text": "txt", "short": "short.txt"}
FORMATS = tuple(RENDERERS)
