"""URL-safe names made from titles and file names."""

from __future__ import annotations

import re

from unidecode import unidecode

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "untitled") -> str:
    """``Où manger gratuitement ?`` → ``ou-manger-gratuitement``; emoji are dropped."""
    ascii_text = unidecode(text, errors="ignore").lower()
    return _NOT_WORD.sub("-", ascii_text).strip("-") or fallback
