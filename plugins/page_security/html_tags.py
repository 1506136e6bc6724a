"""Find and rewrite start tags in HTML we generated, without re-serialising it.

Rewriting whole pages through a parser would change their bytes everywhere;
these helpers touch only the tags asked for.  Quoted attribute values may
contain '>' (html5ever and Jinja leave it unescaped).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

_ATTRIBUTE = re.compile(r"""\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def start_tag_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"""<{name}\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)


def attributes_of(tag: str) -> dict[str, str]:
    """The tag's attributes, names lower-cased, values unescaped ('' when bare)."""
    body = tag[1:-1].rstrip("/")
    return {name.lower(): html.unescape((value or "").strip("\"'")) for name, value in _ATTRIBUTE.findall(body)}


def build_tag(name: str, attributes: dict[str, str]) -> str:
    rendered = "".join(f' {key}="{_escaped(value)}"' for key, value in attributes.items())
    return f"<{name}{rendered}>"


def rewrite_tags(text: str, name: str, change: Callable[[dict[str, str]], dict[str, str] | None]) -> str:
    """Rebuild each ``name`` tag whose attributes ``change`` returns; None leaves the tag as it was."""

    def replace(match: re.Match[str]) -> str:
        new = change(attributes_of(match.group(0)))
        return match.group(0) if new is None else build_tag(name, new)

    return start_tag_pattern(name).sub(replace, text)


def _escaped(value: str) -> str:
    """For a double-quoted attribute: apostrophes stay readable."""
    return html.escape(value, quote=False).replace('"', "&quot;")
