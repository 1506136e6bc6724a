"""Spaces that never break where the language says a line must not break.

French puts a space inside « » and before : ; ! ?, and writes times as
``18 h 30``: a line that starts with "»", ":" or "30" reads as a mistake, so
those spaces become non-breaking ones (U+00A0), as the Office québécois de
la langue française recommends.  English keeps ``6:30 p.m.`` together.

Applied to every page of a language as it is written (``PAGE_FILTERS``), so
the theme's words, the fields and the bodies are all covered; only text is
changed, never tags, attributes or code (see :mod:`relais.html_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from relais.html_text import pieces

from .times import NBSP

_PAGE_LANGUAGE = re.compile(r"<html\b[^>]*?\blang=\"([A-Za-z-]+)\"", re.IGNORECASE)

_FRENCH = (
    (re.compile(r"« +"), f"«{NBSP}"),
    (re.compile(r" +»"), f"{NBSP}»"),
    # A space before a colon, semicolon, exclamation or question mark that ends a phrase.
    (re.compile(r"(?<=\S) +(?=[:;!?](?:\s|$|&nbsp;|[»)\]]))"), NBSP),
    # 18 h 30, 9 h: the hour, the h and the minutes stay together.
    (re.compile(r"\b(\d{1,2}) h (\d{2})\b"), rf"\1{NBSP}h{NBSP}\2"),
    (re.compile(r"\b(\d{1,2}) h\b"), rf"\1{NBSP}h"),
)
_ENGLISH = ((re.compile(r"\b(\d{1,2}(?::\d{2})?) +([ap]\.m\.|[ap]m\b)", re.IGNORECASE), rf"\1{NBSP}\2"),)
_RULES = {"fr": _FRENCH, "en": _ENGLISH}


def page_language(html: str) -> str:
    """The language of a page, from its ``<html lang>`` ("fr" for fr-CA)."""
    match = _PAGE_LANGUAGE.search(html, 0, 2000)
    return match.group(1).split("-")[0].lower() if match else ""


def keep_together(html: str, relative_path: str, settings: dict[str, Any]) -> str:
    """The page with non-breaking spaces where its language wants them."""
    rules = _RULES.get(page_language(html))
    if not rules:
        return html
    return "".join(
        piece.markup if not piece.is_text or piece.closed else _apply(rules, piece.markup) for piece in pieces(html)
    )


def _apply(rules: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...], text: str) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text
