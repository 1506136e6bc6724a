"""Walk the text of HTML we made, between its tags, to change words without touching markup.

For filters that work on what readers read (phone numbers made links,
French spacing): the HTML is cut at its tags (quoted attribute values may
hold ``>``), each piece is given as it is, and text inside elements where it
must stay exactly as written (code, preformatted text, links for some
filters) is marked, so that the filter leaves it alone.  Nothing is
re-serialised: tags come out byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Start and end tags, comments, doctypes.
_TAG = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<!--.*?-->|<![^>]*>""", re.DOTALL)
# Text that is code or not text at all: never change it.
VERBATIM = frozenset({"code", "pre", "kbd", "samp", "var", "script", "style", "textarea", "title"})


@dataclass(frozen=True)
class Piece:
    """A tag or a run of (HTML-escaped) text; ``closed`` text is inside one of the elements asked about."""

    markup: str
    tag: str = ""  # the element's name, lower case, for a tag
    is_end: bool = False
    closed: bool = False

    @property
    def is_text(self) -> bool:
        return not self.markup.startswith("<")


def pieces(markup: str, closed_in: frozenset[str] = VERBATIM) -> Iterator[Piece]:
    """The tags and the text runs of ``markup``, in order; text inside ``closed_in`` elements is ``closed``."""
    depth = 0
    position = 0
    for match in _TAG.finditer(markup):
        if match.start() > position:
            yield Piece(markup[position : match.start()], closed=depth > 0)
        name = (match.group(2) or "").lower()
        is_end = bool(match.group(1))
        if name in closed_in and not match.group(0).endswith("/>"):
            depth = max(0, depth + (-1 if is_end else 1))
        yield Piece(match.group(0), name, is_end)
        position = match.end()
    if position < len(markup):
        yield Piece(markup[position:], closed=depth > 0)
