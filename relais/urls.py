"""Absolute, canonical URLs for what leaves the site: feeds, sitemap, exports, snippets.

Pages link with ``SITEURL`` (empty while previewing, so links work on any
local server); anything read elsewhere needs the public address, which is
Pelican's ``FEED_DOMAIN`` when set, else ``SITEURL``.
"""

from __future__ import annotations

from typing import Any


def public_base(settings: dict[str, Any]) -> str:
    base = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or ""
    return str(base).rstrip("/")


def public_url(settings: dict[str, Any], path: str) -> str:
    """``posts/x/`` or ``/posts/x/`` → ``https://example.org/posts/x/``."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{public_base(settings)}/{path.lstrip('/')}"
