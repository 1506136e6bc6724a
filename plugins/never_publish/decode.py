"""Escapes a browser, a script, a feed reader or a calendar decodes before a reader sees the text.

``Luci\\u006fles`` in a script, ``Luci\\6f les`` in a stylesheet,
``Luci&#111;les`` in a page, ``Luci%6Fles`` in an address, ``Luci\\r\\n oles``
folded in a calendar, ``[b]Luci[/b]oles`` in a forum post and a ``data:``
address all show "Lucioles".  Each function here undoes one kind; the
caller applies them again to what they give, so escapes inside escapes are
undone too.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import unicodedata
from urllib.parse import unquote, unquote_to_bytes

_SCRIPT_ESCAPE = re.compile(
    r"\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})"
    r"|N\{([A-Za-z0-9 \-]{1,80})\}|([0-7]{1,3})|(.))",
    re.DOTALL,
)
_SCRIPT_SINGLE = {"n": "\n", "r": "\r", "t": "\t", "f": "\f", "v": "\v", "b": "", "a": "", "\n": ""}
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(.))", re.DOTALL)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});?")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")
_FOLDED_LINE = re.compile(r"\r?\n[ \t]")  # iCalendar, vCard and mail headers fold long lines
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BBCODE_TAG = re.compile(r"\[/?([A-Za-z*]{1,10})(?:=([^\]\n]{0,2000}))?\]")
# Markdown's link and footnote marks: [Luci][1]oles, [Luci](/x)oles and Luci[^1]oles read "Lucioles".
_MARKDOWN_MARKS = re.compile(r"\[\^[^\]\n]{0,100}\]|\]\s?\[[^\]\n]{0,100}\]|\]\([^)\n]{0,2000}\)")
# Text forced right to left (U+202E … U+202C) shows its letters in reverse order.
_RIGHT_TO_LEFT = re.compile("\u202e([^\u202c\u202d\n]*)")
_DATA_URI = re.compile(r"data:([A-Za-z0-9.+/\-]*)((?:;[A-Za-z0-9.+=\-]*)*),([^\s\"'<>()`]*)", re.IGNORECASE)
_MAX_DATA = 8 * 1024 * 1024


def decoded_forms(text: str) -> list[str]:
    """The text with its escapes undone, once, as a script (or calendar) and as a stylesheet would.

    Each form also has its entities and %-escapes decoded, Markdown's link
    marks taken out and text forced right to left put in display order.
    Only forms that differ from the text are returned (at most two): an
    empty list means there is nothing to undo.
    """
    common = _FOLDED_LINE.sub("", text) if "\n" in text else text
    forms: list[str] = []
    candidates = [_script_unescape(common), _css_unescape(common)] if "\\" in common else [common]
    for candidate in candidates:
        decoded = _web_unescape(candidate)
        # Unfolding lines alone changes nothing a search would see: only escapes count.
        if decoded != common and decoded not in forms:
            forms.append(decoded)
    return forms


def without_markdown_marks(text: str) -> str:
    """The text with Markdown's link targets, reference labels and footnote marks taken out."""
    return _MARKDOWN_MARKS.sub("", text) if "]" in text else text


def as_displayed(text: str) -> str:
    """The text in the order it is displayed when part of it is forced right to left."""
    return _RIGHT_TO_LEFT.sub(lambda match: match.group(1)[::-1], text) if "\u202e" in text else text


def _web_unescape(text: str) -> str:
    """Entities, then %-escapes, then what Markdown and right-to-left marks hide."""
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    if "%" in text and _PERCENT.search(text):
        text = unquote(text, errors="replace")
    return as_displayed(without_markdown_marks(text))


def _script_unescape(text: str) -> str:
    decoded = _SCRIPT_ESCAPE.sub(_script_char, text)
    if _SURROGATE.search(decoded):  # \ud83d\ude00: a pair of UTF-16 halves
        decoded = decoded.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return decoded


def _script_char(match: re.Match[str]) -> str:
    braces, four, eight, two, name, octal, single = match.groups()
    if name is not None:
        try:
            return unicodedata.lookup(name)
        except KeyError:
            return match.group(0)
    if single is not None:
        return _SCRIPT_SINGLE.get(single, single)
    number = next(group for group in (braces, four, eight, two) if group is not None) if octal is None else None
    return _char(int(number, 16) if number is not None else int(octal, 8), match.group(0))


def _css_unescape(text: str) -> str:
    return _CSS_ESCAPE.sub(lambda m: _char(int(m.group(1), 16), m.group(0)) if m.group(1) else m.group(2), text)


def _char(code: int, written: str) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return written


def without_bbcode(text: str) -> tuple[str, list[str]] | None:
    """Forum markup (``[b]…[/b]``, ``[url=…]``) taken out, and the tags' values; None when there is none."""
    if "[" not in text or not _BBCODE_TAG.search(text):
        return None
    values = [match.group(2) for match in _BBCODE_TAG.finditer(text) if match.group(2)]
    return _BBCODE_TAG.sub("", text), values


def data_uris(text: str) -> list[tuple[str, bytes]]:
    """What each ``data:`` address holds, with its media type."""
    if "data:" not in text.lower():
        return []
    found = []
    for match in _DATA_URI.finditer(text):
        media, parameters, payload = match.group(1).lower(), match.group(2).lower(), match.group(3)[:_MAX_DATA]
        if "base64" in parameters:
            cleaned = re.sub(r"[^A-Za-z0-9+/_\-]", "", unquote(payload))
            try:
                data = base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), altchars=b"-_" if "-" in cleaned else None)
            except (binascii.Error, ValueError):
                continue
        else:
            data = unquote_to_bytes(payload)
        found.append((media, data))
    return found
