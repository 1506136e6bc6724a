"""Links to other sites carry ``rel="noopener noreferrer"``.

Applied to every HTML file Pelican writes (bodies and every template), so a
link added by any feature is covered.  ``<meta name="referrer">`` already
asks browsers not to send our address; the ``rel`` says it per link too, for
browsers and tools that look at the link.
"""

from __future__ import annotations

from .html_tags import rewrite_tags
from .policy import other_host

REL = ("noopener", "noreferrer")


def mark_outbound_links(html: str, ours: frozenset[str]) -> str:
    def with_rel(attributes: dict[str, str]) -> dict[str, str] | None:
        if other_host(attributes.get("href", ""), ours) is None:
            return None
        tokens = attributes.get("rel", "").split()
        missing = [token for token in REL if token not in tokens]
        if not missing:
            return None
        return {**attributes, "rel": " ".join([*tokens, *missing])}

    return rewrite_tags(html, "a", with_rel)
