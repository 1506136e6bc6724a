"""A table of contents from a guide's rendered headings.

Every second- and third-level heading gets an ``id`` (Markdown's toc
extension usually gave it one already; a sanitiser may have removed it),
and the contents list links to them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from relais.slugs import slugify

_HEADING = re.compile(r"<h([23])(\s[^>]*)?>(.*?)</h\1>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Heading:
    level: int
    id: str
    text: str
    children: list[Heading] = field(default_factory=list)


def nested(headings: list[Heading]) -> list[Heading]:
    """Third-level headings under the second-level one before them."""
    top: list[Heading] = []
    for heading in headings:
        if heading.level == 3 and top:
            top[-1].children.append(heading)
        else:
            top.append(heading)
    return top


def with_heading_ids(body: str) -> tuple[str, list[Heading]]:
    """The body with an id on every h2 and h3, and the headings in order (flat)."""
    headings: list[Heading] = []
    used: set[str] = set(_ID.findall(body))

    def add_id(match: re.Match[str]) -> str:
        level, attributes, inner = int(match[1]), match[2] or "", match[3]
        text = html.unescape(_TAG.sub("", inner)).strip()
        found = _ID.search(attributes)
        if found:
            anchor = found[1]
        else:
            anchor = _unique(slugify(text, "section"), used)
            attributes = f' id="{anchor}"{attributes}'
        headings.append(Heading(level, anchor, text))
        return f"<h{level}{attributes}>{inner}</h{level}>"

    return _HEADING.sub(add_id, body), headings


def _unique(anchor: str, used: set[str]) -> str:
    candidate, number = anchor, 2
    while candidate in used:
        candidate, number = f"{anchor}-{number}", number + 1
    used.add(candidate)
    return candidate
