"""Phone numbers in text become links a phone can follow: ``tel:``, or ``sms:`` for a number to text.

Numbers are found with libphonenumber's rules (the ``phonenumbers``
package), for the site's region: only numbers that are valid there, so a
date, a postal code, an amount or a time is never taken for one.  A number
right after words about texting ("text us at", "textez au", "Texto :") gets
``sms:``; any other gets ``tel:``.

The HTML is rewritten only between its tags, never inside a link, code,
preformatted text or a button, and only in text: tags and attributes are
copied as they are.  It is applied after the sanitiser, to HTML that is
well formed.
"""

from __future__ import annotations

import html
import re

from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher, format_number

from relais.html_text import VERBATIM, pieces

# Where a number must stay as written: inside them, a link would be a link in a link, or change code.
_NO_LINKS = VERBATIM | {"a", "button"}
# Elements that start a new piece of text: words before them do not say how to use a number after them.
# A table row and a term with its definition stay one piece ("Texto | 514-555-0142").
_BREAKS = frozenset(
    {"p", "li", "br", "tr", "div", "blockquote", "section", "caption", "figcaption", "dl"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "hr"}
)
# Words that say a number is for texting, or for calling, in English and French.
_TEXT_WORDS = re.compile(r"\b(?:text|texts|texting|sms|texto|textos|textez|texter|message texte)\b", re.IGNORECASE)
_CALL_WORDS = re.compile(
    r"\b(?:call|calls|calling|phone|appel|appelez|appeler|appelle|t[ée]l[ée]phone|t[ée]l[ée]phonez|t[ée]l)\b",
    re.IGNORECASE,
)
# How far back words count, in characters (about five words).
_LOOK_BACK = 40


def link_phone_numbers(markup: str, region: str) -> str:
    """``markup`` with each valid phone number outside links and code made a ``tel:`` or ``sms:`` link."""
    out: list[str] = []
    before = ""  # the text since the last break or number, as readers read it
    for piece in pieces(markup, _NO_LINKS):
        if not piece.is_text:
            out.append(piece.markup)
            before = "" if piece.tag in _BREAKS else before
        elif piece.closed:
            out.append(piece.markup)
            before = (before + html.unescape(piece.markup))[-_LOOK_BACK:]
        else:
            linked, before = _linked(piece.markup, before, region)
            out.append(linked)
            before = before[-_LOOK_BACK:]
    return "".join(out)


def _linked(escaped: str, before: str, region: str) -> tuple[str, str]:
    """One run of text (HTML-escaped) with its numbers linked, and the words read since the last number."""
    text = html.unescape(escaped)
    if not any(character.isdigit() for character in text):
        return escaped, before + text
    matches = list(PhoneNumberMatcher(text, region, leniency=Leniency.VALID))
    if not matches:
        return escaped, before + text
    pieces: list[str] = []
    start = 0
    for match in matches:
        first = _number_start(match.start, match.raw_string)
        words = (before + text[start:first])[-_LOOK_BACK:]
        pieces.append(html.escape(text[start:first], quote=False))
        pieces.append(f'<a href="{_address(match.number, _is_for_texting(words))}">')
        pieces.append(html.escape(text[first : match.end], quote=False))
        pieces.append("</a>")
        start = match.end
        before = ""  # words before one number say nothing about the next
    pieces.append(html.escape(text[start:], quote=False))
    return "".join(pieces), text[start:]


def _number_start(start: int, raw: str) -> int:
    """Where the link starts: "(514-555-0187)" is a number in brackets, not "(514" as an area code."""
    return start + 1 if raw.startswith("(") and raw.count("(") > raw.count(")") else start


def _is_for_texting(words: str) -> bool:
    """Words about texting, and none about calling ("call or text" is a number to call)."""
    return bool(_TEXT_WORDS.search(words)) and not _CALL_WORDS.search(words)


def _address(number: object, texting: bool) -> str:
    if texting:
        return "sms:" + format_number(number, PhoneNumberFormat.E164)
    return format_number(number, PhoneNumberFormat.RFC3966)  # tel:+1-514-555-0187, with ;ext= when given
