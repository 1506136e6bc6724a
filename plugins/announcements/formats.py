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
from .shortening import cut

SHORT_LIMIT = 280


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
class Moment:
    """When the event an announcement is about happens next, in its language, on one line each.

    ``long``: "jeudi 17 décembre 2026, 18 h – 21 h"; ``short``, for the short
    text: "jeu. 17 déc., 18 h – 21 h".
    """

    long: str
    short: str


@dataclass(frozen=True)
class Message:
    """What every format is made from: writer text, the link, the footer, and an event's date and time."""

    headline: str
    text: str
    link: str
    footer: Footer
    when: Moment | None = None


@dataclass(frozen=True)
class Markup:
    """How a format escapes writer text and writes bold, italics, a link and a list."""

    escape: Callable[[str], str]
    bold: str  # a template with {}
    italic: str
    link: Callable[[str], str]
    bullet: str
    list_around: tuple[str, str] = ("", "")


def render(message: Message, markup: Markup) -> str:
    """The parts every format has, in the same order, each written in the format's markup."""
    footer = message.footer
    escape = markup.escape
    items = "\n".join(markup.bullet + escape(one_line(way)) for way in footer.contact)
    blocks = [
        markup.bold.format(escape(one_line(message.headline))),
        escape(message.when.long) if message.when else "",
        *(escape(paragraph) for paragraph in paragraphs(message.text)),
        markup.link(message.link),
        f"{markup.italic.format(escape(one_line(footer.about)))} {escape(one_line(footer.promise))}",
        markup.list_around[0] + items + markup.list_around[1],
    ]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _bbcode_link(link: str) -> str:
    link = _safe_link(link)
    return f"[url={link}]{link}[/url]"


def _markdown_link(link: str) -> str:
    link = _safe_link(link)
    return f"[{escape_markdown_link_text(link)}]({link})"


def _as_is(text: str) -> str:
    return text


BBCODE = Markup(escape_bbcode, "[b]{}[/b]", "[i]{}[/i]", _bbcode_link, "[*]", ("[list]\n", "\n[/list]"))
MARKDOWN = Markup(escape_markdown, "**{}**", "*{}*", _markdown_link, "- ")
TEXT = Markup(_as_is, "{}", "{}", _as_is, "- ")


def render_bbcode(message: Message) -> str:
    return render(message, BBCODE)


def render_markdown(message: Message) -> str:
    return render(message, MARKDOWN)


def render_text(message: Message) -> str:
    return render(message, TEXT)


def render_short(message: Message) -> str:
    """At most 280 characters, link, footer and final line break included; the text is cut at a word if needed.

    An event's date and time come first, right after the headline, so that
    cutting the text never loses them.
    """
    headline = _short_head(message.headline, message.when)
    tail = _short_tail(message.link, message.footer)
    room = SHORT_LIMIT - length(headline + tail) - len(" — ")
    return _join_short(headline, cut(one_line(message.text), room, length), tail)


def short_overflow(headline: str, link: str, footer: Footer, when: Moment | None = None) -> int:
    """How many characters the short text is over 280 without any of the writer's text (0 when it fits)."""
    return max(0, length(_join_short(_short_head(headline, when), "", _short_tail(link, footer))) - SHORT_LIMIT)


def _short_head(headline: str, when: Moment | None) -> str:
    return f"{one_line(headline)} — {when.short}" if when else one_line(headline)


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


def _join_short(headline: str, text: str, tail: str) -> str:
    return f"{headline} — {text}{tail}" if text else f"{headline}{tail}"


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
