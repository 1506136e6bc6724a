"""Links to other sites carry ``rel="noopener noreferrer"``.

Applied to every HTML file Pelican writes (bodies and every template), so a
link added by any feature is covered.  ``<meta name="referrer">`` already
asks browsers not to send our address; the ``rel`` says it per link too, for
browsers and tools that look at the link.
"""

from __future__ import annotations

import re

from .policy import other_host

REL = ("noopener", "noreferrer")
# A start tag whose attribute values may contain '>' inside quotes.
_ANCHOR = re.compile(r"""<a\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def mark_outbound_links(html: str, ours: frozenset[str]) -> str:
    return _ANCHOR.sub(lambda match: _with_rel(match.group(0), ours), html)


def _with_rel(tag: str, ours: frozenset[str]) -> str:
    attributes = {name.lower(): (value or "").strip("\"'") for name, value in _ATTRIBUTE.findall(tag[2:-1])}
    if other_host(attributes.get("href", ""), ours) is None:
        return tag
    tokens = attributes.get("rel", "").split()
    missing = [token for token in REL if token not in tokens]
    if not missing:
        return tag
    rel = " ".join([*tokens, *missing])
    if "rel" in attributes:
        return re.sub(r"""\srel\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""", f' rel="{rel}"', tag, count=1, flags=re.I)
    closing = "/>" if tag.endswith("/>") else ">"
    return f'{tag[: -len(closing)].rstrip()} rel="{rel}"{closing}'
